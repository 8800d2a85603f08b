"""The partners' event pages: the list, an event's page, creating and editing an event with its
sessions, and the actions on it: invite, publish, send, remind, retry a mail, replace a calendar
address, cancel (EVT-1, EVT-2)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.forms import bind_with_draft
from ecocsme.core.http import number_from, query_without
from ecocsme.core.i18n import in_language
from ecocsme.events.services.answers import capacity_changed
from ecocsme.events.services.events import event_cancel, event_publish, event_save
from ecocsme.events.services.invitations import calendar_link_replace, invitations_create, invitations_send
from ecocsme.events.services.reminders import reminders_send
from ecocsme.invitations.access import invitation_of
from ecocsme.invitations.services import invitation_retry
from ecocsme.organisations.access import people_visible_to

from ..access import event_for, events_visible_to
from ..forms import EventForm, InviteForm, SessionFormSet, session_initial, sessions_from
from ..models import Event, EventInvitation
from ..reports import EVENT_COLUMNS, event_rows
from ..selectors import (
    INVITATION_FILTERS,
    event_invitations,
    event_participation,
    event_sessions,
    invitations_shown,
    partners_organising,
)
from .public import events_chosen, events_page


@login_required
def event_list(request, fmt: str | None = None):
    if not request.user.has_perm("accounts.manage"):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    events = events_visible_to(request.user)
    if fmt is not None:
        if fmt not in EXPORT_FORMATS:
            raise Http404
        return export_response(fmt, "events", EVENT_COLUMNS, event_rows(events_chosen(events, request.GET)))
    partners = partners_organising(events)
    events, chosen, page = events_page(events, request.GET, 25)
    return render(request, "events/manage_list.html", {
        "page": page, "chosen": chosen, "partners": partners,
        "partner_id": number_from(chosen["partner"]),
        "kinds": Event.Kind.choices, "query": query_without(request, "page")})


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request, pk: int | None = None):
    event = event_for(request.user, pk, "events.change_event") if pk else None
    if event is None and not request.user.has_perm("accounts.manage"):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    form, drafting = bind_with_draft(request, lambda data: EventForm(data, user=request.user, event=event))
    sessions = SessionFormSet(form.data or None, prefix="sessions",
                              initial=session_initial(event) if event else None)
    if request.method == "POST" and not drafting and form.is_valid() and sessions.is_valid():
        values = form.values()
        try:
            saved = event_save(
                actor=request.user, event=event, partner=form.cleaned_data.get("partner"),
                values=values, sessions=sessions_from(sessions, form))
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            if event is not None and (saved.capacity or 0) > (event.capacity or 0):
                capacity_changed(saved)
            messages.success(request, _("Saved."))
            return redirect("events:manage_detail", pk=saved.pk)
    return render(request, "events/manage_form.html", {"form": form, "sessions": sessions, "event": event,
                                                       "drafted": drafting and form.data["draft"]})


@login_required
@require_safe
def event_detail(request, pk: int):
    event = event_for(request.user, pk)
    can_change = request.user.has_perm("events.change_event", event)
    invitations, hidden = people_visible_to(request.user).split(event_invitations(event))
    show = request.GET.get("show", "")
    show = show if show in INVITATION_FILTERS else ""
    listed = invitations_shown(invitations, show)  # the dashboard links to each filter
    if can_change:
        for invitation in listed:
            invitation.personal_link = invitation.answer_url()
    return render(request, "events/manage_detail.html", {
        "event": event, "can_change": can_change, "invitations": listed, "hidden": hidden,
        "show": show, "invitation_filters": [("pending", _("Not answered")),
                                             ("waiting", _("On the waiting list")),
                                             ("failing", _("Mail failing"))],
        "title": in_language(event.title), "sessions": event_sessions(event),
        "waiting": sorted((i for i in invitations if i.place == EventInvitation.Place.WAITING),
                          key=lambda i: (i.waiting_since, i.pk)),
        "invite_form": InviteForm(event=event, user=request.user) if can_change else None,
        "figures": event_participation(event),
        "is_over": bool(event.ends_at and event.ends_at <= timezone.now()),
    })


@login_required
@require_POST
def event_action(request, pk: int, action: str):
    event = event_for(request.user, pk, "events.change_event")
    try:
        if action == "invite":
            form = InviteForm(request.POST, event=event, user=request.user)
            chosen = form.chosen() if form.is_valid() else []
            if not chosen:
                raise ValidationError(_("Choose at least one contact."))
            report = invitations_create(actor=request.user, event=event, contacts=chosen)
            created = len(report.created)
            messages.success(request, ngettext("%(n)s invitation created.", "%(n)s invitations created.",
                                               created) % {"n": created})
        elif action == "publish":
            event_publish(actor=request.user, event=event)
            messages.success(request, _("Published."))
        elif action == "send":
            count = invitations_send(actor=request.user, event=event)
            messages.success(request, ngettext("%(n)s invitation is being sent.",
                                               "%(n)s invitations are being sent.", count) % {"n": count})
        elif action == "remind":
            counts = reminders_send(event=event, actor=request.user, due_only=False)
            count = sum(counts.values())
            messages.success(request, ngettext("%(n)s reminder is being sent.",
                                               "%(n)s reminders are being sent.", count) % {"n": count})
        elif action == "retry":
            invitation = invitation_of(request.user, event, number_from(request.POST.get("invitation", "")))
            if invitation_retry(actor=request.user, invitation=invitation):
                messages.success(request, _("The mail to %(name)s is being sent again.")
                                 % {"name": invitation.contact.name})
        elif action == "calendar":
            invitation = invitation_of(request.user, event, number_from(request.POST.get("invitation", "")))
            calendar_link_replace(actor=request.user, invitation=invitation)
            messages.success(request, _("The calendar address of %(name)s is replaced; the old one no "
                                        "longer works. It is in the next mail they receive.")
                             % {"name": invitation.contact.name})
        elif action == "cancel":
            count = event_cancel(actor=request.user, event=event,
                                 message=request.POST.get("message", "")[:1000])
            messages.success(request, ngettext("The event is cancelled; %(n)s participant is told.",
                                               "The event is cancelled; %(n)s participants are told.",
                                               count) % {"n": count})
        else:
            raise Http404
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("events:manage_detail", pk=event.pk)
