"""What the library answers to input people and scripts really send: empty and very long
queries, search-engine syntax, facet values that name nothing, malformed pages. A clear message
and a page, never a server error."""

import pytest
from django.urls import reverse

from ecocsme.practices.factories import PracticeFactory, indexed

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(partner):
    return indexed(PracticeFactory(partner=partner, title={"en": "Harbour warehouse for makers"}))


@pytest.mark.parametrize("query", ["", "   ", '"', '"unbalanced', "NEAR(harbour makers)", "harbour*",
                                   "-harbour", "harbour OR", "AND", "(((", "col:harbour", "^harbour",
                                   "'; DROP TABLE practices_practice; --", "<script>alert(1)</script>",
                                   "ä" * 300, "😀 harbour"])
def test_odd_queries_get_a_page(client, library, query):
    response = client.get(reverse("practices:library"), {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert client.get("/api/v1/practices", {"q": query}).status_code == 200


def test_a_very_long_query_is_cut_and_says_so(client, library):
    response = client.get(reverse("practices:library"), {"q": "harbour " + "x" * 10_000})
    assert response.status_code == 200
    assert "Only the first 200 characters" in response.content.decode()
    assert "Harbour warehouse" in response.content.decode()
    api = client.get("/api/v1/practices", {"q": "harbour " + "x" * 9_000}).json()
    assert api["count"] == 1 and any("200 characters" in message for message in api["messages"])


def test_facet_values_that_name_nothing_are_left_out_with_a_message(client, library):
    response = client.get(reverse("practices:library"), {"country": "XX", "theme": "nope",
                                                         "ecoc": "1999-nowhere", "sector": "999",
                                                         "phase": "someday"})
    body = response.content.decode()
    assert response.status_code == 200 and "Nothing is filed under" in body
    assert "Harbour warehouse" in body  # the filters that name nothing do not empty the list
    api = client.get("/api/v1/practices", {"facet": ["country:XX", "colour:red", "theme"]}).json()
    assert api["count"] == 1 and len(api["messages"]) == 2


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999999999999999999", "²"])
def test_odd_pages(client, library, page):
    assert client.get(reverse("practices:library"), {"page": page}).status_code == 200
    assert client.get("/api/v1/practices", {"page": page}).status_code in (200, 422)


def test_odd_addresses_are_not_found(client, library):
    assert client.get("/en/practices/no-such-practice/").status_code == 404
    assert client.get("/api/v1/practices/99999999999999999999").status_code in (404, 422)
    assert client.get(reverse("practices:attachment", args=[library[0].slug, 1, "x.pdf"])).status_code == 404
