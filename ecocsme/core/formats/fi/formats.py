# "klo 13.15": Finnish writes the time with a full stop.
DATETIME_FORMAT = r"j. E Y \k\l\o G.i"
MONEY_FORMAT = "%(amount)s\xa0€"
PERCENT_FORMAT = "%(number)s\xa0%%"
