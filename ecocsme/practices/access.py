"""Who may see and change a good practice, as fetchers for views, the API, feeds and exports.

A published practice is everyone's to read; a draft or one waiting for review only its project's
members (and the administrator) see (`practices.view_practice`). `published_practices()` is the
query form of the public rule — the only one pages, the API, feeds, exports and search use for
visitors — and `practices_visible_to(user)` that of the whole rule.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from ecocsme.accounts.predicates import memberships_of
from ecocsme.core.access import permitted

from .models import Assessment, Attachment, Practice

REFUSED = _("Only the partner's staff and the coordinator may do this.")


def published_practices() -> QuerySet[Practice]:
    return Practice.objects.filter(status=Practice.Status.PUBLISHED)


def practices_visible_to(user) -> QuerySet[Practice]:
    practices = Practice.objects.all()
    if user.is_superuser:
        return practices
    projects = [m.project_id for m in memberships_of(user)]
    return practices.filter(Q(status=Practice.Status.PUBLISHED) | Q(project_id__in=projects))


def practices_in_work_for(user) -> QuerySet[Practice]:
    """The drafts and practices waiting for review that the user may see: the back office's list."""
    return practices_visible_to(user).exclude(status=Practice.Status.PUBLISHED) if (
        user.is_superuser or memberships_of(user)) else Practice.objects.none()


def practice_for(user, slug: str, perm: str | None = None) -> Practice:
    """The practice at `slug` for a user who may see it (Http404 otherwise) and holds `perm`
    (PermissionDenied otherwise)."""
    practice = (Practice.objects.select_related("partner", "project", "ecoc_title", "nuts_region")
                .prefetch_related("sectors").filter(slug=slug).first())
    return permitted(user, practice, view="practices.view_practice", perm=perm,
                     missing=_("No such practice."), refused=REFUSED)


def attachment_for(user, slug: str, pk: int) -> Attachment:
    practice = practice_for(user, slug)
    attachment = practice.attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404(_("No such file."))
    return attachment


def assessment_partners(user, practice: Practice) -> list:
    """The partners for which the user may assess the practice: those they work for, but the one
    that identified it."""
    from ecocsme.accounts.models import Membership
    from ecocsme.partnerships.models import Partner

    if not user.has_perm("practices.assess_practice", practice):
        return []
    ids = [m.partner_id for m in memberships_of(user)
           if m.role == Membership.Role.PARTNER_STAFF and m.partner_id != practice.partner_id]
    return list(Partner.objects.filter(pk__in=ids).select_related("project").order_by("name"))


def assessments_of(practice: Practice) -> list[Assessment]:
    """Assessments are the partners' public judgement of a published practice; its project's
    members see them on drafts too (the practice's own rule applies first)."""
    return list(practice.assessments.select_related("partner").order_by("partner__name"))


def practice_visible(user, pk: int) -> Practice | None:
    """The practice `pk` with its relations when the user may see it (the API's detail)."""
    from .selectors import with_relations

    return with_relations(practices_visible_to(user)).filter(pk=pk).first()
