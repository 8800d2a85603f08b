import csv
import io
import json

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from ecocsme.accounts.factories import PASSWORD, PartnerStaffFactory
from ecocsme.partnerships.factories import PartnerFactory

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PUBLIC_PAGES = [("web:home", []), ("web:ecoc_timeline", []), ("web:project_list", []),
                ("web:project_detail", [settings.ECOCSME_FEATURED_PROJECT]),
                ("web:partner_list", [settings.ECOCSME_FEATURED_PROJECT])]


def url(name, args, language):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def featured(db):
    """The featured project with a partner, built with factories."""
    return PartnerFactory(project__code=settings.ECOCSME_FEATURED_PROJECT, city="Timișoara").project


@pytest.fixture
def ecoc_titles(db):
    """The ECoC titles as shipped, without the rest of the reference data and the demo."""
    from ecocsme.reference.services import DATA_DIR, ecoc_titles_import

    return ecoc_titles_import((DATA_DIR / "ecoc_titles.csv").read_text(encoding="utf-8"))


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_in_every_language(client, featured, language):
    for name, args in PUBLIC_PAGES:
        path = url(name, args, language)
        assert path.startswith(f"/{language}/")
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        for other in LANGUAGES:  # the switcher links to the same page in every language
            assert f'href="/{other}/{path[4:]}"' in html or f'href="/{other}/"' in html


@pytest.mark.django_db
def test_root_redirects_to_a_language(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ro-RO,ro;q=0.9")
    assert response.status_code == 302 and response["Location"] == "/ro/"


@pytest.mark.django_db
def test_home_tells_the_three_phases_and_the_project(client, project):
    html = client.get("/en/").content.decode()
    for phrase in ("Preparation", "Title year", "Legacy", "PGI06047", "Timișoara", "Kaunas"):
        assert phrase in html


@pytest.mark.django_db
def test_timeline_lists_every_title(client, ecoc_titles):
    from ecocsme.reference.models import EcocTitle

    response = client.get("/en/ecoc/")
    titles = response.context["titles"]
    assert len(titles) == EcocTitle.objects.count() == 92
    html = response.content.decode()
    assert "Athens" in html and "Nikšić" in html and "City not yet designated" in html
    assert html.index("1985") < html.index("Athens") < html.index("Florence")


@pytest.mark.django_db
def test_timeline_filters(client, ecoc_titles):
    titles = client.get("/en/ecoc/?country=RO").context["titles"]
    assert [(t.year, t.city) for t in titles] == [(2007, "Sibiu"), (2023, "Timișoara")]
    query = "year_from=2023&year_to=2023&on=2023-05-01&phase=event_year"
    titles = client.get(f"/en/ecoc/?{query}").context["titles"]
    assert sorted(t.city for t in titles) == ["Elefsina", "Timișoara", "Veszprém"]
    response = client.get("/en/ecoc/?year_from=2030&year_to=2020")
    assert response.status_code == 200
    assert "year_to" in response.context["form"].errors
    assert len(response.context["titles"]) == 92  # a bad filter filters nothing


@pytest.mark.django_db
def test_timeline_exports_follow_the_filters(client, ecoc_titles):
    response = client.get("/en/ecoc/?country=RO&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [r["City"] for r in rows] == ["Sibiu", "Timișoara"]
    assert rows[1]["Original year"] == "2021"
    data = json.loads(client.get("/en/ecoc/?year_from=2023&year_to=2023&format=json").content)
    assert sorted(d["city"] for d in data) == ["Elefsina", "Timișoara", "Veszprém"]


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "amount"), [
    ("en", "€118,163"), ("ro", "118.163\xa0€"), ("it", "118.163\xa0€"), ("de", "118.163\xa0€"),
    ("nl", "€\xa0118.163"), ("hr", "118.163\xa0€"), ("lt", "118\xa0163\xa0€"), ("fi", "118\xa0163\xa0€")])
def test_amounts_read_as_each_language_writes_them(client, project, language, amount):
    html = client.get(f"/{language}/projects/PGI06047/partners/").content.decode()
    assert amount in html
    assert "EUR" not in html.split("<main", 1)[1]


@pytest.mark.django_db
def test_partners_page_shows_the_known_budget(client, project):
    html = client.get("/en/projects/PGI06047/partners/").content.decode()
    assert "€118,163" in html and "€1,163,171" in html
    assert html.count('class="card partner-card"') == 7
    for city in ("Joensuu", "Leeuwarden", "Matera", "Rijeka", "Timișoara", "Kaunas"):
        assert city in html
    assert "Priority Axis 2" in html


@pytest.mark.django_db
def test_partners_export(client, project):
    rows = json.loads(client.get("/en/projects/PGI06047/partners/?format=json").content)
    assert len(rows) == 7
    assert [r["budget_eur"] for r in rows if r["city"] == "Timișoara"] == ["118163.00"]


@pytest.mark.django_db
def test_unknown_project_is_404(client, featured):
    response = client.get("/en/projects/NOPE/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_partners_shortcut_goes_to_the_featured_project(client, featured):
    assert client.get("/en/partners/")["Location"] == f"/en/projects/{featured.code}/partners/"


@pytest.mark.django_db
def test_security_headers(client, featured):
    response = client.get("/en/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_login_is_throttled(client, featured):
    PartnerStaffFactory(username="timisoara", partner=featured.partners.get())
    for _attempt in range(5):
        client.post("/en/accounts/login/", {"username": "timisoara", "password": "wrong"})
    response = client.post("/en/accounts/login/", {"username": "timisoara", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_works(client, featured):
    PartnerStaffFactory(username="timisoara", partner=featured.partners.get())
    response = client.post("/en/accounts/login/", {"username": "timisoara", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/en/manage/").status_code == 200


@pytest.mark.django_db
def test_home_names_the_titles_in_their_title_year(client, ecoc_titles, monkeypatch):
    import datetime as dt

    from ecocsme.web.views import public

    monkeypatch.setattr(public, "today", lambda: dt.date(2021, 3, 1))
    current = client.get("/en/").context["current_titles"]
    assert sorted(t.city for t in current) == ["Galway", "Rijeka"]  # extended into 2021


@pytest.mark.django_db
def test_partner_and_instrument_names_in_the_readers_language(client, project):
    ro = client.get("/ro/projects/PGI06047/partners/").content.decode()
    assert "<h2>Primăria Municipiului Timișoara</h2>" in ro
    assert "Programul Operațional Regional 2014-2020 (POR), Regiunea Vest" in ro
    lt = client.get("/lt/projects/PGI06047/partners/").content.decode()
    assert "<h2>Vytauto Didžiojo universitetas – Verslo praktikų centras</h2>" in lt
    assert '<h2><span lang="en">Municipality of Timișoara</span> <small class="fallback-note">' in lt
