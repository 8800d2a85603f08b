"""Guidelines as everyone reads them: the list, a version as one web page, its PDF and DOCX, and
what changed from the version before. Visitors only ever reach published versions; the project's
members also open the draft (marked as such). A published version is read from its snapshot."""

from functools import wraps

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ..access import guideline_for, latest_version_for, version_for
from ..links import citable_url
from ..reports import FORMATS, version_file_bytes
from ..selectors import (
    document_of,
    document_view,
    guideline_list,
    guideline_versions,
    previous_version,
    public_links,
    reader_document,
    version_changes,
)


def explains_missing(view):
    """A version that is not there (or not for this reader) is a 404 page that says why — a
    malformed number, no such version — and points to the published versions, if any."""
    @wraps(view)
    def wrapper(request, slug: str, number: str, *args, **kwargs):
        try:
            return view(request, slug, number, *args, **kwargs)
        except Http404 as missing:
            try:
                guideline = guideline_for(request.user, slug)
            except Http404:
                guideline, versions = None, []
            else:
                versions = guideline_versions(request.user, guideline)
            return render(request, "guidelines/version_missing.html", {
                "message": str(missing) or _("There is no such version."), "guideline": guideline,
                "versions": versions}, status=404)
    return wrapper


@require_safe
def guidelines(request):
    return render(request, "guidelines/guideline_list.html", {"rows": guideline_list(request.user)})


@require_safe
def guideline_latest(request, slug: str):
    """The guideline's address leads to its latest published version (the draft, for the
    members, while none is published)."""
    guideline = guideline_for(request.user, slug)
    version = latest_version_for(request.user, guideline)
    if version is None:
        raise Http404(_("No version of these guidelines is published yet."))
    return redirect("guidelines:version", slug=slug, number=version.number)


def _private(response, version):
    if not version.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@explains_missing
def version_detail(request, slug: str, number: str):
    version = version_for(request.user, slug, number)
    guideline = version.guideline
    versions = guideline_versions(request.user, guideline)
    latest = next((v for v in versions if v.is_published), None)
    previous = previous_version(version, published_only=True)
    return _private(render(request, "guidelines/version_detail.html", {
        "version": version, "guideline": guideline,
        "doc": reader_document(version, request.user, get_language()),
        "versions": versions, "latest": latest, "previous": previous,
        "citable_url": citable_url(slug, version.number),
        "can_change": request.user.has_perm("guidelines.change_version", version),
        "can_publish": request.user.has_perm("guidelines.publish_version", version),
        "can_start": request.user.has_perm("guidelines.add_version", guideline) and version.is_published
        and not any(v.is_draft for v in versions),
    }), version)


@require_safe
@explains_missing
def version_file(request, slug: str, number: str, fmt: str):
    """The version as one PDF or DOCX file, in the reader's language. Files are for sharing: they
    link only what anyone may open (published practices), never the staff's lab pages."""
    if fmt not in FORMATS:
        raise Http404(_("The guidelines are available as PDF and DOCX."))
    version = version_for(request.user, slug, number)
    document = document_of(version)
    doc = document_view(document, language=get_language(), visible=public_links(document))
    content_type, data = version_file_bytes(doc, fmt)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{slug}-{version.number}.{fmt}"'
    return _private(response, version)


@require_safe
@explains_missing
def version_changes_page(request, slug: str, number: str):
    """What changed from the published version before: recommendations added, removed and changed,
    the texts side by side with the words taken out and put in."""
    version = version_for(request.user, slug, number)
    previous = previous_version(version, published_only=True)
    language = get_language()
    changes = (version_changes(document_of(version), document_of(previous), language=language)
               if previous else None)
    return _private(render(request, "guidelines/version_changes.html", {
        "version": version, "guideline": version.guideline, "previous": previous, "changes": changes,
        "doc": document_view(document_of(version), language=language),
    }), version)
