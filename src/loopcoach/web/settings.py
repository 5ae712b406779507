"""Django settings, driven by environment variables with safe defaults.

The embedded default is SQLite in a local data folder; DATABASE_URL switches
to PostgreSQL for a team deployment. See the README for every setting.
"""

from __future__ import annotations

import secrets
import sys
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from loopcoach.web.env import envbool, envchoice, envint, envlist, envsecret, envstr

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _default_data_dir() -> Path:
    """`data/` of the checkout the code runs from, else one beside the installed environment.

    Never the current directory: a `createsuperuser` run from another folder would
    silently make a new, empty database there.
    """
    checkout = PACKAGE_DIR.parent.parent  # src/loopcoach -> the repository
    if PACKAGE_DIR.parent.name == "src" and (checkout / "pyproject.toml").is_file():
        return checkout / "data"
    return Path(sys.prefix) / "loopcoach-data"


DATA_DIR = Path(envstr("LOOPCOACH_DATA_DIR", str(_default_data_dir()))).resolve()


def _secret_key() -> str:
    """Use SECRET_KEY when given, else one generated once and kept in the data folder."""
    configured = envsecret("SECRET_KEY")
    if configured:
        return configured
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
DEBUG = envbool("DEBUG", False)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "csp",
    "ninja",  # serves the API docs page's assets from the installed package: no CDN
    "loopcoach.web.core",
    "loopcoach.web.guides",
    "loopcoach.web.questions",
    "loopcoach.web.api",
    "loopcoach.web.accounts",
    "loopcoach.web.answering",
    "loopcoach.web.practice",
    "loopcoach.web.stories",
    "loopcoach.web.loops",
    "loopcoach.web.offers",
    "loopcoach.web.planner",
    "loopcoach.web.reports",
    "loopcoach.web.portability",
    "loopcoach.web.cohorts",
    "django_tasks",
    "django_tasks_db",  # its table exists on every database, so migrations are the same everywhere
    "loopcoach.web.tasks",
    "loopcoach.web.coach",
    "loopcoach.web.voice",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Stored anonymous pages are answered here, before sessions, CSRF, CSP and the rest run;
    # after SecurityMiddleware, which redirects plain HTTP and adds its headers per request.
    "loopcoach.web.core.pagecache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "loopcoach.web.core.cleaning.CleanInputMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "loopcoach.web.api.middleware.JsonErrorsMiddleware",
    "loopcoach.web.api.idempotency.IdempotencyMiddleware",
]

ROOT_URLCONF = "loopcoach.web.urls"
WSGI_APPLICATION = "loopcoach.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "loopcoach.web.core.context_processors.site",
                "loopcoach.web.core.pagecache.content_version_context",
            ],
        },
    },
]

DATABASE_URL = envsecret("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "loopcoach.sqlite3"),
            # Keep each thread's connection: opening one (and its PRAGMAs) cost a millisecond,
            # three times what serving a stored page costs.
            "CONN_MAX_AGE": 600,
            "OPTIONS": {
                # Wait for a lock instead of failing, and take the write lock at
                # the start of a transaction so concurrent writers never deadlock.
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = envstr("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(DATA_DIR / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Tests and `runserver` serve static files straight from the apps' folders.
WHITENOISE_USE_FINDERS = True

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/practice/"
LOGOUT_REDIRECT_URL = "/"

# Accounts and practice (issue 4). Email goes to the console unless an SMTP host is set.
EMAIL_HOST = envstr("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = envint("EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "loopcoach <noreply@localhost>")
SIGNUP_OPEN = envbool("LOOPCOACH_SIGNUP_OPEN", True)
LOGIN_FAILURE_LIMIT = envint("LOOPCOACH_LOGIN_FAILURE_LIMIT", 5, minimum=1)
LOGIN_LOCKOUT_MINUTES = envint("LOOPCOACH_LOGIN_LOCKOUT_MINUTES", 15, minimum=1)
ANALYZE_RATE_PER_MINUTE = envint("LOOPCOACH_ANALYZE_RATE_PER_MINUTE", 30, minimum=1)
# How many reverse proxies in front of the app append
# to X-Forwarded-For (0: use the socket address).
PROXY_COUNT = envint("LOOPCOACH_PROXY_COUNT", 0, minimum=0)

# The cache holds public pages and fragments (keyed by the content version, see
# core/pagecache.py), rate limits and login lockouts. With REDIS_URL it is shared by every
# web process, so limits and lockouts hold across them; without it each process has its own.
REDIS_URL = envsecret("REDIS_URL")
PAGE_CACHE_SECONDS = envint("LOOPCOACH_PAGE_CACHE_SECONDS", 86400, minimum=1)
CACHES: dict[str, dict[str, object]]
# With a cache every process shares, the content version is a counter in it (read in the same
# round trip as the page); else the one row of the database that every process reads.
CONTENT_VERSION_IN_CACHE = bool(REDIS_URL)
# Which user an API token belongs to, cached for a minute (accounts/tokencache.py): only in a
# cache every process shares, so a revoke clears it everywhere at once.
API_TOKEN_CACHE = bool(REDIS_URL)
if REDIS_URL:
    CACHES = {
        # One connection pool per process, for every thread and the task queue (core/redispool.py).
        "default": {
            "BACKEND": "loopcoach.web.core.redispool.SharedRedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Pages are ~10–60 kB: this bounds the cache's memory per process.
            "OPTIONS": {"MAX_ENTRIES": envint("LOOPCOACH_CACHE_ENTRIES", 1000, minimum=1)},
        }
    }

# Background tasks (issue 11): a queue table in the database, or RQ when REDIS_URL is set.
TASKS_ON_REDIS = bool(REDIS_URL)
if TASKS_ON_REDIS:
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"USE_REDIS_CACHE": "default", "DEFAULT_TIMEOUT": 3600}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A running job's worker beats every quarter of this; a job silent for longer lost its worker.
JOB_LEASE_SECONDS = envint("LOOPCOACH_JOB_LEASE_SECONDS", 60, minimum=1)
JOB_MAX_ATTEMPTS = envint("LOOPCOACH_JOB_MAX_ATTEMPTS", 2, minimum=1)

# Voice answers (issue 11): recordings stay in the data folder, served to their owner only.
VOICE_DIR = DATA_DIR / "recordings"
VOICE_MAX_SECONDS = envint("LOOPCOACH_VOICE_MAX_SECONDS", 600, minimum=1)
VOICE_MAX_BYTES = envint("LOOPCOACH_VOICE_MAX_MB", 25, minimum=1) * 1_000_000
VOICE_THREADS = envint("LOOPCOACH_VOICE_THREADS", 1, minimum=1)  # Whisper's CPU threads

API_PAGE_SIZE = envint("LOOPCOACH_API_PAGE_SIZE", 20, minimum=1)
IDEMPOTENCY_KEY_HOURS = envint("LOOPCOACH_IDEMPOTENCY_KEY_HOURS", 24, minimum=1)

# The optional LLM coach: an OpenAI-compatible API base (ending in /v1) and a model name. Off
# unless both are set, so nothing leaves the machine by default.
LLM_BASE_URL = envstr("LOOPCOACH_LLM_BASE_URL", "")
LLM_MODEL = envstr("LOOPCOACH_LLM_MODEL", "")
LLM_API_KEY = envsecret("LOOPCOACH_LLM_API_KEY")
LLM_TIMEOUT_SECONDS = envint("LOOPCOACH_LLM_TIMEOUT_SECONDS", 120, minimum=1)
if bool(LLM_BASE_URL) != bool(LLM_MODEL):
    raise ImproperlyConfigured(
        "The coach needs both LOOPCOACH_LLM_BASE_URL and LOOPCOACH_LLM_MODEL (or neither)."
    )
if LLM_BASE_URL and not LLM_BASE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(
        f"LOOPCOACH_LLM_BASE_URL={LLM_BASE_URL!r} is not an http:// or https:// address."
    )

# Export, import and account deletion (issue 15): an export of more rows than this is
# built in the background; an import ZIP may be at most this many megabytes.
LOOPCOACH_EXPORT_SYNC_ROWS = envint("LOOPCOACH_EXPORT_SYNC_ROWS", 2000, minimum=0)
LOOPCOACH_IMPORT_MAX_MB = envint("LOOPCOACH_IMPORT_MAX_MB", 100, minimum=1)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# HTTPS behind a proxy (see the README's production settings): redirect plain HTTP, tell
# browsers to keep to HTTPS, and trust the proxy's header that says the request was HTTPS.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
_PROXY_SSL_HEADER = envstr("LOOPCOACH_PROXY_SSL_HEADER", "")
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _PROXY_SSL_HEADER.upper().replace("-", "_"), "https") if _PROXY_SSL_HEADER else None
)
X_FRAME_OPTIONS = "DENY"
# A strict Content-Security-Policy: scripts and styles only from our own static files (no
# inline script unless it carries the request's nonce, no style attribute), nothing framed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "media-src": [SELF, "blob:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envchoice("LOG_LEVEL", "WARNING", LOG_LEVELS)},
}
