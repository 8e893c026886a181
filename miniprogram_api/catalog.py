from flask_smorest import Blueprint

blp = Blueprint("catalog", __name__, description="catalog")
