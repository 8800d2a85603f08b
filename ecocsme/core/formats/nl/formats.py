DATETIME_FORMAT = "j F Y, H:i"
MONEY_FORMAT = "€\xa0%(amount)s"
PERCENT_FORMAT = "%(number)s%%"
