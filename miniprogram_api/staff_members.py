from flask_smorest import Blueprint

blp = Blueprint("staff_members", __name__, description="staff")
