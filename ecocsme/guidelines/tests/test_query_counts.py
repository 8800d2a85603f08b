"""Query counts of the guideline pages, pinned (Zulip's assert_database_query_count) and the same
at two sizes: a published version reads its snapshot, whatever the number of recommendations and
sources."""

import pytest
from django.urls import reverse

from ecocsme.guidelines.factories import EvidenceFactory, RecommendationFactory
from ecocsme.guidelines.services import version_new, version_publish
from ecocsme.labs.factories import ResponseFactory
from ecocsme.practices.factories import PracticeFactory
from ecocsme.testing.queries import assert_num_queries


def grow(version, partner, lab, n: int) -> None:
    """n more recommendations, each citing a new practice, a new answer and a figure."""
    for number in range(n):
        recommendation = RecommendationFactory(version=version, phase="event_year")
        EvidenceFactory(recommendation=recommendation, practice=PracticeFactory(partner=partner))
        answer = ResponseFactory(lab=lab, answers={2: f"Answer {number} (example)"}).answers.get()
        EvidenceFactory(recommendation=recommendation, answer=answer)
        EvidenceFactory(recommendation=recommendation)


# (who, queries): a visitor; a member (also the session, the user, the memberships, the draft
# check of the version list, and the evidence rows for the links to the labs' synthesis)
PUBLISHED_PAGE = [(None, 4), ("staff", 10)]


@pytest.mark.parametrize(("who", "expected"), PUBLISHED_PAGE)
@pytest.mark.parametrize("extra", [0, 4])
def test_a_published_version_page(client, world, coordinator, request, who, expected, extra):
    grow(world.version, world.partner, world.lab, extra)
    version_publish(actor=coordinator, version=world.version, changelog={"en": "First (example)."})
    if who:
        client.force_login(request.getfixturevalue(who))
    with assert_num_queries(expected, label=f"{who}, {extra} more"):
        assert client.get(reverse("guidelines:version", args=[world.slug, "1.0"])).status_code == 200


@pytest.mark.parametrize("extra", [0, 4])
def test_a_draft_page(client, world, staff, extra):
    grow(world.version, world.partner, world.lab, extra)
    client.force_login(staff)
    with assert_num_queries(16, label=f"draft, {extra} more"):
        assert client.get(reverse("guidelines:version", args=[world.slug, "1.0"])).status_code == 200
    with assert_num_queries(7, label=f"editing, {extra} more"):
        assert client.get(reverse("guidelines:draft", args=[world.slug, "1.0"])).status_code == 200


@pytest.mark.parametrize("extra", [0, 3])
def test_the_list(client, world, coordinator, staff, extra):
    version_publish(actor=coordinator, version=world.version, changelog={"en": "First (example)."})
    for _number in range(extra):
        draft = version_new(actor=staff, guideline=world.version.guideline)
        version_publish(actor=coordinator, version=draft, changelog={"en": "Again (example)."})
    with assert_num_queries(2):
        assert client.get(reverse("guidelines:list")).status_code == 200
