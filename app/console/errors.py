"""Errors inside the console answer with a page, not the API's JSON envelope."""

from __future__ import annotations

from flask import render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app.console.blueprint import bp
from app.errors import DomainError

_TITLES = {
    403: "没有权限",
    404: "找不到该页面",
    405: "不支持该操作",
    409: "当前状态不允许此操作",
    422: "提交的内容有误",
    429: "操作太频繁",
}


@bp.errorhandler(CSRFError)
def csrf_error(error: CSRFError):
    return render_template(
        "console/error.html", title="页面已过期", message="页面已过期或来源不明，请刷新页面后重试。"
    ), 400


@bp.errorhandler(DomainError)
def domain_error(error: DomainError):
    return render_template(
        "console/error.html", title=_TITLES.get(error.status, "出错了"), message=error.message
    ), error.status


@bp.errorhandler(HTTPException)
def http_error(error: HTTPException):
    status = error.code or 500
    return render_template(
        "console/error.html",
        title=_TITLES.get(status, "出错了"),
        message=_TITLES.get(status, "请稍后再试"),
    ), status
