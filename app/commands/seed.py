import click
from flask.cli import AppGroup

seed_cli = AppGroup("seed", help="载入数据 (load data)")
