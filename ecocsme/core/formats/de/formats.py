DATETIME_FORMAT = r"j. F Y, H:i \U\h\r"
MONEY_FORMAT = "%(amount)s\xa0€"
PERCENT_FORMAT = "%(number)s\xa0%%"
