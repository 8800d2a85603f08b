"""Example accounts for the demo: invented people, marked as examples.

Only the data lives here; `partnerships.demo.demo_users_load(project)` creates the accounts and
their memberships (accounts sits below partnerships and imports nothing from it).
"""

import os

from .models import Membership

DEMO_PASSWORD_DEFAULT = "ecocsme-demo"

# (username, first name, last name, role, partner number or None, superuser)
DEMO_USERS = (
    ("admin", "Example", "Administrator", None, None, True),
    ("coordinator", "Example", "Coordinator", Membership.Role.COORDINATOR, 1, False),
    ("timisoara", "Example", "Timișoara Staff", Membership.Role.PARTNER_STAFF, 6, False),
    ("rijeka", "Example", "Rijeka Staff", Membership.Role.PARTNER_STAFF, 5, False),
    ("kaunas", "Example", "Kaunas Staff", Membership.Role.PARTNER_STAFF, 7, False),
)


def demo_password() -> str:
    return os.environ.get("ECOCSME_DEMO_PASSWORD", DEMO_PASSWORD_DEFAULT)
