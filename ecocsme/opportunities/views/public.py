"""Opportunities as everyone reads them: the list of open opportunities with its filters and
export, one opportunity's page and the Atom feed. Visitors only reach published opportunities
(`access.open_opportunities` for lists, `access.public_opportunities` for pages); those who
posted one and its moderators also open it before, by address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.template.defaultfilters import linebreaks
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.http import query_without

from .. import filters
from ..access import interest_organisations, open_opportunities, opportunities_of, opportunity_for
from ..exports import OPPORTUNITY_COLUMNS, opportunity_rows
from ..forms import ModerationForm
from ..models import Opportunity
from ..selectors import by_status, filter_choices, filtered, newest_first
from ..services.opportunities import printable

PAGE_SIZE = 20
FEED_SIZE = 50


@require_safe
def opportunity_list(request):
    """The open opportunities, filtered, newest first; exportable as the filters leave them."""
    chosen = filters.read(request.GET)
    for problem in [*chosen.problems, *chosen.notices]:
        messages.warning(request, problem)
    opportunities = newest_first(filtered(open_opportunities(), chosen))
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return export_response(fmt, "opportunities", OPPORTUNITY_COLUMNS, opportunity_rows(opportunities))
    from ecocsme.reference.phases import ECOC_PHASES

    page = Paginator(opportunities, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "opportunities/list.html", {
        "page": page, "chosen": chosen, "choices": filter_choices(open_opportunities()),
        "kinds": Opportunity.Kind.choices, "phases": [(p.value, p.label) for p in ECOC_PHASES],
        "query": query_without(request, "page", "format"),
        "feed_query": urlencode({k: v for k, v in chosen.asked.items() if k != "q"}),
        "may_post": request.user.has_perm("opportunities.add_opportunity"),
    })


@require_safe
def opportunity_detail(request, pk: int):
    opportunity = opportunity_for(request.user, pk)
    user = request.user
    may_see_matches = user.has_perm("opportunities.see_matches", opportunity)
    may_moderate = user.has_perm("opportunities.moderate_opportunity", opportunity)
    return render(request, "opportunities/detail.html", {
        "opportunity": opportunity,
        "can_change": user.has_perm("opportunities.change_opportunity", opportunity),
        "can_submit": user.has_perm("opportunities.submit_opportunity", opportunity),
        "can_withdraw": user.has_perm("opportunities.withdraw_opportunity", opportunity),
        "can_moderate": may_moderate,
        "can_publish_directly": may_moderate and user.has_perm("opportunities.change_opportunity",
                                                               opportunity),
        "moderation_form": ModerationForm() if may_moderate else None,
        "may_see_matches": may_see_matches,
        # The organisations that fit, for those who may see them (filled in by the matching).
        "matches": None,
        **_interest_context(user, opportunity),
    })


def _interest_context(user, opportunity) -> dict:
    """The reach on an opportunity's page: for the representatives of a verified organisation
    their interest, its thread and the form; for its poster's side how many are interested."""
    from ..forms import InterestForm
    from ..selectors import interest_count, own_interests_in

    if not user.is_authenticated:
        return {}
    context = {}
    if user.has_perm("opportunities.see_interests", opportunity):
        context.update(may_see_interests=True, interest_count=interest_count(opportunity))
    organisations = interest_organisations(user)  # none: the user may not say "we are interested"
    if organisations:
        own = own_interests_in(opportunity, organisations)
        may_say = opportunity.is_open and opportunity.organisation_id not in {o.pk for o in organisations}
        context.update(own_interests=own, digest_organisations=organisations, interest_form=InterestForm(
            organisations=organisations, own=own,
        ) if may_say else None)
    return context


@login_required
@require_safe
def my_opportunities(request):
    """What the user posted, and what was posted for the organisations they represent."""
    opportunities = by_status(opportunities_of(request.user), None)
    return render(request, "opportunities/mine.html", {
        "page": Paginator(opportunities, 25).get_page(request.GET.get("page")),
        "may_post": request.user.has_perm("opportunities.add_opportunity"),
        "query": "",
        "interest_organisations": interest_organisations(request.user),
    })


class OpportunityFeed(Feed):
    """Newly published open opportunities, newest first, of a sector, a city, a phase, an ECoC
    title (and a kind, a country, a language) when the address says so: a feed reader subscribes
    to /opportunities/feed/?sector=90&city=Timișoara. A filter that names nothing is a 400 with
    the reason, not an empty feed."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        chosen = filters.read(request.GET)
        if chosen.problems:
            return HttpResponseBadRequest(" ".join(chosen.problems), content_type="text/plain; charset=utf-8")
        request.opportunity_filters = chosen
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return request.opportunity_filters

    def title(self, chosen):
        parts = chosen.describe()
        if not parts:
            return _("Opportunities")
        return _("Opportunities: %(filters)s") % {"filters": " · ".join(parts)}

    def subtitle(self, chosen):
        return _("Open opportunities newly published on the ECoC-SME Platform")

    def link(self, chosen):
        query = urlencode(chosen.asked)
        return reverse("opportunities:list") + (f"?{query}" if query else "")

    def feed_url(self, chosen):
        query = urlencode(chosen.asked)
        return reverse("opportunities:feed") + (f"?{query}" if query else "")

    def items(self, chosen):
        return list(newest_first(filtered(open_opportunities(), chosen))[:FEED_SIZE])

    def item_title(self, item):
        return printable(item.title)

    def item_description(self, item):
        """HTML for feed readers: the poster's text escaped, its lines kept."""
        deadline = _("Deadline: %(date)s") % {"date": date_format(item.deadline, "DATE_FORMAT")}
        head = f"{item.get_kind_display()} · {item.ecoc_title} · {deadline}"
        return linebreaks(printable(f"{head}\n\n{item.description}"), autoescape=True)

    def item_link(self, item):
        return reverse("opportunities:detail", args=[item.pk])

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.kind, item.phase, *item.sector_codes]
