"""The answer form stakeholders open through their personal link (LAB-3): no account needed,
the link is the permission. What was saved, or what stopped it, comes first on the page and
takes the focus (the draft saved while typing only says so beside the buttons)."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ecocsme.core.i18n import in_language
from ecocsme.invitations.states import AnswerRefused, LinkState
from ecocsme.invitations.views import link_unavailable
from ecocsme.labs.services.answers import invitation_state, response_save

from ..access import invitation_for_token
from ..forms import AnswerForm
from ..selectors import lab_questions, response_texts

UNAVAILABLE = "labs/answer_unavailable.html"


@require_http_methods(["GET", "POST"])
def answer(request, token: str):
    invitation = invitation_for_token(token)
    if invitation is None:
        return link_unavailable(request, LinkState.INVALID, UNAVAILABLE)
    lab = invitation.lab
    state = invitation_state(invitation)
    response = getattr(invitation, "response", None)
    current = response_texts(response)
    questions = list(lab_questions(lab))
    language = get_language()
    if state is not LinkState.OPEN:
        return link_unavailable(request, state, UNAVAILABLE, {
            "lab": lab, "invitation": invitation, "response": response,
            "theme": in_language(lab.theme, language)})
    form = AnswerForm(request.POST or None, questions=questions, language=language,
                      initial_texts=current)
    saved_at = confirmation = None
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        try:
            response = response_save(invitation=invitation, texts=form.texts(), submit=submit)
        except AnswerRefused as exc:
            form.add_error(None, str(exc))
        else:
            saved_at = timezone.now()
            confirmation = _(
                "Thank you: your answers are submitted. You can still change them until the "
                "consultation closes.") if submit else _("Your draft is saved.")
    if request.htmx and request.method == "POST":  # the draft saved while typing
        return render(request, "labs/_saved.html", {"saved_at": saved_at, "form": form})
    return render(request, "labs/answer.html", {
        "lab": lab, "invitation": invitation, "form": form, "response": response,
        "theme": in_language(lab.theme, language), "saved_at": saved_at,
        "confirmation": confirmation,
        "description": in_language(lab.description, language),
    })
