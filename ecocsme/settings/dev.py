"""Settings for `make run`: the embedded SQLite database, mail written to var/mail/ and
readable in the browser (the mail viewer)."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("ECOCSME_DEBUG", True)
EMAIL_BACKEND = os.environ.get(
    "ECOCSME_EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend"
)
ECOCSME_MAIL_VIEWER = True  # every mail sent, in the browser at /en/manage/mail/

VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# `make run` writes the address it serves to var/base-url, so that a command run from another
# shell (`ecocsme send-digests --now`) links to the same port as the worker does.
if "ECOCSME_BASE_URL" not in os.environ and (VAR_DIR / "base-url").is_file():  # noqa: F405
    ECOCSME_BASE_URL = (VAR_DIR / "base-url").read_text().strip() or ECOCSME_BASE_URL  # noqa: F405
