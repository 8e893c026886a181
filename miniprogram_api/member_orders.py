from flask_smorest import Blueprint

blp = Blueprint("member_orders", __name__, description="member_orders")
