"""Test labs, questions, invitations, responses and answers (factory_boy).

An invitation is made as the invitation core makes it (invitations.factories) with a link
valid for 30 days. `LabFactory(timisoara_lab2=True)` has the theme and seven questions (in
Romanian and English) of Timișoara's lab 2 as the seed document states them, without the demo.
"""

import datetime as dt
import json
from functools import cache
from pathlib import Path

import factory
from django.db.models import Max
from django.utils import timezone
from factory.django import DjangoModelFactory

from ecocsme.invitations.factories import PersonalInvitationFactory
from ecocsme.organisations.factories import StakeholderFactory
from ecocsme.partnerships.factories import PartnerFactory

from .models import Answer, EmailReply, Invitation, Lab, Question, Response, Theme, ThemeAnswer

SEED = Path(__file__).resolve().parent / "data" / "timisoara_lab2.json"
EXAMPLE_QUESTIONS = [{"en": "How should the programme reach small firms? (example)",
                      "ro": "Cum ar trebui programul să ajungă la firmele mici? (exemplu)"},
                     {"en": "What support do firms need to take part? (example)",
                      "ro": "De ce sprijin au nevoie firmele ca să participe? (exemplu)"}]


def next_number(rows, field: str = "number") -> int:
    return (rows.aggregate(last=Max(field))["last"] or 0) + 1


@cache
def timisoara_lab2() -> dict:
    return json.loads(SEED.read_text(encoding="utf-8"))


class LabFactory(DjangoModelFactory):
    """An open e-mail lab of `partner` with `questions` (texts per language; two examples
    unless given; a number gives that many)."""

    class Meta:
        model = Lab
        skip_postgeneration_save = True

    class Params:
        timisoara_lab2 = factory.Trait(
            number=2, theme=factory.LazyFunction(lambda: timisoara_lab2()["theme"]),
            description=factory.LazyFunction(lambda: timisoara_lab2()["description"]),
            phases=factory.LazyFunction(lambda: timisoara_lab2()["phases"]),
            languages=factory.LazyFunction(lambda: timisoara_lab2()["languages"]),
            format=Lab.Format.EMAIL, questions=factory.LazyFunction(lambda: timisoara_lab2()["questions"]))

    partner = factory.SubFactory(PartnerFactory)
    project = factory.SelfAttribute("partner.project")
    number = factory.LazyAttribute(lambda lab: next_number(lab.partner.labs))
    theme = factory.Sequence(lambda n: {"en": f"Example lab theme {n} (example)",
                                        "ro": f"Temă de laborator {n} (exemplu)"})
    phases = factory.LazyFunction(lambda: ["legacy"])
    format = Lab.Format.EMAIL
    status = Lab.Status.OPEN
    languages = factory.LazyFunction(lambda: ["en", "ro"])
    opens_at = factory.LazyFunction(timezone.now)
    questions = factory.LazyFunction(lambda: EXAMPLE_QUESTIONS)

    @classmethod
    def _create(cls, model_class, *args, questions=(), **kwargs):
        lab = super()._create(model_class, *args, **kwargs)
        if isinstance(questions, int):
            questions = [{"en": f"Example question {n}?", "ro": f"Întrebarea de exemplu {n}?"}
                         for n in range(1, questions + 1)]
        Question.objects.bulk_create([Question(lab=lab, position=position, text=text)
                                      for position, text in enumerate(questions, start=1)])
        return lab


class QuestionFactory(DjangoModelFactory):
    class Meta:
        model = Question

    lab = factory.SubFactory(LabFactory, questions=())
    position = factory.LazyAttribute(lambda question: next_number(question.lab.questions, "position"))
    text = factory.Sequence(lambda n: {"en": f"Example question {n}?"})


class InvitationFactory(PersonalInvitationFactory):
    """An invitation (not sent yet) of a contact of the lab's partner who agreed to be consulted."""

    class Meta:
        model = Invitation

    lab = factory.SubFactory(LabFactory)
    contact = factory.SubFactory(StakeholderFactory, partner=factory.SelfAttribute("..lab.partner"),
                                 consents=[Invitation.consent_purpose])
    expires_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))


class ResponseFactory(DjangoModelFactory):
    """A submitted response with `answers` ({question position: text}), by `invitation` when
    given (then in its lab, with the invitee's organisation's kind and city)."""

    class Meta:
        model = Response
        skip_postgeneration_save = True

    invitation = None
    lab = factory.LazyAttribute(lambda r: r.invitation.lab if r.invitation else LabFactory())
    channel = Response.Channel.WEB
    status = Response.Status.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)
    language = factory.LazyAttribute(lambda r: r.invitation.language if r.invitation else "en")
    respondent_kind = factory.LazyAttribute(
        lambda r: r.invitation.contact.organisation.kind
        if r.invitation and r.invitation.contact.organisation else "sme")
    respondent_city = factory.LazyAttribute(
        lambda r: r.invitation.contact.organisation.city
        if r.invitation and r.invitation.contact.organisation else "Timișoara")

    @factory.post_generation
    def answers(response, create, extracted, **kwargs):
        if not create or not extracted:
            return
        questions = {q.position: q for q in response.lab.questions.all()}
        Answer.objects.bulk_create([
            Answer(response=response, question=questions[position], text=text, language=response.language)
            for position, text in extracted.items()])
        if response.invitation and response.status == Response.Status.SUBMITTED:
            Invitation.objects.filter(pk=response.invitation.pk).update(status=Invitation.Status.ANSWERED)


def answers_create(lab: Lab, rows: list[dict]) -> list[Answer]:
    """One submitted response per row ({"text", "lang", "respondent_type", "city", and its
    "vector" or None}) answering the lab's first or second question in turn."""
    questions = list(lab.questions.order_by("position"))[:2]
    answers = []
    for number, row in enumerate(rows):
        response = Response.objects.create(
            lab=lab, channel=Response.Channel.WEB, status=Response.Status.SUBMITTED,
            submitted_at=timezone.now(), language=row["lang"],
            respondent_kind=row["respondent_type"], respondent_city=row["city"])
        answers.append(Answer.objects.create(
            response=response, question=questions[number % 2], text=row["text"], language=row["lang"],
            embedding=row.get("vector")))
    return answers


class EmailReplyFactory(DjangoModelFactory):
    """A reply uploaded for the lab that waits for review."""

    class Meta:
        model = EmailReply

    lab = factory.SubFactory(LabFactory)
    invitation = None
    match = EmailReply.Match.NONE
    sender = factory.Sequence(lambda n: f"sender{n}@example.org")
    subject = "Re: consultation (example)"
    message_id = factory.Sequence(lambda n: f"<reply{n}@example.org>")
    raw = factory.LazyAttribute(lambda r: f"From: {r.sender}\nSubject: {r.subject}\n\nExample.\n".encode())
    flags = factory.LazyFunction(lambda: ["not_matched"])


class ThemeFactory(DjangoModelFactory):
    """A theme across the lab holding `answers` (the first as the representative quote)."""

    class Meta:
        model = Theme
        skip_postgeneration_save = True

    lab = factory.SubFactory(LabFactory)
    scope = Theme.LAB_SCOPE
    label = factory.Sequence(lambda n: f"Example theme {n}")
    keywords = factory.LazyFunction(lambda: ["example"])

    @factory.post_generation
    def answers(theme, create, extracted, **kwargs):
        if create and extracted:
            ThemeAnswer.objects.bulk_create([ThemeAnswer(theme=theme, answer=answer, scope=theme.scope,
                                                         is_quote=index == 0)
                                             for index, answer in enumerate(extracted)])
