"""Alembic environment for Flask-Migrate: `flask --app wsgi db upgrade|downgrade|migrate`.

The database URL and the metadata come from the Flask app, so the same migrations run on the
embedded SQLite database and on PostgreSQL. Batch mode (set in `migrate.init_app`) lets
SQLite alter tables.
"""

import logging

from alembic import context
from flask import current_app
from sqlalchemy.types import TypeDecorator

config = context.config
logger = logging.getLogger("alembic.env")
LOG_LEVELS = {
    "alembic": logging.WARNING,
    "alembic.env": logging.INFO,
    "alembic.runtime.migration": logging.INFO,
    "alembic.autogenerate.compare": logging.INFO,
    "flask_migrate": logging.INFO,
}


def configure_logging() -> None:
    """Quiet but clear: one INFO line per applied revision (and per detected change under
    `db migrate`), warnings from the rest of Alembic, SQL statements silent. Handlers already
    installed by the app or by pytest are kept."""
    if not logging.getLogger().handlers:
        logging.basicConfig(format="%(levelname)-5.5s [%(name)s] %(message)s")
    for name, level in LOG_LEVELS.items():
        logging.getLogger(name).setLevel(level)


def render_item(type_, obj, autogen_context):
    """Render app column types (e.g. UTCDateTime) as the plain SQLAlchemy type they store,
    so migration files never import application code."""
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl!r}"
    return False


def get_engine():
    return current_app.extensions["migrate"].db.engine


def get_metadata():
    return current_app.extensions["migrate"].db.metadata


def process_revision_directives(context_, revision, directives):
    """`db migrate` with no schema change writes no empty revision file."""
    if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
        directives[:] = []
        logger.info("No changes in schema detected.")


def run_migrations_offline() -> None:
    """`db upgrade --sql`: print the SQL instead of running it."""
    url = get_engine().url.render_as_string(hide_password=False)
    context.configure(
        url=url,
        target_metadata=get_metadata(),
        literal_binds=True,
        render_item=render_item,
        **current_app.extensions["migrate"].configure_args,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    conf_args = dict(current_app.extensions["migrate"].configure_args)
    conf_args.setdefault("process_revision_directives", process_revision_directives)
    conf_args.setdefault("render_item", render_item)
    with get_engine().connect() as connection:
        context.configure(connection=connection, target_metadata=get_metadata(), **conf_args)
        with context.begin_transaction():
            context.run_migrations()


configure_logging()
if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
