"""Log lines: human-readable in development, one JSON object a line in production; each
record carries the id of the request it was written in (`-` outside a request)."""

from __future__ import annotations

import logging
import sys

from pythonjsonlogger.orjson import OrjsonFormatter

from app.observability.request_log import current_request_id

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
# gunicorn.conf.py builds the same fields for gunicorn's own lines.
JSON_FIELDS = "%(levelname)s %(name)s %(process)d %(message)s %(request_id)s"
JSON_RENAMES = {"levelname": "level", "name": "logger"}
_base_factory = logging.getLogRecordFactory()


def _record_with_request_id(*args, **kwargs) -> logging.LogRecord:
    record = _base_factory(*args, **kwargs)
    record.request_id = current_request_id.get()
    return record


def formatter(log_format: str) -> logging.Formatter:
    if log_format == "json":
        return OrjsonFormatter(JSON_FIELDS, rename_fields=JSON_RENAMES, timestamp=True)
    return logging.Formatter(TEXT_FORMAT)


def stamp_request_ids() -> None:
    """A record factory rather than a handler's filter: records that reach other handlers
    (gunicorn's, pytest's) carry the request id too."""
    logging.setLogRecordFactory(_record_with_request_id)


def configure_logging(log_format: str, level: str) -> None:
    """One handler on the root logger, to stderr (journald or the container collects it);
    calling it again replaces it rather than adding another."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "is_platform_handler", False)]:
        root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter(log_format))
    handler.is_platform_handler = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    # Alembic announces its plugins at INFO when imported (in every worker); a migration
    # run still says what it applies (migrations/env.py turns that logger back on).
    logging.getLogger("alembic").setLevel(logging.WARNING)
