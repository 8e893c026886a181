from flask_smorest import Blueprint

blp = Blueprint("members", __name__, description="members")
