"""Example stakeholders of the Timișoara partner, so that a lab can be tried in `make run`; the
example organisations of the matching set as profiles, and a stakeholder's account. Invented
organisations and people, marked as examples."""

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ecocsme.partnerships.models import Project
from ecocsme.reference.models import NaceDivision

from .models import Consent, Contact, Organisation, Representative

if TYPE_CHECKING:
    from ecocsme.accounts.models import User

# (partner number, organisation, kind, city, country, person, address, language)
EXAMPLES = (
    (6, "Example Print Studio SRL (example)", "sme", "Timișoara", "RO", "Ana Example", "ana@example.org",
     "ro"),
    (6, "Example Creative Hub (example)", "ngo", "Timișoara", "RO", "Dan Example", "dan@example.org", "ro"),
    (6, "Example Software Startup (example)", "startup", "Timișoara", "RO", "Eva Example", "eva@example.org",
     "en"),
    (6, "Example Heritage Tours SRL (example)", "sme", "Timișoara", "RO", "Radu Example", "radu@example.org",
     "ro"),
    (5, "Example Shipyard Crafts d.o.o. (example)", "sme", "Rijeka", "HR", "Marko Example",
     "marko@example.org", "hr"),
    (5, "Example Rijeka Makers Association (example)", "ngo", "Rijeka", "HR", "Iva Example",
     "iva@example.org", "hr"),
)


def example_contacts_load(project: Project) -> int:
    partners = {p.number: p for p in project.partners.all()}
    with transaction.atomic():
        for number, name, kind, city, country, person, email, language in EXAMPLES:
            partner = partners[number]
            organisation, _created = Organisation.objects.get_or_create(
                name=name, defaults={"kind": kind, "city": city, "country": country, "partner": partner,
                                     "is_example": True})
            contact, _created = Contact.objects.get_or_create(
                partner=partner, email=email, erased_at=None,
                defaults={"name": f"{person} (example)", "language": language,
                          "organisation": organisation})
            for purpose in (Consent.Purpose.CONSULTATIONS, Consent.Purpose.EVENT_INVITATIONS):
                Consent.objects.get_or_create(contact=contact, purpose=purpose,
                                              defaults={"granted": True, "source": Consent.Source.STAFF})
    return len(EXAMPLES)


# --- example profiles for matchmaking --------------------------------------------------------------
EXAMPLE_PROFILES = settings.PROJECT_DIR / "bench" / "data" / "matching" / "organisations.jsonl"
EMBED_BATCH = 64
# The demo's stakeholder account: it represents a Kaunas startup, to try the self-service with.
SME_USERNAME = "sme"
SME_ORGANISATION = "Nemunas Food Lab UAB (example)"
# One example that did not wish to be found: it has no public page and is suggested to nobody.
HIDDEN_EXAMPLE = {
    "name": "Example Quiet Bindery SRL (example)", "kind": "sme", "size": "micro", "nace": ["18"],
    "city": "Timișoara", "country": "RO", "languages": ["ro", "en"],
    "description": "A small bookbindery that restores old books and binds short runs for "
                   "publishers. It keeps its profile for the partner's records and does not wish "
                   "to be suggested to anyone (example).",
    "capabilities": ["book restoration", "short-run binding"], "findable": False,
}


def example_profile_records(path: Path = EXAMPLE_PROFILES) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def example_profiles_load(*, path: Path = EXAMPLE_PROFILES,
                          progress: Callable[[int, int], None] | None = None) -> int:
    """The example organisations of the matching set as findable, verified profiles, each kept by
    the partner of its city or country if any, with their vectors (computed in batches); one more
    that did not wish to be found. Safe to run again. Returns how many profiles."""
    from .selectors import keeping_partner

    records = [*example_profile_records(path), HIDDEN_EXAMPLE]
    sectors = {division.code: division for division in NaceDivision.objects.all()}
    now = timezone.now()
    loaded = []
    with transaction.atomic():
        for record in records:
            values = {
                "kind": record.get("kind") or Organisation.Kind.SME, "size_class": record.get("size") or "",
                "city": record.get("city", ""), "country": record.get("country", ""),
                "languages": list(record.get("languages", [])), "description": record.get("description", ""),
                "capabilities": "\n".join(record.get("capabilities", [])),
                "findable": record.get("findable", True), "is_example": True,
                "partner": keeping_partner(city=record.get("city", ""), country=record.get("country", "")),
            }
            organisation = Organisation.objects.filter(name=record["name"], is_example=True).first()
            if organisation is None:
                organisation = Organisation(name=record["name"], verified_at=now, **values)
            else:
                for name, value in values.items():
                    setattr(organisation, name, value)
                organisation.verified_at = organisation.verified_at or now
                organisation.declined_at = None
            organisation.save()
            organisation.sectors.set([sectors[code] for code in record.get("nace", []) if code in sectors])
            loaded.append(organisation.pk)
    profiles_embed(loaded, progress=progress)
    return len(loaded)


def profiles_embed(organisation_ids: list[int], *, progress: Callable[[int, int], None] | None = None,
                   batch: int = EMBED_BATCH) -> int:
    """Compute the profile vectors of many organisations at once, `batch` at a time (the task
    `embed_profile` does one)."""
    from ecocsme.text.embeddings import default_embedder, to_bytes
    from ecocsme.text.matching import profile_vectors

    from .selectors import matching_profile

    embedder = default_embedder()
    organisations = list(Organisation.objects.filter(pk__in=organisation_ids).exclude(description="")
                         .prefetch_related("sectors").order_by("pk"))
    for start in range(0, len(organisations), batch):
        chunk = organisations[start:start + batch]
        vectors = profile_vectors([matching_profile(o) for o in chunk], embedder)
        now = timezone.now()  # a change the matching catalogues see
        for organisation, vector in zip(chunk, vectors, strict=True):
            organisation.profile_vector, organisation.profile_vector_model = to_bytes(vector), embedder.name
            organisation.updated_at = now
        Organisation.objects.bulk_update(chunk, ["profile_vector", "profile_vector_model", "updated_at"])
        if progress:
            progress(start + len(chunk), len(organisations))
    return len(organisations)


def sme_user_load() -> "User":
    """The demo's stakeholder account `sme` (password as the other demo accounts'), representing
    a Kaunas startup of the example profiles."""
    from ecocsme.accounts.demo import demo_password
    from ecocsme.accounts.models import User

    user, created = User.objects.get_or_create(
        username=SME_USERNAME,
        defaults={"first_name": "Example", "last_name": "SME Representative (example)",
                  "email": f"{SME_USERNAME}@example.org", "language": "en"})
    if created:
        user.set_password(demo_password())
        user.save(update_fields=["password"])
    organisation = Organisation.objects.get(name=SME_ORGANISATION, is_example=True)
    Representative.objects.get_or_create(organisation=organisation, user=user)
    return user
