import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from ecocsme.core.i18n import with_english

from .countries import country_name, language_of
from .phases import DEFAULT_LEGACY_YEARS, DEFAULT_PREPARATION_YEARS, Phase, PhaseDates, phase_dates

# The `country` of a title slot not tied to one country (ecoc_titles.csv, a row with no country
# code), in the reader's language. A label not listed here is shown as written, in English.
COUNTRY_LABELS = {
    "EFTA/EEA, candidate or potential candidate country":
        _("EFTA/EEA, candidate or potential candidate country"),
}


class EcocTitleQuerySet(models.QuerySet):
    def with_phase_on(self, day: dt.date) -> "EcocTitleQuerySet":
        """Annotate `phase` on `day`, computed in SQL from the stored phase dates."""
        return self.annotate(
            phase=models.Case(
                models.When(preparation_starts__gt=day, then=models.Value(Phase.BEFORE)),
                models.When(event_starts__gt=day, then=models.Value(Phase.PREPARATION)),
                models.When(event_ends__gte=day, then=models.Value(Phase.EVENT_YEAR)),
                models.When(legacy_ends__gte=day, then=models.Value(Phase.LEGACY)),
                default=models.Value(Phase.AFTER),
                output_field=models.CharField(),
            )
        )

    def in_phase_on(self, phase: Phase, day: dt.date) -> "EcocTitleQuerySet":
        return self.with_phase_on(day).filter(phase=phase)


class EcocTitle(models.Model):
    """One European Capital of Culture title: a city (once designated), a country, a year."""

    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    city = models.CharField(_("city"), max_length=100, blank=True,
                            help_text=_("Empty until the city is designated."))
    country = CountryField(_("country"), blank=True)
    country_label = models.CharField(
        _("country as written"), max_length=200, blank=True,
        help_text=_("For a slot not yet tied to one country."),
    )
    city_names = models.JSONField(
        _("city in each language"), default=dict, blank=True,
        help_text=_("The city as each language writes it, by language code (ro, lt…); a "
                    "language not given shows the city as written above."),
    )
    original_year = models.PositiveSmallIntegerField(
        _("originally designated for"), null=True, blank=True
    )
    notes = models.TextField(_("notes"), blank=True,
                             help_text=_("For the staff: never shown on public pages."))
    designation_date = models.DateField(_("designated on"), null=True, blank=True)
    title_extended_to = models.DateField(_("title year extended to"), null=True, blank=True)
    preparation_years = models.PositiveSmallIntegerField(
        _("years of preparation"), default=DEFAULT_PREPARATION_YEARS
    )
    legacy_years = models.PositiveSmallIntegerField(_("legacy years"), default=DEFAULT_LEGACY_YEARS)
    # Derived from the fields above by refresh_phase_dates(), stored for SQL filters.
    preparation_starts = models.DateField(_("preparation starts"), editable=False)
    event_starts = models.DateField(_("title year starts"), editable=False)
    event_ends = models.DateField(_("title year ends"), editable=False)
    legacy_ends = models.DateField(_("legacy ends"), editable=False)

    objects = EcocTitleQuerySet.as_manager()

    class Meta:
        verbose_name = _("ECoC title")
        verbose_name_plural = _("ECoC titles")
        ordering = ["year", "country", "city"]
        constraints = [
            models.UniqueConstraint(fields=["year", "country", "city"], name="ecoc_title_unique"),
            models.CheckConstraint(condition=models.Q(year__gte=1985), name="ecoc_title_from_1985"),
        ]

    def __str__(self) -> str:
        """The city (or, until it is designated, the country) and the year, in the active
        language: "Atena 1985" for a Romanian reader."""
        return f"{self.city_name or self.country_name} {self.year}"

    def save(self, *args, **kwargs):
        self.refresh_phase_dates()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("web:ecoc_title", args=[self.year, self.slug])

    @property
    def slug(self) -> str:
        """The city as an address writes it: "timisoara" for Timișoara."""
        from django.utils.text import slugify

        return slugify(self.city)

    @property
    def is_designated(self) -> bool:
        return bool(self.city)

    def city_in(self, language: str | None = None) -> str:
        """The city as `language` (default: the active language) writes it: Atena in Romanian,
        Atėnai in Lithuanian; `city` where the language has no name of its own."""
        names = self.city_names if isinstance(self.city_names, dict) else {}
        return names.get(language_of(language)) or self.city

    @property
    def city_name(self) -> str:
        """The city in the active language."""
        return self.city_in()

    @property
    def country_name(self) -> str:
        """The country in the active language (current name, ș and ț in Romanian)."""
        if self.country:
            return country_name(self.country.code)
        return str(COUNTRY_LABELS.get(self.country_label, self.country_label))

    @property
    def country_name_language(self) -> str:
        """The language `country_name` is written in: the active one, or English for a slot's
        label not (yet) translated."""
        language = language_of()
        if self.country or self.country_name != self.country_label:
            return language
        return "en"

    def compute_phase_dates(self) -> PhaseDates:
        return phase_dates(
            year=self.year, original_year=self.original_year,
            designation_date=self.designation_date, title_extended_to=self.title_extended_to,
            preparation_years=self.preparation_years, legacy_years=self.legacy_years,
        )

    def refresh_phase_dates(self) -> None:
        dates = self.compute_phase_dates()
        self.preparation_starts = dates.preparation_starts
        self.event_starts = dates.event_starts
        self.event_ends = dates.event_ends
        self.legacy_ends = dates.legacy_ends

    @property
    def preparation_last_year(self) -> int:
        return (self.event_starts - dt.timedelta(days=1)).year

    @property
    def legacy_first_year(self) -> int:
        return (self.event_ends + dt.timedelta(days=1)).year

    @property
    def phase_label(self) -> str:
        """Label of the `phase` annotated by with_phase_on()."""
        return Phase(self.phase).label

    def phase_on(self, day: dt.date) -> Phase:
        return PhaseDates(self.preparation_starts, self.event_starts, self.event_ends,
                          self.legacy_ends).phase_on(day)


class NutsRegion(models.Model):
    code = models.CharField(_("code"), max_length=5, primary_key=True)
    country = CountryField(_("country"))
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("NUTS-2 region")
        verbose_name_plural = _("NUTS-2 regions")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class NaceSection(models.Model):
    code = models.CharField(_("code"), max_length=1, primary_key=True)
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        verbose_name = _("NACE section")
        verbose_name_plural = _("NACE sections")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class NaceDivision(models.Model):
    code = models.CharField(_("code"), max_length=2, primary_key=True)
    section = models.ForeignKey(NaceSection, on_delete=models.PROTECT, related_name="divisions")
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        verbose_name = _("NACE division")
        verbose_name_plural = _("NACE divisions")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class PolicyInstrument(models.Model):
    """A policy instrument an action plan aims to improve (REF-4)."""

    class Kind(models.TextChoices):
        OPERATIONAL_PROGRAMME = "operational_programme", _("Operational programme")
        LOCAL_STRATEGY = "local_strategy", _("Local development strategy")
        REGIONAL_STRATEGY = "regional_strategy", _("Regional strategy")
        OTHER = "other", _("Other")

    class Category(models.TextChoices):
        GROWTH_AND_JOBS = "growth_and_jobs", _("Investment for Growth and Jobs programme")
        TERRITORIAL_COOPERATION = "territorial_cooperation", _(
            "European Territorial Cooperation programme"
        )
        OTHER = "other", _("Other regional development policy instrument")

    key = models.SlugField(_("key"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=300, help_text=_("In English."))
    name_translations = models.JSONField(_("name in other languages"), default=dict, blank=True,
                                         help_text=_("Text per language code."))
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    managing_body = models.CharField(_("managing body"), max_length=300, blank=True)
    territory = models.CharField(_("territory"), max_length=200, blank=True)
    country = CountryField(_("country"))
    nuts_region = models.ForeignKey(NutsRegion, verbose_name=_("NUTS-2 region"), null=True,
                                    blank=True, on_delete=models.SET_NULL)
    programming_period = models.CharField(_("programming period"), max_length=20, blank=True)
    priority_axis = models.CharField(_("priority axis"), max_length=300, blank=True)
    thematic_objective = models.CharField(_("thematic objective"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("policy instrument")
        verbose_name_plural = _("policy instruments")
        ordering = ["country", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def names(self) -> dict[str, str]:
        """The name per language code, English first."""
        return with_english(self.name, self.name_translations)


class EcocPhaseNote(models.Model):
    """What the platform's curators say about one phase of a title: the analysis of a past host's
    experience that a future host reads first (REF-5). Text per language code."""

    title = models.ForeignKey(EcocTitle, on_delete=models.CASCADE, related_name="phase_notes")
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    text = models.JSONField(_("text"), default=dict, blank=True, help_text=_("Text per language code."))
    is_example = models.BooleanField(_("example content"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("note on an ECoC phase")
        verbose_name_plural = _("notes on ECoC phases")
        ordering = ["title", "phase"]
        constraints = [
            models.UniqueConstraint(fields=["title", "phase"], name="one_note_per_phase"),
        ]

    def __str__(self) -> str:
        return f"{self.title} · {self.get_phase_display()}"
