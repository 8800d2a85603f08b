DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONEY_FORMAT = "%(amount)s\xa0€"
