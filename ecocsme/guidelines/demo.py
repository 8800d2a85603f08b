"""The demo's guidelines for ECoC hosts (data/demo_guidelines.json): version 1.0, drawn from the
partnership's published good practices and the answers to Timișoara's lab 2, and version 1.1 on
top of it (its change set). Both are published and marked as examples. Evidence that cannot be
found — a practice not loaded, an answer not in the lab — is left out and counted."""

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from .models import PHASE_ORDER, Chapter, Evidence, Guideline, Recommendation, Version
from .services import _copy, _publish

DATA = Path(__file__).resolve().parent / "data" / "demo_guidelines.json"
SLUG = "engaging-local-smes"


@dataclass
class DemoReport:
    versions: int = 0
    recommendations: int = 0
    evidence: int = 0
    skipped: list[str] = field(default_factory=list)

    def as_counts(self) -> dict[str, int]:
        return {"guideline versions": self.versions, "recommendations": self.recommendations,
                "evidence": self.evidence, "evidence skipped": len(self.skipped)}


class _Finder:
    """The practices and answers the demo's evidence names: a practice by its slug among the
    published ones; an answer by its question number and a phrase of its text among the
    submitted answers of the lab."""

    def __init__(self, project):
        from ecocsme.practices.access import published_practices

        self.practices = {p.slug: p for p in published_practices().filter(project=project)}
        self.answers = []
        lab = project.labs.filter(partner__number=6, number=2).first()
        if lab is not None:
            from .selectors import quotable_answers

            self.answers = list(quotable_answers(lab))

    def find(self, item: dict, report: DemoReport) -> dict | None:
        if item["kind"] == "practice":
            practice = self.practices.get(item["practice"])
            if practice is None:
                report.skipped.append(f"practice {item['practice']}")
                return None
            return {"kind": Evidence.Kind.PRACTICE, "practice": practice}
        found = [a for a in self.answers
                 if a.question.position == item["question"] and item["phrase"] in a.text]
        if not found:
            report.skipped.append(f"answer to question {item['question']}: {item['phrase']}")
            return None
        return {"kind": Evidence.Kind.ANSWER, "answer": found[0]}


def _recommendation(version, chapter, position, data, finder, report) -> None:
    recommendation = Recommendation.objects.create(version=version, chapter=chapter, position=position,
                                                   key=data["key"], title=data["title"], text=data["text"])
    report.recommendations += 1
    number = 0
    for item in data.get("evidence", []):
        cited = finder.find(item, report)
        if cited is None:
            continue
        number += 1
        Evidence.objects.create(recommendation=recommendation, position=number, note=item.get("note", {}),
                                **cited)
        report.evidence += 1


def guidelines_demo_load(project, *, data_path: Path = DATA) -> DemoReport:
    """(Re)load the demo's guidelines of `project` as published versions 1.0 and 1.1. Guidelines
    at the demo's address that hold more than example versions are left alone."""
    data = json.loads(data_path.read_text(encoding="utf-8"))
    report = DemoReport()
    finder = _Finder(project)
    now = timezone.now()
    with transaction.atomic():
        guideline = Guideline.objects.filter(slug=SLUG).first()
        if guideline is not None:
            if guideline.versions.filter(is_example=False).exists():
                report.skipped.append("guidelines with versions that are not examples")
                return report
            guideline.delete()
        guideline = Guideline.objects.create(project=project, slug=SLUG, title=data["title"],
                                             subtitle=data["subtitle"], introduction=data["introduction"])
        first = Version.objects.create(guideline=guideline, number="1.0", major=1, minor=0, is_example=True)
        chapters = {c["phase"]: c for c in data["chapters"]}
        for position, phase in enumerate(PHASE_ORDER, start=1):
            entry = chapters.get(phase, {})
            chapter = Chapter.objects.create(version=first, phase=phase, position=position,
                                             title=entry.get("title", {}),
                                             introduction=entry.get("introduction", {}))
            for number, item in enumerate(entry.get("recommendations", []), start=1):
                _recommendation(first, chapter, number, item, finder, report)
        _publish(first, data["changelog"], actor=None, when=now - dt.timedelta(days=60))
        report.versions += 1

        later = data["version_1_1"]
        second = Version.objects.create(guideline=guideline, number=later["version"], major=1, minor=1,
                                        is_example=True)
        _copy(first, second)
        for change in later["changes"]:
            if "add" in change:
                chapter = second.chapters.get(phase=change["chapter"])
                position = chapter.recommendations.count() + 1
                _recommendation(second, chapter, position, change["add"], finder, report)
            else:
                recommendation = second.recommendations.get(key=change["key"])
                for name in ("title", "text"):
                    if name in change:
                        setattr(recommendation, name, change[name])
                recommendation.save()
        _publish(second, later["changelog"], actor=None, when=now)
        report.versions += 1
    return report
