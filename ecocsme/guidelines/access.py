"""Who may see and change guidelines, as fetchers for views, the API, files and commands.

One rule decides who sees a version: `guidelines.view_version` (rules.py) — a published version
is everyone's, a draft only its project's members' (and the administrator's). A guideline is
seen by everyone once it has a published version (`guidelines.view_guideline`).
`published_versions()` is the query form of the public rule, the only one the API, the public
lists and the export command use; `versions_visible_to(user)` that of the whole rule.

A visitor asking for a draft gets the same 404 as for a version that does not exist, on every
channel (page, PDF, DOCX, changes, API), so that nothing tells a stranger that a draft exists.
"""

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ecocsme.accounts.predicates import memberships_of
from ecocsme.core.access import permitted
from ecocsme.core.http import MAX_ID

from .models import Chapter, Evidence, Guideline, Recommendation, Version, parse_number

REFUSED = gettext_lazy("Only the project's members may change a draft, and only the coordinator publishes "
                       "it.")


def malformed_number(number: str) -> str:
    return _("“%(number)s” is not a version number: a version number is written like 1.0.") % {
        "number": str(number)[:20]}


def no_such_version(slug: str, number: str) -> str:
    return _("There is no version %(number)s of these guidelines.") % {"number": str(number)[:20]}


def with_published_count(guidelines: QuerySet[Guideline]) -> QuerySet[Guideline]:
    return guidelines.annotate(published_count=Count(
        "versions", filter=Q(versions__status=Version.Status.PUBLISHED), distinct=True))


def _member_projects(user) -> list[int]:
    return [m.project_id for m in memberships_of(user)]


def guidelines_visible_to(user) -> QuerySet[Guideline]:
    """Guidelines with a published version, and every guideline of the user's projects."""
    guidelines = with_published_count(Guideline.objects.select_related("project"))
    if user.is_superuser:
        return guidelines
    return guidelines.filter(Q(published_count__gt=0) | Q(project_id__in=_member_projects(user)))


def guidelines_in_work_for(user) -> QuerySet[Guideline]:
    """The guidelines of the projects the user belongs to (all, for the administrator): the back
    office's list."""
    guidelines = Guideline.objects.select_related("project").order_by("project__code", "slug")
    return guidelines if user.is_superuser else guidelines.filter(project_id__in=_member_projects(user))


def projects_for_new_guidelines(user) -> QuerySet:
    """The projects in which the user may start new guidelines (`guidelines.add_guideline`)."""
    from ecocsme.partnerships.access import projects_visible_to

    projects = projects_visible_to(user) if user.is_authenticated else []
    allowed = [project.pk for project in projects if user.has_perm("guidelines.add_guideline", project)]
    return projects_visible_to(user).filter(pk__in=allowed)


def published_versions() -> QuerySet[Version]:
    return Version.objects.filter(status=Version.Status.PUBLISHED).select_related("guideline__project")


def versions_visible_to(user) -> QuerySet[Version]:
    versions = Version.objects.select_related("guideline__project")
    if user.is_superuser:
        return versions
    return versions.filter(Q(status=Version.Status.PUBLISHED)
                           | Q(guideline__project_id__in=_member_projects(user)))


def guideline_for(user, slug: str, perm: str | None = None) -> Guideline:
    guideline = with_published_count(Guideline.objects.select_related("project")).filter(slug=slug).first()
    return permitted(user, guideline, view="guidelines.view_guideline", perm=perm,
                     missing=_("No such guidelines."), refused=REFUSED)


def version_for(user, slug: str, number: str, perm: str | None = None) -> Version:
    """The version `number` of the guideline at `slug` for a user who may see it (Http404 with a
    message saying why otherwise: a malformed number, or no such version — a draft the user may
    not see is "no such version") and holds `perm` (PermissionDenied otherwise)."""
    if parse_number(number) is None:
        raise Http404(malformed_number(number))
    version = (Version.objects.select_related("guideline__project", "published_by")
               .filter(guideline__slug=slug, number=number).first())
    return permitted(user, version, view="guidelines.view_version", perm=perm,
                     missing=no_such_version(slug, number), refused=REFUSED)


def public_version(slug: str, number: str | None = None) -> Version:
    """A published version (the latest when `number` is None) for anyone: the API and the export
    command. Http404 with a message for a malformed number, an unknown version or a draft."""
    versions = published_versions().filter(guideline__slug=slug)
    if number is None:
        version = versions.order_by("-major", "-minor").first()
        if version is None:
            raise Http404(_("No such guidelines."))
        return version
    if parse_number(number) is None:
        raise Http404(malformed_number(number))
    version = versions.filter(number=number).first()
    if version is None:
        raise Http404(no_such_version(slug, number))
    return version


def latest_version_for(user, guideline: Guideline) -> Version | None:
    """The latest published version; for the members, the draft when nothing is published yet."""
    versions = guideline.versions.order_by("-major", "-minor")
    published = versions.filter(status=Version.Status.PUBLISHED).first()
    if published is not None:
        return published
    draft = versions.first()
    return draft if draft is not None and user.has_perm("guidelines.view_version", draft) else None


# --- what is inside a version: for a version fetched through version_for --------------------------
def _is_id(pk) -> bool:
    """An id the database can hold (a path's <int:…> takes any number of digits)."""
    return isinstance(pk, int) and 0 < pk <= MAX_ID


def chapter_of(version: Version, pk) -> Chapter:
    chapter = version.chapters.filter(pk=pk).first() if _is_id(pk) else None
    if chapter is None:
        raise Http404(_("No such chapter."))
    return chapter


def recommendation_of(version: Version, pk) -> Recommendation:
    recommendation = (version.recommendations.select_related("chapter").filter(pk=pk).first()
                      if _is_id(pk) else None)
    if recommendation is None:
        raise Http404(_("No such recommendation."))
    return recommendation


def evidence_of(version: Version, pk) -> Evidence:
    evidence = (Evidence.objects.select_related("recommendation")
                .filter(pk=pk, recommendation__version=version).first() if _is_id(pk) else None)
    if evidence is None:
        raise Http404(_("No such evidence."))
    return evidence


# --- what a draft may cite -------------------------------------------------------------------------
def citable_practices(project):
    """The published good practices of the project: the only ones a recommendation may cite."""
    from ecocsme.practices.access import published_practices

    return published_practices().filter(project=project).order_by("slug")


def citable_labs(user, project):
    """The project's labs the user may see: the labs whose answers the user may quote."""
    from ecocsme.labs.access import labs_visible_to

    return labs_visible_to(user).filter(project=project)


def citable_lab(user, project, pk):
    """A lab of the project the user may see (Http404 otherwise)."""
    from ecocsme.labs.access import lab_for

    lab = lab_for(user, pk) if _is_id(pk) else None
    if lab is None or lab.project_id != project.pk:
        raise Http404(_("No such lab."))
    return lab
