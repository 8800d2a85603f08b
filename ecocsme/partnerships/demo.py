"""The ECoC-SME project as the seed documents state it (PRJ-3), and the example accounts of its
partners (invented people, marked as examples). No personal data."""

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from ecocsme.accounts.demo import DEMO_USERS, demo_password
from ecocsme.accounts.models import Membership, User
from ecocsme.reference.models import EcocTitle, PolicyInstrument

from .models import Partner, Project, ProjectPhase
from .periods import add_months, end_date
from .services import project_upsert

DATA = Path(__file__).resolve().parent / "data" / "ecoc_sme.json"


def _decimal(value: str | None) -> Decimal | None:
    return Decimal(value) if value else None


def ecoc_sme_load() -> Project:
    """Create or refresh the ECoC-SME project, its phases and partners. Needs reference data."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    start = dt.date.fromisoformat(data["start_date"])
    with transaction.atomic():
        project = project_upsert(
            code=data["code"], acronym=data["acronym"], title=data["title"],
            programme=data["programme"], start_date=start,
            duration_months=data["duration_months"],
            specific_objective=data["specific_objective"],
            total_budget=_decimal(data["total_budget"]), erdf_rate=_decimal(data["erdf_rate"]),
            summary=data["summary"], website=data["website"],
        )
        offset = 0
        for phase in data["phases"]:
            phase_start = add_months(start, offset)
            ProjectPhase.objects.update_or_create(
                project=project, number=phase["number"],
                defaults={"title": phase["title"], "start_date": phase_start,
                          "end_date": end_date(phase_start, phase["months"])},
            )
            offset += phase["months"]
        for item in data["partners"]:
            title = None
            if item["ecoc_title"]:
                year, country, city = item["ecoc_title"]
                title = EcocTitle.objects.get(year=year, country=country, city=city)
            Partner.objects.update_or_create(
                project=project, number=item["number"],
                defaults={
                    "role": item["role"], "name": item["name"], "short_name": item["short_name"],
                    "name_translations": item.get("name_translations", {}),
                    "city": item["city"], "country": item["country"],
                    "nuts_region_id": item["nuts_region"], "ecoc_title": title,
                    "budget": _decimal(item["budget"]),
                    "erdf_rate": _decimal(item["erdf_rate"]),
                    "policy_instrument": _instrument(item["policy_instrument"]),
                },
            )
    return project


def _instrument(key: str | None) -> PolicyInstrument | None:
    return PolicyInstrument.objects.get(key=key) if key else None


def demo_users_load(project: Project) -> list[User]:
    """The example accounts (accounts.demo.DEMO_USERS) and their memberships of `project`."""
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
