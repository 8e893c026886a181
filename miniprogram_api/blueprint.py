"""The API's blueprint class: flask-smorest's, with a JSON parser that answers any body it
cannot parse as a 422 (too deeply nested for Python's parser included), never a 500, and
argument schemas built once rather than per request, and a "multipart" location (a form's
text and files together, one request body in the OpenAPI document)."""

from __future__ import annotations

import json
from typing import Any, ClassVar

import flask
import flask_smorest
from webargs import core
from webargs.flaskparser import FlaskParser, is_json_request
from webargs.multidictproxy import MultiDictProxy
from werkzeug.datastructures import CombinedMultiDict


class JsonBodyParser(FlaskParser):
    # "multipart": the text and file parts of one multipart/form-data body, in one schema.
    __location_map__ = {  # noqa: RUF012 - webargs declares it as an instance variable
        **FlaskParser.__location_map__,
        "multipart": "load_multipart",
    }

    def load_multipart(self, req: flask.Request, schema: Any) -> Any:
        return MultiDictProxy(CombinedMultiDict([req.form, req.files]), schema)

    def _raw_load_json(self, req: flask.Request) -> Any:
        if not is_json_request(req):
            return core.missing
        body = req.get_data(cache=True)  # over MAX_CONTENT_LENGTH: 413, before it is read
        try:
            return core.parse_json(body)
        except RecursionError as exc:
            raise json.JSONDecodeError("nested too deeply", doc=" ", pos=0) from exc


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = JsonBodyParser()
    DEFAULT_LOCATION_CONTENT_TYPE_MAPPING: ClassVar[dict[str, str]] = {
        **flask_smorest.Blueprint.DEFAULT_LOCATION_CONTENT_TYPE_MAPPING,
        "multipart": "multipart/form-data",
    }

    def arguments(self, schema: Any, *args: Any, **kwargs: Any) -> Any:
        # Given a class, webargs builds a schema on every request (a deep copy of each
        # field); one instance, made here, serves them all.
        if isinstance(schema, type):
            schema = schema()
        return super().arguments(schema, *args, **kwargs)
