"""A real local HTTP server that speaks the part of WeChat's server API the platform uses, so
that tests run the real wechatpy path over real sockets.

Login codes steer it: `bad…` → errcode 40029, `used…` → 40163, `busy…` → -1,
`boom…` → HTTP 500, `html…` → a non-JSON page, `slow…` → answers after `slow_seconds`;
any other code logs in the openid `openid-<code>`."""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from collections import Counter
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from app.clock import BEIJING

APPID, SECRET = "wx-test-appid", "test-app-secret"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR fake mini-program code"
REFUSING_OPENID = "openid-refuses-messages"
# Words in a text steer msg_sec_check: risky, review, v1's risky errcode 87014, errcode -1,
# HTTP 500, a non-JSON page, and an answer after `slow_seconds`.
RISKY_WORD = "违禁"
REVIEW_WORD = "待审"
V1_RISKY_WORD = "旧版违规"
BUSY_WORD = "繁忙"
BOOM_WORD = "崩溃"
HTML_WORD = "维护页"
SLOW_WORD = "迟缓"
TOKEN_SECONDS = 7200  # the expires_in of every access token issued


def printed_expiry(output: str) -> datetime | None:
    """The expiry `flask wechat check` printed (Beijing time), if it printed one."""
    found = re.search(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)（北京时间）到期", output)
    if found is None:
        return None
    return datetime.strptime(found.group(1), "%Y-%m-%d %H:%M:%S").replace(tzinfo=BEIJING)


class FakeWechatServer:
    def __init__(self) -> None:
        self.slow_seconds = 3.0
        self.reset()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeWechatServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def reset(self) -> None:
        # How subscribe/send answers: None (sent), an errcode, "down" (HTTP 502) or "hold"
        # (no answer until `release_sends`: a worker can be killed mid-send).
        self.send_failure: int | str | None = None
        self.released = threading.Event()
        self.delivered: list[dict] = []  # the subscribe messages WeChat accepted
        # getwxacodeunlimit answers this errcode instead of a code while it is set.
        self.wxacode_failure: int | None = None
        self.calls: Counter[str] = Counter()
        self.requests: list[dict] = []
        self.valid_tokens: set[str] = set()
        self._issued = 0
        self._lock = threading.Lock()

    def expire_tokens(self) -> None:
        """WeChat stops accepting every token issued so far (errcode 42001)."""
        self.valid_tokens.clear()

    def last(self, path: str) -> dict:
        return [r for r in self.requests if r["path"] == path][-1]

    def token_fetches(self) -> int:
        return self.calls["/cgi-bin/token"] + self.calls["/cgi-bin/stable_token"]

    # -- answers ----------------------------------------------------------------------------
    def answer(self, method: str, path: str, query: dict, body: dict) -> tuple[int, object]:
        route = _ROUTES.get((method, path))
        if route is None:
            return 404, {"errcode": 404, "errmsg": "no such api"}
        return route(self, query, body)

    def jscode2session(self, query: dict, body: dict):
        if (query.get("appid"), query.get("secret")) != (APPID, SECRET):
            return 200, {"errcode": 40125, "errmsg": "invalid appsecret"}
        code = query.get("js_code", "")
        if code.startswith("slow"):
            # A real sleep, on purpose: the platform's socket timeout is what is tested.
            time.sleep(self.slow_seconds)
        for prefix, answer in _LOGIN_FAILURES.items():
            if code.startswith(prefix):
                return answer
        return 200, {
            "openid": f"openid-{code}",
            "session_key": f"SESSION-KEY-{code}",
            "unionid": f"union-{code}",
        }

    def issue_token(self, credentials: dict):
        if (credentials.get("appid"), credentials.get("secret")) != (APPID, SECRET):
            return 200, {"errcode": 40125, "errmsg": "invalid appsecret"}
        with self._lock:
            self._issued += 1
            token = f"ACCESS-TOKEN-{self._issued}"
        self.valid_tokens.add(token)
        return 200, {"access_token": token, "expires_in": TOKEN_SECONDS}

    def with_token(self, query: dict, answer):
        if query.get("access_token") not in self.valid_tokens:
            return 200, {"errcode": 42001, "errmsg": "access_token expired"}
        return answer()

    def subscribe_send(self, query: dict, body: dict):
        def send():
            failure = self.send_failure
            if failure == "hold":
                self.released.wait(timeout=30)
                return 502, b"<html>502 Bad Gateway</html>"
            if failure == "down":
                return 502, b"<html>502 Bad Gateway</html>"
            if isinstance(failure, int):
                return 200, {"errcode": failure, "errmsg": "failed"}
            if body.get("touser") == REFUSING_OPENID:
                return 200, {"errcode": 43101, "errmsg": "user refuse to accept the msg"}
            self.delivered.append(body)
            return 200, {"errcode": 0, "errmsg": "ok", "msgid": len(self.delivered)}

        return self.with_token(query, send)

    def release_sends(self) -> None:
        self.released.set()

    def msg_sec_check(self, query: dict, body: dict):
        def check():
            if body.get("version") != 2 or not body.get("openid"):
                return 200, {"errcode": 47001, "errmsg": "data format error"}
            content = body.get("content", "")
            if SLOW_WORD in content:
                time.sleep(self.slow_seconds)  # real: the platform's timeout is what is tested
            for word, answer in _CHECK_FAILURES.items():
                if word in content:
                    return answer
            suggest, label = next(
                ((s, lab) for word, (s, lab) in _VERDICTS.items() if word in content),
                ("pass", 100),
            )
            result = {"suggest": suggest, "label": label}
            return 200, {"errcode": 0, "errmsg": "ok", "result": result, "trace_id": "t-1"}

        return self.with_token(query, check)

    def wxacode(self, query: dict, body: dict):
        def draw():
            if self.wxacode_failure is not None:
                return 200, {"errcode": self.wxacode_failure, "errmsg": "failed"}
            if len(body.get("scene", "")) > 32:
                return 200, {"errcode": 40169, "errmsg": "invalid length for scene"}
            return 200, PNG

        return self.with_token(query, draw)


_LOGIN_FAILURES = {
    "bad": (200, {"errcode": 40029, "errmsg": "invalid code"}),
    "used": (200, {"errcode": 40163, "errmsg": "code been used"}),
    "busy": (200, {"errcode": -1, "errmsg": "system error"}),
    "boom": (500, b"<html>502 Bad Gateway</html>"),
    "html": (200, b"<html>maintenance</html>"),
}

_VERDICTS = {RISKY_WORD: ("risky", 20006), REVIEW_WORD: ("review", 21000)}
_CHECK_FAILURES = {
    V1_RISKY_WORD: (200, {"errcode": 87014, "errmsg": "risky content"}),
    BUSY_WORD: (200, {"errcode": -1, "errmsg": "system error"}),
    BOOM_WORD: (500, b"<html>502 Bad Gateway</html>"),
    HTML_WORD: (200, b"<html>maintenance</html>"),
}

_ROUTES = {
    ("GET", "/sns/jscode2session"): FakeWechatServer.jscode2session,
    ("GET", "/cgi-bin/token"): lambda self, query, body: self.issue_token(query),
    ("POST", "/cgi-bin/stable_token"): lambda self, query, body: self.issue_token(body),
    ("POST", "/cgi-bin/message/subscribe/send"): FakeWechatServer.subscribe_send,
    ("POST", "/wxa/msg_sec_check"): FakeWechatServer.msg_sec_check,
    ("POST", "/wxa/getwxacodeunlimit"): FakeWechatServer.wxacode,
}


def _handler_for(fake: FakeWechatServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

        def _serve(self, method: str) -> None:
            parts = urlsplit(self.path)
            query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = json.loads(raw) if raw else {}
            fake.calls[parts.path] += 1
            fake.requests.append(
                {"method": method, "path": parts.path, "query": query, "body": body}
            )
            status, answer = fake.answer(method, parts.path, query, body)
            self._reply(status, answer)

        def _reply(self, status: int, answer) -> None:
            if isinstance(answer, bytes):
                payload = answer
                kind = "image/png" if answer.startswith(b"\x89PNG") else "text/html"
            else:
                payload, kind = json.dumps(answer, ensure_ascii=False).encode(), "application/json"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            # The client may have given up waiting (the `slow` code).
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(payload)

        def log_message(self, format, *args) -> None:
            pass

    return Handler
