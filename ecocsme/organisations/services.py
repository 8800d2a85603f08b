"""Writes to organisations, contacts and consent. Each checks permission and is audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ecocsme.accounts.plain_text import (
    DIRECTION_REFUSED,
    has_direction_controls,
    one_line,
    without_direction_controls,
)
from ecocsme.accounts.plain_text import lines as plain_lines
from ecocsme.core.audit import audit_log, audit_scrub, changed_fields
from ecocsme.partnerships.models import Partner

from . import personal_data
from .models import Consent, Contact, Organisation, Representative
from .rules import forget_representing

ORGANISATION_FIELDS = ("name", "kind", "size_class", "city", "country", "nuts_region", "languages",
                       "description", "capabilities", "website", "findable")
# A verified profile whose representative changes one of these (or its sectors) waits for
# verification again: what the staff checked it against (the website shows who it is).
VERIFIED_FIELDS = ("name", "kind", "country", "website")
# A verified profile whose representative rewrites one of these stays verified, and the staff of
# its keeping partner are told (at most once a day), to look at it and decline if need be.
TOLD_FIELDS = ("description", "capabilities")
# What the profile's vector is made of (with the sectors): a change computes it again.
EMBEDDED_FIELDS = ("name", "kind", "languages", "description", "capabilities")
DESCRIPTION_MAX = 5000
CAPABILITIES_MAX_LINES = 30
CAPABILITY_MAX_CHARS = 200
DECLINE_NOTE_MAX = 2000
CONTACT_FIELDS = ("organisation", "name", "email", "phone", "role", "language", "notes")


def _require(actor, perm: str, obj=None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied(_("You may not do this."))


def organisation_save(*, actor, organisation: Organisation | None, values: dict,
                      sectors=None, partner: Partner | None = None) -> Organisation:
    """Create (organisation=None, kept by `partner`) or change an organisation, by partner staff.
    An organisation staff create is verified by them at creation; `findable` records the
    organisation's own wish."""
    creating = organisation is None
    if creating:
        _require(actor, "organisations.add_organisation")
    else:
        _require(actor, "organisations.change_organisation", organisation)
    with transaction.atomic():
        if creating:
            organisation = Organisation(partner=partner, verified_at=timezone.now(), verified_by=actor)
        else:
            # The stored organisation, not the caller's copy: a bound form has already put the
            # new values on that one, and the changes are what differs from the database.
            organisation = _locked(organisation)
        values = _plain(values)
        changes = {} if creating else changed_fields(organisation, values)
        sectors_changed = sectors is not None and (creating or _sectors_differ(organisation, sectors))
        for name, value in values.items():
            setattr(organisation, name, value)
        organisation.full_clean()
        organisation.save()
        if sectors is not None:
            organisation.sectors.set(sectors)
        audit_log(actor=actor, obj=organisation,
                  action="organisations.organisation." + ("added" if creating else "changed"),
                  data={"changes": changes})
        _embed_if_changed(organisation, creating or sectors_changed
                          or any(name in changes for name in EMBEDDED_FIELDS))
    return organisation


def _locked(organisation: Organisation) -> Organisation:
    """The organisation as stored, its row locked until the end of the transaction."""
    return Organisation.objects.select_for_update().get(pk=organisation.pk)


def _sectors_differ(organisation: Organisation, sectors) -> bool:
    return {s.pk for s in organisation.sectors.all()} != {s.pk for s in sectors}


def _embed_if_changed(organisation: Organisation, changed: bool) -> None:
    """Queue the profile's vector after the commit when what it is made of changed; an empty
    description leaves no vector."""
    if not organisation.description.strip():
        if organisation.profile_vector is not None or organisation.profile_vector_model:
            Organisation.objects.filter(pk=organisation.pk).update(profile_vector=None,
                                                                   profile_vector_model="")
            organisation.profile_vector, organisation.profile_vector_model = None, ""
        return
    if changed:
        from .tasks import embed_profile

        pk = organisation.pk
        transaction.on_commit(lambda: embed_profile.enqueue(pk))


def profile_embed(organisation_id: int) -> bool:
    """Compute and store the vector of an organisation's profile as it is now (the task
    `embed_profile`); clears it when the description is empty. Whether a vector was stored."""
    from ecocsme.text.embeddings import default_embedder, to_bytes
    from ecocsme.text.matching import profile_vectors

    from .selectors import matching_profile

    organisation = Organisation.objects.prefetch_related("sectors").filter(pk=organisation_id).first()
    if organisation is None:
        return False
    if not organisation.description.strip():
        Organisation.objects.filter(pk=organisation.pk).update(profile_vector=None, profile_vector_model="")
        return False
    embedder = default_embedder()
    vector = profile_vectors([matching_profile(organisation)], embedder)[0]
    # updated_at moves too: the matching catalogues see a new vector as a change
    Organisation.objects.filter(pk=organisation.pk).update(
        profile_vector=to_bytes(vector), profile_vector_model=embedder.name, updated_at=timezone.now())
    return True


# --- self-service profiles -------------------------------------------------------------------------
def profile_check(values: dict) -> None:
    """What a profile must hold, as the representative's form and the services see it."""
    errors = {}
    description = (values.get("description") or "").strip()
    if not description:
        errors["description"] = _("Describe what the organisation does.")
    elif len(description) > DESCRIPTION_MAX:
        errors["description"] = _("At most %(max)s characters, please (this is %(n)s).") % {
            "max": DESCRIPTION_MAX, "n": len(description)}
    if has_direction_controls(values.get("name") or ""):
        errors["name"] = DIRECTION_REFUSED
    lines = [line.strip() for line in (values.get("capabilities") or "").splitlines() if line.strip()]
    if len(lines) > CAPABILITIES_MAX_LINES:
        errors["capabilities"] = _("At most %(max)s lines, please (these are %(n)s).") % {
            "max": CAPABILITIES_MAX_LINES, "n": len(lines)}
    elif any(len(line) > CAPABILITY_MAX_CHARS for line in lines):
        errors["capabilities"] = _("Each line at most %(max)s characters, please.") % {
            "max": CAPABILITY_MAX_CHARS}
    if not values.get("languages"):
        errors["languages"] = _("Choose at least one language.")
    if errors:
        raise ValidationError(errors)


def _plain(values: dict) -> dict:
    """Names and cities on one line, texts without control characters (accounts.plain_text)."""
    values = dict(values)
    for name in ("name", "city"):
        if isinstance(values.get(name), str):
            values[name] = one_line(without_direction_controls(values[name]))
    for name in ("description", "capabilities"):
        if isinstance(values.get(name), str):
            values[name] = plain_lines(values[name])
    return values


def _profile_values(values: dict) -> dict:
    cleaned = _plain({name: values[name] for name in PROFILE_FIELDS if name in values})
    cleaned["description"] = (cleaned.get("description") or "").strip()
    cleaned["capabilities"] = "\n".join(
        line.strip() for line in (cleaned.get("capabilities") or "").splitlines() if line.strip())
    return cleaned


PROFILE_FIELDS = ("name", "kind", "size_class", "city", "country", "nuts_region", "languages",
                  "description", "capabilities", "website", "findable")


def profile_create(*, actor, values: dict, sectors) -> Organisation:
    """A stakeholder's account creates its organisation's profile and becomes its representative.
    The profile waits for verification, kept by the partner of its city, else of its country."""
    from ecocsme.accounts.models import User

    from .selectors import keeping_partner

    _require(actor, "organisations.create_profile")
    profile_check(values)
    values = _profile_values(values)
    with transaction.atomic():
        # One profile per account, also under a double click: the account's row is locked before
        # the check, so a second request waits for the first and then finds its profile.
        User.objects.select_for_update().filter(pk=actor.pk).first()
        if Representative.objects.filter(user=actor).exists():
            raise PermissionDenied(_("You already keep an organisation's profile."))
        organisation = Organisation(**values)
        organisation.partner = keeping_partner(city=organisation.city, country=str(organisation.country))
        organisation.full_clean()
        organisation.save()
        organisation.sectors.set(sectors)
        Representative.objects.create(organisation=organisation, user=actor)
        audit_log(actor=actor, obj=organisation, action="organisations.profile.created",
                  data={"partner": organisation.partner_id, "findable": organisation.findable})
        _embed_if_changed(organisation, True)
    forget_representing(actor)
    return organisation


def profile_update(*, actor, organisation: Organisation, values: dict, sectors) -> Organisation:
    """A representative changes their organisation's profile. A verified profile whose kind,
    name, sectors, country or website change waits for verification again; one whose description
    or capabilities change stays verified, and its keepers are told; a declined one goes back to
    the queue with any change."""
    _require(actor, "organisations.change_profile", organisation)
    profile_check(values)
    values = _profile_values(values)
    with transaction.atomic():
        # The stored profile, not the caller's copy (a bound form has put the new values on it).
        organisation = _locked(organisation)
        changes = changed_fields(organisation, values)
        sectors_changed = _sectors_differ(organisation, sectors)
        if sectors_changed:
            changes["sectors"] = [" ".join(sorted(s.pk for s in organisation.sectors.all())),
                                  " ".join(sorted(s.pk for s in sectors))]
        if not changes:
            return organisation
        unverified = organisation.is_verified and (
            sectors_changed or any(name in changes for name in VERIFIED_FIELDS))
        for name, value in values.items():
            setattr(organisation, name, value)
        if unverified:
            organisation.verified_at = organisation.verified_by = None
        organisation.declined_at = None
        organisation.full_clean()
        organisation.save()
        if sectors_changed:
            organisation.sectors.set(sectors)
        audit_log(actor=actor, obj=organisation, action="organisations.profile.changed",
                  data={"changes": changes, "unverified": unverified})
        told = [name for name in TOLD_FIELDS if name in changes]
        if organisation.is_verified and told:
            _keepers_mail(organisation, kind="profile_changed", context={"fields": told},
                          key=f"{organisation.pk}:{timezone.localdate().isoformat()}")
        _embed_if_changed(organisation, sectors_changed or any(name in changes for name in EMBEDDED_FIELDS))
    return organisation


def organisation_verify(*, actor, organisation: Organisation) -> Organisation:
    """Partner staff confirm that the organisation is what its profile says; its representatives
    are told."""
    _require(actor, "organisations.verify_organisation", organisation)
    if organisation.is_verified:
        return organisation
    with transaction.atomic():
        organisation.verified_at, organisation.verified_by = timezone.now(), actor
        organisation.declined_at, organisation.verification_note = None, ""
        organisation.save(update_fields=["verified_at", "verified_by", "declined_at",
                                         "verification_note", "updated_at"])
        audit_log(actor=actor, obj=organisation, action="organisations.organisation.verified")
        _verification_mail(organisation, "verified")
    return organisation


def organisation_decline(*, actor, organisation: Organisation, note: str) -> Organisation:
    """Partner staff decline to verify, saying why; the representatives are told in their
    language. The profile leaves the queue until a representative changes it."""
    _require(actor, "organisations.verify_organisation", organisation)
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Say why, so that the representative can put it right."))
    if len(note) > DECLINE_NOTE_MAX:
        raise ValidationError(_("At most %(max)s characters, please.") % {"max": DECLINE_NOTE_MAX})
    with transaction.atomic():
        organisation.verified_at = organisation.verified_by = None
        organisation.declined_at, organisation.verification_note = timezone.now(), note
        organisation.save(update_fields=["verified_at", "verified_by", "declined_at",
                                         "verification_note", "updated_at"])
        audit_log(actor=actor, obj=organisation, action="organisations.organisation.declined",
                  data={"note": note})
        _verification_mail(organisation, "declined")
    return organisation


def _verification_mail(organisation: Organisation, outcome: str) -> None:
    """One mail to each representative, in their language, under a key naming the decision."""
    from ecocsme.core.http import absolute_url
    from ecocsme.core.outbox import mail_queue, outbox_wake

    moment = organisation.verified_at or organisation.declined_at
    for representative in organisation.representatives.select_related("user"):
        user = representative.user
        if not user.email or not user.is_active:
            continue
        mail_queue(key=f"organisations.verification:{organisation.pk}:{user.pk}:{outcome}:"
                       f"{moment.timestamp():.0f}",
                   to=user.email, template="organisations/mail/verification", language=user.language,
                   context={"name": user.get_full_name() or user.username, "organisation": organisation.name,
                            "outcome": outcome, "note": organisation.verification_note,
                            "profile_url": absolute_url("organisations:my_organisation",
                                                        language=user.language)})
    outbox_wake()


def keepers_of(organisation: Organisation) -> list:
    """Who looks after an organisation for the partnership: the active staff of the partner that
    keeps it, else the coordinators (of any project: no partner keeps it)."""
    from ecocsme.accounts.models import Membership, User

    if organisation.partner_id:
        memberships = Membership.objects.filter(partner_id=organisation.partner_id,
                                                role=Membership.Role.PARTNER_STAFF)
    else:
        memberships = Membership.objects.filter(role=Membership.Role.COORDINATOR)
    return list(User.objects.filter(pk__in=memberships.values("user_id"), is_active=True).exclude(email="")
                .order_by("pk"))


def _keepers_mail(organisation: Organisation, *, kind: str, key: str, context: dict) -> int:
    """One mail to each keeper of the organisation (keepers_of), in their language, under
    `organisations.<kind>:<key>:<keeper>`; how many."""
    from ecocsme.core.http import absolute_url
    from ecocsme.core.outbox import mail_queue, outbox_wake

    keepers = keepers_of(organisation)
    for keeper in keepers:
        mail_queue(key=f"organisations.{kind}:{key}:{keeper.pk}", to=keeper.email,
                   template=f"organisations/mail/{kind}", language=keeper.language,
                   context={"name": keeper.get_full_name() or keeper.username,
                            "organisation": organisation.name,
                            "url": absolute_url("organisations:organisation_verify", [organisation.pk],
                                                language=keeper.language), **context})
    if keepers:
        outbox_wake()
    return len(keepers)


def representative_leave(*, user, actor=None) -> list[Organisation]:
    """An account that represents organisations is being deleted: each stays, as a profile without
    it (its other representatives, if any, go on), audited, and its keepers are told by mail.
    Call inside the deletion's transaction; the representative links go with the account."""
    links = list(Representative.objects.filter(user=user).select_related("organisation__partner")
                 .order_by("pk"))
    for link in links:
        organisation = link.organisation
        left = organisation.representatives.exclude(user=user).count()
        audit_log(actor=actor, obj=organisation, action="organisations.representative.left",
                  data={"reason": "account deleted", "representatives_left": left})
        _keepers_mail(organisation, kind="representative_left", key=f"{organisation.pk}:{link.pk}",
                      context={"representatives_left": left})
    forget_representing(user)
    return [link.organisation for link in links]


def organisation_delete(*, actor, organisation: Organisation) -> None:
    _require(actor, "organisations.delete_organisation", organisation)
    with transaction.atomic():
        audit_log(actor=actor, action="organisations.organisation.deleted", obj=organisation)
        organisation.delete()


def contact_save(*, actor, contact: Contact | None, values: dict, partner: Partner | None = None,
                 consents: dict[str, bool] | None = None,
                 source: str = Consent.Source.STAFF) -> Contact:
    """Create (contact=None, kept by `partner`) or change a contact and, optionally, its consent."""
    creating = contact is None
    if creating:
        _require(actor, "organisations.add_contact")
        if partner is None or not actor.has_perm("partnerships.change_partner", partner):
            raise PermissionDenied(_("Contacts are kept by a partner you work for."))
        contact = Contact(partner=partner)
    else:
        _require(actor, "organisations.change_contact", contact)
        if contact.is_erased:
            raise ValidationError(_("This contact was erased and cannot be changed."))
    changes = {} if creating else changed_fields(contact, values)
    with transaction.atomic():
        for name, value in values.items():
            setattr(contact, name, value)
        contact.email = contact.email.strip().lower()
        contact.full_clean()
        contact.save()
        audit_log(actor=actor, obj=contact,
                  action="organisations.contact." + ("added" if creating else "changed"),
                  data={"changes": changes})
        for purpose, granted in (consents or {}).items():
            consent_set(contact=contact, purpose=purpose, granted=granted, source=source,
                        actor=actor)
    return contact


def consent_set(*, contact: Contact, purpose: str, granted: bool, source: str, actor=None) -> bool:
    """Record consent for one purpose; returns whether anything changed."""
    if purpose not in Consent.Purpose.values:
        raise ValidationError(_("Unknown purpose: %s") % purpose)
    current = Consent.objects.filter(contact=contact, purpose=purpose).first()
    if current is not None and current.granted == granted:
        return False
    Consent.objects.update_or_create(contact=contact, purpose=purpose,
                                     defaults={"granted": granted, "source": source})
    audit_log(actor=actor, obj=contact,
              action="organisations.consent." + ("granted" if granted else "withdrawn"),
              data={"purpose": purpose, "source": source})
    return True


def contact_unsubscribe(*, contact_id: int, purpose: str) -> Contact | None:
    """Withdraw consent through a signed link; the link was checked by the caller."""
    contact = Contact.objects.filter(pk=contact_id, erased_at__isnull=True).first()
    if contact is None or purpose not in Consent.Purpose.values:
        return None
    with transaction.atomic():
        consent_set(contact=contact, purpose=purpose, granted=False,
                    source=Consent.Source.UNSUBSCRIBE)
    return contact


def contact_personal_data(*, actor, contact: Contact) -> dict:
    """Everything held on the person, as JSON-ready data (ORG-3): the contact record and one
    section per holding that an app registered (organisations.personal_data)."""
    _require(actor, "organisations.view_contact", contact)
    organisation = contact.organisation
    data = {
        "contact": personal_data.record(
            contact, name=contact.name, email=contact.email, phone=contact.phone, position=contact.role,
            language=contact.language, notes=contact.notes, created_at=contact.created_at.isoformat(),
            kept_by_partner=str(contact.partner), erased_at=personal_data.when(contact.erased_at)),
        "organisation": {"id": organisation.pk, "name": organisation.name,
                         "city": organisation.city} if organisation else None,
    }
    for holding in personal_data.holdings():
        data[holding.section] = holding.exporter(contact)
    audit_log(actor=actor, action="organisations.contact.exported", obj=contact)
    return data


def contact_holdings_count(*, actor, contact: Contact) -> dict[str, int]:
    """How many records each holding keeps on the person, shown before an erasure."""
    _require(actor, "organisations.erase_contact", contact)
    return {holding.section: len(holding.exporter(contact)) for holding in personal_data.holdings()}


def contact_erase(*, actor, contact: Contact) -> Contact:
    """Remove what identifies the person; what they said stays, anonymised (ORG-3)."""
    _require(actor, "organisations.erase_contact", contact)
    if contact.is_erased:
        return contact
    with transaction.atomic():
        for purpose in Consent.Purpose.values:
            consent_set(contact=contact, purpose=purpose, granted=False,
                        source=Consent.Source.ERASURE, actor=actor)
        for holding in personal_data.holdings():
            holding.eraser(contact)
        contact.name = _("Erased contact %(id)s") % {"id": contact.pk}
        contact.email = ""
        contact.phone = ""
        contact.role = ""
        contact.notes = ""
        contact.erased_at = timezone.now()
        contact.save()
        audit_scrub(contact, replacement=contact.name)
        audit_log(actor=actor, action="organisations.contact.erased", obj=contact)
        transaction.on_commit(_database_file_compact)
    return contact


def _database_file_compact() -> None:
    """Copy the write-ahead log into the SQLite file and empty it, so that the pages that held
    the person's data before the erasure leave the log too (secure_delete clears the file)."""
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
