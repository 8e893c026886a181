"""Command line: `flask --app wsgi <command>`."""

from app.commands.device import device_cli
from app.commands.merchant import merchant_cli
from app.commands.seed import seed_cli
from app.commands.staff import staff_cli
from app.commands.unit import unit_cli
from app.commands.wechat import wechat_cli
from app.commands.worker import worker_cli

COMMANDS = [device_cli, merchant_cli, seed_cli, staff_cli, unit_cli, wechat_cli, worker_cli]
