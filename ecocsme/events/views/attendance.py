"""Who comes (EVT-4): check-in on the day, the printable attendance sheet, the participants of an
event and the participation over the events one may see, as files."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.http import number_from
from ecocsme.events.services.answers import invitation_check_in
from ecocsme.invitations.access import invitation_of
from ecocsme.organisations.access import people_visible_to

from ..access import event_for, events_visible_to
from ..models import EventInvitation
from ..reports import (
    PARTICIPANT_COLUMNS,
    PARTICIPATION_COLUMNS,
    attendance_pdf,
    participant_rows,
    participation_rows,
)
from ..selectors import confirmed_participants, event_invitations, participation


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request, pk: int):
    """The day's list: tick those present (htmx swaps one row)."""
    event = event_for(request.user, pk, "events.change_event")
    if request.method == "POST":
        invitation = invitation_of(request.user, event, number_from(request.POST.get("invitation", "")))
        if invitation.place != EventInvitation.Place.CONFIRMED:
            raise Http404(_("No such participant."))
        invitation = invitation_check_in(actor=request.user, invitation=invitation,
                                         present=request.POST.get("present") == "1")
        if request.htmx:
            return render(request, "events/_check_in_row.html", {"event": event, "item": invitation})
        return redirect("events:check_in", pk=event.pk)
    participants, hidden = people_visible_to(request.user).split(confirmed_participants(event))
    return render(request, "events/check_in.html", {
        "event": event, "participants": participants, "hidden": hidden,
        "present": sum(1 for p in participants if p.checked_in_at)})


@login_required
def attendance_sheet(request, pk: int):
    event = event_for(request.user, pk, "events.change_event")
    response = HttpResponse(attendance_pdf(event, get_language(), people_visible_to(request.user)),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="attendance-{event.pk}.pdf"'
    return response


@login_required
def participants_export(request, pk: int, fmt: str):
    """Who answered what, with organisation kind and partner — no e-mail addresses."""
    event = event_for(request.user, pk, "events.change_event")
    if fmt not in EXPORT_FORMATS:
        raise Http404
    shown, _hidden = people_visible_to(request.user).split(event_invitations(event))
    return export_response(fmt, f"event-{event.pk}-participants", PARTICIPANT_COLUMNS,
                           participant_rows(event, shown))


@login_required
def participation_export(request, fmt: str):
    """Participation by organisation kind and partner over the events one may see (EVT-4)."""
    if not request.user.has_perm("accounts.manage"):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    if fmt not in EXPORT_FORMATS:
        raise Http404
    figures = participation(events_visible_to(request.user))
    return export_response(fmt, "event-participation", PARTICIPATION_COLUMNS, participation_rows(figures))
