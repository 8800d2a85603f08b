"""Writing guidelines: the project's members edit the draft version — texts, chapters,
recommendations and their evidence —, the coordinator publishes it with a changelog. Every page
needs a login and the permission on the version; a published version is never edited."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ecocsme.core.forms import bind_with_draft
from ecocsme.core.http import number_from

from ..access import (
    REFUSED,
    chapter_of,
    citable_lab,
    citable_labs,
    citable_practices,
    evidence_of,
    guideline_for,
    guidelines_in_work_for,
    projects_for_new_guidelines,
    recommendation_of,
    version_for,
)
from ..forms import (
    AnswerEvidenceForm,
    ChapterForm,
    EvidenceForm,
    FigureEvidenceForm,
    GuidelineForm,
    PracticeEvidenceForm,
    PublishForm,
    RecommendationForm,
    note_in_language,
)
from ..selectors import (
    document_problems,
    draft_of,
    lab_question_numbers,
    quotable_answers,
    recommendation_evidence,
    version_chapters,
    version_document,
)
from ..services import (
    chapter_save,
    evidence_add,
    evidence_delete,
    evidence_save,
    guideline_create,
    guideline_save,
    recommendation_delete,
    recommendation_move,
    recommendation_save,
    version_discard,
    version_new,
    version_publish,
)


def _errors(form, exc: ValidationError) -> None:
    for message in exc.messages:
        form.add_error(None, message)


def _draft(request, slug: str, number: str, perm: str = "guidelines.change_version"):
    """The draft version for a user who may change it; a published one is read on its page."""
    version = version_for(request.user, slug, number)
    if not version.is_draft:
        raise PermissionDenied(_("Version %(number)s is published and cannot change; start a new version.")
                               % {"number": version.number})
    if not request.user.has_perm(perm, version):
        raise PermissionDenied(REFUSED)
    return version


@login_required
def guideline_manage_list(request):
    """The guidelines of the user's projects, with their draft, and what the user may start."""
    rows = [(guideline, draft_of(guideline)) for guideline in guidelines_in_work_for(request.user)]
    if not rows and not projects_for_new_guidelines(request.user):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    return render(request, "guidelines/manage_list.html", {
        "rows": rows, "can_add": bool(projects_for_new_guidelines(request.user))})


@login_required
@require_http_methods(["GET", "POST"])
def guideline_add(request):
    projects = projects_for_new_guidelines(request.user)
    if not projects:
        raise PermissionDenied(_("Only a project's coordinator starts new guidelines."))
    form, drafting = bind_with_draft(request, lambda data: GuidelineForm(data, projects=projects))
    if request.method == "POST" and not drafting and form.is_valid():
        try:
            guideline = guideline_create(actor=request.user, project=form.cleaned_data["project"],
                                         slug=form.cleaned_data["slug"], values=form.values())
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("Saved. Version 1.0 is a draft: write its recommendations."))
            return redirect("guidelines:draft", slug=guideline.slug, number="1.0")
    return render(request, "guidelines/guideline_form.html", {"form": form, "guideline": None})


@login_required
@require_http_methods(["GET", "POST"])
def guideline_edit(request, slug: str):
    guideline = guideline_for(request.user, slug, "guidelines.change_guideline")
    form, drafting = bind_with_draft(request, lambda data: GuidelineForm(data, guideline=guideline))
    if request.method == "POST" and not drafting and form.is_valid():
        try:
            guideline_save(actor=request.user, guideline=guideline, values=form.values())
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("Saved. Published versions keep their texts; the next version "
                                        "has the new ones."))
            draft = draft_of(guideline)
            if draft is not None:
                return redirect("guidelines:draft", slug=slug, number=draft.number)
            return redirect("guidelines:manage_list")
    return render(request, "guidelines/guideline_form.html", {"form": form, "guideline": guideline})


@login_required
@require_POST
def version_start(request, slug: str):
    guideline = guideline_for(request.user, slug, "guidelines.add_version")
    try:
        version = version_new(actor=request.user, guideline=guideline, major=request.POST.get("major") == "1")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("guidelines:manage_list")
    messages.success(request, _("Version %(number)s is a draft, copied from the latest version.")
                     % {"number": version.number})
    return redirect("guidelines:draft", slug=slug, number=version.number)


@login_required
def draft(request, slug: str, number: str):
    """The draft's editing page: its chapters with their recommendations and evidence."""
    version = _draft(request, slug, number)
    return render(request, "guidelines/draft.html", {
        "version": version, "guideline": version.guideline, "chapters": version_chapters(version),
        "can_publish": request.user.has_perm("guidelines.publish_version", version),
        "can_discard": request.user.has_perm("guidelines.delete_version", version),
    })


@login_required
@require_http_methods(["GET", "POST"])
def chapter_edit(request, slug: str, number: str, pk: int):
    version = _draft(request, slug, number)
    chapter = chapter_of(version, pk)
    form, drafting = bind_with_draft(request, lambda data: ChapterForm(data, chapter=chapter))
    if request.method == "POST" and not drafting and form.is_valid():
        try:
            chapter_save(actor=request.user, chapter=chapter, values=form.values())
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("guidelines:draft", slug=slug, number=number)
    return render(request, "guidelines/chapter_form.html",
                  {"form": form, "version": version, "chapter": chapter})


def _evidence_forms(request, version, data=None, kind: str = ""):
    """The three ways to add evidence: a published practice of the project, an answer of a lab
    the user may see (the lab and question chosen in the page's address), a figure."""
    project = version.guideline.project
    labs = list(citable_labs(request.user, project))
    lab = None
    chosen = number_from(request.POST.get("lab", "") if kind == "answer" else request.GET.get("lab", ""))
    if chosen is not None:
        lab = citable_lab(request.user, project, chosen)
    elif len(labs) == 1:
        lab = labs[0]
    question = number_from(request.GET.get("question", ""))
    answers = quotable_answers(lab, question) if lab is not None else None
    return {
        "practice_form": PracticeEvidenceForm(data if kind == "practice" else None,
                                              practices=citable_practices(project)),
        "answer_form": AnswerEvidenceForm(data if kind == "answer" else None, answers=answers)
        if answers is not None else None,
        "figure_form": FigureEvidenceForm(data if kind == "figure" else None),
        "labs": labs, "lab": lab, "question": question,
        "questions": lab_question_numbers(lab) if lab is not None else [],
    }


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_edit(request, slug: str, number: str, pk: int | None = None):
    """A recommendation's texts, and on an existing one, its evidence and the forms to add more."""
    version = _draft(request, slug, number)
    recommendation = recommendation_of(version, pk) if pk is not None else None
    chapter = None
    if recommendation is None and request.method == "GET":
        chosen = number_from(request.GET.get("chapter", ""))
        chapter = chapter_of(version, chosen) if chosen is not None else None
    form, drafting = bind_with_draft(request, lambda data: RecommendationForm(
        data, version=version, recommendation=recommendation, chapter=chapter))
    if request.method == "POST" and not drafting and form.is_valid():
        try:
            saved = recommendation_save(actor=request.user, version=version,
                                        chapter=form.cleaned_data["chapter"], values=form.values(),
                                        recommendation=recommendation)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            if recommendation is None:
                return redirect("guidelines:recommendation_edit", slug=slug, number=number, pk=saved.pk)
            return redirect(f"{_draft_url(slug, number)}#recommendation-{saved.pk}")
    context = {"form": form, "version": version, "recommendation": recommendation}
    if recommendation is not None:
        context.update(_evidence_forms(request, version), evidence=recommendation_evidence(recommendation))
    return render(request, "guidelines/recommendation_form.html", context)


def _draft_url(slug: str, number: str) -> str:
    from django.urls import reverse

    return reverse("guidelines:draft", args=[slug, number])


RECOMMENDATION_ACTIONS = ("up", "down", "delete")


@login_required
@require_POST
def recommendation_action(request, slug: str, number: str, pk: int, action: str):
    if action not in RECOMMENDATION_ACTIONS:
        raise Http404
    version = _draft(request, slug, number)
    recommendation = recommendation_of(version, pk)
    try:
        if action == "delete":
            recommendation_delete(actor=request.user, recommendation=recommendation)
            messages.success(request, _("The recommendation is deleted."))
            return redirect("guidelines:draft", slug=slug, number=number)
        recommendation_move(actor=request.user, recommendation=recommendation,
                            step=-1 if action == "up" else 1)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(f"{_draft_url(slug, number)}#recommendation-{pk}")


EVIDENCE_KINDS = ("practice", "answer", "figure")


@login_required
@require_POST
def evidence_add_view(request, slug: str, number: str, pk: int):
    version = _draft(request, slug, number)
    recommendation = recommendation_of(version, pk)
    kind = request.POST.get("kind", "")
    if kind not in EVIDENCE_KINDS:
        raise Http404
    forms = _evidence_forms(request, version, request.POST, kind)
    form = forms[f"{kind}_form"]
    if form is not None and form.is_valid():
        data = form.cleaned_data
        try:
            evidence_add(actor=request.user, recommendation=recommendation, kind=kind,
                         practice=data.get("practice"), answer=data.get("answer"),
                         note=note_in_language(data.get("note", "")),
                         figure_label=data.get("figure_label", ""), figure_value=data.get("figure_value", ""))
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("The evidence is added."))
            return redirect("guidelines:recommendation_edit", slug=slug, number=number, pk=pk)
    form = RecommendationForm(version=version, recommendation=recommendation)
    return render(request, "guidelines/recommendation_form.html", {
        "form": form, "version": version, "recommendation": recommendation,
        "evidence": recommendation_evidence(recommendation), **forms, "failed": kind}, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def evidence_edit(request, slug: str, number: str, pk: int):
    version = _draft(request, slug, number)
    evidence = evidence_of(version, pk)
    form, drafting = bind_with_draft(request, lambda data: EvidenceForm(data, evidence=evidence))
    if request.method == "POST" and not drafting and form.is_valid():
        try:
            evidence_save(actor=request.user, evidence=evidence, note=form.translated("note"),
                          figure_label=form.cleaned_data.get("figure_label", ""),
                          figure_value=form.cleaned_data.get("figure_value", ""))
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("guidelines:recommendation_edit", slug=slug, number=number,
                            pk=evidence.recommendation_id)
    return render(request, "guidelines/evidence_form.html",
                  {"form": form, "version": version, "evidence": evidence})


@login_required
@require_POST
def evidence_remove(request, slug: str, number: str, pk: int):
    version = _draft(request, slug, number)
    evidence = evidence_of(version, pk)
    try:
        evidence_delete(actor=request.user, evidence=evidence)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The evidence is removed."))
    return redirect("guidelines:recommendation_edit", slug=slug, number=number, pk=evidence.recommendation_id)


@login_required
@require_http_methods(["GET", "POST"])
def publish(request, slug: str, number: str):
    """The coordinator publishes the draft with what changed; what would stop it is listed first."""
    version = _draft(request, slug, number, "guidelines.publish_version")
    form, drafting = bind_with_draft(request, lambda data: PublishForm(data, version=version))
    if request.method == "POST" and not drafting and form.is_valid():
        try:
            version_publish(actor=request.user, version=version, changelog=form.translated("changelog"))
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("Version %(number)s is published.") % {"number": number})
            return redirect("guidelines:version", slug=slug, number=number)
    return render(request, "guidelines/publish.html", {
        "form": form, "version": version, "guideline": version.guideline,
        "problems": document_problems(version_document(version))})


@login_required
@require_POST
def discard(request, slug: str, number: str):
    version = _draft(request, slug, number, "guidelines.delete_version")
    version_discard(actor=request.user, version=version)
    messages.success(request, _("The draft of version %(number)s is deleted.") % {"number": number})
    return redirect("guidelines:manage_list")
