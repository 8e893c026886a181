from flask_smorest import Blueprint

blp = Blueprint("staff_orders", __name__, description="staff_orders")
