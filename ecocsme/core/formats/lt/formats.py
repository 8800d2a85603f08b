# Lithuanian groups thousands with a (non-breaking) space, as CLDR and VLKK write.
THOUSAND_SEPARATOR = "\xa0"
MONEY_FORMAT = "%(amount)s\xa0€"
PERCENT_FORMAT = "%(number)s\xa0%%"
