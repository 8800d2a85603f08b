"""Guidelines in the REST API (WEB-3): published versions only, as frozen at publication.

A version is named `<slug>@<number>` (`engaging-local-smes@1.1`); the slug alone names the
latest published version. A bare number is not accepted: one installation hosts many projects,
each with its own guidelines, so a number alone names no version. Drafts are never served: a
draft's name answers 404, as an unknown one does.
"""

import datetime as dt

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from .access import public_version, published_versions
from .links import citable_url, file_url
from .selectors import guideline_list_public

router = Router(tags=["guidelines"])

Texts = dict[str, str]


class EvidenceOut(Schema):
    ref: int = Field(description="The number of the source in `sources`.")
    note: Texts = Field(description="What the source shows for the recommendation, per language code.")


class RecommendationOut(Schema):
    key: str = Field(description="Stable anchor, the same in every version: <url>#<key>.")
    number: str = Field(description="Its number in this version, e.g. 2.1 (chapter 2, first).")
    title: Texts
    text: Texts
    evidence: list[EvidenceOut]


class ChapterOut(Schema):
    phase: str = Field(description="ECoC phase: preparation, event_year or legacy.")
    number: int
    title: Texts
    introduction: Texts
    recommendations: list[RecommendationOut]


class SourceOut(Schema):
    ref: int
    kind: str = Field(description="practice, answer, figure; withdrawn (a quote withdrawn at its "
                                  "author's request) or missing (a source that no longer exists).")
    title: Texts | None = Field(None, description="practice: its title per language code.")
    slug: str | None = Field(None, description="practice: its address, /practices/<slug>/.")
    quote: str | None = Field(None, description="answer: the words of the stakeholder, as written.")
    language: str | None = Field(None, description="answer: the language of the quote.")
    respondent_kind: str | None = Field(None, description="answer: kind of organisation (sme, ngo…); "
                                                          "never a name.")
    respondent_city: str | None = None
    lab: str | None = Field(None, description="answer: the lab, e.g. Timișoara · lab 2.")
    question_number: int | None = None
    question: Texts | None = None
    theme: str | None = Field(None, description="answer: the lab theme the answer sits in.")
    label: str | None = Field(None, description="figure: what was counted.")
    value: str | None = Field(None, description="figure: its value.")


class VersionSummary(Schema):
    number: str
    published_at: dt.datetime
    changelog: Texts
    url: str


class GuidelineOut(Schema):
    slug: str
    project: str
    title: Texts
    subtitle: Texts
    latest: str = Field(description="The number of the latest published version.")
    versions: list[VersionSummary] = Field(description="Published versions, newest first.")


class VersionOut(Schema):
    slug: str
    number: str
    project: str
    published_at: dt.datetime
    url: str = Field(description="The citable address of this version; it always shows it, unchanged.")
    pdf: str
    docx: str
    is_example: bool
    title: Texts
    subtitle: Texts
    introduction: Texts
    changelog: Texts
    chapters: list[ChapterOut]
    sources: list[SourceOut]
    history: list[dict] = Field(description="Earlier published versions: number, published_at, changelog.")


def _source(source: dict) -> dict:
    kind = source["kind"]
    out = {"ref": source["ref"], "kind": kind}
    if kind == "practice":
        out.update(title=source["title"], slug=source["slug"])
    elif kind == "answer":
        lab = source["lab"]
        out.update(quote=source["quote"], language=source.get("language") or "",
                   respondent_kind=source.get("respondent_kind") or "",
                   respondent_city=source.get("respondent_city") or "",
                   lab=_("%(partner)s · lab %(number)s") % {"partner": lab["partner"],
                                                             "number": lab["number"]},
                   question_number=source["question"]["number"], question=source["question"]["text"],
                   theme=(_("Other answers") if source["theme"].get("other") else source["theme"]["label"])
                   if source.get("theme") else None)
    elif kind == "figure":
        out.update(label=source["label"], value=source["value"])
    return out


def version_out(version) -> dict:
    snapshot = version.snapshot
    guideline, meta = snapshot["guideline"], snapshot["version"]
    slug, number = guideline["slug"], meta["number"]
    return {
        "slug": slug, "number": number, "project": snapshot["project"]["code"],
        "published_at": version.published_at, "url": citable_url(slug, number),
        "pdf": file_url(slug, number, "pdf"), "docx": file_url(slug, number, "docx"),
        "is_example": meta.get("is_example", False),
        "title": guideline["title"], "subtitle": guideline["subtitle"],
        "introduction": guideline["introduction"],
        "changelog": meta["changelog"],
        "chapters": [{"phase": c["phase"], "number": c["number"], "title": c["title"],
                      "introduction": c["introduction"],
                      "recommendations": [{"key": r["key"], "number": r["number"], "title": r["title"],
                                           "text": r["text"],
                                           "evidence": [{"ref": e["ref"], "note": e["note"]}
                                                        for e in r["evidence"]]}
                                          for r in c["recommendations"]]}
                     for c in snapshot["chapters"]],
        "sources": [_source(s) for s in snapshot["sources"]],
        "history": snapshot.get("history", []),
    }


@router.get("/guidelines", response=list[GuidelineOut], summary="Published guidelines")
def guideline_list(request: HttpRequest):
    """Every guideline with a published version, with its published versions, newest first."""
    return [{"slug": guideline.slug, "project": guideline.project.code, "title": guideline.shown_title,
             "subtitle": guideline.shown_subtitle, "latest": versions[0].number,
             "versions": [{"number": v.number, "published_at": v.published_at, "changelog": v.changelog,
                           "url": citable_url(guideline.slug, v.number)} for v in versions]}
            for guideline, versions in guideline_list_public(published_versions())]


@router.get("/guidelines/{name}", response=VersionOut, summary="One published version of guidelines")
def guideline_version(request: HttpRequest, name: str):
    """The version `name` as published: `<slug>@<number>` (e.g. `engaging-local-smes@1.1`), or
    `<slug>` for the latest published version. 404 for drafts, unknown names and malformed numbers."""
    slug, at, number = name.partition("@")
    if not slug:
        raise HttpError(404, _("Name a version as <address>@<number>, e.g. engaging-local-smes@1.0."))
    try:
        return version_out(public_version(slug, number if at else None))
    except Http404 as missing:  # the reason, whichever API the router is mounted in
        raise HttpError(404, str(missing)) from None
