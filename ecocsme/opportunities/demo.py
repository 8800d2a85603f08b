"""The demo's opportunities: the 55 example posts of ECoC organisers of the matching benchmark's
development set (`bench/data/matching/opportunities.jsonl`, fictional, in the eight languages),
published and marked as examples, each moderated by the partner the rule gives
(`services.moderating_partner`: a partner whose city holds the post's ECoC title, else none)."""

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from ecocsme.reference.models import EcocTitle, NaceDivision
from ecocsme.reference.phases import Phase

from .models import Opportunity
from .services import moderating_partner

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "matching" / "opportunities.jsonl"
CONTACT = "Programme office (example)"
CONTACT_EMAIL = "programme.office@example.org"


def records(path: Path = DATA) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def title_of_city(city: str, titles: list[EcocTitle], today: dt.date) -> EcocTitle | None:
    """The city's ECoC title: of several, the latest not in the future, else the earliest."""
    held = sorted((t for t in titles if t.city == city), key=lambda t: t.year)
    past = [t for t in held if t.year <= today.year]
    return past[-1] if past else (held[0] if held else None)


def future_deadline(deadline: dt.date, today: dt.date) -> dt.date:
    """The file's deadlines were written for the year it was made in. So that the demo keeps
    working whenever it is loaded, a deadline already past moves on by whole years (same day and
    month; 28 February for a 29th) until it is in the future."""
    years = 0
    moved = deadline
    while moved <= today:
        years += 1
        try:
            moved = deadline.replace(year=deadline.year + years)
        except ValueError:
            moved = deadline.replace(year=deadline.year + years, day=28)
    return moved


def opportunities_demo_load(*, progress: Callable[[int, int], None] | None = None) -> int:
    """Create or update the example opportunities, published; returns how many. Safe to run again
    (each is found by its title among the examples)."""
    from django.contrib.auth.models import AnonymousUser

    if not DATA.exists():  # an installation without the benchmarks' data
        return 0
    items = records()
    nobody = AnonymousUser()  # posted by no one: the rule goes by the ECoC title
    today = timezone.localdate()
    now = timezone.now()
    titles = list(EcocTitle.objects.exclude(city=""))
    sectors = {division.code: division for division in NaceDivision.objects.all()}
    loaded = 0
    with transaction.atomic():
        for number, record in enumerate(items, start=1):
            title = title_of_city(record["ecoc_city"], titles, today)
            if title is None:
                continue
            phase = record.get("phase")
            if phase not in Phase.values:
                phase = title.phase_on(today).value
            budget = record.get("budget_eur")
            values = {
                "description": record["description"], "kind": record["kind"], "ecoc_title": title,
                "phase": phase, "language": record["language"], "city": record["ecoc_city"],
                "country": record["country"],
                "deadline": future_deadline(dt.date.fromisoformat(record["deadline"]), today),
                "budget_eur": Decimal(str(budget)) if budget is not None else None,
                "cross_border": bool(record.get("cross_border", True)),
                "contact_name": CONTACT, "contact_email": CONTACT_EMAIL, "contact_phone": "",
                "partner": moderating_partner(nobody, ecoc_title=title),
                "status": Opportunity.Status.PUBLISHED,
                "published_at": now - dt.timedelta(hours=len(items) - number), "closed_at": None,
            }
            opportunity, _created = Opportunity.objects.update_or_create(
                is_example=True, title=record["title"], defaults=values)
            opportunity.sectors.set([sectors[code] for code in record.get("sectors", []) if code in sectors])
            loaded += 1
            if progress:
                progress(number, len(items))
    reach_demo_load()
    return loaded


# --- the reach: example interests with a thread, organisations told, a digest ------------------------
# (opportunity's title starts with, organisation, status, its message); the first is the demo
# account `sme`'s (Nemunas Food Lab), with a short thread.
EXAMPLE_INTERESTS = (
    ("Karšti pietūs ir užkandžiai festivalio komandai", "Nemunas Food Lab UAB (example)", "in_talks",
     "We cook plant-based hot meals for festival crews, up to 400 a day, with seasonal Lithuanian "
     "produce and no single-use plastic. We could serve every day of the festival week, 12 to 18 "
     "July (example)."),
    ("Karšti pietūs ir užkandžiai festivalio komandai", "UAB Ąžuolyno Virtuvė (example)", "interested",
     "Mūsų virtuvė Ąžuolyne gali tiekti karštus pietus ir užkandžius festivalio komandai (example)."),
    ("Servicii de catering pentru festivalul de vară", "Bucătăria Banatului Catering SRL (example)",
     "contracted",
     "Oferim catering cu preparate bănățene pentru toate serile festivalului (example)."),
    ("Servicii de catering pentru festivalul de vară", "Gustul Locului Events SRL (example)", "not_retained",
     "Putem asigura un bufet local pentru 300 de invitați pe seară (example)."),
    ("Catering za završnu svečanost na lukobranu", "Kvarnerski Stol Catering d.o.o. (example)", "interested",
     "Pripremamo kvarnerske specijalitete za svečanosti do 500 gostiju (example)."),
    ("Pohjoisen makuja kiitosjuhlan illalliselle", "Pitopalvelu Tervahovi Oy (example)", "in_talks",
     "Tarjoamme pohjoisen raaka-aineista koostetun illallisen kiitosjuhlaan (example)."),
)
EXAMPLE_THREAD = (
    ("poster", "Thank you. Could you send a sample menu and say how you would keep the food hot on "
               "the festival site (example)?"),
    ("interested", "Gladly: a sample menu is on its way; we bring insulated boxes and a mobile "
                   "induction hob (example)."),
)
# (opportunity's title starts with, organisation, channel): told by the poster's side, or in a digest
EXAMPLE_REACHES = (
    ("Karšti pietūs ir užkandžiai festivalio komandai", "Nemunas Food Lab UAB (example)", "suggestion"),
    ("Karšti pietūs ir užkandžiai festivalio komandai", "Nemunas Food Lab UAB (example)", "digest"),
    ("Servicii de catering pentru festivalul de vară", "Bucătăria Banatului Catering SRL (example)",
     "suggestion"),
    ("Servicii de catering pentru festivalul de vară", "Gustul Locului Events SRL (example)", "suggestion"),
    ("Catering za završnu svečanost na lukobranu", "Kvarnerski Stol Catering d.o.o. (example)", "digest"),
    ("Fornitura di specialità del territorio", "Sapori dei Sassi Catering srl (example)", "suggestion"),
    ("Hoofdsponsor gezocht voor het culinaire programma", "Catering De Skûtsje (example)", "suggestion"),
    ("Pohjoisen makuja kiitosjuhlan illalliselle", "Alentejo Table Catering Lda (example)", "digest"),
)


def reach_demo_load() -> int:
    """Example interests of the demo's example organisations in the example opportunities (one
    contracted, one not retained…), the demo account `sme`'s with a short thread and a weekly
    digest (its consent recorded as an example), and organisations told, so that the engagement
    page shows figures. Nothing without the example profiles; safe to run again. How many interests."""
    from ecocsme.accounts.models import Membership, User
    from ecocsme.core.links import new_nonce
    from ecocsme.organisations.demo import SME_ORGANISATION, SME_USERNAME
    from ecocsme.organisations.models import Organisation

    from .models import DigestSubscription, Interest, InterestMessage, Reach
    from .services.digests import consent_wording

    organisations = {o.name: o for o in Organisation.objects.filter(is_example=True,
                                                                    verified_at__isnull=False)}
    opportunities = list(Opportunity.objects.filter(is_example=True).select_related("partner"))

    def opportunity_of(prefix: str):
        return next((o for o in opportunities if o.title.startswith(prefix)), None)

    sme = User.objects.filter(username=SME_USERNAME).first()
    now = timezone.now()
    made = 0
    with transaction.atomic():
        for number, (prefix, name, status, message) in enumerate(EXAMPLE_INTERESTS):
            opportunity, organisation = opportunity_of(prefix), organisations.get(name)
            if opportunity is None or organisation is None:
                continue
            said = now - dt.timedelta(days=6 - number)
            interest, _created = Interest.objects.update_or_create(
                opportunity=opportunity, organisation=organisation,
                defaults={"message": message, "status": status, "is_example": True, "withdrawn_at": None,
                          "created_by": sme if name == SME_ORGANISATION else None,
                          "contracted_at": said + dt.timedelta(days=2) if status == "contracted" else None})
            Interest.objects.filter(pk=interest.pk).update(created_at=said)
            made += 1
            if name == SME_ORGANISATION and not interest.messages.exists():
                staff = Membership.objects.filter(partner=opportunity.partner,
                                                  role=Membership.Role.PARTNER_STAFF).first() \
                    if opportunity.partner_id else None
                for step, (side, body) in enumerate(EXAMPLE_THREAD, start=1):
                    InterestMessage.objects.create(
                        interest=interest, side=side, body=body,
                        created_at=said + dt.timedelta(hours=4 * step),
                        author=sme if side == "interested" else (staff.user if staff else None))
        for prefix, name, channel in EXAMPLE_REACHES:
            opportunity, organisation = opportunity_of(prefix), organisations.get(name)
            if opportunity is not None and organisation is not None:
                Reach.objects.get_or_create(
                    opportunity=opportunity, organisation=organisation, channel=channel,
                    defaults={"first_at": now - dt.timedelta(days=7), "is_example": True})
        organisation = organisations.get(SME_ORGANISATION)
        if sme is not None and organisation is not None:
            DigestSubscription.objects.get_or_create(
                organisation=organisation, user=sme,
                defaults={"frequency": DigestSubscription.Frequency.WEEKLY, "consented_at": now,
                          "consent_source": DigestSubscription.Source.EXAMPLE,
                          "consent_text": consent_wording(organisation), "nonce": new_nonce(),
                          "covered_until": now - dt.timedelta(days=7)})
    return made
