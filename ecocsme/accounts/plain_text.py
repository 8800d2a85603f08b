"""What people type into names and texts, made safe to show, sort and mail: control characters
out (a line break in a name, a bell, an escape), and no direction overrides in a name (U+202A–
U+202E, U+2066–U+2069 make "Evil SRL" display as another name). The forms of accounts and
organisations and the services behind them use these."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # keeps tab, LF, CR
_DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

DIRECTION_REFUSED = _("Remove the invisible characters that change the direction of the text "
                      "(they can make a name look like another); type the name again if need be.")


def one_line(value: str) -> str:
    """A single-line value (a name, a city): control characters, line breaks and tabs become
    spaces, runs of spaces one, the ends trimmed."""
    return " ".join(_ANY_CONTROL.sub(" ", value or "").split())


def lines(value: str) -> str:
    """A multi-line value (a description, capabilities): control characters out, but tabs and
    line breaks (a browser's CR LF, or a lone CR, becomes LF)."""
    return _CONTROL_BUT_LINES.sub("", (value or "").replace("\r\n", "\n").replace("\r", "\n"))


def without_direction_controls(value: str) -> str:
    return _DIRECTION_CONTROLS.sub("", value or "")


def has_direction_controls(value: str) -> bool:
    return bool(_DIRECTION_CONTROLS.search(value or ""))


def clean_name(value: str) -> str:
    """A person's or an organisation's name as typed: one line, refused (ValidationError) with a
    clear message when it holds a direction override."""
    if has_direction_controls(value):
        raise ValidationError(DIRECTION_REFUSED, code="direction_controls")
    name = one_line(value)
    if not name:
        raise ValidationError(_("Write the name in letters."), code="required")
    return name
