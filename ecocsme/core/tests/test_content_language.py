"""Content in the reader's language: shown in it when given, marked (lang and a note in the
reader's language) when it falls back; staff see the missing languages side by side and may
ask a configured machine translation for a draft that nothing stores until they save."""

import datetime as dt
import os
import re
import shutil

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from ecocsme.core.i18n import in_language, missing_languages
from ecocsme.events.factories import EventFactory
from ecocsme.events.models import Event
from ecocsme.labs.factories import LabFactory
from ecocsme.testing.forms import form_values
from ecocsme.text.translate import ApertiumTranslator

APERTIUM = shutil.which("apertium") is not None
# `make test` installs Apertium; there its tests must run, not be skipped.
needs_apertium = pytest.mark.skipif(not APERTIUM and not os.environ.get("ECOCSME_REQUIRE_APERTIUM"),
                                    reason="Apertium is not installed (make test installs it)")
SOON = timezone.localdate() + dt.timedelta(days=30)


def render(template: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load platform %}" + template).render(Context(context))


def test_the_readers_language_first_then_english_then_any():
    value = {"ro": "Atelier (exemplu)", "en": "Workshop (example)"}
    assert (in_language(value, "ro").text, in_language(value, "ro").is_fallback) == ("Atelier (exemplu)", False)
    assert (in_language(value, "lt").text, in_language(value, "lt").language) == ("Workshop (example)", "en")
    assert in_language({"hr": "Radionica (primjer)"}, "fi").language == "hr"
    assert not in_language({}, "fi") and not in_language({}, "fi").is_fallback
    assert missing_languages(value) == ["it", "nl", "hr", "lt", "fi", "de"]


@pytest.mark.parametrize(("language", "note"), [("ro", "engleză"), ("de", "Englisch"), ("lt", "anglų"),
                                                ("fi", "englanni"), ("hr", "engleskom"), ("nl", "Engels"),
                                                ("it", "inglese")])
def test_a_fallback_says_in_the_readers_language_which_language_it_is_in(language, note):
    html = render("{{ value|content }}", language, value={"en": "Workshop <b>(example)</b>"})
    assert '<span lang="en">Workshop &lt;b&gt;(example)&lt;/b&gt;</span>' in html
    assert 'class="fallback-note"' in html and note in html
    block = render("{{ value|content_block }}", language, value={"en": "First.\n\nSecond."})
    assert '<div lang="en"><p>First.</p>\n\n<p>Second.</p></div>' in block and note in block
    assert render("{{ value|content_text }}", language, value={"en": "Workshop"}).startswith("Workshop (")


def test_content_in_the_readers_language_is_plain():
    value = {"en": "Workshop", "ro": "Atelier <i>"}
    assert render("{{ value|content }}", "ro", value=value) == "Atelier &lt;i&gt;"
    assert render("{{ value|content_text }}", "ro", value=value) == "Atelier &lt;i&gt;"  # escaped as text
    assert render("{{ value|content_block }}", "en", value={"en": "One\ntwo"}) == "<p>One<br>two</p>"


@pytest.mark.django_db
def test_the_event_page_shows_title_agenda_and_sessions_in_the_readers_language(client, partner):
    event = EventFactory(partner=partner, title={"en": "Workshop (example)", "ro": "Atelier (exemplu)"},
                         agenda={"en": "Coffee first (example)."},
                         sessions=[(SOON, dt.time(9), dt.time(12), {"en": "Morning (example)",
                                                                    "lt": "Rytas (pavyzdys)"})])
    ro = client.get(f"/ro/events/{event.pk}/").content.decode()
    assert "<h1>Atelier (exemplu)</h1>" in ro
    assert re.search(r'<span lang="en">Morning \(example\)</span> <small class="fallback-note">', ro)
    assert re.search(r'<div lang="en"><p>Coffee first \(example\).</p></div>', ro)
    lt = client.get(f"/lt/events/{event.pk}/").content.decode()
    assert '<span lang="en">Workshop (example)</span>' in lt and "Rytas (pavyzdys):" in lt


@pytest.mark.django_db
def test_staff_see_the_missing_languages_and_write_session_titles_in_each(client, partner, staff):
    event = EventFactory(partner=partner, title={"en": "Workshop (example)"},
                         sessions=[(SOON, dt.time(9), dt.time(12), {"en": "Morning (example)"}),
                                   (SOON, dt.time(13), dt.time(15), {"en": "Afternoon (example)"})])
    client.force_login(staff)
    url = reverse("events:manage_edit", args=[event.pk])
    with translation.override("en"):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Missing (7): Romanian, Italian, Dutch, Croatian, Lithuanian, Finnish, German." in page
    assert '<div class="source-text" lang="en">Morning (example)<br>Afternoon (example)</div>' in page
    form = {"kind": event.kind, "language": "en", "time_zone": event.time_zone, "capacity": "",
            "title_en": "Workshop (example)", "title_ro": "Atelier (exemplu)",
            "session_titles_ro": "Dimineața (exemplu)\nDupă-amiaza (exemplu)",
            "sessions-TOTAL_FORMS": "2", "sessions-INITIAL_FORMS": "2",
            "sessions-MIN_NUM_FORMS": "0", "sessions-MAX_NUM_FORMS": "30",
            "sessions-0-day": SOON.isoformat(), "sessions-0-start": "09:00", "sessions-0-end": "12:00",
            "sessions-0-title": "Morning (example)",
            "sessions-1-day": SOON.isoformat(), "sessions-1-start": "13:00", "sessions-1-end": "15:00",
            "sessions-1-title": "Afternoon (example)"}
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    assert event.title == {"en": "Workshop (example)", "ro": "Atelier (exemplu)"}
    assert [s.title for s in event.sessions.order_by("position")] == [
        {"en": "Morning (example)", "ro": "Dimineața (exemplu)"},
        {"en": "Afternoon (example)", "ro": "După-amiaza (exemplu)"}]


@pytest.mark.django_db
def test_without_a_backend_no_machine_draft_is_offered(client, partner, staff):
    lab = LabFactory(partner=partner, theme={"en": "Local firms and the title year (example)"})
    client.force_login(staff)
    page = client.get(reverse("labs:lab_edit", args=[lab.pk])).content.decode()
    assert 'name="draft"' not in page
    url = reverse("labs:lab_edit", args=[lab.pk])
    values = {**form_values(client.get(url).content.decode()), "theme_en": "Changed (example)", "draft": "hr"}
    response = client.post(url, values)  # a valid form: only the draft button keeps it from being saved
    assert "No machine translation is available" in response.content.decode()
    lab.refresh_from_db()
    assert lab.theme == {"en": "Local firms and the title year (example)"}


@needs_apertium
def test_apertium_drafts_the_pairs_whose_data_is_installed():
    engine = ApertiumTranslator()
    assert engine.can_translate("en", "hr") and engine.can_translate("hr", "en")
    assert not engine.can_translate("en", "lt")
    [draft] = engine.translate(["Local firms are invited to the workshop."], "en", "hr")
    assert draft and draft != "Local firms are invited to the workshop." and "radionic" in draft.lower()


@needs_apertium
@pytest.mark.django_db
def test_a_machine_draft_fills_the_form_and_nothing_is_stored_until_staff_save(client, partner, staff, settings):
    settings.ECOCSME_TRANSLATOR = "ecocsme.text.translate.ApertiumTranslator"
    lab = LabFactory(partner=partner, theme={"ro": "Atelierul și firmele locale (exemplu)",
                                             "en": "The workshop and local firms (example)"},
                     questions=[{"ro": "De ce au nevoie firmele locale?", "en": "What do local firms need?"}],
                     languages=["ro", "en"])  # Romanian first: the draft comes from English
    client.force_login(staff)
    url = reverse("labs:lab_edit", args=[lab.pk])
    page = client.get(url).content.decode()
    assert page.count('name="draft"') == 1 and 'value="hr"' in page
    data = {**form_values(page), "theme_en": "The workshop, changed and not saved (example)", "draft": "hr"}
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200 and "A machine draft fills the empty fields" in html
    drafted = response.context["form"].data
    assert drafted["theme_hr"] and drafted["theme_hr"] != lab.theme["en"] and drafted["questions_hr"]
    assert "radionic" in drafted["theme_hr"].lower()  # from the English as posted, not the Romanian
    lab.refresh_from_db()
    assert lab.theme == {"ro": "Atelierul și firmele locale (exemplu)", "en": "The workshop and local firms (example)"}
    assert Event.objects.count() == 0


@pytest.mark.django_db
def test_staff_pages_say_which_languages_are_missing(client, partner, staff, other_staff):
    event = EventFactory(partner=partner, title={"en": "Workshop (example)", "ro": "Atelier (exemplu)"})
    lab = LabFactory(partner=partner, theme={"en": "Theme (example)"})
    client.force_login(staff)
    page = client.get(f"/en/manage/events/{event.pk}/").content.decode()
    assert "Written in: English, Romanian. Missing (6): Italian, Dutch, Croatian, Lithuanian, Finnish, German." in page
    assert f'href="/en/manage/events/{event.pk}/edit/">Add the missing languages' in page
    assert "Missing (7)" in client.get(f"/en/manage/labs/{lab.pk}/").content.decode()
    client.force_login(other_staff)  # sees the event, may not change it: no call to edit
    assert "Add the missing languages" not in client.get(f"/en/manage/events/{event.pk}/").content.decode()


@pytest.mark.parametrize(("language", "label", "inside"), [
    ("ro", "Confirmat", "confirmat"), ("en", "Event invitations", "event invitations"),
    ("de", "Veranstaltungseinladungen", "Veranstaltungseinladungen"), ("fi", "NACE", "NACE")])
def test_a_label_reads_small_inside_a_sentence_except_where_nouns_keep_capitals(language, label, inside):
    assert render("{{ label|inline }}", language, label=label) == inside


@pytest.mark.parametrize(("language", "count", "share", "amount"), [
    ("en", "10,000", "84%", "€1,163,171.50"), ("de", "10.000", "84\xa0%", "1.163.171,50\xa0€"),
    ("nl", "10.000", "84%", "€\xa01.163.171,50"), ("lt", "10\xa0000", "84\xa0%", "1\xa0163\xa0171,50\xa0€"),
    ("fi", "10\xa0000", "84\xa0%", "1\xa0163\xa0171,50\xa0€"), ("ro", "10.000", "84\xa0%", "1.163.171,50\xa0€"),
])
def test_counts_shares_and_amounts_as_each_language_writes_them(language, count, share, amount):
    assert render("{{ n|grouped }}", language, n=10000) == count
    assert render("{{ p|percent }}", language, p=84.2) == share
    assert render("{{ a|money }}", language, a="1163171.50") == amount


@needs_apertium
@pytest.mark.django_db
def test_a_machine_draft_of_overlong_text_is_refused_and_changes_nothing(client, partner, staff, settings):
    settings.ECOCSME_TRANSLATOR = "ecocsme.text.translate.ApertiumTranslator"
    lab = LabFactory(partner=partner, theme={"en": "Theme (example)"}, languages=["en"])
    client.force_login(staff)
    data = {"number": lab.number, "format": lab.format, "theme_en": "word " * 5000,
            "questions_en": "Why? (example)", "draft": "hr"}
    response = client.post(reverse("labs:lab_edit", args=[lab.pk]), data)
    assert "too long for a machine draft" in response.content.decode()
    assert not response.context["form"].data.get("theme_hr")
    lab.refresh_from_db()
    assert lab.theme == {"en": "Theme (example)"}


def edit_page_values(client, event) -> dict[str, str]:
    return form_values(client.get(reverse("events:manage_edit", args=[event.pk])).content.decode())


def session_titles(event) -> list[dict]:
    return [s.title for s in event.sessions.order_by("position")]


@pytest.mark.django_db
def test_saving_an_event_as_shown_keeps_every_session_title_in_its_place(client, partner, staff):
    titles = [{"en": "Morning (example)"}, {"en": "Afternoon (example)", "ro": "După-amiaza (exemplu)"},
              {"ro": "Seara (exemplu)"}]
    event = EventFactory(partner=partner, sessions=[(SOON, dt.time(9 + 4 * i), dt.time(11 + 4 * i), title)
                                                    for i, title in enumerate(titles)])
    client.force_login(staff)
    assert client.post(reverse("events:manage_edit", args=[event.pk]), edit_page_values(client, event)).status_code == 302
    assert session_titles(event) == titles


@pytest.mark.django_db
def test_removing_a_session_takes_only_its_own_titles(client, partner, staff):
    event = EventFactory(partner=partner, sessions=[
        (SOON, dt.time(9), dt.time(11), {"en": "Morning (example)", "ro": "Dimineața (exemplu)"}),
        (SOON, dt.time(13), dt.time(15), {"en": "Afternoon (example)", "ro": "După-amiaza (exemplu)"})])
    client.force_login(staff)
    values = edit_page_values(client, event)
    values["sessions-0-day"] = ""  # how a session is removed
    assert client.post(reverse("events:manage_edit", args=[event.pk]), values).status_code == 302
    assert session_titles(event) == [{"en": "Afternoon (example)", "ro": "După-amiaza (exemplu)"}]


@pytest.mark.django_db
def test_a_new_working_language_does_not_relabel_the_session_titles(client, partner, staff):
    event = EventFactory(partner=partner, language="en",
                         sessions=[(SOON, dt.time(9), dt.time(11), {"en": "Morning (example)",
                                                                    "ro": "Dimineața (exemplu)"})])
    client.force_login(staff)
    values = edit_page_values(client, event)
    assert "session_titles_en" not in values  # the rows hold the English titles: one place for them
    values["language"] = "ro"
    assert client.post(reverse("events:manage_edit", args=[event.pk]), values).status_code == 302
    assert session_titles(event) == [{"en": "Morning (example)", "ro": "Dimineața (exemplu)"}]
    values = edit_page_values(client, event)  # now the rows show Romanian
    assert values["sessions-0-title"] == "Dimineața (exemplu)" and values["session_titles_en"] == "Morning (example)"
    values["sessions-0-title"] = ""  # clearing a row's title removes it
    client.post(reverse("events:manage_edit", args=[event.pk]), values)
    assert session_titles(event) == [{"en": "Morning (example)"}]


@pytest.mark.django_db
def test_languages_the_form_does_not_show_are_kept_and_odd_stored_values_do_not_break_pages(client, project):
    from django.contrib.auth import get_user_model

    timisoara = project.partners.get(number=6)
    timisoara.name_translations = {"ro": "Primăria Municipiului Timișoara", "hu": "Temesvár (example)"}
    timisoara.save()
    client.force_login(get_user_model().objects.get(username="timisoara"))
    url = reverse("web:partner_edit", args=[timisoara.pk])
    assert client.post(url, form_values(client.get(url).content.decode())).status_code == 302
    timisoara.refresh_from_db()
    assert timisoara.name_translations == {"ro": "Primăria Municipiului Timișoara", "hu": "Temesvár (example)"}
    timisoara.name_translations = "Primăria"  # valid JSON, not a text per language
    timisoara.save()
    assert client.get("/ro/projects/PGI06047/partners/").status_code == 200


def test_utc_and_a_missing_engine_are_handled():
    from ecocsme.text.translate import TranslationFailed
    from ecocsme.text.zones import zone_name

    assert {zone_name("UTC", code) for code in ("en", "ro", "lt", "fi")} == {"UTC"}
    missing = ApertiumTranslator(command="/nonexistent/apertium")
    assert missing.modes == {} and not missing.can_translate("en", "hr")
    with pytest.raises(TranslationFailed):
        missing.translate(["text"], "en", "hr")


@needs_apertium
def test_a_draft_keeps_every_line():
    [draft] = ApertiumTranslator().translate(["Opening\nPanel\nClosing"], "en", "hr")
    assert len(draft.splitlines()) == 3
