"""The main pages and mails in every language, read for what no native writes: a second full
stop after a date that ends with one (hr, lt), "il mercoledì" or "03 marzo" (it), "13:15" in
Finnish (13.15), "EUR" before an amount or an amount without thousands grouped, weekday names
with a capital inside a phrase where the language writes them small, and English left in the
middle of another language's sentence."""

import datetime as dt
import re
from decimal import Decimal
from html import unescape

import pytest
from django.utils import timezone

from ecocsme.core.i18n import language_codes
from ecocsme.core.models import OutgoingMail
from ecocsme.events.factories import EventFactory
from ecocsme.events.services.invitations import invitations_create as event_invitations_create
from ecocsme.events.services.invitations import invitations_send as event_invitations_send
from ecocsme.labs.factories import LabFactory
from ecocsme.labs.services.invitations import invitations_create as lab_invitations_create
from ecocsme.labs.services.invitations import invitations_send as lab_invitations_send
from ecocsme.organisations.factories import StakeholderFactory
from ecocsme.organisations.models import Consent

ITALIAN_DAYS = "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
ITALIAN_MONTHS = "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre"
CAPITAL_WEEKDAYS = {
    "hr": "Ponedjeljak|Utorak|Srijeda|Četvrtak|Petak|Subota|Nedjelja",
    "lt": "Pirmadienis|Antradienis|Trečiadienis|Ketvirtadienis|Penktadienis|Šeštadienis|Sekmadienis",
    "ro": "Luni|Marți|Miercuri|Joi|Vineri|Sâmbătă|Duminică",
    "fi": "Maanantai|Tiistai|Keskiviikko|Torstai|Perjantai|Lauantai|Sunnuntai",
    "nl": "Maandag|Dinsdag|Woensdag|Donderdag|Vrijdag|Zaterdag|Zondag",
    "it": "Lunedì|Martedì|Mercoledì|Giovedì|Venerdì|Sabato|Domenica",
}


CAPITAL_MONTHS = {
    "ro": "Ianuarie|Februarie|Martie|Aprilie|Mai|Iunie|Iulie|August|Septembrie|Octombrie|Noiembrie|Decembrie",
    "it": "Gennaio|Febbraio|Marzo|Aprile|Maggio|Giugno|Luglio|Agosto|Settembre|Ottobre|Novembre|Dicembre",
}


def problems(language: str, text: str) -> list[str]:
    """What a native reader of `language` would mark in `text` (visible text, tags removed)."""
    found = []

    def check(pattern: str, what: str, flags=0):
        for match in re.finditer(pattern, text, flags):
            found.append(f"{what}: …{text[max(0, match.start() - 40):match.end() + 20]}…")

    check(r"(?<![.\w])\w+\.\.(?!\.)", "a second full stop")
    check(r"\bEUR\s?\d", "EUR before the amount")
    check(r"(?:€|EUR)\s?\d{4,}|\d{4,}\s?(?:€|EUR)", "an amount without thousands grouped")
    if language == "it":
        check(rf"\bil ({ITALIAN_DAYS})\b", "an article before a weekday", re.IGNORECASE)
        check(rf"\b0\d ({ITALIAN_MONTHS})\b", "a day with a leading zero")
    if language == "fi":
        check(r"\b\d{1,2}:\d{2}\b", "a time with a colon")
    if language in ("en", "it", "nl"):
        check(r"\d[ \xa0]%", "a space before the per cent sign")
    else:
        check(r"\d%", "no space before the per cent sign")
    check(r"\b[A-Z][a-z]+/[A-Z][a-z_]+\b", "a time zone's identifier")
    if language == "en":
        check(r"\b\d{1,2}:\d{2}\s?[ap]\.?m\b", "a 12-hour time")
    if language in CAPITAL_WEEKDAYS:
        check(rf"(?<=[\w,] )({CAPITAL_WEEKDAYS[language]})\b", "a weekday with a capital inside a phrase")
    if language in CAPITAL_MONTHS:
        check(rf"\d\.? ({CAPITAL_MONTHS[language]})\b", "a month with a capital after its day")
    return found


BLOCK = r"p|li|div|h[1-6]|br|tr|td|th|dt|dd|ul|ol|section|summary|details|title|option|table|a|button|label"


def visible_text(html: str) -> str:
    """The text a reader sees, a line per block (a phrase never runs across two blocks)."""
    html = re.sub(r"(?is)<(script|style|svg)\b.*?</\1>", "\n", html)
    html = re.sub(rf"(?is)</?({BLOCK})\b[^>]*>", "\n", html)
    html = re.sub(r"(?s)<[^>]+>", " ", html)
    return re.sub(r"[ \t\xa0]*\n\s*", "\n", re.sub(r"[ \t]+", " ", unescape(html)))


@pytest.fixture
def world(partner, staff):
    project = partner.project
    project.total_budget = Decimal("1163171")
    project.save()
    partner.budget = Decimal("118163")
    partner.save()
    soon = timezone.localdate() + dt.timedelta(days=40)
    event = EventFactory(partner=partner, title={"en": "Example workshop (example)"},
                         capacity=1200, rsvp_deadline=timezone.now() + dt.timedelta(days=20),
                         sessions=[(soon, dt.time(13, 15), dt.time(15, 30)),
                                   (soon + dt.timedelta(days=1), dt.time(9), dt.time(12, 45)),
                                   (soon + dt.timedelta(days=2), None, None)])
    lab = LabFactory(partner=partner, closes_at=timezone.now() + dt.timedelta(days=25))
    readers = []
    for language in language_codes():
        readers.append(StakeholderFactory(
            partner=partner, name=f"Example Reader {language}", email=f"reader-{language}@example.org",
            language=language, consents=[Consent.Purpose.CONSULTATIONS, Consent.Purpose.EVENT_INVITATIONS]))
    event_invitations_create(actor=staff, event=event, contacts=readers)
    event_invitations_send(actor=staff, event=event)
    lab_invitations_create(actor=staff, lab=lab, contacts=readers)
    lab_invitations_send(actor=staff, lab=lab)
    return {"project": project, "event": event, "lab": lab,
            "event_link": {i.contact.language: i.answer_url() for i in event.invitations.select_related("contact")},
            "lab_link": {i.contact.language: i.answer_url() for i in lab.invitations.select_related("contact")}}


def pages(world, language: str) -> dict[str, str]:
    code, event, lab = world["project"].code, world["event"], world["lab"]
    return {
        "home": f"/{language}/", "project": f"/{language}/projects/{code}/",
        "partners": f"/{language}/projects/{code}/partners/", "timeline": f"/{language}/ecoc/",
        "events": f"/{language}/projects/{code}/events/", "event": f"/{language}/events/{event.pk}/",
        "event answer": world["event_link"][language].split("://", 1)[1].split("/", 1)[1],
        "lab answer": world["lab_link"][language].split("://", 1)[1].split("/", 1)[1],
        "manage": f"/{language}/manage/", "manage event": f"/{language}/manage/events/{event.pk}/",
        "manage lab": f"/{language}/manage/labs/{lab.pk}/",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", language_codes())
def test_pages_and_mails_read_as_natives_write(client, world, staff, language):
    client.force_login(staff)
    found = []
    for name, path in pages(world, language).items():
        path = path if path.startswith("/") else "/" + path
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, (name, path, response.status_code)
        found += [f"{name}: {problem}" for problem in problems(language, visible_text(response.content.decode()))]
    mails = OutgoingMail.objects.filter(to=f"reader-{language}@example.org")
    assert mails.count() == 2
    for mail in mails:
        for part in (mail.subject, mail.text, visible_text(mail.html)):
            found += [f"mail {mail.key}: {problem}" for problem in problems(language, part)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(("language", "text"), [
    ("hr", "Odgovorite do 4. prosinca 2026.."), ("lt", "iki 2026 m. gruodžio 4 d.."),
    ("it", "il mercoledì 25 novembre"), ("it", "il 03 marzo 2027"), ("fi", "klo 13:15"),
    ("en", "Total EUR 118,163"), ("de", "118163 €"), ("hr", "srijeda, Petak"), ("en", "at 1:15 p.m."),
    ("ro", "până la 12 Ianuarie 2027"), ("it", "il 12 Gennaio"), ("en", "about 84 % ERDF"),
    ("de", "etwa 84% EFRE"), ("ro", "13:15 (Europe/Bucharest)"),
])
def test_the_reader_flags_what_natives_would_not_write(language, text):
    assert problems(language, text)


@pytest.mark.parametrize(("language", "text"), [
    ("hr", "Odgovorite do 4. prosinca 2026."), ("lt", "2026 m. gruodžio 4 d."), ("it", "mercoledì 3 marzo 2027"),
    ("fi", "klo 13.15–15.30"), ("de", "118.163 €"), ("en", "€118,163"), ("lt", "118\xa0163\xa0€"),
    ("en", "Wait..."), ("hr", "Petak, 4. prosinca 2026."),
])
def test_the_reader_lets_what_natives_write_pass(language, text):
    assert not problems(language, text)


@pytest.mark.django_db
@pytest.mark.parametrize("language", language_codes())
def test_date_and_time_fields_hold_what_the_browser_reads(client, world, staff, language):
    """A browser's date and time pickers take ISO values only: a deadline written "23.12.2026"
    would show an empty field in every language but English."""
    client.force_login(staff)
    page = client.get(f"/{language}/manage/events/{world['event'].pk}/edit/").content.decode()
    assert re.search(r'type="date" name="rsvp_deadline" value="\d{4}-\d{2}-\d{2}"', page)
    assert 'type="time" name="sessions-0-start" value="13:15"' in page
    assert re.search(r'type="date" name="sessions-0-day" value="\d{4}-\d{2}-\d{2}"', page)
