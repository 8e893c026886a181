r"""The migrations build the models' schema on an empty database, and undo it.

Each test runs on its own empty database (a temporary SQLite file; a fresh PostgreSQL
database when TEST_DATABASE_URL is set), never on the shared `app` fixture's one.

While the models still change, the initial migration is regenerated rather than stacked:
`make migration`, which runs from the repository root (against an empty SQLite file):
    rm -f migrations/versions/*.py /tmp/migration.db
    DATABASE_URL=sqlite:////tmp/migration.db \
        .venv/bin/flask --app wsgi db migrate -m "initial schema"
    rm -f /tmp/migration.db
then read the new file and run `.venv/bin/pytest -q tests/test_migrations.py`, with
TEST_DATABASE_URL set too. `test_models_match_migrations` fails whenever a model changed
without a migration.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from app import create_app
from app.extensions import db
from tests.helpers.apps import BACKENDS, make_config
from tests.helpers.db import fresh_postgresql_database

MIGRATIONS = str(Path(__file__).resolve().parents[1] / "migrations")


@pytest.fixture(params=list(BACKENDS))
def empty_database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrations.db'}"
    else:
        with fresh_postgresql_database(BACKENDS["postgresql"]) as url:
            yield url


@pytest.fixture
def migrated_app(empty_database_url):
    app = create_app(make_config(empty_database_url))
    with app.app_context():
        assert _tables() == set(), "the database must start empty"
        upgrade(directory=MIGRATIONS)
        yield app
        db.session.remove()
        db.engine.dispose()


def _tables() -> set[str]:
    return set(inspect(db.engine).get_table_names())


def test_upgrade_builds_every_table(migrated_app):
    assert _tables() == set(db.metadata.tables) | {"alembic_version"}


def test_models_match_migrations(migrated_app):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": True}
        )
        diff = compare_metadata(context, db.metadata)
    assert diff == [], (
        "models and migrations disagree; regenerate the migration "
        "(see this file's docstring):\n" + "\n".join(map(str, diff))
    )


def test_downgrade_to_base_leaves_no_tables(migrated_app):
    downgrade(directory=MIGRATIONS, revision="base")
    assert _tables() - {"alembic_version"} == set()
    upgrade(directory=MIGRATIONS)  # and the way back up still works
    assert _tables() == set(db.metadata.tables) | {"alembic_version"}
