"""Settings, read from environment variables (see README, "Configuration")."""

import ipaddress
import os
import tempfile
from pathlib import Path
from typing import ClassVar

BASE_DIR = Path(__file__).resolve().parent
DEV_SECRET_KEY = "dev-only-secret-key-change-me"


def _names(name: str) -> tuple[str, ...]:
    """A comma-separated list, e.g. "img.example.cn, cdn.example.cn"."""
    return tuple(part.strip() for part in os.environ.get(name, "").split(",") if part.strip())


def _flag(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


class Config:
    ENV_NAME = "development"
    SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", f"sqlite:///{BASE_DIR / 'instance' / 'app.db'}"
    )
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict] = {"pool_pre_ping": True}
    REDIS_URL = os.environ.get("REDIS_URL") or None
    # Stamps of the caches of ready answers (app/cache): files every worker of this server
    # reads; with REDIS_URL also a Redis hash, read at most every CACHE_SYNC_SECONDS.
    CACHE_STAMP_DIR: str | None = os.environ.get(
        "CACHE_STAMP_DIR", str(BASE_DIR / "instance" / "stamps")
    )
    CACHE_SYNC_SECONDS = float(os.environ.get("CACHE_SYNC_SECONDS", "0.5"))
    # How long a bearer token's user and roles are kept per process (0: read on every call).
    PRINCIPAL_CACHE_SECONDS = float(os.environ.get("PRINCIPAL_CACHE_SECONDS", "60"))

    WECHAT_APPID = os.environ.get("WECHAT_APPID")
    WECHAT_SECRET = os.environ.get("WECHAT_SECRET")
    WECHAT_API_BASE = os.environ.get("WECHAT_API_BASE", "https://api.weixin.qq.com")
    WECHAT_FAKE = _flag("WECHAT_FAKE")
    WECHAT_TIMEOUT_SECONDS = float(os.environ.get("WECHAT_TIMEOUT_SECONDS", "4"))
    # Subscribe-message templates: a JSON object from event name to template id
    # (app.notifications.templates); an event without one sends nothing.
    WECHAT_TEMPLATES = os.environ.get("WECHAT_TEMPLATES", "")
    # Which version of the mini-program a subscribe message or a venue's code opens: formal,
    # trial or developer.
    WECHAT_MINIPROGRAM_STATE = os.environ.get("WECHAT_MINIPROGRAM_STATE", "formal")
    # The mini-program page a venue's code (小程序码) opens, with the scene `v=<venue id>`.
    WECHAT_VENUE_PAGE = os.environ.get("WECHAT_VENUE_PAGE", "pages/venue/detail")
    # Venues' codes, drawn by WeChat once each: in Redis with REDIS_URL (every server), else
    # as files here (every worker of this server).
    VENUE_CODE_DIR: str | None = os.environ.get(
        "VENUE_CODE_DIR", str(BASE_DIR / "instance" / "venue-codes")
    )

    # The background worker (app.worker): its queue is in Redis with REDIS_URL, else in this
    # SQLite file (one server). QUEUE_STORAGE: auto, redis, sqlite or memory (tests).
    QUEUE_STORAGE = os.environ.get("QUEUE_STORAGE", "auto")
    QUEUE_SQLITE_PATH = os.environ.get("QUEUE_SQLITE_PATH", str(BASE_DIR / "instance" / "queue.db"))
    QUEUE_REDIS_URL = os.environ.get("QUEUE_REDIS_URL") or None
    WORKER_THREADS = int(os.environ.get("WORKER_THREADS", "2"))
    # The outbox: a worker holds a delivery this long; a failed send waits 30 s, 1 min, 2 min …
    # (at most an hour) and is dead after OUTBOX_MAX_ATTEMPTS tries.
    OUTBOX_LEASE_SECONDS = float(os.environ.get("OUTBOX_LEASE_SECONDS", "60"))
    OUTBOX_RETRY_SECONDS = float(os.environ.get("OUTBOX_RETRY_SECONDS", "30"))
    OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "8"))

    # Deadlines that act (app.orders.services.timeouts): an order nobody grabs goes back to
    # 待派单 after POOL_TIMEOUT_HOURS; an overdue order is escalated to staff, then after
    # ESCALATION_SECOND_HOURS (counted like its item's deadlines) to the street; the member
    # is reminded REMIND_BEFORE_HOURS before the completion deadline. WORKING_HOURS: the
    # working day (Beijing time) of items whose deadlines count working hours.
    POOL_TIMEOUT_HOURS = float(os.environ.get("POOL_TIMEOUT_HOURS", "24"))
    ESCALATION_SECOND_HOURS = float(os.environ.get("ESCALATION_SECOND_HOURS", "24"))
    REMIND_BEFORE_HOURS = float(os.environ.get("REMIND_BEFORE_HOURS", "2"))
    WORKING_HOURS = os.environ.get("WORKING_HOURS", "09:00-17:00")
    # 一键通 (app.devices): a press's order must be answered within DEVICE_RESPONSE_MINUTES; a
    # device with no heartbeat for DEVICE_SILENT_HOURS is flagged; a press orders the catalog
    # item named DEVICE_ITEM unless its device names another (else the catalog's first).
    DEVICE_RESPONSE_MINUTES = float(os.environ.get("DEVICE_RESPONSE_MINUTES", "15"))
    DEVICE_SILENT_HOURS = float(os.environ.get("DEVICE_SILENT_HOURS", "24"))
    DEVICE_ITEM = os.environ.get("DEVICE_ITEM", "助老志愿陪伴")
    # A content check slower than this accepts the text, marked for staff review.
    CONTENT_CHECK_TIMEOUT_SECONDS = float(os.environ.get("CONTENT_CHECK_TIMEOUT_SECONDS", "2"))

    TOKEN_MAX_AGE_SECONDS = int(os.environ.get("TOKEN_MAX_AGE_SECONDS", str(7 * 24 * 3600)))
    IDEMPOTENCY_TTL_HOURS = 24
    # An unclaimed redemption of the points mall expires after this many days, or at the end
    # of its reward's last day on offer, whichever comes first; its points come back.
    REDEMPTION_VALID_DAYS = int(os.environ.get("REDEMPTION_VALID_DAYS", "30"))
    # Activities: those signed up are reminded this many minutes before the start; a check-in
    # by location is within this many meters of the venue.
    ACTIVITY_REMINDER_MINUTES = int(os.environ.get("ACTIVITY_REMINDER_MINUTES", "120"))
    ACTIVITY_CHECKIN_RADIUS_M = int(os.environ.get("ACTIVITY_CHECKIN_RADIUS_M", "200"))
    # 微心愿: a wish's upper value in yuan, and the catalog item (by name) whose points its
    # member earns when it is fulfilled.
    WISH_MAX_VALUE_YUAN = int(os.environ.get("WISH_MAX_VALUE_YUAN", "200"))
    WISH_ITEM_NAME = os.environ.get("WISH_ITEM_NAME", "点亮微心愿")
    # A request whose path and query string are longer is refused with 414.
    MAX_URL_LENGTH = int(os.environ.get("MAX_URL_LENGTH", "4096"))
    # Hosts whose https photo addresses orders accept, and staff browsers load. Unset: any https
    # address is accepted (the contract's rule), and the console links it, never loads it.
    PHOTO_HOSTS = tuple(
        h.strip() for h in os.environ.get("PHOTO_HOSTS", "").split(",") if h.strip()
    )
    # The platform's own address: uploads are served under it, and its host counts as a photo
    # host. https in production; http only where development serves it.
    PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL") or None
    # Strict-Transport-Security on answers over https (0: none); production sends it.
    HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", "0"))
    # A request body over this many bytes is refused with 413 before it is read. The API's
    # bodies are small JSON; uploads have a limit of their own, MAX_UPLOAD_BYTES.
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_BODY_BYTES", str(256 * 1024)))

    # Image uploads (app.uploads): a body over MAX_UPLOAD_BYTES is refused with 413, an image
    # of more than MAX_IMAGE_PIXELS pixels (a decompression bomb) with 422; thumbnails fit in
    # THUMBNAIL_SIZE pixels. Files go to UPLOAD_DIR (served at PUBLIC_BASE_URL/media/) unless
    # UPLOAD_STORAGE is "s3", the default when S3_BUCKET is set: then to that bucket of any
    # S3-compatible service, their addresses under S3_PUBLIC_BASE_URL (a CDN or the bucket).
    MAX_UPLOAD_BYTES = int(os.environ.get("MAX_UPLOAD_BYTES", str(10 * 1024 * 1024)))
    MAX_IMAGE_PIXELS = int(os.environ.get("MAX_IMAGE_PIXELS", str(40_000_000)))
    THUMBNAIL_SIZE = int(os.environ.get("THUMBNAIL_SIZE", "480"))
    UPLOAD_RATE_LIMIT = os.environ.get("UPLOAD_RATE_LIMIT", "30 per minute")  # per user
    UPLOAD_STORAGE = os.environ.get("UPLOAD_STORAGE", "")  # local or s3; empty: as S3_BUCKET
    UPLOAD_DIR = os.environ.get("UPLOAD_DIR", str(BASE_DIR / "instance" / "uploads"))
    S3_BUCKET = os.environ.get("S3_BUCKET") or None
    S3_ENDPOINT_URL = os.environ.get("S3_ENDPOINT_URL") or None  # unset: AWS itself
    S3_REGION = os.environ.get("S3_REGION") or None
    S3_ACCESS_KEY_ID = os.environ.get("S3_ACCESS_KEY_ID") or None
    S3_SECRET_ACCESS_KEY = os.environ.get("S3_SECRET_ACCESS_KEY") or None
    S3_PUBLIC_BASE_URL = os.environ.get("S3_PUBLIC_BASE_URL") or None
    # The TrueType font (a .ttc's first face) the PDFs (app.records: 纪实手册, 反馈卡) embed for
    # Chinese text; when the file is missing, reportlab's built-in CID font STSong-Light.
    PDF_FONT_PATH = os.environ.get(
        "PDF_FONT_PATH", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
    )
    # How many reverse proxies (nginx, a load balancer) stand in front of the app: their
    # X-Forwarded-For is then trusted, so rate limits see the client's address, not theirs.
    PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "20 per minute")
    # A staff account is locked for LOGIN_LOCK_MINUTES after LOGIN_MAX_FAILURES wrong passwords.
    LOGIN_MAX_FAILURES = int(os.environ.get("LOGIN_MAX_FAILURES", "5"))
    LOGIN_LOCK_MINUTES = int(os.environ.get("LOGIN_LOCK_MINUTES", "15"))
    RATELIMIT_ENABLED = True
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI") or None
    # Without Redis: a file that every worker of this server counts in (app.rate_limit_store).
    RATELIMIT_LOCAL_URI = f"sqlitefile://{BASE_DIR / 'instance' / 'ratelimits.db'}"

    # 周六报到 (app.duties): how far from the liaison venue a member may report, in meters.
    CHECKIN_RADIUS_M = int(os.environ.get("CHECKIN_RADIUS_M", "300"))

    # Logs: "text" for people, "json" (one object a line) for a log collector.
    LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
    # Prometheus metrics at /metrics, for scrapers from these addresses or networks only.
    METRICS_ENABLED = _flag("METRICS_ENABLED", "1")
    METRICS_ALLOW = tuple(
        ipaddress.ip_network(name, strict=False)
        for name in _names("METRICS_ALLOW") or ("127.0.0.1", "::1")
    )

    # The console's session cookie (the API uses bearer tokens, no cookies).
    SESSION_COOKIE_NAME = "console_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _flag("SESSION_COOKIE_SECURE")
    PERMANENT_SESSION_LIFETIME = int(os.environ.get("CONSOLE_SESSION_SECONDS", str(12 * 3600)))
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session
    # Checked by the console's blueprint only: the API carries no cookies, nothing to forge.
    WTF_CSRF_CHECK_DEFAULT = False

    # flask-smorest / OpenAPI
    API_TITLE = "哨先队 社区服务平台 API"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/api/v1"
    OPENAPI_JSON_PATH = "openapi.json"
    OPENAPI_SWAGGER_UI_PATH = "/docs"
    OPENAPI_SWAGGER_UI_URL = "/static/swagger-ui/"  # vendored: the docs work offline
    # No call to validator.swagger.io.
    OPENAPI_SWAGGER_UI_CONFIG: ClassVar[dict] = {"validatorUrl": None}
    JSON_AS_ASCII = False

    @classmethod
    def validate(cls) -> None:
        """Refuse settings that are unsafe for this environment."""
        storage = cls.UPLOAD_STORAGE or ("s3" if cls.S3_BUCKET else "local")
        if storage not in {"local", "s3"}:
            raise RuntimeError(f"UPLOAD_STORAGE must be local or s3, not {storage!r}")
        if storage == "s3" and not (cls.S3_BUCKET and cls.S3_PUBLIC_BASE_URL):
            raise RuntimeError(
                "上传存到 S3 时必须设置 S3_BUCKET 和 S3_PUBLIC_BASE_URL "
                "(S3 storage needs S3_BUCKET and S3_PUBLIC_BASE_URL)"
            )


class DevelopmentConfig(Config):
    ENV_NAME = "development"


class TestingConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    WECHAT_FAKE = True
    RATELIMIT_ENABLED = False
    RATELIMIT_LOCAL_URI = "memory://"
    CACHE_STAMP_DIR = None  # stamps in memory: every test app is its own server
    VENUE_CODE_DIR = None  # venues' codes in memory, unless a test names a directory
    QUEUE_STORAGE = os.environ.get("TEST_QUEUE_STORAGE", "memory")
    UPLOAD_DIR = os.environ.get(
        "TEST_UPLOAD_DIR", str(Path(tempfile.gettempdir()) / "shaoxian-test-uploads")
    )


class ProductionConfig(Config):
    ENV_NAME = "production"
    SESSION_COOKIE_SECURE = _flag("SESSION_COOKIE_SECURE", "1")  # served over HTTPS
    HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))
    LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")

    @classmethod
    def validate(cls) -> None:
        super().validate()
        if not (cls.PUBLIC_BASE_URL or "").startswith("https://"):
            raise RuntimeError(
                "生产环境必须把 PUBLIC_BASE_URL 设为 https:// 开头的地址 "
                "(PUBLIC_BASE_URL must be an https address in production)"
            )
        if cls.S3_PUBLIC_BASE_URL and not cls.S3_PUBLIC_BASE_URL.startswith("https://"):
            raise RuntimeError(
                "生产环境的 S3_PUBLIC_BASE_URL 必须是 https:// 开头的地址 "
                "(S3_PUBLIC_BASE_URL must be an https address in production)"
            )
        if not cls.SECRET_KEY or cls.SECRET_KEY == DEV_SECRET_KEY:
            raise RuntimeError(
                "生产环境必须设置 SECRET_KEY 环境变量 (SECRET_KEY is required in production)"
            )
        if cls.WECHAT_FAKE:
            raise RuntimeError(
                "生产环境不允许 WECHAT_FAKE=1 (WECHAT_FAKE is refused in production)"
            )


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_from_env() -> type[Config]:
    name = os.environ.get("APP_ENV", "development")
    if name not in CONFIGS:
        raise RuntimeError(f"APP_ENV must be one of {sorted(CONFIGS)}, not {name!r}")
    return CONFIGS[name]
