# Dates end with the ordinal full stop of the year ("25. studenoga 2026."): sentences that
# end with a date add no second one.
DATETIME_FORMAT = r"j. E Y. \u H:i"
MONEY_FORMAT = "%(amount)s\xa0€"
PERCENT_FORMAT = "%(number)s\xa0%%"
