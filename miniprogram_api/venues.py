from flask_smorest import Blueprint

blp = Blueprint("venues", __name__, description="venues")
