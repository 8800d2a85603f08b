# No leading zero on the day ("3 marzo", not "03 marzo"), no weekday in the date-time.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONEY_FORMAT = "%(amount)s\xa0€"
PERCENT_FORMAT = "%(number)s%%"
