"""The matching engine on small hand-written example records (not the benchmark's)."""

import numpy as np
import pytest

from ecocsme.text.embeddings import default_embedder
from ecocsme.text.matching import (
    Explanation,
    Features,
    Opportunity,
    OpportunityIndex,
    OrganisationIndex,
    Profile,
    RecordError,
    best_columns,
    capabilities_asked,
    explain,
    opportunity_vectors,
    profile_vectors,
)

PROFILES = [
    Profile.from_record(record) for record in [
        {"id": "caterer-en", "name": "Green Spoon Catering (example)", "kind": "sme", "nace": ["56"],
         "city": "Vilnius", "country": "LT", "languages": ["en", "lt"],
         "description": "We cook seasonal food for festivals and conferences: buffets for up to "
                        "800 guests, vegetarian menus and mobile kitchens.",
         "capabilities": ["festival catering", "mobile kitchen", "vegetarian menus"]},
        {"id": "printer-lt", "name": "Spaudos namai (example)", "kind": "sme", "nace": ["18"],
         "city": "Kaunas", "country": "LT", "languages": ["lt"],
         "description": "Spausdiname plakatus, lankstinukus ir didelio formato reklamą renginiams.",
         "capabilities": "plakatai\nlankstinukai\ndidelio formato spauda"},
        {"id": "caterer-de", "name": "Feldküche Nord (example)", "kind": "sme", "nace": ["56"],
         "city": "Hamburg", "country": "DE", "languages": ["de", "en"],
         "description": "Wir kochen für Festivals und Tagungen: Buffets, vegetarische Menüs, "
                        "mobile Küchen für bis zu 1.000 Gäste.",
         "capabilities": ["Festivalverpflegung", "mobile Küche"]},
        {"id": "city-hall", "name": "City of Somewhere (example)", "kind": "public_body",
         "nace": ["84", "56"], "city": "Kaunas", "country": "LT", "languages": ["lt"],
         "description": "A municipality that runs school canteens and public events.",
         "capabilities": []},
        {"id": "theatre-fi", "name": "Teatteri Esimerkki (example)", "kind": "ngo", "nace": ["90"],
         "city": "Oulu", "country": "FI", "languages": ["fi", "en"],
         "description": "Teemme katuteatteria ja yhteisöllisiä esityksiä festivaaleille.",
         "capabilities": ["katuteatteri", "yhteisötaide"]},
    ]
]

CATERING = {"id": "food-lt", "title": "Maitinimo paslaugos festivaliui", "kind": "tender",
            "ecoc_city": "Kaunas", "phase": "legacy", "country": "LT", "language": "lt",
            "description": "Ieškome įmonės, kuri trijų dienų festivalyje pamaitintų 600 svečių: "
                           "vegetariškas meniu, mobili virtuvė.",
            "sectors": ["56"], "deadline": "2027-05-01", "budget_eur": 30000, "cross_border": False}


@pytest.fixture(scope="module")
def vectors():
    embedder = default_embedder()
    return profile_vectors(PROFILES, embedder), embedder


def _index(vectors):
    return OrganisationIndex.build(PROFILES, vectors[0])


def _post(vectors, **changes):
    post = Opportunity.from_record({**CATERING, **changes})
    return post, opportunity_vectors([post], vectors[1])[0]


def test_a_lithuanian_call_finds_the_caterer_that_writes_in_english(vectors):
    post, vector = _post(vectors)
    ranked = _index(vectors).top(post, vector, k=3)
    assert ranked[0].id == "caterer-en"


def test_a_post_closed_to_other_countries_sees_only_its_own(vectors):
    post, vector = _post(vectors)
    found = {match.id for match in _index(vectors).top(post, vector, k=10)}
    assert found == {"caterer-en", "printer-lt", "city-hall"}
    open_post, open_vector = _post(vectors, cross_border=True)
    found = [match.id for match in _index(vectors).top(open_post, open_vector, k=10)]
    assert "caterer-de" in found[:2] and len(found) == len(PROFILES)


def test_a_public_body_comes_after_firms_for_a_tender_and_is_said_to_be_a_partner(vectors):
    post, vector = _post(vectors)
    found = [match.id for match in _index(vectors).top(post, vector, k=10)]
    assert found.index("city-hall") > found.index("caterer-en")
    city_hall = PROFILES[3]
    assert explain(post, city_hall, 0.5).partner_only
    partnership, _ = _post(vectors, kind="partnership")
    assert not explain(partnership, city_hall, 0.5).partner_only


def test_the_batch_ranks_as_one_at_a_time(vectors):
    index = _index(vectors)
    posts = [Opportunity.from_record({**CATERING, "id": f"p{n}", "cross_border": n % 2 == 0,
                                      "sectors": [["56"], ["18"], ["90"]][n % 3]}) for n in range(7)]
    post_vectors = opportunity_vectors(posts, vectors[1])
    batch = index.batch(posts, post_vectors, k=4)
    for post, vector in zip(posts, post_vectors, strict=True):
        assert [m.id for m in batch[post.id]] == [m.id for m in index.top(post, vector, k=4)]


def test_an_organisation_sees_the_opportunities_it_would_be_offered_with_the_same_score(vectors):
    index = _index(vectors)
    posts = [Opportunity.from_record(CATERING),
             Opportunity.from_record({**CATERING, "id": "print-lt", "title": "Festivalio plakatai",
                                      "description": "Reikia atspausdinti 2 000 plakatų.",
                                      "sectors": ["18"]})]
    post_vectors = opportunity_vectors(posts, vectors[1])
    opportunities = OpportunityIndex.build(posts, post_vectors, index.features)
    caterer = PROFILES[0]
    found = opportunities.for_profile(caterer, vectors[0][0])
    assert [m.id for m in found] == ["food-lt", "print-lt"]
    offered = {m.id: m.score for m in index.top(posts[0], post_vectors[0], k=10)}
    assert found[0].score == pytest.approx(offered["caterer-en"], abs=1e-5)
    german = PROFILES[2]  # the Lithuanian posts do not welcome other countries
    assert opportunities.for_profile(german, vectors[0][2]) == []


def test_partners_are_across_sectors_or_borders_never_oneself(vectors):
    index = _index(vectors)
    caterer = PROFILES[0]
    found = [m.id for m in index.partners_for(caterer, vectors[0][0], k=10)]
    assert "caterer-en" not in found
    assert "caterer-de" in found  # same sector, another country
    assert "printer-lt" in found  # same country, another sector
    assert "city-hall" not in found  # same country and one of its sections (I, food service)


def test_explanations_name_the_facts(vectors):
    post, _ = _post(vectors)
    caterer = PROFILES[0]
    said = explain(post, caterer, 0.9, capability_similarities=[0.88, 0.84, 0.7])
    assert said == Explanation(
        closeness="close", shared_divisions=("56",), shared_sections=(),
        capabilities=("festival catering", "mobile kitchen"), speaks_language=True,
        place="same_country", cross_border=False, partner_only=False)
    assert explain(post, PROFILES[1], 0.84).place == "same_city"
    assert explain(post, PROFILES[2], 0.1).place == "other_country"
    assert explain(post, PROFILES[2], 0.1).closeness == ""


@pytest.mark.parametrize("record, message", [
    ({"id": "x", "nace": ["5A"]}, "unknown NACE division '5A'"),
    ({"id": "x", "nace": ["00"]}, "unknown NACE division '00'"),
    ({"name": "no id"}, "without an id"),
])
def test_profiles_with_bad_fields_are_refused_by_name(record, message):
    with pytest.raises(RecordError, match=message):
        Profile.from_record(record)


@pytest.mark.parametrize("changes, message", [
    ({"deadline": "31/12/2027"}, "is not a date"),
    ({"budget_eur": "lots"}, "is not a number"),
    ({"sectors": ["999"]}, "unknown NACE division"),
])
def test_opportunities_with_bad_fields_are_refused_by_name(changes, message):
    with pytest.raises(RecordError, match=message):
        Opportunity.from_record({**CATERING, **changes})


def test_records_take_lists_or_text_and_nace_classes():
    profile = Profile.from_record({"id": 7, "nace": "56.10; 18", "languages": "LT, en",
                                   "capabilities": "one\n\n two \n"})
    assert profile.id == "7" and profile.nace == ("56", "18")
    assert profile.languages == ("lt", "en") and profile.capabilities == ("one", "two")
    assert Opportunity.from_record({**CATERING, "cross_border": "false"}).cross_border is False


def test_a_huge_description_is_read_from_its_beginning():
    profile = Profile.from_record({"id": "x", "description": "word " * 100_000})
    assert len(profile.text) < 5000


def test_features_give_the_weights_as_a_dot_product():
    features = Features.of(PROFILES)
    post = Opportunity.from_record({**CATERING, "sectors": ["56", "18"]})
    score = features.opportunity_rows([post]) @ features.profile_rows(PROFILES).T
    caterer, printer, _, city_hall, theatre = score[0]
    # half the divisions (56), half the sections (I), the language
    assert caterer == pytest.approx(0.05 + 0.015 + 0.02)
    assert printer == pytest.approx(0.05 + 0.015 + 0.02)  # the other half: 18, section C
    assert city_hall == pytest.approx(0.05 + 0.015 + 0.02 - 0.05)
    assert theatre == pytest.approx(0.0)


@pytest.mark.parametrize("width", [7, 300, 5000, 200_003])
def test_the_best_columns_are_those_a_full_sort_gives(width):
    rng = np.random.default_rng(width)
    scores = rng.standard_normal((5, width)).astype(np.float32)
    scores[:, ::7] = -np.inf
    k = min(20, width)
    expected = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    found = best_columns(scores, k)
    assert np.array_equal(np.take_along_axis(scores, found, 1), np.take_along_axis(scores, expected, 1))


def test_without_capability_vectors_the_lines_that_name_what_is_asked_are_found_across_languages():
    post = Opportunity.from_record(CATERING)  # Lithuanian: "mobili virtuvė", "vegetariškas meniu"
    assert "mobile Küche" in explain(post, PROFILES[2], 0.9).capabilities
    assert explain(post, PROFILES[1], 0.9).capabilities == ()  # posters and leaflets
    assert capabilities_asked(post, ["", "   "]) == ()


def test_an_opportunity_of_a_country_without_organisations_finds_none(vectors):
    post, vector = _post(vectors, country="MT")
    assert _index(vectors).top(post, vector) == []
    assert _index(vectors).batch([post], vector.reshape(1, -1))[post.id] == []


def test_an_empty_index_answers_nothing(vectors):
    post, vector = _post(vectors)
    empty = OrganisationIndex.build([], np.zeros((0, len(vector)), dtype=np.float32))
    assert empty.top(post, vector) == [] and empty.batch([post], vector.reshape(1, -1)) == {post.id: []}
    assert empty.partners_for(PROFILES[0], vector) == []
    with pytest.raises(ValueError):
        OrganisationIndex.build(PROFILES, np.zeros((1, len(vector)), dtype=np.float32))


def test_codes_that_are_no_nace_division_count_for_nothing(vectors):
    odd = Profile(id="odd", nace=("89", "56"), country="LT", languages=("lt",), kind="sme")
    post = Opportunity(id="p", sectors=("89",), country="LT", language="lt")
    features = Features.of([odd])
    assert (features.opportunity_rows([post]) @ features.profile_rows([odd]).T)[0, 0] == pytest.approx(0.02)
    assert explain(post, odd, 0.0).shared_divisions == ("89",) and explain(post, odd, 0.0).shared_sections == ()


def test_words_every_post_uses_name_no_capability():
    post = Opportunity.from_record({**CATERING, "title": "Festivalio renginys", "description":
                                    "Ieškome partnerių festivaliui ir renginiams, 2027 m."})
    assert capabilities_asked(post, ["festival food stall", "event services", "2027"]) == ()
    assert not explain(post, PROFILES[4], 0.5).telling  # the theatre: neither sector nor text
    assert explain(post, PROFILES[0], 0.9).telling


def test_one_shared_word_names_no_capability_and_a_digest_wants_a_clear_fit():
    music = Opportunity.from_record({**CATERING, "title": "New music for the harbour concerts",
                                     "description": "We co-produce new songs with bands of the region.",
                                     "sectors": ["90"], "language": "en"})
    assert capabilities_asked(music, ["seasonal local produce"]) == ()  # "produce" twice, two senses
    caterer = PROFILES[0]
    assert explain(Opportunity.from_record(CATERING), caterer, 0.8).strong  # the sector asked for
    assert not explain(music, caterer, 0.835).strong  # only a related description
    assert explain(music, caterer, 0.9).strong  # close in meaning
