"""A user as their next request reads them: memberships, people scope and the organisations they
represent read again (after a write that changed them)."""

from ecocsme.organisations.rules import forget_representing
from ecocsme.testing.access import fresh


def again(user):
    fresh(user)
    forget_representing(user)
    return user
