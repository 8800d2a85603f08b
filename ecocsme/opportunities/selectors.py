"""Reads of opportunities for pages, the API, feeds, exports and other apps."""

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from .filters import Chosen, title_key
from .models import Opportunity


def with_relations(opportunities: QuerySet[Opportunity]) -> QuerySet[Opportunity]:
    """With what pages, feeds, exports and the API show; without the matching's vector."""
    return (opportunities.select_related("ecoc_title", "organisation", "partner__project")
            .prefetch_related("sectors").defer("vector"))


def newest_first(opportunities: QuerySet[Opportunity]) -> QuerySet[Opportunity]:
    return with_relations(opportunities).order_by("-published_at", "-id")


def filtered(opportunities: QuerySet[Opportunity], chosen: Chosen) -> QuerySet[Opportunity]:
    """The opportunities matching what a list, the feed or the API asked for (checked by
    `filters.read`): ECoC title, phase, kind, sector, country, language, city and words of the
    title or description."""
    if chosen.ecoc_title is not None:
        opportunities = opportunities.filter(ecoc_title_id=chosen.ecoc_title.pk)
    if chosen.phase:
        opportunities = opportunities.filter(phase=chosen.phase)
    if chosen.kind:
        opportunities = opportunities.filter(kind=chosen.kind)
    if chosen.sector:
        opportunities = opportunities.filter(sectors__code=chosen.sector)
    if chosen.country:
        opportunities = opportunities.filter(country=chosen.country)
    if chosen.language:
        opportunities = opportunities.filter(language=chosen.language)
    if chosen.city:
        opportunities = opportunities.filter(city__iexact=chosen.city)
    for word in chosen.words:
        opportunities = opportunities.filter(Q(title__icontains=word) | Q(description__icontains=word))
    return opportunities


def by_status(opportunities: QuerySet[Opportunity], status: str | None) -> QuerySet[Opportunity]:
    """The back office's list, newest change first, of one status when it is one."""
    opportunities = with_relations(opportunities).order_by("-updated_at", "-id")
    return opportunities.filter(status=status) if status in Opportunity.Status.values else opportunities


def filter_choices(opportunities: QuerySet[Opportunity]) -> dict[str, list]:
    """What the list's filters offer: the ECoC titles (with their key), cities and countries of
    `opportunities`, and every NACE division (four queries, whatever the number of opportunities)."""
    from ecocsme.reference.models import EcocTitle
    from ecocsme.reference.selectors import nace_divisions

    ids = opportunities.order_by().values("ecoc_title_id")
    return {
        "titles": [(title_key(title), title)
                   for title in EcocTitle.objects.filter(pk__in=ids).order_by("-year", "city")],
        "cities": list(opportunities.exclude(city="").order_by("city").values_list("city", flat=True)
                       .distinct()),
        "countries": list(opportunities.order_by("country").values_list("country", flat=True).distinct()),
        "sectors": list(nace_divisions()),
    }


def posted_today_by(user, *, now: dt.datetime | None = None) -> QuerySet[Opportunity]:
    """What the user posted in the last 24 hours (the spam limits)."""
    since = (now or timezone.now()) - dt.timedelta(hours=24)
    return Opportunity.objects.filter(posted_by=user, created_at__gte=since)


def past_deadline() -> QuerySet[Opportunity]:
    """Published opportunities whose deadline has passed: the hourly task closes them."""
    return Opportunity.objects.filter(status=Opportunity.Status.PUBLISHED,
                                      deadline__lt=timezone.localdate())


def staffed_partners(user) -> list:
    """The partners the user works for (as staff), for the choice of whom a post is for."""
    from ecocsme.partnerships.models import Partner

    from .rules import staffed_partner_ids

    ids = staffed_partner_ids(user)
    return list(Partner.objects.filter(pk__in=ids).select_related("project").order_by("project", "number")) \
        if ids else []
