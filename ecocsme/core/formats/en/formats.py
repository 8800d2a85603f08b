# British and EU English: day before month, a 24-hour clock, the euro sign before the amount.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
MONEY_FORMAT = "€%(amount)s"
PERCENT_FORMAT = "%(number)s%%"
