"""Matchmaking on the platform's records (OPP-2): the organisations that fit an opportunity,
the open opportunities that fit an organisation, and partners across sectors or borders, each
with the facts that explain it. The engine is `ecocsme.text.matching`; this module gives it
records and vectors and turns its answers back into records.

Only organisations that wish to be found and were verified (`organisations.selectors.
findable_profiles`) are ever given to the engine, and every answer is read back through that
same query, so an organisation that opts out disappears from the next answer in every process.
Each process keeps the organisations' matrix in memory and rebuilds it when their fingerprint
(its last change) changes; the open opportunities likewise (their count, last change, vectors).
"""

import json
import threading
from dataclasses import dataclass, field

import numpy as np
from django.db import connection
from django.db.models import Count, Max, Q
from django.utils import timezone

from ecocsme.organisations.models import Organisation
from ecocsme.organisations.selectors import findable_profiles, matching_profile
from ecocsme.text import matching as engine
from ecocsme.text.embeddings import default_embedder, from_bytes, to_bytes

from .access import open_opportunities
from .models import Opportunity
from .reasons import match_reasons, nace_names, partner_reasons

ORGANISATIONS_SHOWN = 20
OPPORTUNITIES_SHOWN = 20
PARTNERS_SHOWN = 10
READ_IN_A_REQUEST_UP_TO = 20_000  # organisations; more are read again in a thread
EMBEDDED_IN_A_REQUEST = 32  # opportunities without a vector a page embeds itself (~50 ms each)


@dataclass
class Match:
    """One suggestion: the record (an organisation or an opportunity), how well it fits, and why."""

    record: object
    score: float
    explanation: object = None  # engine.Explanation or engine.PartnerExplanation
    reasons: list[str] = field(default_factory=list)  # the explanation in the reader's words


def opportunity_record(opportunity: Opportunity) -> engine.Opportunity:
    """The opportunity as the engine sees it (prefetch `sectors` and select `ecoc_title` for many)."""
    return engine.Opportunity(
        id=str(opportunity.pk), title=opportunity.title, kind=opportunity.kind,
        ecoc_city=opportunity.city or opportunity.ecoc_title.city, phase=opportunity.phase,
        country=opportunity.country.code or "", language=opportunity.language,
        description=opportunity.description,
        sectors=tuple(sector.code for sector in opportunity.sectors.all()),
        deadline=opportunity.deadline,
        budget_eur=float(opportunity.budget_eur) if opportunity.budget_eur is not None else None,
        cross_border=opportunity.cross_border)


def opportunity_embed(opportunity: Opportunity) -> np.ndarray:
    """The opportunity's vector, computed and stored when it is missing or of another model."""
    embedder = default_embedder()
    if opportunity.vector and opportunity.vector_model == embedder.name:
        return from_bytes(bytes(opportunity.vector))
    vector = engine.opportunity_vectors([opportunity_record(opportunity)], embedder)[0]
    Opportunity.objects.filter(pk=opportunity.pk).update(vector=to_bytes(vector), vector_model=embedder.name,
                                                         updated_at=timezone.now())
    opportunity.vector, opportunity.vector_model = to_bytes(vector), embedder.name
    return vector


def profile_vector(organisation: Organisation) -> np.ndarray | None:
    """The organisation's stored profile vector, if it is of the model in use."""
    if organisation.profile_vector and organisation.profile_vector_model == default_embedder().name:
        return from_bytes(bytes(organisation.profile_vector))
    return None


# --- the in-memory catalogues -------------------------------------------------------------------

@dataclass
class _Catalogue:
    fingerprint: tuple
    index: object


_lock = threading.Lock()
_catalogues: dict[str, _Catalogue] = {}


def _fingerprint(records, vector_field: str) -> tuple:
    figures = records.aggregate(count=Count("pk"), last=Max("updated_at"),
                                vectors=Count("pk", filter=~Q(**{vector_field: ""})))
    return (default_embedder().name, figures["count"], figures["last"], figures["vectors"])


def organisation_index() -> engine.OrganisationIndex:
    """The organisations that may be suggested, with a vector of the model in use; read again
    when any organisation changed (its last change is one look into an index). A large matrix is
    read again in a thread while the previous one answers (seconds at 200,000 organisations);
    organisations deleted or opted out since are never shown meanwhile: answers are read back."""
    fingerprint = (default_embedder().name,
                   Organisation.objects.aggregate(last=Max("updated_at"))["last"])
    with _lock:
        kept = _catalogues.get("organisations")
        if kept is not None and kept.fingerprint == fingerprint:
            return kept.index
        if kept is not None and len(kept.index) > READ_IN_A_REQUEST_UP_TO:
            _read_in_background(fingerprint)
            return kept.index
        if kept is None and (_reading.is_set() or findable_profiles().count() > READ_IN_A_REQUEST_UP_TO):
            _read_in_background(fingerprint)  # a new process: the first page says to come back
            raise NotReady
        kept = _catalogues["organisations"] = _Catalogue(fingerprint, _organisations_read())
        return kept.index


class NotReady(Exception):
    """The process is still reading the organisations (seconds, once after it starts)."""


_reading = threading.Event()


def _read_in_background(fingerprint: tuple) -> None:
    if _reading.is_set():
        return
    _reading.set()

    def read() -> None:
        try:
            index = _organisations_read()
            with _lock:
                _catalogues["organisations"] = _Catalogue(fingerprint, index)
        finally:
            _reading.clear()
            connection.close()  # this thread's own connection

    threading.Thread(target=read, name="matching-catalogue", daemon=True).start()


def _organisations_read() -> engine.OrganisationIndex:
    """The index from the rows as they are: only the columns the score reads (the texts are read
    for the few organisations a page shows), straight from the cursor (no field converters: 3 of
    the 9 seconds at 200,000), each vector into its row of one array."""
    embedder = default_embedder()
    rows = (findable_profiles().prefetch_related(None).order_by("country", "pk")  # the index's order
            .filter(profile_vector_model=embedder.name, profile_vector__isnull=False)
            .values_list("pk", "kind", "size_class", "city", "country", "languages", "profile_vector"))
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    sectors: dict[int, list[str]] = {}
    links = (Organisation.sectors.through.objects.filter(organisation__in=findable_profiles().values("pk"))
             .values_list("organisation_id", "nacedivision_id"))
    for organisation_id, code in links.iterator(chunk_size=20000):
        sectors.setdefault(organisation_id, []).append(code)
    spoken: dict[str, tuple[str, ...]] = {}  # the same few lists of languages, decoded once each
    profiles, vectors = [], np.empty((len(rows), embedder.dimension), dtype=np.float32)
    for row, (pk, kind, size, city, country, languages, vector) in enumerate(rows):
        if not isinstance(languages, list | tuple):
            key = languages or "[]"
            if key not in spoken:
                spoken[key] = tuple(json.loads(key))
            languages = spoken[key]
        profiles.append(engine.Profile(id=str(pk), kind=kind, size=size, nace=tuple(sectors.get(pk, ())),
                                       city=city, country=country or "", languages=tuple(languages)))
        vectors[row] = np.frombuffer(vector, dtype=np.float32)
    return engine.OrganisationIndex.build(profiles, vectors)


def opportunity_index() -> engine.OpportunityIndex:
    """The open opportunities with a vector; a few still without one (their task has not run
    yet) are embedded here, the others wait for their task."""
    records = open_opportunities()
    fingerprint = _fingerprint(records, "vector_model")
    with _lock:
        kept = _catalogues.get("opportunities")
        if kept is None or kept.fingerprint != fingerprint:
            name = default_embedder().name
            opportunities = list(records.select_related("ecoc_title").prefetch_related("sectors")
                                 .order_by("pk"))
            missing = [o for o in opportunities if not (o.vector and o.vector_model == name)]
            for opportunity in missing[:EMBEDDED_IN_A_REQUEST]:
                opportunity_embed(opportunity)
            opportunities = [o for o in opportunities if o.vector and o.vector_model == name]
            vectors = np.array([from_bytes(bytes(o.vector)) for o in opportunities],
                               dtype=np.float32).reshape(len(opportunities), default_embedder().dimension)
            index = engine.OpportunityIndex.build(
                [opportunity_record(o) for o in opportunities], vectors, engine.Features.of([]))
            kept = _catalogues["opportunities"] = _Catalogue(_fingerprint(records, "vector_model"), index)
        return kept.index


def forget() -> None:
    """Drop the catalogues (tests, and a process that changed the embedder)."""
    with _lock:
        _catalogues.clear()


# --- what the pages ask -------------------------------------------------------------------------

def organisations_for(opportunity: Opportunity, *, k: int = ORGANISATIONS_SHOWN) -> list[Match]:
    """The organisations that fit an opportunity, best first, each with its explanation; of the k
    best, those for which more than the place and the language speaks; never the organisation the
    opportunity was posted for."""
    record = opportunity_record(opportunity)
    vector = opportunity_embed(opportunity)
    index = organisation_index()
    ranked = index.top(record, vector, k=k + 1)
    ranked = [match for match in ranked if int(match.id) != opportunity.organisation_id][:k]
    organisations = _findable_by_pk([int(match.id) for match in ranked])
    found, nace = [], nace_names()
    for match in ranked:
        organisation = organisations.get(int(match.id))
        if organisation is None:  # opted out since the catalogue was read
            continue
        profile = matching_profile(organisation)  # with its texts, for the capabilities it names
        similarity = float(index.matrix[index.rows[match.id], :len(vector)] @ vector)
        explanation = engine.explain(record, profile, similarity)
        if not explanation.telling:  # only the place and the language would speak for it
            continue
        found.append(Match(organisation, match.score, explanation, match_reasons(
            explanation, nace, city=organisation.city, country=profile.country,
            language=record.language)))
    return found


def opportunities_for(organisation: Organisation, *, k: int = OPPORTUNITIES_SHOWN) -> list[Match]:
    """The open opportunities that fit an organisation (whether or not it wishes to be found:
    that is about being suggested to others), each with its explanation; not those posted for
    the organisation itself."""
    vector = profile_vector(organisation)
    if vector is None:
        return []
    profile = matching_profile(organisation)
    index = opportunity_index()
    own = set(open_opportunities().filter(organisation=organisation).values_list("pk", flat=True))
    ranked = [match for match in index.for_profile(profile, vector, k=k + len(own))
              if int(match.id) not in own][:k]
    by_pk = {o.pk: o for o in open_opportunities().select_related("ecoc_title")
             .prefetch_related("sectors").filter(pk__in=[int(m.id) for m in ranked])}
    records = {record.id: row for row, record in enumerate(index.opportunities)}
    found, nace = [], nace_names()
    for match in ranked:
        opportunity = by_pk.get(int(match.id))
        if opportunity is None:  # closed or withdrawn since the catalogue was read
            continue
        row = records[match.id]
        similarity = float(index.matrix[row, :len(vector)] @ vector)
        explanation = engine.explain(index.opportunities[row], profile, similarity)
        if not explanation.telling:
            continue
        found.append(Match(opportunity, match.score, explanation, match_reasons(
            explanation, nace, city=organisation.city, country=profile.country,
            language=opportunity.language)))
    return found


def partners_for(organisation: Organisation, *, k: int = PARTNERS_SHOWN) -> list[Match]:
    """Organisations to cooperate with across sectors or borders (only those wishing to be found)."""
    vector = profile_vector(organisation)
    if vector is None:
        return []
    index = organisation_index()
    profile = matching_profile(organisation)
    ranked = index.partners_for(profile, vector, k=k)
    organisations = _findable_by_pk([int(match.id) for match in ranked])
    found, nace = [], nace_names()
    for match in ranked:
        if int(match.id) not in organisations:
            continue
        row = index.rows[match.id]
        similarity = float(index.matrix[row, :len(vector)] @ vector)
        explanation = engine.explain_partner(profile, index.profiles[row], similarity)
        found.append(Match(organisations[int(match.id)], match.score, explanation,
                           partner_reasons(explanation, nace)))
    return found


def _findable_by_pk(pks: list[int]) -> dict[int, Organisation]:
    return {o.pk: o for o in findable_profiles().filter(pk__in=pks)}  # with their sectors
