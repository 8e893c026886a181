from flask_smorest import Blueprint

blp = Blueprint("staff", __name__, description="staff")
