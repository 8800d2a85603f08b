"""The answer page behind a personal link (EVT-2): yes, no or maybe, a note and needs; no
account needed, the link is the permission. What was saved, or what stopped it, comes first on
the page and takes the focus; a full event says so before the person answers."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from ecocsme.core.i18n import in_language
from ecocsme.invitations.states import AnswerRefused, LinkState
from ecocsme.invitations.views import link_unavailable

from ..access import invitation_for_token
from ..forms import AnswerForm
from ..models import EventInvitation
from ..selectors import event_sessions
from ..services.answers import answer_save, answer_state, waiting_list_outlook
from ..services.mail import personal_calendar_url

UNAVAILABLE = "events/answer_unavailable.html"


@require_http_methods(["GET", "POST"])
def answer(request, token: str):
    invitation = invitation_for_token(token)
    if invitation is None:
        return link_unavailable(request, LinkState.INVALID, UNAVAILABLE)
    state = answer_state(invitation)
    if state is not LinkState.OPEN:
        return link_unavailable(request, state, UNAVAILABLE, _answer_context(invitation))
    form = AnswerForm(request.POST or None, initial=_answer_initial(invitation))
    saved = False
    if request.method == "POST" and form.is_valid():
        note, needs = form.note_and_needs()
        try:
            # The answer comes back with its event and sessions as read under the event's lock.
            invitation = answer_save(invitation=invitation, answer=form.cleaned_data["answer"],
                                     note=note, needs=needs)
        except AnswerRefused as refused:
            if refused.state is not None:  # the event changed while the page was open
                return link_unavailable(request, refused.state, UNAVAILABLE, _answer_context(invitation))
            form.add_error(None, str(refused))
        else:
            saved = True
            form = AnswerForm(initial=_answer_initial(invitation))  # what is saved now
    return render(request, "events/answer.html", {
        **_answer_context(invitation), "form": form, "saved": saved,
        "waiting_list": waiting_list_outlook(invitation)})


def _answer_initial(invitation: EventInvitation) -> dict:
    return {"answer": invitation.answer, "note": invitation.note, "needs": invitation.needs}


def _answer_context(invitation: EventInvitation) -> dict:
    event = invitation.event
    return {"invitation": invitation, "event": event, "title": in_language(event.title),
            "sessions": event_sessions(event),
            "calendar_url": personal_calendar_url(invitation.contact_id)}
