"""The real WeChat server API, reached through wechatpy at the configured base address.

wechatpy hard-codes https://api.weixin.qq.com; `ApiClient` moves every URL it uses (the client's,
its `wxa` API's and the access-token fetch) to `WECHAT_API_BASE`, so a local fake server can
stand in for WeChat in tests. Every failure becomes WechatCodeInvalid or WechatUnavailable."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection
from contextlib import contextmanager
from enum import StrEnum

import redis
import requests
from wechatpy import WeChatClient
from wechatpy.exceptions import WeChatClientException
from wechatpy.session import SessionStorage
from wechatpy.session.redisstorage import RedisStorage

from app.errors import WechatCodeInvalid, WechatUnavailable

log = logging.getLogger(__name__)

# WeChat is busy, failing or throttling us: the user may try again later.
BUSY_ERRCODES = frozenset({-1, 45009, 45011})
# Our own appid, secret or server address is wrong: an operator must act, not the user.
MISCONFIGURED_ERRCODES = frozenset({40002, 40013, 40125, 40164, 41002, 41004})
# The access token was replaced or has expired: drop it and fetch a new one.
TOKEN_ERRCODES = frozenset({40001, 40014, 42001})
# The text is risky (msg_sec_check version 1 answers with this errcode).
RISKY_CONTENT_ERRCODE = 87014
# The user has not accepted (or has used up) this subscribe message template.
SUBSCRIPTION_REFUSED_ERRCODE = 43101
# The mini-program version a code opens, by WECHAT_MINIPROGRAM_STATE.
ENV_VERSIONS = {"formal": "release", "trial": "trial", "developer": "develop"}


class TextVerdict(StrEnum):
    """msg_sec_check's `result.suggest`."""

    PASS = "pass"
    REVIEW = "review"  # let it through, but have a person look at it
    RISKY = "risky"


class ApiClient(WeChatClient):
    """wechatpy's client at a configurable base address, taking the stable access token.

    No automatic retry: a login answers within one timeout, and an expired token is retried
    once by `RealWechat`, not recursively."""

    expires_at: int | None  # wechatpy's: None until a token is fetched, or once it is dropped

    def __init__(
        self, appid: str, secret: str, api_base: str, session: SessionStorage, timeout: float
    ) -> None:
        super().__init__(appid, secret, session=session, timeout=timeout, auto_retry=False)
        self.api_base = api_base.rstrip("/")
        self.API_BASE_URL = f"{self.api_base}/cgi-bin/"
        self.wxa.API_BASE_URL = f"{self.api_base}/"

    def url(self, path: str) -> str:
        return f"{self.api_base}/{path}"

    def fetch_access_token(self) -> dict:
        """The stable token: workers that fetch it at the same time get the same token instead
        of invalidating each other's (as repeated /cgi-bin/token calls would)."""
        response = self._http.post(
            self.url("cgi-bin/stable_token"),
            timeout=self.timeout,
            json={"grant_type": "client_credential", "appid": self.appid, "secret": self.secret},
        )
        response.raise_for_status()
        result = self._handle_result(response)  # raises WeChatClientException on an errcode
        if not isinstance(result, dict) or not result.get("access_token"):
            raise WeChatClientException(None, "no access_token in the answer")
        expires_in = int(result.get("expires_in") or 7200)
        self.session.set(self.access_token_key, result["access_token"], expires_in)
        self.expires_at = int(time.time()) + expires_in
        return result


def _error_for(errcode: int | None, login: bool):
    if errcode is None or errcode in BUSY_ERRCODES:
        return _unavailable(errcode)
    if errcode in MISCONFIGURED_ERRCODES:
        log.error("wechat refuses our credentials or server address: errcode=%s", errcode)
        return _unavailable(errcode)
    # On login, every other errcode is about the code (40029 invalid, 40163 used, 40226 risky).
    return WechatCodeInvalid() if login else _unavailable(errcode)


def _unavailable(errcode: int | None) -> WechatUnavailable:
    error = WechatUnavailable()
    error.errcode = errcode
    return error


@contextmanager
def translated_errors(endpoint: str, login: bool = False):
    """Turn wechatpy, HTTP and Redis failures into the platform's errors. Logs the errcode and
    the exception class only: URLs and messages of requests carry the appid and secret."""
    try:
        yield
    except WeChatClientException as exc:
        status = getattr(exc.response, "status_code", None)
        log.warning(
            "wechat %s failed: errcode=%s errmsg=%s http=%s",
            endpoint,
            exc.errcode,
            exc.errmsg,
            status,
        )
        raise _error_for(exc.errcode, login) from None
    except (requests.RequestException, redis.RedisError, ValueError) as exc:
        log.warning("wechat %s failed: %s", endpoint, type(exc).__name__)
        raise WechatUnavailable() from None


class RealWechat:
    """The adapter's functions over a real (or fake-at-the-network) WeChat server."""

    def __init__(self, client: ApiClient, miniprogram_state: str = "formal") -> None:
        self.client = client
        self.miniprogram_state = miniprogram_state

    def code_to_session(self, code: str) -> tuple[str, str, str | None]:
        with translated_errors("jscode2session", login=True):
            # `access_token: None` keeps wechatpy from fetching a token first (jscode2session
            # needs none, and the fetch would double a login's wait); requests drops None.
            result = self.client.get(
                self.client.url("sns/jscode2session"),
                params={
                    "appid": self.client.appid,
                    "secret": self.client.secret,
                    "js_code": code,
                    "grant_type": "authorization_code",
                    "access_token": None,
                },
            )
            if not isinstance(result, dict) or not result.get("openid"):
                raise WeChatClientException(None, "no openid in the answer")
        return result["openid"], result.get("session_key", ""), result.get("unionid")

    def access_token(self) -> str:
        with translated_errors("access_token"):
            return self.client.access_token

    def access_token_expires_at(self) -> int | None:
        """When the token in use expires (Unix time): known from this process's own fetch,
        else from the time to live Redis keeps for a token another process fetched."""
        if self.client.expires_at:
            return self.client.expires_at
        session = self.client.session
        if not isinstance(session, RedisStorage):
            return None
        with translated_errors("access_token"):
            ttl = session.redis.ttl(session.key_name(self.client.access_token_key))
        return int(time.time()) + ttl if ttl > 0 else None

    def send_subscribe_message(
        self, openid: str, template_id: str, data: dict, page: str | None = None
    ) -> bool:
        """True when sent; False when the user has no subscription left (errcode 43101).
        Posted as WeChat documents it (wechatpy's helper sends no `miniprogram_state`)."""
        body = {"touser": openid, "template_id": template_id, "data": data, "lang": "zh_CN"}
        body["miniprogram_state"] = self.miniprogram_state
        if page:
            body["page"] = page
        result = self._with_token(
            "subscribe_send",
            lambda: self.client.post(self.client.url("cgi-bin/message/subscribe/send"), data=body),
            tolerated=(SUBSCRIPTION_REFUSED_ERRCODE,),
        )
        return result.get("errcode", 0) == 0

    def check_text(
        self, content: str, openid: str, scene: int, timeout: float | None = None
    ) -> TextVerdict:
        """WeChat's verdict on a user's text (msg_sec_check version 2), within `timeout`
        seconds; WechatUnavailable when WeChat fails, is slow or answers something else."""
        result = self._with_token(
            "msg_sec_check",
            lambda: _verdict_answer(
                self.client.post(
                    self.client.url("wxa/msg_sec_check"),
                    data={"content": content, "version": 2, "scene": scene, "openid": openid},
                    timeout=timeout or self.client.timeout,
                )
            ),
            tolerated=(RISKY_CONTENT_ERRCODE,),
        )
        if result.get("errcode") == RISKY_CONTENT_ERRCODE:
            return TextVerdict.RISKY
        return TextVerdict(result["result"]["suggest"])

    def get_wxa_code_unlimited(self, scene: str, page: str, width: int = 430) -> bytes:
        """The PNG of an unlimited mini-program code (getwxacodeunlimit) that opens `page` of
        the version WECHAT_MINIPROGRAM_STATE names with `scene`. Posted like wechatpy's
        `wxa.get_wxa_code_unlimited`, which sends no `env_version`; an answer in JSON
        (an errcode, or none and no image) is an error."""
        env_version = ENV_VERSIONS.get(self.miniprogram_state, "release")
        body: dict = {"scene": scene, "page": page, "width": width, "env_version": env_version}
        if env_version != "release":
            body["check_path"] = False  # the page need not be published yet
        result = self._with_token(
            "getwxacodeunlimit",
            lambda: _image(self.client.post(self.client.url("wxa/getwxacodeunlimit"), data=body)),
        )
        return result["image"]

    def _with_token(
        self, endpoint: str, call: Callable[[], dict], tolerated: Collection[int] = ()
    ) -> dict:
        """Run a call that carries the access token; a tolerated errcode is returned, not
        raised. A token that WeChat no longer accepts is dropped and the call made once more."""
        with translated_errors(endpoint):
            try:
                return self._retrying_stale_token(call)
            except WeChatClientException as exc:
                if exc.errcode in tolerated:
                    return {"errcode": exc.errcode}
                raise

    def _retrying_stale_token(self, call: Callable[[], dict]) -> dict:
        try:
            return call()
        except WeChatClientException as exc:
            if exc.errcode not in TOKEN_ERRCODES:
                raise
            log.info("wechat access token refused (errcode=%s): fetching a new one", exc.errcode)
            self.client.session.delete(self.client.access_token_key)
            self.client.expires_at = None
            return call()


def _verdict_answer(result) -> dict:
    """A version 2 answer names its verdict; anything else (an HTML page, a missing or
    unknown `suggest`) is a failure of WeChat's, not a verdict."""
    answer = result.get("result") if isinstance(result, dict) else None
    suggest = answer.get("suggest") if isinstance(answer, dict) else None
    if suggest not in {verdict.value for verdict in TextVerdict}:
        raise WeChatClientException(None, "no verdict in the answer")
    return result


def _image(result) -> dict:
    """wechatpy hands back the raw response when the answer is not JSON, i.e. an image."""
    if isinstance(result, requests.Response) and result.content:
        return {"image": result.content}
    raise WeChatClientException(None, "no image in the answer")
