"""Dates, times, numbers and money as natives of each platform language write them.

Django's own format modules are the base (settings.FORMAT_MODULE_PATH puts these first);
a module here overrides only what natives would write differently, and adds MONEY_FORMAT
(`%(amount)s` is the grouped amount), which `core.templatetags.platform.money` reads.
"""
