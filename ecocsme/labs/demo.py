"""Timișoara's second local learning lab, as seed document 002 states it (in Romanian, with an
English translation)."""

import json
from pathlib import Path

from django.db import transaction

from ecocsme.partnerships.models import Project

from .models import Lab, Question

DATA = Path(__file__).resolve().parent / "data" / "timisoara_lab2.json"


def timisoara_lab2_load(project: Project) -> Lab:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    partner = project.partners.get(number=data["partner_number"])
    with transaction.atomic():
        lab, _created = Lab.objects.update_or_create(
            partner=partner, number=data["number"],
            defaults={"project": project, "theme": data["theme"], "description": data["description"],
                      "phases": data["phases"], "format": data["format"],
                      "languages": data["languages"], "status": Lab.Status.OPEN},
        )
        for position, text in enumerate(data["questions"], start=1):
            Question.objects.update_or_create(lab=lab, position=position, defaults={"text": text})
        lab.questions.filter(position__gt=len(data["questions"])).delete()
    return lab


EXAMPLE_ANSWERS = Path(__file__).resolve().parent / "data" / "example_answers.jsonl"


def example_answers_load(lab: Lab) -> int:
    """Example answers to the lab's questions in eight languages, to try the synthesis with in
    `make run`; each ends with "(example)". Their vectors and a first synthesis are computed
    by the worker. Nothing is added to a lab that already has responses."""
    from django.utils import timezone

    from .models import Answer, Response, SynthesisRun
    from .tasks import embed_later, synthesise

    if lab.responses.exists():
        return 0
    questions = {q.position: q for q in lab.questions.all()}
    rows = [json.loads(line) for line in EXAMPLE_ANSWERS.read_text(encoding="utf-8").splitlines()]
    with transaction.atomic():
        ids = []
        for row in rows:
            response = Response.objects.create(
                lab=lab, channel=Response.Channel.STAFF, status=Response.Status.SUBMITTED,
                submitted_at=timezone.now(), language=row["lang"],
                respondent_kind=row["respondent_type"], respondent_city=row["city"])
            ids.append(Answer.objects.create(response=response, question=questions[row["question"]],
                                             text=row["text"], language=row["lang"]).pk)
        embed_later(ids)
        run = SynthesisRun.objects.create(lab=lab)
        transaction.on_commit(lambda: synthesise.enqueue(run.pk))
    return len(rows)


# (address of the example contact, what they did, their answers by question position)
EXAMPLE_PEOPLE = (
    ("ana@example.org", "web", {
        1: "Prin camerele de comerț și prin întâlniri scurte în cartiere, cu exemple concrete (example)",
        2: "Newsletterul primăriei, grupurile de Facebook ale antreprenorilor și radio local (example)"}),
    ("dan@example.org", "email", {
        3: "Puține firme știu ce pot câștiga; cele din industriile creative știu mai mult (example)",
        4: "Parteneriate pentru evenimente în cartiere și achiziții de la furnizori locali (example)"}),
    ("eva@example.org", "draft", {1: "Short videos that show what other firms did in 2023 (example)"}),
    ("radu@example.org", "invited", {}),
)


def example_invitations_load(lab: Lab, actor) -> int:
    """Invite the example contacts of the lab's partner and let some answer: one on the web, one
    by e-mail reply, one with a draft, one not yet. Safe to repeat."""
    from ecocsme.labs.services.answers import response_save
    from ecocsme.labs.services.invitations import invitations_create, invitations_send
    from ecocsme.organisations.models import Contact

    from .services.replies import replies_import

    people = {c.email: c for c in Contact.objects.filter(
        partner=lab.partner, email__in=[email for email, _how, _texts in EXAMPLE_PEOPLE])}
    invitations_create(actor=actor, lab=lab, contacts=list(people.values()))
    invitations_send(actor=actor, lab=lab)
    for email, how, texts in EXAMPLE_PEOPLE:
        invitation = lab.invitations.select_related("contact", "lab").get(contact=people[email])
        if how in ("web", "draft") and not hasattr(invitation, "response"):
            response_save(invitation=invitation, texts=texts, submit=how == "web")
        elif how == "email" and not invitation.email_replies.exists():
            replies_import(actor=actor, lab=lab, files=[("reply.eml", _example_reply(invitation, texts))])
    return len(EXAMPLE_PEOPLE)


def _example_reply(invitation, texts: dict[int, str]) -> bytes:
    """An e-mail reply the way a mail program writes it: answers on top, the invitation quoted."""
    from email.message import EmailMessage
    from email.utils import format_datetime

    from django.utils import timezone

    message = EmailMessage()
    message["From"] = f"{invitation.contact.name} <{invitation.contact.email}>"
    message["To"] = invitation.lab.reply_to or "lab@example.org"
    message["Subject"] = "Re: Laboratorul local de învățare (exemplu)"
    message["Date"] = format_datetime(timezone.now())
    message["Message-ID"] = f"<reply.{invitation.pk}.example@example.org>"
    message["In-Reply-To"] = invitation.message_id
    message["References"] = invitation.message_id
    body = "\n\n".join(f"{position}. {text}" for position, text in sorted(texts.items()))
    message.set_content(f"Bună ziua,\n\n{body}\n\nO zi bună,\n{invitation.contact.name}\n\n"
                        f"> Vă invităm să răspundeți la întrebările laboratorului.\n")
    return message.as_bytes()
