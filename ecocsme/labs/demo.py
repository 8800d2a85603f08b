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
