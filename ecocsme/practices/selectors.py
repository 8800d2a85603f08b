"""Reads of practices for pages, the API, exports and other apps (guidelines, ECoC title pages)."""

from django.db.models import Avg, Count, QuerySet

from .models import SECTION_FIELDS, Practice


def with_relations(practices: QuerySet[Practice]) -> QuerySet[Practice]:
    return (practices.select_related("partner__project", "ecoc_title", "nuts_region")
            .prefetch_related("sectors"))


# What a list of practices does not show: read only for a practice's own page and exports.


def in_order(practices: QuerySet[Practice], ids: list[int], *, whole: bool = False) -> list[Practice]:
    """The practices of `ids` among `practices`, in the order of `ids`: as a list shows them
    (title, summary, partner, title year), or `whole` with every field and their sectors."""
    chosen = practices.filter(pk__in=ids)
    if whole:
        chosen = with_relations(chosen)
    else:
        chosen = chosen.select_related("partner", "ecoc_title").defer(*SECTION_FIELDS)
    found = {practice.pk: practice for practice in chosen}
    return [found[pk] for pk in ids if pk in found]


def assessment_summary(practice: Practice) -> dict:
    figures = practice.assessments.aggregate(average=Avg("score"), count=Count("id"))
    return {"average": figures["average"], "count": figures["count"]}


def practices_of_title(practices: QuerySet[Practice], ecoc_title, *,
                       limit: int) -> tuple[list[Practice], int]:
    """The newest of `practices` linked to `ecoc_title` (at most `limit`) and how many there are."""
    linked = practices.filter(ecoc_title=ecoc_title)
    newest = linked.select_related("partner").defer(*SECTION_FIELDS).order_by("-published_at")
    return list(newest[:limit]), linked.count()


def latest(practices: QuerySet[Practice], limit: int) -> list[Practice]:
    return list(practices.select_related("partner").order_by("-published_at")[:limit])


def by_status(practices: QuerySet[Practice], status: str | None) -> QuerySet[Practice]:
    """The practices in work, newest change first, of one status when it is one."""
    practices = with_relations(practices).order_by("-updated_at")
    return practices.filter(status=status) if status in Practice.Status.values else practices


def attachments_of(practice: Practice) -> list:
    return list(practice.attachments.all())


def sector_codes(practice: Practice) -> list[str]:
    return [sector.code for sector in practice.sectors.all()]


def practice_by_slug(practices: QuerySet[Practice], slug: str) -> Practice | None:
    return with_relations(practices).filter(slug=slug).first()


def facet_items(facets: dict[str, list[tuple[object, int]]], chosen: dict[str, list[str]],
                labels: dict[str, dict] | None = None) -> list:
    """The facets as a page or the API shows them: [(facet, label, [(value, label, count, chosen)])],
    the chosen values first, then by count, then by label as the active language sorts it
    (Österreich before Portugal in German). `labels` (a search's) names titles and sectors without
    a query."""
    from django.utils.translation import gettext as _

    from ecocsme.reference.countries import country_name, language_of
    from ecocsme.reference.models import EcocTitle, NaceDivision
    from ecocsme.reference.phases import Phase
    from ecocsme.text.collation import collation_key

    from .filters import title_key
    from .themes import Theme

    labels = labels or {}
    titles = labels.get("ecoc") or {
        t.pk: t for t in EcocTitle.objects.filter(pk__in=[v for v, _n in facets.get("ecoc", [])])}
    sectors = labels.get("sector") or dict(
        NaceDivision.objects.filter(code__in=[v for v, _n in facets.get("sector", [])])
        .values_list("code", "title"))
    label_of = {
        "ecoc": lambda v: (title_key(titles[v]), str(titles[v])) if v in titles else None,
        "country": lambda v: (v.lower(), country_name(v)),
        "phase": lambda v: (v, Phase(v).label) if v in Phase.values else None,
        "theme": lambda v: (v, Theme(v).label) if v in Theme.values else None,
        "sector": lambda v: (v, f"{v} · {sectors.get(v, '')}"),
    }
    names = {"ecoc": _("ECoC title"), "country": _("Country"), "phase": _("ECoC phase"),
             "theme": _("Theme"), "sector": _("Sector")}
    label_key = collation_key(language_of())
    result = []
    for facet, counts in facets.items():
        items = []
        for value, count in counts:
            labelled = label_of[facet](value)
            if labelled:
                key, label = labelled
                chosen_values = [c.lower() for c in chosen.get(facet, [])]
                items.append((key, str(label), count, key.lower() in chosen_values))
        items.sort(key=lambda item: (not item[3], -item[2], label_key(item[1])))
        result.append((facet, names[facet], items))
    return result


# --- figures monitoring reads (monitoring.indicators) ---------------------------------------------
def published_practices_of(*, project, partner_ids) -> list[dict]:
    """The good practices of `project` identified by one of `partner_ids` and published (reviewed
    by the coordinator): [{"id", "slug", "partner_id", "title", "day"}], `day` the date of the
    publication in the platform's time zone. One query for the whole project."""
    from django.utils import timezone

    rows = (Practice.objects.filter(project=project, partner_id__in=list(partner_ids),
                                    status=Practice.Status.PUBLISHED, published_at__isnull=False)
            .order_by("published_at", "id").values_list("id", "slug", "partner_id", "title", "published_at"))
    return [{"id": pk, "slug": slug, "partner_id": partner_id, "title": title,
             "day": timezone.localdate(published_at)}
            for pk, slug, partner_id, title, published_at in rows]


# --- what an action plan cites (actionplans reads these) ----------------------------------------
def citable_practices(practices: QuerySet[Practice], *, project_id: int, keep=()) -> list[Practice]:
    """The practices of a project among `practices` (what the reader may see:
    access.practices_visible_to), and those in `keep` (already cited), for an action's list of what
    inspired it."""
    from django.db.models import Q

    return list(practices.filter(Q(project_id=project_id) | Q(pk__in=list(keep)))
                .only("id", "slug", "title", "status", "project_id").order_by("id"))


def practice_slugs(practices: QuerySet[Practice], ids) -> dict[int, str]:
    """{id: slug} of the practices among `ids` that are among `practices` (the links of an action
    plan's inspirations)."""
    return dict(practices.filter(pk__in=list(ids)).values_list("pk", "slug"))
