"""The good-practice library as everyone reads it: the search with facets, a practice with its
assessments and similar practices, its files, the Atom feed and the open-data export. Visitors
only ever reach published practices (`access.published_practices`); the partnership's members
also open their drafts by address."""

from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.http import query_without
from ecocsme.core.i18n import in_language

from .. import filters
from ..access import (
    assessment_partners,
    assessments_of,
    attachment_for,
    practice_for,
    published_practices,
)
from ..exports import PRACTICE_COLUMNS, practice_rows
from ..forms import AssessmentForm, ReviewForm
from ..models import SECTION_FIELDS, Practice
from ..search import engine
from ..selectors import assessment_summary, attachments_of, facet_items, in_order, latest

PAGE_SIZE = 20


@require_safe
def library(request):
    asked = filters.from_query_dict(request.GET)
    for problem in asked.problems:
        messages.warning(request, problem)
    results = engine.search(asked.text, asked.filters)
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        practices = in_order(published_practices(), results.ids, whole=True)
        return export_response(fmt, "good-practices", PRACTICE_COLUMNS, practice_rows(practices))
    page = Paginator(results.ids, PAGE_SIZE).get_page(request.GET.get("page"))
    practices = in_order(published_practices(), list(page.object_list))
    language = get_language()
    snippets = engine.snippets(results.query, practices, language) if results.query else {}
    for practice in practices:
        practice.snippet = snippets.get(practice.pk)
    return render(request, "practices/library.html", {
        "asked": asked, "results": results, "page": page, "practices": practices,
        "facets": facet_items(results.facets, asked.chosen, results.labels),
        "query": query_without(request, "page", "format"),
    })


@require_safe
def practice_detail(request, slug: str):
    practice = practice_for(request.user, slug)
    language = get_language()
    partners = assessment_partners(request.user, practice)
    similar = in_order(published_practices(), engine.similar(practice.pk)) if practice.is_published else []
    return render(request, "practices/practice_detail.html", {
        "practice": practice, "title": in_language(practice.title, language),
        "similar": similar, "assessments": list(assessments_of(practice)),
        "assessment": assessment_summary(practice),
        "assess_form": AssessmentForm(partners=partners) if partners else None,
        "review_form": ReviewForm() if request.user.has_perm("practices.review_practice", practice) else None,
        "can_change": request.user.has_perm("practices.change_practice", practice),
        "can_submit": request.user.has_perm("practices.submit_practice", practice),
        "can_delete": request.user.has_perm("practices.delete_practice", practice),
        "attachments": attachments_of(practice),
        "sections": [(capfirst(Practice._meta.get_field(name).verbose_name), getattr(practice, name))
                     for name in SECTION_FIELDS],
    })


@require_safe
def attachment(request, slug: str, pk: int, name: str):
    item = attachment_for(request.user, slug, pk)
    if name != item.name:
        raise Http404(_("No such file."))
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("No such file.")) from None
    response = FileResponse(handle, content_type=item.content_type,
                            as_attachment=item.kind == item.Kind.PDF and request.GET.get("download") == "1",
                            filename=item.name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if not item.practice.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


class LatestPractices(Feed):
    """Newly published practices, in the reader's language where they are written in it."""

    feed_type = Atom1Feed

    def title(self):
        return _("Good practices")

    def subtitle(self):
        return _("Good practices newly published on the ECoC-SME Platform")

    def link(self):
        return reverse("practices:library")

    def items(self):
        return latest(published_practices(), 50)

    def item_title(self, item):
        return str(in_language(item.title, get_language()))

    def item_description(self, item):
        return str(in_language(item.summary, get_language()))

    def item_link(self, item):
        return reverse("practices:detail", args=[item.slug])

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
