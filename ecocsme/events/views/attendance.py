"""Who comes (EVT-4): check-in on the day, the printable attendance sheet, the participants of an
event and the participation over the events one may see, as files."""

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.http import number_from
from ecocsme.events.services.attendance import attendance_check_in, session_of_the_day
from ecocsme.invitations.access import invitation_of
from ecocsme.organisations.access import people_visible_to

from ..access import event_for, events_visible_to
from ..models import EventInvitation
from ..reports import (
    PARTICIPATION_COLUMNS,
    attendance_pdf,
    participant_columns,
    participant_rows,
    participation_rows,
)
from ..selectors import (
    confirmed_participants,
    event_invitations,
    event_sessions,
    participant_with_presence,
    participants_matching,
    participation,
    session_presence,
    with_presence,
)


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request, pk: int):
    """The day's list, session by session: tick those present (htmx swaps the row and the
    counters), find a person by name or organisation (htmx swaps the list; a plain GET without JS)."""
    event = event_for(request.user, pk, "events.change_event")
    params = request.POST if request.method == "POST" else request.GET
    sessions = event_sessions(event)
    session = _chosen_session(event, sessions, params.get("session", ""))
    search = params.get("q", "").strip()[:100]
    if request.method == "POST":
        return _check_in_post(request, event, session, search)
    everyone = list(with_presence(confirmed_participants(event)))
    participants, hidden = people_visible_to(request.user).split(everyone)
    present = Counter(sid for item in everyone for sid in item.attended_session_ids)
    context = {"event": event, "sessions": sessions, "session": session, "q": search,
               "participants": participants_matching(participants, search), "hidden": hidden,
               "visible_count": len(participants), "counters": _counters(sessions, present, len(everyone))}
    if request.htmx and request.htmx.target == "check-in-list":
        return render(request, "events/_check_in_list.html", context)
    return render(request, "events/check_in.html", context)


def _chosen_session(event, sessions, value: str):
    chosen = number_from(value)
    session = next((s for s in sessions if s.pk == chosen), None)
    session = session or session_of_the_day(sessions, timezone.now(), event.zone)
    if session is None:
        raise Http404(_("This event has no sessions."))
    return session


def _counters(sessions, present, total: int) -> list[dict]:
    """Per session: how many of the confirmed participants are present ("23 of 40")."""
    return [{"session": s, "present": present.get(s.pk, 0), "total": total} for s in sessions]


def _check_in_post(request, event, session, search: str):
    invitation = invitation_of(request.user, event, number_from(request.POST.get("invitation", "")))
    if invitation.place != EventInvitation.Place.CONFIRMED:
        raise Http404(_("No such participant."))
    attendance_check_in(actor=request.user, invitation=invitation, session=session,
                        present=request.POST.get("present") == "1")
    if not request.htmx:
        query = urlencode({"session": session.pk, **({"q": search} if search else {})})
        return redirect(f"{reverse('events:check_in', args=[event.pk])}?{query}#participant-{invitation.pk}")
    sessions = event_sessions(event)
    return render(request, "events/_check_in_row.html", {
        "event": event, "sessions": sessions, "session": session, "q": search,
        "item": participant_with_presence(event, invitation.pk), "oob": True,
        "counters": _counters(sessions, session_presence(event), event.confirmed_count)})


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
    shown, _hidden = people_visible_to(request.user).split(with_presence(event_invitations(event)))
    sessions = event_sessions(event)
    return export_response(fmt, f"event-{event.pk}-participants", participant_columns(sessions),
                           participant_rows(event, shown, sessions))


@login_required
def participation_export(request, fmt: str):
    """Participation by organisation kind and partner over the events one may see (EVT-4)."""
    if not request.user.has_perm("accounts.manage"):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    if fmt not in EXPORT_FORMATS:
        raise Http404
    figures = participation(events_visible_to(request.user))
    return export_response(fmt, "event-participation", PARTICIPATION_COLUMNS, participation_rows(figures))
