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
    example_logos_load(project)
    return project


LOGO_COLOURS = ("#0072B2", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#E69F00", "#000000")


def example_logos_load(project: Project) -> None:
    """Give each partner without a logo a plain drawn one with its short name, marked "(example)":
    the attendance sheets show where a partner's own logo goes. Kept under one name per project
    and partner number, so loading again (or in another database) writes nothing new."""
    from xml.sax.saxutils import escape

    from django.core.files.base import ContentFile

    for partner in project.partners.filter(logo=""):
        name = f"partners/example-logos/{project.code}-{partner.number}.svg"
        if not partner.logo.storage.exists(name):
            colour = LOGO_COLOURS[partner.number % len(LOGO_COLOURS)]
            label = escape(str(partner))
            svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 80" width="240" height="80">'
                   f"<title>{label} logo (example)</title>"
                   f'<rect x="1" y="1" width="238" height="78" rx="8" fill="{colour}"/>'
                   f'<text x="120" y="40" text-anchor="middle" font-family="DejaVu Sans, sans-serif" '
                   f'font-size="19" font-weight="bold" fill="#ffffff">{label}</text>'
                   f'<text x="120" y="62" text-anchor="middle" font-family="DejaVu Sans, sans-serif" '
                   f'font-size="12" fill="#ffffff">logo (example)</text></svg>')
            partner.logo.storage.save(name, ContentFile(svg.encode()))
        partner.logo.name = name
        partner.save(update_fields=["logo"])


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
