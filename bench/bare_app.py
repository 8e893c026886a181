"""The baseline: a bare Flask app with one JSON endpoint, served with the same gunicorn
settings as the platform. The gap between it and a real endpoint is the platform's own cost
(routing through flask-smorest, token check, database, serialisation)."""

from flask import Flask

app = Flask(__name__)


@app.get("/ping")
def ping():
    return {"ok": True, "items": [{"id": 1, "name": "测试"}]}
