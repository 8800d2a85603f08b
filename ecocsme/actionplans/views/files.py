"""An action plan as a document (AP-3): the public pages of the plans their partners endorsed and
published (the list, one plan, its PDF and DOCX — always the endorsed version, never later text),
and the members' files of any version. A plan a reader may not have answers 404 on every channel,
as one that does not exist does. Files follow the Interreg Europe template (documents.py), their
labels in `?language=` (default: the plan's language), their texts in the plan's."""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ..access import members_version_for, published_plan, published_plans
from ..documents import FILE_REVISION, FORMATS, file_name, output_language, plan_file
from ..filters import PublicPlanFilter
from ..selectors import inspiration_links, public_plan_facets, public_plan_list


def _format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Http404(_("An action plan is available as PDF and DOCX."))
    return fmt


def _labels_language(request, document: dict) -> str:
    asked = request.GET.get("language", "")
    return output_language(document, asked if asked in dict(settings.LANGUAGES) else None)


def _file(request, version, fmt: str, *, private: bool) -> HttpResponse:
    """A version as a file. A version never changes, so the file is kept (the cache, a day) under
    what it is made of — the version's document, number and date, the format, the labels'
    language, the links, the renderer's FILE_REVISION — and a reader who has it already gets 304
    (its ETag)."""
    document = version.snapshot
    language = _labels_language(request, document)
    links = inspiration_links(document, language=language)
    made_of = [FILE_REVISION, document, version.number, version.created_at.date().isoformat(), fmt, language,
               sorted(links.items())]
    key = hashlib.sha256(json.dumps(made_of, sort_keys=True, default=str).encode()).hexdigest()[:32]
    etag = f'"{key}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        data = cache.get(f"actionplans:file:{key}")
        if data is None:
            _content_type, data = plan_file(document, fmt, language=language, links=links,
                                             version={"number": version.number, "date": version.created_at})
            cache.set(f"actionplans:file:{key}", data, 24 * 3600)
        response = HttpResponse(data, content_type=FORMATS[fmt])
        response["Content-Disposition"] = f'attachment; filename="{file_name(document, fmt, version.number)}"'
        response["Content-Language"] = language
    response["ETag"] = etag
    # members: never kept (drafts); the public: kept, but asked again each time (it may be taken off)
    response["Cache-Control"] = "private, no-store" if private else "public, no-cache"
    return response


@require_safe
def plan_export(request, pk: int, fmt: str, number: int | None = None):
    """A member's file: the plan's current version, or version `number` (the project's members
    and the administrator; a 404 for anyone else, a visitor of the published plan included)."""
    _format(fmt)
    _plan, version = members_version_for(request.user, pk, number)
    return _file(request, version, fmt, private=True)


@require_safe
def public_list(request):
    """The plans their partners endorsed and published, by project and partner; filters: the
    project and the partner's country."""
    plans = published_plans()
    projects, countries = public_plan_facets(plans)
    form = PublicPlanFilter(request.GET or None, projects=projects, countries=countries)
    chosen = form.chosen()
    rows = public_plan_list(plans, project=chosen.get("project", ""), country=chosen.get("country", ""))
    return render(request, "actionplans/public_list.html", {
        "form": form, "plans": rows, "filtered": any(chosen.values()),
    })


@require_safe
def public_detail(request, pk: int):
    """The endorsed version of a published plan, in the template's parts."""
    plan = published_plan(pk)
    version = plan.endorsed_version
    document = version.snapshot
    reader = (get_language() or settings.LANGUAGE_CODE)[:2]
    plan_language = output_language(document)
    names = dict(settings.LANGUAGES)
    return render(request, "actionplans/public_detail.html", {
        "plan": plan, "version": version, "document": document,
        "links": inspiration_links(document, language=reader),
        "plan_language": plan_language, "plan_language_name": names.get(plan_language, plan_language),
        "reader_language": reader if reader != plan_language and reader in names else "",
        "reader_language_name": names.get(reader, reader),
    })


@require_safe
def public_export(request, pk: int, fmt: str):
    """The endorsed version of a published plan as PDF or DOCX."""
    _format(fmt)
    plan = published_plan(pk)
    return _file(request, plan.endorsed_version, fmt, private=False)
