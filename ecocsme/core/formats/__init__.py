"""Dates, times, numbers and money as natives of each platform language write them.

Django's own format modules are the base (settings.FORMAT_MODULE_PATH puts these first); a
module here overrides only what natives would write differently, and adds MONEY_FORMAT
(`%(amount)s`, the grouped amount) and PERCENT_FORMAT (`%(number)s`), CLDR's patterns:
"€118,163" / "118.163 €", "84%" / "84 %". The functions below are what templates (the
`money`, `grouped` and `percent` filters of `platform`) and Python code use.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats, translation


def format_setting(name: str, default: str) -> str:
    """A setting of these format modules for the active language."""
    for module in formats.get_format_modules(translation.get_language()):
        if hasattr(module, name):
            return getattr(module, name)
    return default


def money(value) -> str:
    """An amount in euros as the active language writes it: "118.163 €", "€118,163"."""
    if value is None or value == "":
        return ""
    amount = Decimal(value)
    whole = amount == amount.to_integral_value()
    grouped = formats.number_format(amount, decimal_pos=0 if whole else 2, use_l10n=True,
                                    force_grouping=True)
    return format_setting("MONEY_FORMAT", "EUR %(amount)s") % {"amount": grouped}


def grouped(value) -> str:
    """A count with the active language's thousands separator: "10.000", "10 000"."""
    if value is None or value == "":
        return ""
    return formats.number_format(value, use_l10n=True, force_grouping=True)


def percent(value) -> str:
    """A share given in per cent (84, 84.2) as the active language writes it: "84%", "84 %"."""
    if value is None or value == "":
        return ""
    whole = Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)  # 84.5 → 85, as people round
    number = formats.number_format(whole, use_l10n=True, force_grouping=True)
    return format_setting("PERCENT_FORMAT", "%(number)s%%") % {"number": number}
