"""What the tests of several apps share: exact query counts (`queries`), accessibility checks
in a real browser (`a11y`, `browser`), a real SMTP server and reading its mail (`mail`), the
background worker (`worker`), hostile spreadsheets (`spreadsheets`), example answers in several
languages (`answers`), the demo with people in every object that the permission tests open
as five kinds of user (`people`), the seven kinds of user and the checks of each app's
`access.py` (`access`), and the partners and staff several apps' tests start from (`fixtures`,
a pytest plugin the root conftest loads).

Test data comes from each app's `factories.py`; fixtures from the conftest.py files and
`fixtures`. The site never imports this package."""
