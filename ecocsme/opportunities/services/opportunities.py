"""Posting an opportunity and taking it through moderation (OPP-1).

Partner staff, coordinators and the representatives of a verified organisation post; the post
is a draft until sent for review; a moderator (the moderating partner's staff, the coordinators
of its project, or every coordinator when no partner moderates it) publishes it, returns it with
a note or closes it; the poster's side withdraws it. A moderator who posted it may publish it
without a review. Published opportunities close by themselves once their deadline has passed
(`opportunities_close_past_deadline`, the hourly task). Every write checks the permission, checks
the input, writes in one transaction and records an `AuditEntry`
(`opportunities.opportunity.<verb>`). The moderators are told by mail that a post waits for their
review; the poster's side that a moderator returned it (with the note), published it or closed
it (`_mail`)."""

import difflib
import re
import unicodedata

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ecocsme.core.audit import audit_log, changed_fields
from ecocsme.core.http import absolute_url
from ecocsme.core.outbox import outbox_wake
from ecocsme.text.detect import detect_language

from ..access import REFUSED, posting_organisations
from ..models import DESCRIPTION_MAX_CHARS, TITLE_MAX_CHARS, Opportunity
from ..rules import EDITABLE_STATUSES, staffed_partner_ids
from ..selectors import past_deadline, posted_today_by
from .mail import moderators_of, poster_side_users, titled, user_mail

MAX_POSTS_PER_DAY = 10
NEAR_SAME = 0.9  # how alike two posts' title and description are to count as the same post
CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone")
FIELDS = ("title", "description", "kind", "ecoc_title", "phase", "language", "city", "country",
          "deadline", "budget_eur", "cross_border", *CONTACT_FIELDS)


class Send:
    """What to do with a post once saved."""

    KEEP = ""  # stays as it is (a draft, or returned)
    REVIEW = "review"  # sent to the moderators
    PUBLISH = "publish"  # published at once: a moderator's own post


def _require(actor, perm: str, obj=None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied(REFUSED)


# --- checking what is posted -------------------------------------------------------------------
def check_values(values: dict, *, sectors=None) -> None:
    """A clear message for each field that is not right; nothing is saved then."""
    errors: dict[str, list[str]] = {}
    title = printable(values.get("title") or "")
    description = printable(values.get("description") or "")
    if not title:
        errors.setdefault("title", []).append(_("Give the opportunity a title."))
    elif len(title) > TITLE_MAX_CHARS:
        errors.setdefault("title", []).append(
            _("The title is %(count)s characters long; at most %(limit)s are allowed.")
            % {"count": len(title), "limit": TITLE_MAX_CHARS})
    if not description:
        errors.setdefault("description", []).append(
            _("Describe the opportunity: what is asked, from whom, by when."))
    elif len(description) > DESCRIPTION_MAX_CHARS:
        errors.setdefault("description", []).append(
            _("The description is %(count)s characters long; at most %(limit)s are allowed. "
              "Shorten it, or link to the full documents.")
            % {"count": number_format(len(description), force_grouping=True),
               "limit": number_format(DESCRIPTION_MAX_CHARS, force_grouping=True)})
    deadline = values.get("deadline")
    if deadline is None:
        errors.setdefault("deadline", []).append(_("Give the deadline for answers."))
    elif deadline < timezone.localdate():
        errors.setdefault("deadline", []).append(
            _("The deadline %(date)s has passed; choose today or a later day.")
            % {"date": deadline.isoformat()})
    elif deadline.year > timezone.localdate().year + DEADLINE_YEARS_AHEAD:
        errors.setdefault("deadline", []).append(
            _("The deadline %(date)s is more than %(years)s years ahead; check the date.")
            % {"date": deadline.isoformat(), "years": DEADLINE_YEARS_AHEAD})
    budget = values.get("budget_eur")
    if budget is not None and budget < 0:
        errors.setdefault("budget_eur", []).append(_("A budget cannot be negative."))
    if values.get("kind") not in Opportunity.Kind.values:
        errors.setdefault("kind", []).append(_("Choose the kind of opportunity."))
    if values.get("ecoc_title") is None:
        errors.setdefault("ecoc_title", []).append(_("Choose the ECoC title the opportunity is linked to."))
    language = values.get("language")
    if language and language not in dict(settings.LANGUAGES):
        errors.setdefault("language", []).append(
            _("%(code)s is not a language of the platform.") % {"code": str(language)[:20]})
    if sectors is not None:
        from ecocsme.reference.models import NaceDivision

        codes = [getattr(sector, "code", sector) for sector in sectors]
        known = set(NaceDivision.objects.filter(code__in=[str(c)[:2] for c in codes])
                    .values_list("code", flat=True))
        unknown = [str(code)[:20] for code in codes if code not in known]
        if unknown:
            errors.setdefault("sectors", []).append(
                _("Not NACE divisions: %(codes)s.") % {"codes": ", ".join(unknown)})
    if errors:
        raise ValidationError(errors)


def _normalised(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _alike(a: str, b: str) -> bool:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return (matcher.real_quick_ratio() >= NEAR_SAME and matcher.quick_ratio() >= NEAR_SAME
            and matcher.ratio() >= NEAR_SAME)


def check_not_spam(actor, values: dict, *, exclude: int | None = None, creating: bool) -> None:
    """The same poster may not post the same or nearly the same title and description again
    within 24 hours, nor more than MAX_POSTS_PER_DAY posts in 24 hours."""
    recent = posted_today_by(actor).exclude(status=Opportunity.Status.WITHDRAWN)
    if exclude is not None:
        recent = recent.exclude(pk=exclude)
    if creating and posted_today_by(actor).count() >= MAX_POSTS_PER_DAY:
        raise ValidationError(
            ngettext("You have posted %(count)s opportunity in the last 24 hours, the most allowed. "
                     "Post again tomorrow, or ask the moderators.",
                     "You have posted %(count)s opportunities in the last 24 hours, the most allowed. "
                     "Post again tomorrow, or ask the moderators.", MAX_POSTS_PER_DAY)
            % {"count": MAX_POSTS_PER_DAY})
    text = _normalised(f"{values.get('title', '')}\n{values.get('description', '')}")
    for earlier in recent.only("pk", "title", "description"):
        if _alike(text, _normalised(f"{earlier.title}\n{earlier.description}")):
            raise ValidationError(
                _("You posted the same opportunity in the last 24 hours (“%(title)s”). Change "
                  "that one instead of posting it again.") % {"title": earlier.title[:80]})


# --- who moderates --------------------------------------------------------------------------------
def moderating_partner(actor, *, partner=None, organisation=None, ecoc_title=None):
    """The poster's own partner when they are its staff; else the partner that keeps the
    organisation; else a partner whose city holds the opportunity's ECoC title (one of a project
    the poster coordinates first); else none, and the coordinators moderate."""
    from ecocsme.partnerships.models import Partner

    if partner is not None:
        return partner
    if organisation is not None and organisation.partner_id is not None:
        return organisation.partner
    if ecoc_title is not None:
        from ..rules import coordinated_project_ids

        candidates = list(Partner.objects.filter(ecoc_title=ecoc_title).select_related("project")
                          .order_by("project_id", "number"))
        coordinated = coordinated_project_ids(actor)
        candidates.sort(key=lambda p: p.project_id not in coordinated)
        if candidates:
            return candidates[0]
    return None


TEXT_FIELDS = ("title", "description", "city", "contact_name", "contact_phone")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
DEADLINE_YEARS_AHEAD = 5


def printable(text: str) -> str:
    """Without control characters (a form feed pasted from a PDF broke the Atom feed) or the
    marks that turn text right to left, and without spaces around."""
    return CONTROL.sub(" ", text).strip()


def _defaults(values: dict) -> dict:
    """The phase of the title today, its city and country, and the language the text is in,
    where the poster gave none."""
    cleaned = {name: printable(values[name]) for name in TEXT_FIELDS if isinstance(values.get(name), str)}
    values = {**values, **cleaned}
    title = values["ecoc_title"]
    if not values.get("phase"):
        values["phase"] = title.phase_on(timezone.localdate()).value
    if not values.get("city"):
        values["city"] = title.city
    if not values.get("country"):
        values["country"] = title.country.code if title.country else ""
    if not values.get("language"):
        reader = translation.get_language() or settings.LANGUAGE_CODE
        reader = reader if reader in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        values["language"] = detect_language(f"{values['title']}. {values['description']}",
                                              default=reader)
    return values


# --- writing --------------------------------------------------------------------------------------
def opportunity_save(*, actor, opportunity: Opportunity | None, values: dict, sectors=None,
                     organisation=None, partner=None, send: str = Send.KEEP) -> Opportunity:
    """Post an opportunity (`opportunity` None) for `organisation` (a verified one the actor
    represents) or `partner` (one the actor works for), or change one while it is a draft or
    returned; then, as asked, send it for review or publish it. All or nothing."""
    if opportunity is None:
        _require(actor, "opportunities.add_opportunity")
        organisation, partner = _poster_side(actor, organisation, partner)
    else:
        _require(actor, "opportunities.change_opportunity", opportunity)
    values = {name: values.get(name) for name in FIELDS if name in values}
    check_values(values, sectors=sectors)
    values = _defaults(values)
    with transaction.atomic():
        from ecocsme.accounts.models import User

        # One post at a time per poster, so that the limits hold under double clicks.
        User.objects.select_for_update().filter(pk=actor.pk).first()
        if opportunity is None:
            check_not_spam(actor, values, creating=True)
            opportunity = Opportunity(posted_by=actor, organisation=organisation, **values)
            opportunity.partner = moderating_partner(actor, partner=partner, organisation=organisation,
                                                     ecoc_title=values["ecoc_title"])
            action, data = "opportunities.opportunity.created", {}
        else:
            opportunity = (Opportunity.objects.select_for_update(of=("self",)).select_related("partner")
                           .get(pk=opportunity.pk))
            _require(actor, "opportunities.change_opportunity", opportunity)
            check_not_spam(actor, values, exclude=opportunity.pk, creating=False)
            changes = changed_fields(opportunity, {k: v for k, v in values.items()
                                                   if k not in CONTACT_FIELDS})
            contact_changed = any(getattr(opportunity, k) != v for k, v in values.items()
                                  if k in CONTACT_FIELDS)
            for name, value in values.items():
                setattr(opportunity, name, value)
            action = "opportunities.opportunity.changed"
            data = {"changes": changes, "contact_changed": contact_changed}
        opportunity.vector, opportunity.vector_model = None, ""  # what it says may have changed
        opportunity.full_clean()
        opportunity.save()
        if sectors is not None:
            opportunity.sectors.set(sectors)
        audit_log(actor=actor, action=action, obj=opportunity, data=data)
        _embed_later(opportunity.pk)
        if send == Send.PUBLISH and not actor.has_perm("opportunities.moderate_opportunity", opportunity):
            send = Send.REVIEW  # another partner moderates it: it goes to them
        if send == Send.REVIEW:
            opportunity = _submit(actor, opportunity)
        elif send == Send.PUBLISH:
            opportunity = _publish(actor, opportunity)
    return opportunity


def _embed_later(pk: int) -> None:
    """Queue the opportunity's vector for matching after the commit (the pages compute it
    themselves if they come first)."""
    from ..tasks import embed_opportunity

    transaction.on_commit(lambda: embed_opportunity.enqueue(pk))


def _poster_side(actor, organisation, partner):
    """(organisation, partner) checked: an organisation only if verified and represented by the
    actor; a partner only if the actor works for it (the only one they work for when not given)."""
    if organisation is not None:
        if organisation.pk not in {o.pk for o in posting_organisations(actor)}:
            raise PermissionDenied(_("You may post for the verified organisations you represent only."))
        return organisation, _own_partner(actor, partner)
    staffed = staffed_partner_ids(actor)
    if partner is not None and partner.pk not in staffed and not actor.is_superuser:
        raise PermissionDenied(_("You may post for the partners you work for only."))
    if partner is None and not (actor.is_superuser or staffed or _coordinates(actor)):
        raise PermissionDenied(_("Choose the verified organisation you post for."))
    return None, _own_partner(actor, partner)


def _own_partner(actor, partner):
    if partner is not None:
        return partner
    staffed = sorted(staffed_partner_ids(actor))
    if staffed:
        from ecocsme.partnerships.models import Partner

        return Partner.objects.select_related("project").get(pk=staffed[0])
    return None


def _coordinates(actor) -> bool:
    from ecocsme.accounts.predicates import coordinates_a_project

    return coordinates_a_project(actor)


def _locked(opportunity: Opportunity) -> Opportunity:
    return (Opportunity.objects.select_for_update(of=("self",)).select_related("partner")
            .get(pk=opportunity.pk))


def _check_deadline(opportunity: Opportunity) -> None:
    if opportunity.deadline_passed:
        raise ValidationError(_("The deadline %(date)s has passed; change it first.")
                              % {"date": opportunity.deadline.isoformat()})


def _submit(actor, opportunity: Opportunity) -> Opportunity:
    _require(actor, "opportunities.submit_opportunity", opportunity)
    _check_deadline(opportunity)
    if opportunity.organisation_id is not None and opportunity.organisation.verified_at is None:
        raise ValidationError(_("The organisation is not verified (any more): the partner's staff "
                                "verify it before its opportunities are reviewed."))
    again = opportunity.status == Opportunity.Status.RETURNED
    opportunity.status = Opportunity.Status.IN_REVIEW
    opportunity.submitted_at = timezone.now()
    opportunity.save(update_fields=["status", "submitted_at", "updated_at"])
    audit_log(actor=actor, action="opportunities.opportunity.submitted", obj=opportunity)
    _mail(opportunity, moderators_of(opportunity), "resubmitted" if again else "submitted",
          moment=opportunity.submitted_at, actor=actor)
    return opportunity


def _publish(actor, opportunity: Opportunity) -> Opportunity:
    _require(actor, "opportunities.moderate_opportunity", opportunity)
    if opportunity.status in EDITABLE_STATUSES:
        # Without a review: only a moderator who is on the poster's side.
        if not actor.has_perm("opportunities.change_opportunity", opportunity):
            raise ValidationError(_("Only an opportunity waiting for review can be published."))
    elif opportunity.status != Opportunity.Status.IN_REVIEW:
        raise ValidationError(_("Only an opportunity waiting for review can be published."))
    _check_deadline(opportunity)
    direct = opportunity.status != Opportunity.Status.IN_REVIEW
    opportunity.status = Opportunity.Status.PUBLISHED
    opportunity.published_at = timezone.now()
    opportunity.moderated_by = actor
    opportunity.moderation_note = ""
    opportunity.save(update_fields=["status", "published_at", "moderated_by", "moderation_note",
                                    "updated_at"])
    audit_log(actor=actor, action="opportunities.opportunity.published", obj=opportunity,
              data={"without_review": direct})
    if not direct:  # a moderator's own post, published at once: nobody to tell
        _mail(opportunity, poster_side_users(opportunity, or_moderators=False), "published",
              moment=opportunity.published_at, actor=actor)
    return opportunity


def opportunity_submit(*, actor, opportunity: Opportunity) -> Opportunity:
    """Send a draft (or a returned post) to the moderators."""
    with transaction.atomic():
        return _submit(actor, _locked(opportunity))


def opportunity_publish(*, actor, opportunity: Opportunity) -> Opportunity:
    with transaction.atomic():
        return _publish(actor, _locked(opportunity))


def opportunity_return(*, actor, opportunity: Opportunity, note: str) -> Opportunity:
    """Send a post waiting for review, or a published one, back to the poster with a note."""
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Say what the poster should change."))
    if len(note) > 4000:
        raise ValidationError(_("A note is at most 4,000 characters."))
    with transaction.atomic():
        opportunity = _locked(opportunity)
        _require(actor, "opportunities.moderate_opportunity", opportunity)
        if opportunity.status not in (Opportunity.Status.IN_REVIEW, Opportunity.Status.PUBLISHED):
            raise ValidationError(_("Only an opportunity waiting for review or published can be returned."))
        was_published = opportunity.is_published
        opportunity.status = Opportunity.Status.RETURNED
        opportunity.moderation_note = note
        opportunity.moderated_by = actor
        opportunity.save(update_fields=["status", "moderation_note", "moderated_by", "updated_at"])
        audit_log(actor=actor, action="opportunities.opportunity.returned", obj=opportunity,
                  data={"note": note, "was_published": was_published})
        _mail(opportunity, poster_side_users(opportunity, or_moderators=False), "returned",
              moment=opportunity.updated_at, actor=actor, note=note, was_published=was_published)
    return opportunity


def opportunity_close(*, actor, opportunity: Opportunity, note: str = "") -> Opportunity:
    """Close a published opportunity (or one waiting for review) before its deadline."""
    with transaction.atomic():
        opportunity = _locked(opportunity)
        _require(actor, "opportunities.moderate_opportunity", opportunity)
        if opportunity.status not in (Opportunity.Status.PUBLISHED, Opportunity.Status.IN_REVIEW):
            raise ValidationError(_("Only a published opportunity or one waiting for review can be closed."))
        opportunity.status = Opportunity.Status.CLOSED
        opportunity.closed_at = timezone.now()
        opportunity.moderated_by = actor
        opportunity.moderation_note = (note or "").strip()[:4000]
        opportunity.save(update_fields=["status", "closed_at", "moderated_by", "moderation_note",
                                        "updated_at"])
        audit_log(actor=actor, action="opportunities.opportunity.closed", obj=opportunity,
                  data={"note": opportunity.moderation_note})
        _mail(opportunity, poster_side_users(opportunity, or_moderators=False), "closed",
              moment=opportunity.closed_at, actor=actor, note=opportunity.moderation_note)
    return opportunity


def opportunity_withdraw(*, actor, opportunity: Opportunity) -> Opportunity:
    """The poster's side takes its post back: it leaves every list and feed for good."""
    with transaction.atomic():
        opportunity = _locked(opportunity)
        _require(actor, "opportunities.withdraw_opportunity", opportunity)
        opportunity.status = Opportunity.Status.WITHDRAWN
        opportunity.closed_at = timezone.now()
        opportunity.save(update_fields=["status", "closed_at", "updated_at"])
        audit_log(actor=actor, action="opportunities.opportunity.withdrawn", obj=opportunity)
    return opportunity


# --- mail ----------------------------------------------------------------------------------------------
MAIL_TEMPLATE = "opportunities/mail/moderation"


def _mail(opportunity: Opportunity, users, kind: str, *, moment, actor, note: str = "",
          was_published: bool = False) -> None:
    """One mail to each of `users` but the actor, in their language, linking to the opportunity's
    page (where the moderators publish, return or close it, and the poster's side reads the note
    and changes it): to the moderators when it is sent for review ("submitted", "resubmitted" once
    returned), to the poster's side when a moderator returns it, publishes it or closes it.

    No unsubscribe link: these mails belong to a post the recipient made, speaks for or moderates,
    and end with it; they are not a subscription. Their outbox key names the opportunity, the
    kind, the moment and the recipient, so a repeated request queues nothing."""
    organisation = opportunity.organisation.name if opportunity.organisation_id is not None else ""
    event = f"opportunities.moderation:{opportunity.pk}:{kind}:{moment.timestamp():.6f}"
    for user in users:
        if user.pk == actor.pk:
            continue
        user_mail(user, key=f"{event}:{user.pk}",
                  template=MAIL_TEMPLATE, context={
                      "kind": kind, **titled(opportunity),
                      "organisation": organisation, "note": note, "was_published": was_published,
                      "opportunity_url": absolute_url("opportunities:detail", [opportunity.pk],
                                                      language=user.language),
                  })
    outbox_wake()


def opportunities_close_past_deadline() -> int:
    """Close the published opportunities whose deadline has passed; returns how many. (Lists,
    feeds and the API already leave them out; this records it.)"""
    now = timezone.now()
    closed = 0
    with transaction.atomic():
        for opportunity in past_deadline().select_for_update():
            opportunity.status = Opportunity.Status.CLOSED
            opportunity.closed_at = now
            opportunity.save(update_fields=["status", "closed_at", "updated_at"])
            audit_log(actor=None, action="opportunities.opportunity.closed", obj=opportunity,
                      data={"deadline_passed": opportunity.deadline.isoformat()})
            closed += 1
    return closed
