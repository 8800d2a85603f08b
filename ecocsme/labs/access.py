"""Who may see and run a lab, as fetchers for views, the API and exports.

One rule decides who sees a lab: `labs.view_lab` (labs/rules.py: the members of its project and
the administrator); `labs_visible_to(user)` is its query form. The fetchers below take what a
request names (a pk, an id from a form) and return the object only when the user may have it:

- `Http404` when the object does not exist or the user may not see it, so that a page never
  tells a stranger that a lab, an invitation or a reply exists;
- `PermissionDenied` when the user sees it but may not do what was asked (e.g. another
  partner's staff reading a lab may not change it).

The fetchers of what is inside a lab (`reply_of`, `theme_of`, and the invitation core's
`invitation_of`) take the lab as returned by `lab_for` and look only inside it.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from ecocsme.accounts.predicates import memberships_of
from ecocsme.core.access import permitted
from ecocsme.invitations import access as invitation_core

from .models import EmailReply, Invitation, Lab, Response, Theme


def labs_visible_to(user) -> QuerySet[Lab]:
    """The labs the user may see (`labs.view_lab`: the labs of the projects the user belongs to;
    every lab for the administrator; none for anyone else), with their figures
    (`invitation_count`, `submitted_count`), in the order of the lab list."""
    labs = Lab.objects.select_related("partner", "project").annotate(
        invitation_count=Count("invitations", distinct=True),
        submitted_count=Count("responses", filter=Q(responses__status=Response.Status.SUBMITTED),
                              distinct=True),
    )
    if not user.is_superuser:
        labs = labs.filter(project_id__in=[m.project_id for m in memberships_of(user)])
    return labs.order_by("project__code", "partner__number", "number")


def lab_for(user, pk: int, perm: str = "labs.view_lab") -> Lab:
    """The lab `pk`, with its partner and project, for a user who may see it and holds `perm` on it.

    Http404 when there is no such lab or the user may not see it (`labs.view_lab`);
    PermissionDenied when the user sees it but lacks `perm` (e.g. "labs.change_lab": only the
    partner's staff, the coordinator and the administrator run a lab).
    """
    return permitted(user, Lab.objects.select_related("partner", "project").filter(pk=pk).first(),
                     view="labs.view_lab", perm=perm, missing=_("No such lab."),
                     refused=_("Only the partner's staff and the coordinator may do this."))


def reply_of(user, lab: Lab, reply_id: int) -> EmailReply:
    """An e-mail reply kept for `lab` (with its invitation's contact), for those who run the lab.

    PermissionDenied when the user may not change the lab (replies are read by the partner's
    staff, the coordinator and the administrator); Http404 when the lab has no such reply.
    """
    if not user.has_perm("labs.change_lab", lab):
        raise PermissionDenied(_("Only the partner's staff and the coordinator may do this."))
    reply = lab.email_replies.select_related("invitation__contact").filter(pk=reply_id).first()
    if reply is None:
        raise Http404(_("No such reply."))
    return reply


def theme_of(user, lab: Lab, theme_id: int) -> Theme:
    """A theme of `lab`'s stored synthesis (with its question and lab), for a user who may see
    the lab. Http404 when the lab has no such theme (any more: merged, split or replaced)."""
    if not user.has_perm("labs.view_lab", lab):
        raise Http404(_("No such lab."))
    theme = lab.themes.select_related("question", "lab").filter(pk=theme_id).first()
    if theme is None:
        raise Http404(_("No such theme: it may have been merged, split or replaced."))
    return theme


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a personal link names, or None when the link is not valid or its person
    has been erased. Anyone holding the link may answer: the link is the permission."""
    return invitation_core.invitation_for_token(
        Invitation.objects.select_related("lab__partner", "contact__organisation"), token)


def labs_of_title(user, ecoc_title) -> list[Lab]:
    """The labs the user may see of the partners whose city holds `ecoc_title` (its page, REF-5)."""
    return list(labs_visible_to(user).filter(partner__ecoc_title=ecoc_title))
