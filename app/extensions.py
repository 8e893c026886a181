"""Extension objects, unbound: `create_app` binds them, so nothing here imports the app."""

from typing import TYPE_CHECKING

import flask_sqlalchemy.model
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from app.api import Api
from app.redis_store import RedisStore

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)

# The models' base class. mypy takes no instance attribute (`db.Model`) as a base class
# (python/mypy#8603), so it sees what db.Model is made of: Flask-SQLAlchemy's Model mixin
# on the declarative base. At run time it is db.Model itself.
if TYPE_CHECKING:

    class Model(flask_sqlalchemy.model.Model, Base):
        __abstract__ = True

else:
    Model = db.Model

migrate = Migrate()
api = Api()
limiter = Limiter(key_func=get_remote_address)
redis_store = RedisStore()
csrf = CSRFProtect()  # the console's forms (app.console.blueprint checks them)
