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
