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
    `opportunities`, and every NACE division (four queries, whatever the number of opportunities).
    Titles come newest year first; titles, cities and countries are sorted by their names in the
    active language, with its collation (Finland before Germany, České Budějovice among the C)."""
    from ecocsme.reference.countries import country_choices, language_of
    from ecocsme.reference.models import EcocTitle
    from ecocsme.reference.selectors import nace_divisions
    from ecocsme.text.collation import collated, collation_key

    language = language_of()
    name_key = collation_key(language)
    titles = EcocTitle.objects.filter(pk__in=opportunities.order_by().values("ecoc_title_id"))
    cities = opportunities.exclude(city="").order_by().values_list("city", flat=True).distinct()
    countries = opportunities.order_by().values_list("country", flat=True).distinct()
    return {
        "titles": [(title_key(title), title) for title in sorted(
            titles, key=lambda t: (-t.year, not t.city, name_key(t.city_name or t.country_name)))],
        "cities": collated(cities, language),
        "countries": [code for code, _name in country_choices(language, codes=countries)],
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


# --- reach: interests, their threads, who was told, digests ---------------------------------------
def interests_of(opportunity) -> list:
    """An opportunity's interests for its poster's side: the organisations, newest first, withdrawn
    ones last, with the number of messages of each thread."""
    from django.db.models import Count

    from .models import Interest

    interests = (Interest.objects.filter(opportunity=opportunity).select_related("organisation")
                 .annotate(message_count=Count("messages")))
    return sorted(interests, key=lambda i: (i.withdrawn_at is not None, -i.created_at.timestamp(), -i.pk))


def interest_count(opportunity) -> int:
    """How many organisations are interested (not withdrawn), for the opportunity's page."""
    from .models import Interest

    return Interest.objects.filter(opportunity=opportunity, withdrawn_at__isnull=True).count()


def interests_of_organisations(organisations) -> QuerySet:
    """"Our interests": those of the organisations a representative speaks for, newest change first."""
    from .models import Interest

    return (Interest.objects.filter(organisation__in=organisations)
            .select_related("organisation", "opportunity__ecoc_title").defer("opportunity__vector")
            .order_by("-updated_at", "-id"))


def own_interests_in(opportunity, organisations) -> list:
    """The interests of `organisations` (those a representative speaks for) in one opportunity,
    with their threads, for the opportunity's page."""
    from django.db.models import Prefetch

    from .models import Interest, InterestMessage

    return list(Interest.objects.filter(opportunity=opportunity, organisation__in=organisations)
                .select_related("organisation")
                .prefetch_related(Prefetch("messages", InterestMessage.objects.order_by("created_at", "id")))
                .order_by("organisation__name", "pk"))


def interest_thread(interest) -> list:
    return list(interest.messages.order_by("created_at", "id"))


def interested_opportunity_ids(organisation) -> set[int]:
    """The opportunities the organisation said it is interested in (withdrawn or not)."""
    from .models import Interest

    return set(Interest.objects.filter(organisation=organisation).values_list("opportunity_id", flat=True))


def told_organisation_ids(opportunity) -> set[int]:
    """The organisations its poster's side has told about the opportunity (beside the matches)."""
    from .models import Reach

    return set(Reach.objects.filter(opportunity=opportunity, channel=Reach.Channel.SUGGESTION)
               .values_list("organisation_id", flat=True))


def tellable_organisation_ids(organisation_ids) -> set[int]:
    """Of `organisation_ids`, those someone can be told about an opportunity: a representative
    with an active account and an address who has not stopped the partners' suggestions."""
    from ecocsme.organisations.models import Representative

    return set(Representative.objects.filter(organisation_id__in=organisation_ids, user__is_active=True,
                                             suggestions_stopped_at__isnull=True)
               .exclude(user__email="").values_list("organisation_id", flat=True))


def digest_of(organisation, user):
    """The user's digest subscription for the organisation, if any."""
    from .models import DigestSubscription

    return DigestSubscription.objects.filter(organisation=organisation, user=user).first()


# --- engagement figures (OPP-4) ----------------------------------------------------------------------
DIMENSIONS = ("ecoc_title", "phase", "sector", "size_class")
NOT_KNOWN = ""


def _period(since, until):
    """Aware datetimes [start, end) for dates (the whole of each day, local time) or datetimes."""
    import datetime as dt

    def start_of(day):
        if isinstance(day, dt.datetime):
            return day
        return timezone.make_aware(dt.datetime.combine(day, dt.time.min))

    start = start_of(since) if since is not None else None
    end = None
    if until is not None and until != dt.date.max:  # the last day there is: no end
        end = until if isinstance(until, dt.datetime) else start_of(until + dt.timedelta(days=1))
    return start, end


def _in(field: str, start, end) -> Q:
    condition = Q()
    if start is not None:
        condition &= Q(**{f"{field}__gte": start})
    if end is not None:
        condition &= Q(**{f"{field}__lt": end})
    return condition


def engagement_scope(*, ecoc_title=None, partner=None, phase: str | None = None, opportunities=None):
    """The opportunities the figures count: all (or `opportunities`), of an ECoC title, a phase,
    moderated by a partner (a Partner, its id, or several)."""
    scope = opportunities if opportunities is not None else Opportunity.objects.all()
    if ecoc_title is not None:
        scope = scope.filter(ecoc_title_id=getattr(ecoc_title, "pk", ecoc_title))
    if phase:
        scope = scope.filter(phase=phase)
    if partner is not None:
        ids = partner if isinstance(partner, list | tuple | set | frozenset) else [partner]
        scope = scope.filter(partner_id__in=[getattr(p, "pk", p) for p in ids])
    return scope


def engagement_figures(*, ecoc_title=None, partner=None, since=None, until=None, phase: str | None = None,
                       opportunities=None) -> dict:
    """Organisations reached, interested and contracted through opportunities (OPP-4): the figures
    the engagement page draws and the monitoring indicators read. Counts only, never names.

    - reached: distinct organisations told about an opportunity (a `Reach` row: by its poster's
      side or in a digest) or that said they were interested;
    - interested: distinct organisations with an interest not withdrawn;
    - contracted: distinct organisations with an interest whose status is "contracted".

    With `since`/`until` (dates, inclusive, or datetimes) an organisation counts when it was
    told, said it was interested, or was contracted in the period; so contracted ≤ interested ≤
    reached in every row. `ecoc_title`, `phase`, `partner` (the moderating partner: a Partner, an
    id, or several) and `opportunities` (a queryset, e.g. what a user may see) narrow the
    opportunities counted.

    Returns {"totals": {"reached", "interested", "contracted"}, "by_ecoc_title", "by_phase",
    "by_sector", "by_size_class": [{"key", "label", "reached", "interested", "contracted"}, ...]}:
    by the opportunity's ECoC title ("2023-timisoara"), phase and NACE divisions (an opportunity
    of two sectors counts in both; "" for none) and by the organisation's size class ("" when not
    known). Each count is of distinct organisations within its row. Seven queries.
    """
    from django.utils.translation import gettext as _

    from ecocsme.organisations.models import Organisation
    from ecocsme.reference.models import EcocTitle, NaceDivision
    from ecocsme.reference.phases import Phase
    from ecocsme.reference.sme import SizeClass

    from .models import Interest, Reach

    scope = engagement_scope(ecoc_title=ecoc_title, partner=partner, phase=phase, opportunities=opportunities)
    start, end = _period(since, until)
    # (opportunity, organisation) → the furthest it went: 1 reached, 2 interested, 3 contracted
    reached: dict[tuple[int, int], int] = {}
    for pair in (Reach.objects.filter(_in("first_at", start, end), opportunity__in=scope)
                 .values_list("opportunity_id", "organisation_id").distinct()):
        reached[pair] = 1
    interests = (Interest.objects.filter(opportunity__in=scope)
                 .filter(_in("created_at", start, end) | _in("contracted_at", start, end))
                 .values_list("opportunity_id", "organisation_id", "withdrawn_at", "status", "contracted_at"))
    for opportunity_id, organisation_id, withdrawn_at, status, contracted_at in interests:
        level = 1 if withdrawn_at is not None else 2
        if status == Interest.Status.CONTRACTED and contracted_at is not None \
                and (start is None or contracted_at >= start) and (end is None or contracted_at < end):
            level = 3
        pair = (opportunity_id, organisation_id)
        reached[pair] = max(level, reached.get(pair, 0))
    opportunity_ids = {opportunity_id for opportunity_id, _organisation in reached}
    organisation_ids = {organisation_id for _opportunity, organisation_id in reached}
    facts = {pk: (title_id, phase_value) for pk, title_id, phase_value in
             scope.filter(pk__in=opportunity_ids).values_list("pk", "ecoc_title_id", "phase")} \
        if opportunity_ids else {}
    sectors: dict[int, list[str]] = {}
    if opportunity_ids:
        through = Opportunity.sectors.through.objects.filter(opportunity_id__in=opportunity_ids)
        for opportunity_id, code in through.values_list("opportunity_id", "nacedivision_id"):
            sectors.setdefault(opportunity_id, []).append(code)
    sizes = dict(Organisation.objects.filter(pk__in=organisation_ids).values_list("pk", "size_class")) \
        if organisation_ids else {}
    titles = {t.pk: t for t in EcocTitle.objects.filter(pk__in={t for t, _p in facts.values()})} \
        if facts else {}
    used_sectors = {code for codes in sectors.values() for code in codes}
    divisions = {d.code: str(d) for d in NaceDivision.objects.filter(code__in=used_sectors)} \
        if used_sectors else {}

    buckets: dict[str, dict[str, list[set]]] = {name: {} for name in DIMENSIONS}
    totals = [set(), set(), set()]
    for (opportunity_id, organisation_id), level in reached.items():
        if opportunity_id not in facts:
            continue
        title_id, phase_value = facts[opportunity_id]
        keys = {"ecoc_title": [title_id], "phase": [phase_value],
                "sector": sectors.get(opportunity_id) or [NOT_KNOWN],
                "size_class": [sizes.get(organisation_id) or NOT_KNOWN]}
        for name, values in keys.items():
            for key in values:
                sets = buckets[name].setdefault(key, [set(), set(), set()])
                for index in range(level):
                    sets[index].add(organisation_id)
        for index in range(level):
            totals[index].add(organisation_id)

    def rows(name: str, order, label) -> list[dict]:
        return [{"key": key, "label": label(key), "reached": len(sets[0]), "interested": len(sets[1]),
                 "contracted": len(sets[2])} for key, sets in sorted(buckets[name].items(), key=order)]

    from .filters import title_key

    phase_order = {value: number for number, value in enumerate(Phase.values)}
    size_order = {value: number for number, value in enumerate(SizeClass.values)}
    return {
        "totals": {"reached": len(totals[0]), "interested": len(totals[1]), "contracted": len(totals[2])},
        "by_ecoc_title": [
            {**row, "key": title_key(titles[row["key"]])} for row in rows(
                "ecoc_title", lambda item: (-titles[item[0]].year, titles[item[0]].city),
                lambda key: str(titles[key]))],
        "by_phase": rows("phase", lambda item: phase_order.get(item[0], 99),
                         lambda key: str(Phase(key).label) if key in Phase.values else key),
        "by_sector": rows("sector", lambda item: (item[0] == NOT_KNOWN, item[0]),
                          lambda key: divisions.get(key, key) if key else _("no sector given")),
        "by_size_class": rows("size_class", lambda item: size_order.get(item[0], 99),
                              lambda key: str(SizeClass(key).label) if key in SizeClass.values
                              else _("size not known")),
    }


# --- figures monitoring reads (monitoring.indicators) ---------------------------------------------
def first_interests(*, partner_ids) -> list[dict]:
    """For each partner of `partner_ids` (the moderating partner of an opportunity) and each
    organisation interested in one of its opportunities (an interest not withdrawn), when it
    first said so, with the organisation's kind: [{"partner_id", "organisation_kind",
    "first_at"}]. Counts only, never names; one grouped query whatever the number of partners."""
    from django.db.models import Min

    from .models import Interest

    rows = (Interest.objects.filter(opportunity__partner_id__in=list(partner_ids), withdrawn_at__isnull=True)
            .values("opportunity__partner_id", "organisation_id", "organisation__kind")
            .annotate(first=Min("created_at")).order_by("first"))
    return [{"partner_id": row["opportunity__partner_id"], "organisation_kind": row["organisation__kind"],
             "first_at": row["first"]} for row in rows]
