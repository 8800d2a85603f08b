"""The main pages and mails in every language, read for what no native writes: a second full
stop after a date that ends with one (hr, lt), "il mercoledì" or "03 marzo" (it), "13:15" in
Finnish (13.15), "EUR" before an amount or an amount without thousands grouped, weekday names
with a capital inside a phrase where the language writes them small, and English left in the
middle of another language's sentence. The same for the reach: opportunities, the organisations
that fit, an interest's thread, the digest, the engagement figures, the profiles, the sign-up and
"My account", with the mails they send (an interface message left in English, not marked as
English, counts too)."""

import datetime as dt
import functools
import re
from decimal import Decimal
from html import unescape
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from ecocsme.accounts.factories import PASSWORD, UserFactory
from ecocsme.accounts.services import Signup, account_delete, signup_request
from ecocsme.core.i18n import language_codes
from ecocsme.core.models import OutgoingMail
from ecocsme.events.factories import EventFactory
from ecocsme.events.services.invitations import invitations_create as event_invitations_create
from ecocsme.events.services.invitations import invitations_send as event_invitations_send
from ecocsme.labs.factories import LabFactory
from ecocsme.labs.services.invitations import invitations_create as lab_invitations_create
from ecocsme.labs.services.invitations import invitations_send as lab_invitations_send
from ecocsme.opportunities import matching
from ecocsme.opportunities.factories import OpportunityFactory, in_days, representative
from ecocsme.opportunities.services.digests import digest_subscribe, digests_send
from ecocsme.opportunities.services.interests import interest_express, interest_reply, interest_set_status
from ecocsme.opportunities.services.reach import reach_tell
from ecocsme.organisations.factories import ProfileFactory, StakeholderFactory
from ecocsme.organisations.models import Consent
from ecocsme.organisations.services import organisation_verify, profile_embed, profile_update
from ecocsme.reference.factories import EcocTitleFactory, NaceDivisionFactory

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


@functools.cache
def english_messages(language: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The interface's English messages that `language`'s catalogue writes otherwise, whole and
    without placeholders (a word the language writes as English does, "Budget" in German, is not
    among them): (all of them, those of four words or more)."""
    po = polib.pofile(str(Path(settings.PROJECT_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"))
    kept = {entry.msgid for entry in po if entry.msgstr == entry.msgid}
    english = frozenset(entry.msgid for entry in po
                        if entry.msgstr and not entry.msgid_plural and not entry.obsolete
                        and "%" not in entry.msgid and entry.msgid not in kept)
    return english, tuple(message for message in english if len(message.split()) >= 4)


def without_other_languages(html: str, language: str) -> str:
    """The HTML without the elements that say they are in another language: content shown in
    English where it is missing in the reader's language, the language menu."""
    return re.sub(rf'(?is)<([a-z0-9]+)\b[^>]*\blang="(?!{language}")[^"]*"[^>]*>.*?</\1>', " ", html)


def english_left(language: str, text: str) -> list[str]:
    """The interface's messages left in English in `text` (visible text; a block per line): a line
    that is one of them, or a sentence of four words or more inside a line."""
    if language == "en":
        return []
    whole, long = english_messages(language)
    lines = {line.strip() for line in text.splitlines()}
    left = sorted(lines & whole) + sorted(message for message in long if message in text and message not in lines)
    return [f"English left: {message!r}" for message in left]


def page_problems(language: str, html: str) -> list[str]:
    return problems(language, visible_text(html)) + english_left(
        language, visible_text(without_other_languages(html, language)))


def mail_problems(language: str, mail: OutgoingMail) -> list[str]:
    """The subject, the plain text and the HTML read as `page_problems` reads a page."""
    found = page_problems(language, mail.html)
    for part in (mail.subject, mail.text):
        found += problems(language, part) + english_left(language, part)
    return found


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
        found += [f"{name}: {problem}" for problem in page_problems(language, response.content.decode())]
    mails = OutgoingMail.objects.filter(to=f"reader-{language}@example.org")
    assert mails.count() == 2
    for mail in mails:
        found += [f"mail {mail.key}: {problem}" for problem in mail_problems(language, mail)]
    assert not found, "\n".join(found)


# --- the reach: opportunities, matches, interest, digests, profiles, accounts -------------------------
@pytest.fixture
def fresh_matching():
    """The matching's catalogues read afresh (they are kept per process)."""
    matching.forget()
    yield
    matching.forget()


@pytest.fixture
def reach(partner, staff, language, fresh_matching):
    """Timișoara's staff (reading `language`) post a call for catering with a budget and a second
    opportunity; a kitchen's profile, verified, with its representative `cook` (reading `language`
    too), says it is interested in the first, is answered and contracted, is told about the
    second and gets its weekly digest; someone signs up; a second representative deletes their
    account. Every mail of it goes to one of them, in `language`."""
    staff.language = language
    staff.save(update_fields=["language"])
    title = EcocTitleFactory(year=2023, city="Timișoara", country="RO")
    partner.ecoc_title = title
    partner.save(update_fields=["ecoc_title"])
    food = NaceDivisionFactory(code="56")
    kitchen = ProfileFactory(partner=partner, findable=True, languages=["en", "ro"], country="RO", city="Timișoara",
                             name="Banat Kitchen (example)", size_class="small",
                             description="We cook for festivals: buffets, vegetarian menus (example).",
                             capabilities="festival catering\nmobile kitchen")
    kitchen.sectors.set([food])
    cook = representative(kitchen, UserFactory(username=f"cook-{language}", language=language))
    leaving = representative(kitchen, UserFactory(username=f"leaving-{language}", language=language))
    organisation_verify(actor=staff, organisation=kitchen)
    profile_update(actor=cook, organisation=kitchen, sectors=[food], values={
        "description": "We cook for festivals: buffets for 800 guests, vegetarian menus, mobile kitchens "
                       "(example).", "languages": ["en", "ro"]})
    profile_embed(kitchen.pk)
    call = OpportunityFactory(partner=partner, posted_by=staff, ecoc_title=title, country="RO", city="Timișoara",
                              title="Catering for the summer festival (example)", sectors=[food],
                              budget_eur=118163, deadline=in_days(40),
                              description="Food for 600 guests over three days: vegetarian menus, a mobile "
                                          "kitchen (example).")
    menus = OpportunityFactory(partner=partner, posted_by=staff, ecoc_title=title, country="RO", city="Timișoara",
                               title="Festival menus for the closing night (example)", sectors=[food],
                               budget_eur=1163171, deadline=in_days(60),
                               published_at=timezone.now() - dt.timedelta(hours=2),
                               description="Vegetarian menus and a buffet for 800 guests (example).")
    interest = interest_express(actor=cook, opportunity=call, organisation=kitchen,
                                message="Four cooks and a mobile kitchen (example).")
    interest_reply(actor=staff, interest=interest, body="Welcome: could you come to a meeting (example)?")
    interest_set_status(actor=staff, interest=interest, status="contracted")
    reach_tell(actor=staff, opportunity=menus, organisation=kitchen)
    digest_subscribe(actor=cook, organisation=kitchen, frequency="weekly", consent=True)
    assert digests_send() == {"due": 1, "sent": 1}
    signup_request(signup=Signup(name="Example Newcomer", email=f"newcomer-{language}@example.org",
                                 password="a-long-example-password", language=language),
                   network_address="192.0.2.10")
    account_delete(actor=leaving, user=leaving, password=PASSWORD)
    return {"call": call, "menus": menus, "kitchen": kitchen, "cook": cook, "interest": interest,
            "readers": [staff.email, cook.email, f"newcomer-{language}@example.org"]}


REACH_MAILS = ("organisations.verification", "organisations.profile_changed", "opportunities.interest",
               "opportunities.tell", "opportunities.digest", "accounts.signup.confirm",
               "organisations.representative_left")


def reach_pages(reach, language: str) -> dict[str, tuple[str, str]]:
    """Each page: who opens it (nobody, "staff" or "cook") and its path."""
    call, kitchen = reach["call"], reach["kitchen"]
    with translation.override(language):
        return {
            "opportunities": ("nobody", reverse("opportunities:list")),
            "opportunity": ("nobody", reverse("opportunities:detail", args=[call.pk])),
            "opportunity, as its side": ("staff", reverse("opportunities:detail", args=[call.pk])),
            "opportunity, as the interested": ("cook", reverse("opportunities:detail", args=[call.pk])),
            "matches": ("staff", reverse("opportunities:matches", args=[call.pk])),
            "the opportunity's interests": ("staff", reverse("opportunities:interests", args=[call.pk])),
            "what fits the organisation": ("cook", reverse("opportunities:organisation_matches",
                                                           args=[kitchen.pk])),
            "engagement": ("staff", reverse("opportunities:engagement")),
            "our interests": ("cook", reverse("opportunities:our_interests")),
            "interest": ("cook", reverse("opportunities:interest", args=[reach["interest"].pk])),
            "interest, as its side": ("staff", reverse("opportunities:interest", args=[reach["interest"].pk])),
            "digest": ("cook", reverse("opportunities:digest", args=[kitchen.pk])),
            "my organisation": ("cook", reverse("organisations:my_organisation")),
            "my account": ("cook", reverse("organisations:my_account")),
            "organisation's profile": ("nobody", reverse("organisations:profile", args=[kitchen.pk])),
            "sign-up": ("nobody", reverse("accounts:signup")),
        }


@pytest.mark.django_db
@pytest.mark.parametrize("language", language_codes())
def test_the_reach_pages_and_mails_read_as_natives_write(reach, staff, language):
    browsers = {"nobody": Client(), "staff": Client(), "cook": Client()}
    browsers["staff"].force_login(staff)
    browsers["cook"].force_login(reach["cook"])
    found = []
    for name, (who, path) in reach_pages(reach, language).items():
        assert path.startswith(f"/{language}/")
        response = browsers[who].get(path)
        assert response.status_code == 200, (name, path, response.status_code)
        html = response.content.decode()
        assert f'<html lang="{language}"' in html, name
        found += [f"{name}: {problem}" for problem in page_problems(language, html)]
    mails = OutgoingMail.objects.filter(to__in=reach["readers"])
    assert {mail.key.split(":")[0] for mail in mails} == set(REACH_MAILS)
    for mail in mails:
        assert mail.language == language, mail.key
        found += [f"mail {mail.key}: {problem}" for problem in mail_problems(language, mail)]
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
