from flask_smorest import Blueprint

blp = Blueprint("auth", __name__, description="auth")
