DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONEY_FORMAT = "%(amount)s\xa0€"
PERCENT_FORMAT = "%(number)s\xa0%%"
