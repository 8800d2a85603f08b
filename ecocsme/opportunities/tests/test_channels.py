"""Every channel that gives opportunities away — the list and its filters, its exports, the Atom
feed, the API — gives the open ones only (published, deadline not passed), newest first, filtered
alike; a draft or a post in review never reaches a visitor. A feed reader finds the feed of a
filtered list on the page, subscribes by that address, and reads it with an XML parser."""

import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from ecocsme.opportunities.factories import OpportunityFactory, in_days
from ecocsme.opportunities.models import Opportunity
from ecocsme.reference.factories import EcocTitleFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SECRET = "Zanzibar"  # a word only posts not yet published hold


@pytest.fixture
def posts(partner, other_partner, title, sectors):
    """Open posts of two ECoC titles in two languages, phases, kinds and sectors; and posts no
    visitor may find."""
    rijeka = EcocTitleFactory(year=2020, city="Rijeka", country="HR")
    hour = timezone.timedelta(hours=1)
    now = timezone.now()
    made = {
        "catering": OpportunityFactory(partner=partner, ecoc_title=title, title="Caterers for the legacy festival",
                                       kind="tender", phase="legacy", city="Timișoara", country="RO", language="en",
                                       sectors=["56"], published_at=now - 3 * hour),
        "film": OpportunityFactory(partner=partner, ecoc_title=title, title="Coproducție de film documentar",
                                   description="Căutăm o casă de producție pentru un documentar (exemplu).",
                                   kind="co_production", phase="legacy", city="Timișoara", country="RO",
                                   language="ro", sectors=["59"], published_at=now - 2 * hour),
        "stage": OpportunityFactory(partner=other_partner, ecoc_title=rijeka, title="Stage lighting at the port",
                                    kind="tender", phase="preparation", city="Rijeka", country="HR", language="en",
                                    sectors=["90", "59"], published_at=now - hour),
    }
    for status in (Opportunity.Status.DRAFT, Opportunity.Status.IN_REVIEW, Opportunity.Status.RETURNED,
                   Opportunity.Status.WITHDRAWN, Opportunity.Status.CLOSED):
        OpportunityFactory(partner=partner, ecoc_title=title, title=f"{SECRET} call {status}", phase="legacy",
                           sectors=["56"], status=status, published_at=None)
    OpportunityFactory(partner=partner, ecoc_title=title, title=f"{SECRET} past deadline", phase="legacy",
                       sectors=["56"], deadline=in_days(-1))
    return made


def titles_in(page: str) -> list[str]:
    return [t for t in ("Caterers for the legacy festival", "Coproducție de film documentar",
                        "Stage lighting at the port") if t in page]


def feed_entries(response) -> tuple[ET.Element, list[dict]]:
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = [{"title": entry.findtext(f"{ATOM}title"),
                "link": entry.find(f"{ATOM}link").get("href"),
                "published": entry.findtext(f"{ATOM}published"),
                "categories": [c.get("term") for c in entry.findall(f"{ATOM}category")]}
               for entry in root.findall(f"{ATOM}entry")]
    return root, entries


class AlternateLinks(HTMLParser):
    """The feeds a page announces, as a feed reader finds them."""

    def __init__(self):
        super().__init__()
        self.feeds = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("type") == "application/atom+xml":
            self.feeds.append(attrs["href"])


# --- the list -------------------------------------------------------------------------------------
def test_the_list_shows_the_open_ones_newest_first(client, posts):
    page = client.get(reverse("opportunities:list")).content.decode()
    shown = ["Stage lighting at the port", "Coproducție de film documentar", "Caterers for the legacy festival"]
    assert sorted(shown, key=page.index) == shown
    assert SECRET not in page
    assert "3 open opportunities" in page


@pytest.mark.parametrize(("query", "expected"), [
    ({"ecoc": "2023-timisoara"}, ["Caterers for the legacy festival", "Coproducție de film documentar"]),
    ({"ecoc": "2020-rijeka"}, ["Stage lighting at the port"]),
    ({"phase": "preparation"}, ["Stage lighting at the port"]),
    ({"kind": "co_production"}, ["Coproducție de film documentar"]),
    ({"sector": "59"}, ["Coproducție de film documentar", "Stage lighting at the port"]),
    ({"country": "hr"}, ["Stage lighting at the port"]),
    ({"language": "ro"}, ["Coproducție de film documentar"]),
    ({"city": "timișoara"}, ["Caterers for the legacy festival", "Coproducție de film documentar"]),
    ({"q": "legacy FESTIVAL"}, ["Caterers for the legacy festival"]),
    ({"q": "documentar"}, ["Coproducție de film documentar"]),
    ({"sector": "59", "phase": "legacy"}, ["Coproducție de film documentar"]),
    ({"sector": "56", "city": "Rijeka"}, []),
])
def test_each_filter_narrows_the_list(client, posts, query, expected):
    page = client.get(reverse("opportunities:list"), query).content.decode()
    assert titles_in(page) == expected
    assert SECRET not in page
    feed = client.get(reverse("opportunities:feed"), {k: v for k, v in query.items() if k != "q"})
    if "q" not in query:
        assert sorted(entry["title"] for entry in feed_entries(feed)[1]) == sorted(expected)
    api = client.get("/api/v1/opportunities", query).json()
    assert sorted(item["title"] for item in api["items"]) == sorted(expected)


def test_filter_values_that_name_nothing_are_left_out_with_a_message(client, posts):
    response = client.get(reverse("opportunities:list"), {"sector": "99", "phase": "someday", "kind": "bribe",
                                                          "ecoc": "1999-nowhere", "country": "XX",
                                                          "language": "tlh", "q": "x" * 500})
    assert response.status_code == 200
    page = response.content.decode()
    for message in ("“99” is not a NACE division", "“someday” is not an ECoC phase",
                    "“bribe” is not a kind of opportunity", "No ECoC title is called “1999-nowhere”",
                    "“XX” is not a country code", "“tlh” is not a language of the platform",
                    "Only the first 200 characters of the search were used"):
        assert message in page
    assert titles_in(page) == []  # the words cut to 200 characters match nothing


def test_the_list_pages_and_answers_htmx(client, partner, title):
    OpportunityFactory.create_batch(23, partner=partner, ecoc_title=title)
    first = client.get(reverse("opportunities:list")).content.decode()
    assert "Page 1 of 2" in first
    second = client.get(reverse("opportunities:list"), {"page": "2"}).content.decode()
    assert second.count('class="card"') == 3
    assert client.get(reverse("opportunities:list"), {"page": "x" * 50}).status_code == 200
    partial = client.get(reverse("opportunities:list"), {"kind": "tender"}, headers={"HX-Request": "true"})
    assert partial.status_code == 200 and 'id="results"' in partial.content.decode()


# --- exports --------------------------------------------------------------------------------------
def sheet_rows(data: bytes) -> list:
    from openpyxl import load_workbook

    return [list(row) for row in load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True)]


def test_the_exports_hold_the_filtered_open_ones(client, posts):
    url = reverse("opportunities:list")
    csv = b"".join(client.get(url, {"sector": "59", "format": "csv"}).streaming_content).decode("utf-8-sig")
    lines = csv.strip().splitlines()
    assert lines[0].startswith("ID,Web address,Title,Kind,ECoC title,ECoC year,ECoC phase,Sectors (NACE)")
    assert len(lines) == 3 and "Stage lighting at the port" in csv and "Caterers" not in csv
    assert SECRET not in csv and "programme.office@example.org" not in csv  # no contact in the public export
    data = json.loads(client.get(url, {"format": "json"}).content)
    assert {item["title"] for item in data} == {"Caterers for the legacy festival", "Coproducție de film documentar",
                                                "Stage lighting at the port"}
    stage = next(item for item in data if item["title"] == "Stage lighting at the port")
    assert stage["sectors"] == "59 90" and stage["ecoc_title"] == "Rijeka" and stage["ecoc_year"] == 2020
    assert stage["address"].endswith(reverse("opportunities:detail", args=[posts["stage"].pk]))
    rows = sheet_rows(client.get(url, {"format": "xlsx", "language": "ro"}).content)
    assert rows[0][:3] == ["ID", "Web address", "Title"] and [row[2] for row in rows[1:]] == [
        "Coproducție de film documentar"]


def test_the_back_office_export_adds_status_and_contact_for_its_moderators(client, posts, staff, other_staff):
    client.force_login(staff)
    data = json.loads(client.get(reverse("opportunities:manage_list"), {"format": "json"}).content)
    statuses = {item["status"] for item in data}
    assert {"in_review", "returned", "published", "closed", "withdrawn"} <= statuses
    assert all(item["contact_email"] == "programme.office@example.org" for item in data)
    assert "Stage lighting at the port" not in {item["title"] for item in data}  # Rijeka's
    waiting = json.loads(client.get(reverse("opportunities:manage_list"),
                                    {"format": "json", "status": "in_review"}).content)
    assert [item["title"] for item in waiting] == [f"{SECRET} call in_review"]
    client.force_login(other_staff)
    rijeka = json.loads(client.get(reverse("opportunities:manage_list"), {"format": "json"}).content)
    assert [item["title"] for item in rijeka] == ["Stage lighting at the port"]
    client.logout()
    assert client.get(reverse("opportunities:manage_list"), {"format": "csv"}).status_code == 302


# --- the Atom feed --------------------------------------------------------------------------------
def test_a_feed_reader_subscribes_to_the_feed_of_a_filtered_list(client, posts):
    page = client.get(reverse("opportunities:list"), {"sector": "59", "city": "Rijeka", "q": "lighting"})
    finder = AlternateLinks()
    finder.feed(page.content.decode())
    (address,) = finder.feeds
    assert "sector=59" in address and "city=Rijeka" in address and "q=" not in address
    parts = urlsplit(address)
    response = client.get(parts.path + "?" + parts.query)
    root, entries = feed_entries(response)
    assert root.findtext(f"{ATOM}title") == "Opportunities: sector 59 · Rijeka"
    assert [entry["title"] for entry in entries] == ["Stage lighting at the port"]
    link = urlsplit(entries[0]["link"])
    assert link.path == reverse("opportunities:detail", args=[posts["stage"].pk])
    assert client.get(link.path).status_code == 200
    self_link = next(e.get("href") for e in root.findall(f"{ATOM}link") if e.get("rel") == "self")
    assert "sector=59" in self_link and "city=Rijeka" in self_link


def test_the_feed_is_newest_first_and_open_ones_only(client, posts):
    root, entries = feed_entries(client.get(reverse("opportunities:feed")))
    assert [entry["title"] for entry in entries] == ["Stage lighting at the port", "Coproducție de film documentar",
                                                     "Caterers for the legacy festival"]
    assert root.findtext(f"{ATOM}title") == "Opportunities"
    assert SECRET not in client.get(reverse("opportunities:feed")).content.decode()
    assert "56" in entries[2]["categories"] and "tender" in entries[2]["categories"]


def test_the_feed_by_sector_city_and_phase(client, posts):
    response = client.get(reverse("opportunities:feed"), {"sector": "56", "city": "Timișoara", "phase": "legacy"})
    root, entries = feed_entries(response)
    assert [entry["title"] for entry in entries] == ["Caterers for the legacy festival"]
    assert root.findtext(f"{ATOM}title") == "Opportunities: Legacy · sector 56 · Timișoara"
    root, entries = feed_entries(client.get(reverse("opportunities:feed"), {"ecoc": "2023-timisoara"}))
    assert len(entries) == 2 and "Timișoara 2023" in root.findtext(f"{ATOM}title")


@pytest.mark.parametrize(("query", "message"), [
    ({"sector": "99"}, "“99” is not a NACE division"),
    ({"sector": "x" * 3000}, "is not a NACE division"),
    ({"phase": "soon"}, "“soon” is not an ECoC phase"),
    ({"ecoc": "timisoara"}, "No ECoC title is called “timisoara”"),
    ({"ecoc": "2023-nowhere"}, "No ECoC title is called"),
    ({"kind": "bribe"}, "is not a kind of opportunity"),
    ({"city": "x" * 101}, "A city is at most 100 characters"),
    ({"country": "Narnia"}, "is not a country code"),
    ({"language": "klingon"}, "is not a language of the platform"),
])
def test_a_feed_asked_for_what_names_nothing_is_a_400_with_the_reason(client, posts, query, message):
    response = client.get(reverse("opportunities:feed"), query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_feed_of_an_unknown_city_is_empty_not_an_error(client, posts):
    root, entries = feed_entries(client.get(reverse("opportunities:feed"), {"city": "Atlantis"}))
    assert entries == [] and root.findtext(f"{ATOM}title") == "Opportunities: Atlantis"


# --- the API --------------------------------------------------------------------------------------
def test_the_api_lists_the_open_ones_and_refuses_what_names_nothing(client, posts):
    answer = client.get("/api/v1/opportunities").json()
    assert answer["count"] == 3
    assert next(item["title"] for item in answer["items"]) == "Stage lighting at the port"
    item = answer["items"][0]
    assert item["ecoc_title"] == "2020-rijeka" and item["sectors"] == ["59", "90"] and item["status"] == "published"
    assert "contact_email" not in item  # the list leaves the contact to each opportunity
    refused = client.get("/api/v1/opportunities", {"sector": "99", "phase": "soon"})
    assert refused.status_code == 400
    assert "“99” is not a NACE division" in refused.json()["detail"]
    assert client.get("/api/v1/opportunities", {"page": "2", "page_size": "2"}).json()["count"] == 3


def test_the_api_detail_has_the_permissions_of_the_page(client, posts, partner, staff, title):
    stage = posts["stage"]
    detail = client.get(f"/api/v1/opportunities/{stage.pk}").json()
    assert detail["contact_point"] == "Programme office (example)"
    assert detail["contact_email"] == "programme.office@example.org"
    assert detail["budget_eur"] == "25000.00" and detail["deadline"] == in_days(30).isoformat()
    draft = OpportunityFactory(partner=partner, posted_by=staff, ecoc_title=title, status="draft", published_at=None)
    assert client.get(f"/api/v1/opportunities/{draft.pk}").status_code == 404
    client.force_login(staff)
    assert client.get(f"/api/v1/opportunities/{draft.pk}").json()["status"] == "draft"
    assert client.get("/api/v1/opportunities/999999").status_code == 404
