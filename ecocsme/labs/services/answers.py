"""A person's answers to a lab through their personal link: drafts, submission, changes while
the lab is open (LAB-3); each answer's language is detected and its vector computed later."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ecocsme.invitations.states import AnswerRefused, LinkState

from ..models import Answer, Invitation, Response
from ..tasks import embed_later

MAX_ANSWER_LENGTH = 20_000


def invitation_state(invitation: Invitation) -> LinkState:
    """Whether the personal link may still change answers: open, expired or closed."""
    if not invitation.lab.is_open:
        return LinkState.CLOSED
    if invitation.expires_at <= timezone.now():
        return LinkState.EXPIRED
    return LinkState.OPEN


def response_save(*, invitation: Invitation, texts: dict[int, str], submit: bool) -> Response:
    """Save a person's answers through their link: a draft, or submitted. Editable while open."""
    from ecocsme.text.detect import detect_language

    state = invitation_state(invitation)
    if state is not LinkState.OPEN:
        raise AnswerRefused(_("This consultation is closed.") if state is LinkState.CLOSED
                            else _("This personal link has expired."), state=state)
    too_long = [position for position, text in texts.items() if len(text) > MAX_ANSWER_LENGTH]
    if too_long:
        raise AnswerRefused(_("An answer may have at most %(n)s characters (question %(q)s).") % {
            "n": MAX_ANSWER_LENGTH, "q": too_long[0]})
    questions = {q.position: q for q in invitation.lab.questions.all()}
    organisation = invitation.contact.organisation
    with transaction.atomic():
        response, _created = Response.objects.select_for_update().get_or_create(
            invitation=invitation, defaults={
                "lab": invitation.lab, "channel": Response.Channel.WEB,
                "respondent_kind": organisation.kind if organisation else "",
                "respondent_city": organisation.city if organisation else ""})
        for position, text in texts.items():
            question = questions.get(position)
            if question is None:
                continue
            text = text.replace("\r\n", "\n").strip()
            if not text:
                response.answers.filter(question=question).delete()
                continue
            Answer.objects.update_or_create(response=response, question=question, defaults={
                "text": text, "language": detect_language(text, default=invitation.language),
                "embedding": None})
        response.language = invitation.language
        embed_later(list(response.answers.filter(embedding__isnull=True).values_list("pk", flat=True)))
        if submit:
            response.status = Response.Status.SUBMITTED
            response.submitted_at = response.submitted_at or timezone.now()
            invitation.status = Invitation.Status.ANSWERED
            invitation.save(update_fields=["status", "updated_at"])
        response.save()
    return response
