"""Example accounts for the demo: invented people, marked as examples."""

import os

from django.db import transaction

from ecocsme.partnerships.models import Project

from .models import Membership, User

DEMO_PASSWORD_DEFAULT = "ecocsme-demo"

# (username, first name, last name, role, partner number or None, superuser)
DEMO_USERS = (
    ("admin", "Example", "Administrator", None, None, True),
    ("coordinator", "Example", "Coordinator", Membership.Role.COORDINATOR, 1, False),
    ("timisoara", "Example", "Timișoara Staff", Membership.Role.PARTNER_STAFF, 6, False),
    ("rijeka", "Example", "Rijeka Staff", Membership.Role.PARTNER_STAFF, 5, False),
)


def demo_password() -> str:
    return os.environ.get("ECOCSME_DEMO_PASSWORD", DEMO_PASSWORD_DEFAULT)


def demo_users_load(project: Project) -> list[User]:
    users = []
    partners = {p.number: p for p in project.partners.all()}
    with transaction.atomic():
        for username, first, last, role, partner_number, superuser in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"first_name": first, "last_name": f"{last} (example)",
                          "email": f"{username}@example.org", "is_staff": superuser,
                          "is_superuser": superuser},
            )
            if created:
                user.set_password(demo_password())
                user.save(update_fields=["password"])
            if role:
                Membership.objects.get_or_create(
                    user=user, project=project, role=role,
                    partner=partners.get(partner_number),
                )
            users.append(user)
    return users
