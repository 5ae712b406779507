"""Django settings, driven by environment variables with safe defaults.

The embedded default is SQLite in a local data folder; DATABASE_URL switches
to PostgreSQL for a team deployment. See the README for every setting.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url

from loopcoach.web.env import envbool, envchoice, envint, envlist, envsecret, envstr

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(envstr("LOOPCOACH_DATA_DIR", str(Path.cwd() / "data"))).resolve()


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
    "django_tasks",
    "django_tasks_db",  # its table exists on every database, so migrations are the same everywhere
    "loopcoach.web.tasks",
    "loopcoach.web.voice",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "loopcoach.web.api.middleware.JsonErrorsMiddleware",
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

REDIS_URL = envsecret("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background tasks (issue 11): a queue table in the database, or RQ when REDIS_URL is set.
TASKS_ON_REDIS = bool(REDIS_URL)
if TASKS_ON_REDIS:
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600}}
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

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envchoice("LOG_LEVEL", "WARNING", LOG_LEVELS)},
}
