"""The partners' event pages: list, create and edit with sessions, invite, send, remind, cancel,
the attendance sheet, check-in on the day and participation figures (EVT-1, EVT-2, EVT-4)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.http import number_from, query_without
from ecocsme.events.services.answers import capacity_changed, invitation_check_in
from ecocsme.events.services.events import event_cancel, event_publish, event_save, require_change
from ecocsme.events.services.invitations import calendar_link_replace, invitations_create, invitations_send
from ecocsme.events.services.reminders import reminders_send
from ecocsme.invitations.services import invitation_retry
from ecocsme.organisations.access import people_visible_to

from .forms import EventForm, InviteForm, SessionFormSet, session_initial, sessions_from
from .models import Event, EventInvitation
from .selectors import (
    confirmed_participants,
    event_invitations,
    event_with_figures,
    events_visible_to,
    filter_events,
    participation,
)


def _event_for(user, pk: int, *, change: bool = False) -> Event:
    event = event_with_figures(pk)
    if event is None or not user.has_perm("events.view_event", event):
        raise Http404(_("No such event."))
    if change:
        require_change(user, event)
    return event


@login_required
def event_list(request, fmt: str | None = None):
    if not request.user.has_perm("accounts.manage"):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    events, chosen = filter_events(events_visible_to(request.user), request.GET)
    if fmt is not None:
        from .views import _export

        if fmt not in EXPORT_FORMATS:
            raise Http404
        return _export(events, fmt, "events")
    return render(request, "events/manage_list.html", {
        "page": Paginator(events, 25).get_page(request.GET.get("page")), "chosen": chosen,
        "kinds": Event.Kind.choices, "query": query_without(request, "page")})


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request, pk: int | None = None):
    event = _event_for(request.user, pk, change=True) if pk else None
    if event is None and not request.user.has_perm("accounts.manage"):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    form = EventForm(request.POST or None, user=request.user, event=event)
    sessions = SessionFormSet(request.POST or None, prefix="sessions",
                              initial=session_initial(event) if event else None)
    if request.method == "POST" and form.is_valid() and sessions.is_valid():
        values = form.values()
        try:
            saved = event_save(
                actor=request.user, event=event, partner=form.cleaned_data.get("partner"),
                values=values, sessions=sessions_from(sessions, values["language"]))
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            if event is not None and (saved.capacity or 0) > (event.capacity or 0):
                capacity_changed(saved)
            messages.success(request, _("Saved."))
            return redirect("events:manage_detail", pk=saved.pk)
    return render(request, "events/manage_form.html", {"form": form, "sessions": sessions, "event": event})


@login_required
@require_safe
def event_detail(request, pk: int):
    event = _event_for(request.user, pk)
    can_change = request.user.has_perm("events.change_event", event)
    invitations, hidden = people_visible_to(request.user).split(event_invitations(event))
    if can_change:
        for invitation in invitations:
            invitation.personal_link = invitation.answer_url()
    return render(request, "events/manage_detail.html", {
        "event": event, "can_change": can_change, "invitations": invitations, "hidden": hidden,
        "title": event.localized_title(get_language())[0], "sessions": list(event.sessions.all()),
        "waiting": sorted((i for i in invitations if i.place == "waiting"),
                          key=lambda i: (i.waiting_since, i.pk)),
        "invite_form": InviteForm(event=event, user=request.user) if can_change else None,
        "figures": participation(Event.objects.filter(pk=event.pk)),
        "is_over": bool(event.ends_at and event.ends_at <= timezone.now()),
    })


@login_required
@require_POST
def event_action(request, pk: int, action: str):
    event = _event_for(request.user, pk, change=True)
    try:
        if action == "invite":
            form = InviteForm(request.POST, event=event, user=request.user)
            chosen = form.chosen() if form.is_valid() else []
            if not chosen:
                raise ValidationError(_("Choose at least one contact."))
            report = invitations_create(actor=request.user, event=event, contacts=chosen)
            messages.success(request, _("%(n)s invitation(s) created.") % {"n": len(report.created)})
        elif action == "publish":
            event_publish(actor=request.user, event=event)
            messages.success(request, _("Published."))
        elif action == "send":
            count = invitations_send(actor=request.user, event=event)
            messages.success(request, _("%(n)s invitation(s) are being sent.") % {"n": count})
        elif action == "remind":
            counts = reminders_send(event=event, actor=request.user, due_only=False)
            messages.success(request, _("%(n)s reminder(s) are being sent.") % {"n": sum(counts.values())})
        elif action == "retry":
            invitation = _invitation_of(request, event)
            if invitation_retry(actor=request.user, invitation=invitation):
                messages.success(request, _("The mail to %(name)s is being sent again.")
                                 % {"name": invitation.contact.name})
        elif action == "calendar":
            invitation = _invitation_of(request, event)
            calendar_link_replace(actor=request.user, invitation=invitation)
            messages.success(request, _("The calendar address of %(name)s is replaced; the old one no "
                                        "longer works. It is in the next mail they receive.")
                             % {"name": invitation.contact.name})
        elif action == "cancel":
            count = event_cancel(actor=request.user, event=event,
                                          message=request.POST.get("message", "")[:1000])
            messages.success(request, _("The event is cancelled; %(n)s participant(s) are told.")
                             % {"n": count})
        else:
            raise Http404
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("events:manage_detail", pk=event.pk)


def _invitation_of(request, event: Event) -> EventInvitation:
    """The invitation named in a POST, if it is of this event and its person is the user's to see."""
    pk = number_from(request.POST.get("invitation", ""))
    invitation = event.invitations.select_related("contact", "mail").filter(pk=pk).first() if pk else None
    if invitation is None or not people_visible_to(request.user).sees(invitation.contact):
        raise Http404(_("No such invitation."))
    return invitation


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request, pk: int):
    """The day's list: tick those present (htmx swaps one row)."""
    event = _event_for(request.user, pk, change=True)
    if request.method == "POST":
        invitation = _invitation_of(request, event)
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
    from .reports import attendance_pdf

    event = _event_for(request.user, pk, change=True)
    response = HttpResponse(attendance_pdf(event, get_language(), people_visible_to(request.user)),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="attendance-{event.pk}.pdf"'
    return response


@login_required
def participants_export(request, pk: int, fmt: str):
    """Who answered what, with organisation kind and partner — no e-mail addresses."""
    event = _event_for(request.user, pk, change=True)
    if fmt not in EXPORT_FORMATS:
        raise Http404
    columns = ("name", "organisation", "organisation_kind", "partner", "answer", "place",
               "waiting_since", "needs", "checked_in_at")
    shown, _hidden = people_visible_to(request.user).split(event_invitations(event))
    rows = ((i.contact.name, i.contact.organisation.name if i.contact.organisation else "",
             i.contact.organisation.kind if i.contact.organisation else "", str(event.partner),
             i.answer, i.place, i.waiting_since, i.needs, i.checked_in_at)
            for i in shown)
    return export_response(fmt, f"event-{event.pk}-participants", columns, rows)


@login_required
def participation_export(request, fmt: str):
    """Participation by organisation kind and partner over the events one may see (EVT-4)."""
    if not request.user.has_perm("accounts.manage"):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    if fmt not in EXPORT_FORMATS:
        raise Http404
    figures = participation(events_visible_to(request.user))
    rows = [("organisation_kind", kind, n, figures["present_by_kind"][kind])
            for kind, n in sorted(figures["by_kind"].items())]
    rows += [("partner", city, n, figures["present_by_partner"][city])
             for city, n in sorted(figures["by_partner"].items())]
    return export_response(fmt, "event-participation", ("by", "group", "confirmed", "present"), rows)
