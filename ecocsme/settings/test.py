"""Settings for the test suite. DATABASE_URL selects PostgreSQL; SQLite in memory otherwise."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import DATABASES

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if "DATABASE_URL" not in os.environ:
    # A file, not memory: tests that start a real worker process share the database with it.
    TEST_DB = os.path.join(tempfile.gettempdir(), f"ecocsme-test-{os.getpid()}.sqlite3")
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": "unused.sqlite3",
                            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20,
                                        "init_command": "PRAGMA secure_delete=ON;"},
                            "TEST": {"NAME": TEST_DB}}
EMAIL_BACKEND = os.environ.get("ECOCSME_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
AXES_ENABLED = True
ALLOWED_HOSTS = ["*"]
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
