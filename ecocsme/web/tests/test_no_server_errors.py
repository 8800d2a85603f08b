"""No input makes a server error (issue 7): generated path and query values for every GET
route of the API (read from its OpenAPI schema) and every page of the URL resolver, public
pages as a visitor and the back office as partner staff. Each response must be below 500.

Each route is first given a URL that reaches its view (a real project code, event id or
personal link), so the query values get past the lookups, and the query parameters its view
reads are found by watching it. Then every known-bad value goes once into each of those and
into each path parameter (Hypothesis's explicit examples), and Hypothesis adds generated
mixtures, in every language and as htmx requests."""

import itertools
import os
import re
from pathlib import Path
from unittest.mock import patch
from urllib.parse import quote, urlencode

import pytest
from django.http import QueryDict
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from ecocsme.api.urls import api
from ecocsme.core.http import number_from
from ecocsme.core.i18n import language_codes
from ecocsme.core.links import read_link_token

# Deterministic for CI and nothing written to disk: no example database, and a storage folder
# that cannot be made, so the caches Hypothesis keeps besides (Unicode tables, constants of the
# code under test) stay in memory instead of a .hypothesis folder.
set_hypothesis_home_dir(Path(os.devnull) / "hypothesis")
RUN = hypothesis_settings(derandomize=True, database=None, deadline=None,
                          suppress_health_check=list(HealthCheck), print_blob=False)
API_EXAMPLES, PAGE_EXAMPLES = 25, 5

# Values that have broken parsers: digits int() refuses ("²") or reads ("٣"), numbers beyond
# 64 bits or beyond int()'s 4300-digit limit, signs, NUL, emoji, long text, impossible dates;
# in a path, personal links ("<id>.<digest>") with such ids.
QUERY_VALUES = ["", "-1", "²", "٣", "9" * 20, "9" * 5000, "\x00", "😀'%", "x" * 3000,
                "2026-02-30", "9999-12-31"]
PATH_VALUES = ["0", "²", "9" * 5000, "\x00", "😀'%", "x" * 3000, "1.abc", "².abc", "9" * 20 + ".abc"]
EDGE_NUMBERS = [0, -1, 2**31, 2**63 - 1, 2**63, 2**64, 10**20, 10**30]
HUGE_IDS = [0, 2**63, 10**30]

numbers = st.one_of(st.sampled_from(EDGE_NUMBERS), st.integers(min_value=-(2**70), max_value=2**70))
nasty_text = st.one_of(st.sampled_from(QUERY_VALUES + PATH_VALUES), st.text(max_size=30),
                       numbers.map(str))


def _get(client, url: str, params: dict, *, htmx: bool = False):
    url += ("?" + urlencode(params)) if params else ""
    response = client.get(url, headers={"HX-Request": "true"} if htmx else {})
    assert response.status_code < 500, (url[:300], response.status_code)
    return response


def _url(template: str, values) -> str:
    return "/" + template.format(*(quote(str(v), safe="") for v in values))


def _check_routes(client, routes: list[tuple], examples: int) -> None:
    """Each route is (URL template with {0}, {1}… for its path parameters, [(name, is_int)] of
    those, the values that reach the view, the query parameters it reads)."""
    for route in routes:
        _check_route(client, *route, examples=examples)


def _check_route(client, template: str, slots: list, reaching: tuple, names: list[str], *,
                 examples: int) -> None:
    @hypothesis_settings(RUN, max_examples=examples)
    @given(st.tuples(*[_slot_values(is_int) for _name, is_int in slots]),
           st.dictionaries(st.sampled_from([*names, "x"]), nasty_text, max_size=4),
           st.sampled_from(language_codes()), st.booleans())
    def check(values, params, language, htmx):
        url = _url(template, values)
        if url.startswith("/en/"):  # the pages in every language, as a full page or for htmx
            url = f"/{language}/{url.removeprefix('/en/')}"
        _get(client, url, params, htmx=htmx)

    for values, params in _explicit_examples(slots, reaching, names):
        check = example(values, params, "en", False)(check)
    check()


def _slot_values(is_int: bool):
    if is_int:
        return st.one_of(st.integers(min_value=1, max_value=30), st.sampled_from(HUGE_IDS))
    return nasty_text.filter(lambda s: s and "/" not in s)


def _explicit_examples(slots, reaching: tuple, names: list[str]):
    """Every bad value in each query parameter alone (one refused parameter must not hide
    another), then in each path parameter alone."""
    for name in names:
        for value in QUERY_VALUES:
            yield reaching, {name: value}
    for position, (_name, is_int) in enumerate(slots):
        for value in HUGE_IDS if is_int else PATH_VALUES:
            yield (*reaching[:position], value, *reaching[position + 1:]), {}


def _reaching(client, template: str, slots, known: dict[str, list]) -> tuple:
    """The first parameter values (from the demo) for which the route answers below 400."""
    options = [known.get(name) or (known["int"] if is_int else known["str"]) for name, is_int in slots]
    tried = list(itertools.islice(itertools.product(*options), 12))
    for values in tried:
        if client.get(_url(template, values)).status_code < 400:
            return values
    return tried[0]


def _names_read(client, url: str) -> list[str]:
    """The query parameters the view behind the URL reads, seen by watching its QueryDicts."""
    read = set()

    def watch(method):
        def watched(self, key, *args, **kwargs):
            read.add(key)
            return method(self, key, *args, **kwargs)
        return watched

    with (patch.object(QueryDict, "get", watch(QueryDict.get)),
          patch.object(QueryDict, "getlist", watch(QueryDict.getlist)),
          patch.object(QueryDict, "__getitem__", watch(QueryDict.__getitem__)),
          patch.object(QueryDict, "__contains__", watch(QueryDict.__contains__))):
        client.get(url + "?unread=1")  # not empty: views read `request.GET or None` only then
    return sorted(read - {"unread"})


@pytest.fixture
def known(project) -> dict[str, list]:
    """Real values for path parameters, by parameter name, so the pages behind them are reached."""
    from ecocsme.events.models import Event, EventInvitation
    from ecocsme.events.services.mail import personal_calendar_url
    from ecocsme.labs.models import Invitation
    from ecocsme.organisations.models import Contact
    from ecocsme.organisations.tokens import unsubscribe_token
    from ecocsme.web.demo import demo_people_load

    demo_people_load(project)
    contact = Contact.objects.order_by("pk").first()
    tokens = [i.token() for i in EventInvitation.objects.order_by("pk")[:1]]
    tokens += [i.token() for i in Invitation.objects.order_by("pk")[:1]]
    tokens += [unsubscribe_token(contact.pk, "event_invitations"),
               personal_calendar_url(contact.pk).rsplit("/", 1)[1].removesuffix(".ics")]
    events = list(Event.objects.values_list("pk", flat=True)[:2])
    return {"code": [project.code], "fmt": ["csv", "pdf", "json"], "token": tokens,
            "action": ["x"], "event_id": events, "int": [1, 2, 3, 4, 5, 6],
            "str": [project.code, "csv", *tokens]}


# --- the API, from its own description -------------------------------------------------------

def api_routes(client, known) -> list:
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    routes = []
    for path, item in schema["paths"].items():
        if "get" not in item:
            continue
        parameters = item["get"].get("parameters", [])
        slots = [(p["name"], "integer" in str(p.get("schema"))) for p in parameters if p["in"] == "path"]
        template = path.lstrip("/")
        for position, (name, _is_int) in enumerate(slots):
            template = template.replace("{" + name + "}", f"{{{position}}}")
        names = [p["name"] for p in parameters if p["in"] == "query"]
        routes.append((template, slots, _reaching(client, template, slots, known), names))
    return routes


@pytest.mark.django_db
@pytest.mark.parametrize("as_staff", [False, True])
def test_api_gets_never_fail(client, project, known, make_user, as_staff):
    if as_staff:  # a session sees what the same person sees on the pages
        client.force_login(make_user("fuzz-staff", role="partner_staff", project=project, partner_number=6))
    routes = api_routes(client, known)
    assert len(routes) >= 6
    _check_routes(client, routes, API_EXAMPLES)


# --- the pages, from the URL resolver -------------------------------------------------------

CONVERTER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
NOT_PAGES = ("admin/", "api/")


def page_routes(prefix: str = "", resolver=None) -> list[str]:
    """Every route of the site as "en/projects/<str:code>/", without the admin and the API."""
    routes = []
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(NOT_PAGES):
            continue
        if isinstance(entry, URLResolver):
            routes += page_routes(route, entry)
        elif isinstance(entry, URLPattern) and isinstance(entry.pattern, RoutePattern):
            routes.append(route)
    return routes


def _page_route(client, route: str, known) -> tuple:
    slots = [(name, converter == "int") for converter, name in CONVERTER.findall(route)]
    counter = itertools.count()
    template = CONVERTER.sub(lambda _m: f"{{{next(counter)}}}", route.replace("{", "{{").replace("}", "}}"))
    reaching = _reaching(client, template, slots, known)
    return template, slots, reaching, _names_read(client, _url(template, reaching))


@pytest.mark.django_db
def test_public_pages_never_fail(client, project, known, settings):
    settings.AXES_ENABLED = False
    routes = [_page_route(client, r, known) for r in page_routes()
              if not re.match(r"\w+/manage/", r)]
    assert len(routes) >= 12
    _check_routes(client, routes, PAGE_EXAMPLES)


@pytest.mark.django_db
def test_back_office_pages_never_fail(client, project, known, make_user, settings):
    settings.AXES_ENABLED = False
    client.force_login(make_user("fuzz-staff", role="partner_staff", project=project, partner_number=6))
    routes = [_page_route(client, r, known) for r in page_routes() if re.match(r"\w+/manage/", r)]
    assert len(routes) >= 20
    _check_routes(client, routes, PAGE_EXAMPLES)


# --- the server errors these tests found, one plain test each ---------------------------------

@pytest.mark.parametrize(("text", "number"), [("12", 12), ("0", 0), ("²", None), ("٣", None), ("-1", None),
                                              ("", None), ("9" * 19, None), ("9" * 5000, None)])
def test_number_from_reads_ascii_digits_within_64_bits(text, number):
    assert number_from(text) == number


@pytest.mark.parametrize("token", ["².abc", "٣.abc", "9" * 20 + ".abc", "9" * 5000 + ".abc", "12", ".abc"])
def test_malformed_personal_links_read_as_none(token):
    assert read_link_token(token) is None


def test_a_well_formed_personal_link_still_reads():
    assert read_link_token("12.abc") == (12, "abc")


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/events/answer/².abc/", "/en/labs/answer/²." + "a" * 32 + "/",
                                 f"/en/events/answer/{'9' * 20}.abc/"])
def test_malformed_answer_links_are_not_found(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("partner", ["²", "9" * 20, "9" * 5000])
def test_odd_partner_filters_are_ignored(client, project, make_user, partner):
    assert client.get(f"/en/projects/{project.code}/events/", {"partner": partner}).status_code == 200
    client.force_login(make_user("t-staff", role="partner_staff", project=project, partner_number=6))
    assert client.get("/en/manage/events/", {"partner": partner}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("query", [{"page": "9" * 20}, {"page": "-1"}, {"page": "²"},
                                   {"page_size": "9" * 20}, {"page": str(10**9 + 1)}])
def test_api_page_numbers_out_of_range_are_refused(client, project, query):
    for path in ("/api/v1/events", "/api/v1/projects", "/api/v1/ecoc-titles"):
        assert client.get(path, query).status_code == 422, path


@pytest.mark.django_db
def test_api_far_pages_are_empty_and_huge_ids_not_found(client, project):
    assert client.get("/api/v1/events", {"page": str(10**9)}).json()["items"] == []
    assert client.get(f"/api/v1/events/{'9' * 20}").status_code == 404


@pytest.mark.django_db
def test_project_calendar_in_an_unknown_language_is_in_english(client, project):
    for lang in ("%", "xx", "😀"):
        assert "/en/events/" in client.get(f"/calendar/{project.code}.ics", {"lang": lang}).content.decode()
    assert "/ro/events/" in client.get(f"/calendar/{project.code}.ics", {"lang": "ro-RO"}).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/projects/%00/", "/en/manage/contacts/?q=a%00b", "/api/v1/projects/%00",
                                 "/calendar/%00.ics", "/en/unsubscribe/a%00/"])
def test_nul_characters_are_refused_before_the_database_sees_them(client, project, url):
    """PostgreSQL cannot hold NUL in text: each of these was a server error there."""
    response = client.get(url)
    assert response.status_code == 400
    assert "not allowed" in response.content.decode()


@pytest.mark.django_db
def test_nul_characters_in_forms_are_refused(client, project):
    assert client.post("/en/accounts/login/", {"username": "a\x00", "password": "x"}).status_code == 400
    client.cookies["sessionid"] = "a\x00b"
    assert client.get("/en/").status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("invitation", ["abc", "²", "9" * 20, "", "-1"])
def test_check_in_of_an_odd_invitation_is_not_found(client, project, make_user, invitation):
    from ecocsme.events.models import Event

    client.force_login(make_user("t-staff", role="partner_staff", project=project, partner_number=6))
    event = Event.objects.get(partner__number=6)
    response = client.post(f"/en/manage/events/{event.pk}/check-in/", {"invitation": invitation})
    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["²", "9" * 20, "9" * 5000])
def test_theme_edits_with_odd_numbers_get_a_message(client, project, make_user, value):
    from ecocsme.labs.models import Lab, Theme

    client.force_login(make_user("t-staff", role="partner_staff", project=project, partner_number=6))
    lab = Lab.objects.get(partner__number=6, number=2)
    theme = Theme.objects.create(lab=lab, scope=Theme.LAB_SCOPE, label="Example theme")
    for data in ({"quote": value}, {"move": "", "target": value, "answers": [value]}, {"split": "", "parts": value}):
        assert client.post(f"/en/manage/labs/{lab.pk}/themes/{theme.pk}/", data).status_code == 302
    response = client.post(f"/en/manage/labs/{lab.pk}/synthesis/merge/", {"themes": [value, theme.pk]})
    assert response.status_code == 302


def test_ordered_lists_with_odd_start_numbers_read_from_one():
    from ecocsme.text.mail import html_to_text

    for start in ("²", "9" * 5000, "-3"):
        assert html_to_text(f'<ol start="{start}"><li>first</li></ol>').strip() == "1. first"


def test_unsubscribe_tokens_of_another_shape_read_as_none():
    from django.core import signing

    from ecocsme.organisations.tokens import UNSUBSCRIBE_SALT, read_unsubscribe_token

    assert read_unsubscribe_token(signing.dumps(["²", "x"], salt=UNSUBSCRIBE_SALT)) is None
    assert read_unsubscribe_token(signing.dumps([1, 2, 3], salt=UNSUBSCRIBE_SALT)) is None
