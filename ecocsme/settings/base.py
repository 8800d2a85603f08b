"""Settings shared by every environment. Everything that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from ecocsme.text.languages import LANGUAGES as PLATFORM_LANGUAGES

BASE_DIR = Path(__file__).resolve().parent.parent  # the ecocsme package
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("ECOCSME_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("ECOCSME_SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("ECOCSME_DEBUG", False)
ALLOWED_HOSTS = env_list("ECOCSME_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("ECOCSME_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_countries",
    "django_htmx",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "csp",
    "ecocsme.core",
    "ecocsme.reference",
    "ecocsme.accounts",
    "ecocsme.partnerships",
    "ecocsme.organisations",
    "ecocsme.invitations",
    "ecocsme.labs",
    "ecocsme.events",
    "ecocsme.practices",
    "ecocsme.opportunities",
    "ecocsme.actionplans",
    "ecocsme.monitoring",
    "ecocsme.guidelines",
    "ecocsme.web",
    "ecocsme.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "ecocsme.core.middleware.RefuseNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ecocsme.urls"
WSGI_APPLICATION = "ecocsme.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "ecocsme.web.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("ECOCSME_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the worker write while the web process reads; a busy timeout instead of
    # "database is locked" when both write at once; secure_delete overwrites what is deleted or
    # replaced, so an erased person's data does not linger in free pages of the file (ORG-3).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:manage"
LOGOUT_REDIRECT_URL = "web:home"

# Login throttling (SEC-3): five failures per user name and address lock for an hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The client's address behind reverse proxies (core.http.client_address): how many stand in front.
ECOCSME_PROXY_COUNT = int(os.environ.get("ECOCSME_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "ecocsme.core.http.client_address"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

LANGUAGE_CODE = "en"
LANGUAGES = [(language.code, _(language.name)) for language in PLATFORM_LANGUAGES]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# Dates, times, numbers and money as natives of each language write them (ecocsme/core/formats).
FORMAT_MODULE_PATH = ["ecocsme.core.formats"]
# Machine drafts of missing translations for staff to correct; off unless a backend is named,
# e.g. ECOCSME_TRANSLATOR=ecocsme.text.translate.ApertiumTranslator (docs/DECISIONS.md).
ECOCSME_TRANSLATOR = os.environ.get("ECOCSME_TRANSLATOR", "")
# Secrets the platform keeps encrypted (a lab mailbox's password): Fernet keys, comma-separated,
# the first encrypts; unset, a key derived from SECRET_KEY (core/secrets.py, docs/DEPLOY.md).
ECOCSME_SECRETS_KEY = os.environ.get("ECOCSME_SECRETS_KEY", "")
# Lab mailboxes (LAB-3): seconds between two fetches, and a CA file for servers under a private CA.
ECOCSME_MAILBOX_INTERVAL = int(os.environ.get("ECOCSME_MAILBOX_INTERVAL", "180"))
ECOCSME_MAILBOX_CAFILE = os.environ.get("ECOCSME_MAILBOX_CAFILE", "")
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("ECOCSME_STATIC_ROOT", VAR_DIR / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("ECOCSME_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"

# Mail (SMTP from the environment; see docs/DEPLOY.md).
EMAIL_BACKEND = os.environ.get("ECOCSME_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
EMAIL_FILE_PATH = VAR_DIR / "mail"
ECOCSME_BASE_URL = os.environ.get("ECOCSME_BASE_URL", "http://127.0.0.1:8000")  # links in mail
ECOCSME_MAIL_DOMAIN = os.environ.get("ECOCSME_MAIL_DOMAIN", "ecocsme.local")  # for Message-IDs
ECOCSME_MAIL_PAUSE_SECONDS = float(os.environ.get("ECOCSME_MAIL_PAUSE_SECONDS", "0"))  # rate limit
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ECoC-SME Platform <noreply@localhost>")
# The development mail viewer (/manage/mail/): every mail sent, readable in the browser.
ECOCSME_MAIL_VIEWER = False
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: django-tasks with its database backend; `ecocsme db_worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Security headers that hold everywhere; production.py tightens the rest.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
}

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500

# The programme's name and logo on printed documents (the attendance sheet): a PNG, JPEG or SVG
# file's path, empty for none. The bundled logo is a neutral example; set the programme's own.
ECOCSME_PROGRAMME_NAME = os.environ.get("ECOCSME_PROGRAMME_NAME", "Interreg Europe")
ECOCSME_PROGRAMME_LOGO = os.environ.get(
    "ECOCSME_PROGRAMME_LOGO", str(BASE_DIR / "partnerships/static/partnerships/programme-logo-example.svg"))

# The project shown on the home page when one installation hosts several.
ECOCSME_FEATURED_PROJECT = os.environ.get("ECOCSME_FEATURED_PROJECT", "PGI06047")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("ECOCSME_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"},
                "fontTools": {"level": "WARNING"}},
}
AXES_VERBOSE = False
FORMS_URLFIELD_ASSUME_HTTPS = True
