"""Numbers people type into the monitoring pages, read as the reader's language writes them.

"1.200,50" in German and Romanian, "1 200,50" in Finnish, "1,200.50" in English are all
1200.50; "1200.50" (a point followed by other than three digits) is read as a decimal point in
every language. Anything else — "1 200,50" on an English page, where a comma groups thousands,
"1,2,3", "12abc", "NaN", "Infinity", a minus sign — is refused with a message showing how the
reader's language writes the number, never guessed. Values are Decimals; counts are whole.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

MAX_VALUE = Decimal("999999999999.99")  # fits every amount column (14 digits, 2 decimals)
SPACES = (" ", "\u00a0", "\u202f", "\u2009")
MINUS = ("-", "\u2212", "\u2013")


def example(whole: bool = False) -> str:
    """How the reader's language writes 1200.50 (or 1200)."""
    value = Decimal("1200") if whole else Decimal("1200.50")
    return formats.number_format(value, decimal_pos=0 if whole else 2, use_l10n=True, force_grouping=True)


def _not_a_number(text: str, name: str, whole: bool) -> ValidationError:
    return ValidationError(
        _("%(name)s: “%(value)s” is not a number; write it like %(example)s.")
        % {"name": name, "value": text[:30], "example": example(whole)},
        code="not_a_number",
    )


def _digits_grouped(text: str, separators: set[str]) -> str | None:
    """The digits of an integer part written with one kind of thousands separator, or None."""
    if text.isascii() and text.isdigit():
        return text
    used = {char for char in text if not char.isdigit()}
    if len(used) != 1 or not used <= separators:
        return None
    separator = used.pop()
    groups = text.split(separator)
    if not (1 <= len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])):
        return None
    digits = "".join(groups)
    return digits if digits.isascii() and digits.isdigit() else None


def read_decimal(text: str, *, name: str, whole: bool = False) -> Decimal:
    """The number `text` spells in the active language (module docstring); ValidationError else."""
    language = get_language()
    decimal_separator = formats.get_format("DECIMAL_SEPARATOR", language)
    thousands = {formats.get_format("THOUSAND_SEPARATOR", language), *SPACES} - {decimal_separator}
    raw = text.strip()
    if raw.startswith(MINUS):
        raise ValidationError(_("%(name)s cannot be negative.") % {"name": name}, code="negative")
    if not raw or len(raw) > 40:
        raise _not_a_number(raw, name, whole)
    integer, fraction = raw, ""
    if decimal_separator in raw:
        integer, _separator, fraction = raw.rpartition(decimal_separator)
        if decimal_separator in integer:
            raise _not_a_number(raw, name, whole)
    elif "." in raw and raw.count(".") == 1 and len(raw.rpartition(".")[2]) != 3:
        integer, _separator, fraction = raw.rpartition(".")  # 1200.50 on a German page
    digits = _digits_grouped(integer, thousands)
    if digits is None or (fraction and not (fraction.isascii() and fraction.isdigit())):
        raise _not_a_number(raw, name, whole)
    return Decimal(f"{digits}.{fraction}" if fraction else digits)


def checked_decimal(value, *, name: str, whole: bool = False, required: bool = True) -> Decimal | None:
    """A value for the monitoring: a Decimal, an int, or text as the reader writes it; finite, not
    negative, at most two decimals (whole when `whole`), not beyond MAX_VALUE."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(_("%(name)s: give a number.") % {"name": name}, code="required")
        return None
    if isinstance(value, bool):
        raise _not_a_number(str(value), name, whole)
    if isinstance(value, str):
        number = read_decimal(value, name=name, whole=whole)
    else:
        try:
            number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        except (InvalidOperation, TypeError, ValueError):
            raise _not_a_number(str(value), name, whole) from None
    if not number.is_finite():
        raise _not_a_number(str(value), name, whole)
    if number < 0:
        raise ValidationError(_("%(name)s cannot be negative.") % {"name": name}, code="negative")
    if number > MAX_VALUE:
        raise ValidationError(_("%(name)s is too large.") % {"name": name}, code="too_large")
    if whole and number != number.to_integral_value():
        raise ValidationError(_("%(name)s: give a whole number.") % {"name": name}, code="whole")
    if number != number.quantize(Decimal("0.01")):
        raise ValidationError(_("%(name)s: give at most two decimals.") % {"name": name}, code="decimals")
    return number.quantize(Decimal("0.01"))
