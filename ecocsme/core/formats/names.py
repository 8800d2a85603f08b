"""Month and weekday names as running text writes them in each language.

Django's own catalogues capitalise them in some of our languages (Romanian "12 Ianuarie 2027",
Italian "Martedì"), where natives write a small letter. Our catalogues come first
(LOCALE_PATHS), so the same messages translated there win; they are listed here so that
`make messages` keeps them. German and English keep their capitals.
"""

from django.utils.translation import gettext_noop

MONTHS = (gettext_noop("January"), gettext_noop("February"), gettext_noop("March"), gettext_noop("April"),
          gettext_noop("May"), gettext_noop("June"), gettext_noop("July"), gettext_noop("August"),
          gettext_noop("September"), gettext_noop("October"), gettext_noop("November"),
          gettext_noop("December"))
WEEKDAYS = (gettext_noop("Monday"), gettext_noop("Tuesday"), gettext_noop("Wednesday"),
            gettext_noop("Thursday"), gettext_noop("Friday"), gettext_noop("Saturday"),
            gettext_noop("Sunday"))
