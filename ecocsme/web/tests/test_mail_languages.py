"""Mail in the recipient's language, end to end, for each of the eight languages: a lab's
invitation and reminder, an event's invitation, deadline reminder, confirmation and event
reminder, sent over a real SMTP server and read back — subject, plain text and HTML in the
platform's layout, the calendar file, the unsubscribe link and the answer page the personal
link opens, both opened as a stranger's browser would (no session, no language cookie, no
Accept-Language) and as a browser set to another language; the one-click unsubscribe; the
personal calendar the mail links to, as a calendar program fetches it. What the mail says is
compared with the catalogue (gettext of the template's msgid in the reader's language), and no
English text of the template may show in another language.

The mail of the reach goes to accounts (not to a partner's contacts), in the account's language
whatever page or person made it: the sign-up confirmation (in the language chosen on a form shown in
another), a profile declined and verified (to each representative in theirs), the notices to the
keeping partner's staff (a verified profile's new description, a representative's deleted account),
an interest's mails between the two sides of a conversation (said, answered, its status,
withdrawn), an opportunity's moderation (the moderators told of a post waiting for review, the
poster's side of its return with the note, its publication and its closing), an organisation
told of an opportunity that fits and the weekly digest (the reasons, the kind and the deadline in
the reader's words). Only the digest has an unsubscribe link, in its
text, HTML and List-Unsubscribe headers, working in one click; the others are in the platform's
layout without one. Each link opens its page in the mail's language.

The content (a lab's theme and questions, an event's title, description and parts) is example
text given in all eight languages; the reader gets theirs. Content given in English only still
goes out, in English (marking it as English in the HTML comes with the content-language work)."""

import re
from datetime import date, time, timedelta
from email.header import decode_header, make_header
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext, pgettext
from icalendar import Calendar

from ecocsme.accounts.factories import PASSWORD, UserFactory
from ecocsme.accounts.services import account_delete
from ecocsme.core.models import OutgoingMail
from ecocsme.events.factories import EventFactory, EventInvitationFactory
from ecocsme.events.ics import invitation_calendar, session_uid
from ecocsme.events.services.invitations import invitations_create as event_invitations_create
from ecocsme.events.services.invitations import invitations_send as event_invitations_send
from ecocsme.events.services.mail import personal_calendar_url
from ecocsme.events.services.reminders import reminders_send as event_reminders_send
from ecocsme.labs.factories import LabFactory
from ecocsme.labs.services.invitations import invitations_create as lab_invitations_create
from ecocsme.labs.services.invitations import invitations_send as lab_invitations_send
from ecocsme.labs.services.invitations import reminders_send as lab_reminders_send
from ecocsme.opportunities import matching
from ecocsme.opportunities.factories import OpportunityFactory, in_days, representative
from ecocsme.opportunities.models import DigestSubscription, Interest, Opportunity
from ecocsme.opportunities.services.digests import digest_subscribe, digests_send
from ecocsme.opportunities.services.interests import (
    interest_express,
    interest_reply,
    interest_set_status,
    interest_withdraw,
)
from ecocsme.opportunities.services.opportunities import (
    Send,
    opportunity_close,
    opportunity_publish,
    opportunity_return,
    opportunity_save,
    opportunity_submit,
)
from ecocsme.opportunities.services.reach import reach_tell
from ecocsme.organisations.factories import ProfileFactory, StakeholderFactory
from ecocsme.organisations.models import Consent
from ecocsme.organisations.services import (
    organisation_decline,
    organisation_verify,
    profile_embed,
    profile_update,
)
from ecocsme.reference.factories import EcocTitleFactory, NaceDivisionFactory
from ecocsme.testing.mail import calendar_of, link_in, mails_to, plain_text
from ecocsme.testing.worker import run_worker

LANGUAGES = [code for code, _name in settings.LANGUAGES]
OTHERS = [code for code in LANGUAGES if code != "en"]

# Example content, in each of the eight languages.
THEME = {
    "en": "Culture and small firms (example)",
    "ro": "Cultura și firmele mici (exemplu)",
    "it": "Cultura e piccole imprese (esempio)",
    "de": "Kultur und kleine Unternehmen (Beispiel)",
    "nl": "Cultuur en kleine bedrijven (voorbeeld)",
    "hr": "Kultura i mala poduzeća (primjer)",
    "lt": "Kultūra ir mažos įmonės (pavyzdys)",
    "fi": "Kulttuuri ja pienyritykset (esimerkki)",
}
QUESTIONS = [{
    "en": "How should the programme reach small firms? (example)",
    "ro": "Cum ar trebui programul să ajungă la firmele mici? (exemplu)",
    "it": "Come dovrebbe il programma raggiungere le piccole imprese? (esempio)",
    "de": "Wie soll das Programm kleine Unternehmen erreichen? (Beispiel)",
    "nl": "Hoe moet het programma kleine bedrijven bereiken? (voorbeeld)",
    "hr": "Kako bi program trebao doprijeti do malih poduzeća? (primjer)",
    "lt": "Kaip programa turėtų pasiekti mažas įmones? (pavyzdys)",
    "fi": "Miten ohjelman pitäisi tavoittaa pienyritykset? (esimerkki)",
}, {
    "en": "What support do firms need to take part? (example)",
    "ro": "De ce sprijin au nevoie firmele ca să participe? (exemplu)",
    "it": "Di quale sostegno hanno bisogno le imprese per partecipare? (esempio)",
    "de": "Welche Unterstützung brauchen Unternehmen, um teilzunehmen? (Beispiel)",
    "nl": "Welke steun hebben bedrijven nodig om mee te doen? (voorbeeld)",
    "hr": "Kakva je podrška poduzećima potrebna za sudjelovanje? (primjer)",
    "lt": "Kokios paramos įmonėms reikia, kad dalyvautų? (pavyzdys)",
    "fi": "Mitä tukea yritykset tarvitsevat osallistuakseen? (esimerkki)",
}]
TITLE = {
    "en": "Workshop on culture and business (example)",
    "ro": "Atelier despre cultură și afaceri (exemplu)",
    "it": "Laboratorio su cultura e impresa (esempio)",
    "de": "Workshop zu Kultur und Wirtschaft (Beispiel)",
    "nl": "Workshop over cultuur en ondernemen (voorbeeld)",
    "hr": "Radionica o kulturi i poduzetništvu (primjer)",
    "lt": "Dirbtuvės apie kultūrą ir verslą (pavyzdys)",
    "fi": "Työpaja kulttuurista ja yrittäjyydestä (esimerkki)",
}
DESCRIPTION = {
    "en": "Ideas for the legacy of the capital year (example).",
    "ro": "Idei pentru moștenirea anului capitalei (exemplu).",
    "it": "Proposte per il dopo capitale (esempio).",
    "de": "Ideen für das Erbe des Kulturhauptstadtjahres (Beispiel).",
    "nl": "Ideeën voor de nalatenschap van het hoofdstadjaar (voorbeeld).",
    "hr": "Ideje za nasljeđe godine prijestolnice (primjer).",
    "lt": "Idėjos sostinės metų palikimui (pavyzdys).",
    "fi": "Ideoita kulttuuripääkaupunkivuoden perinnöksi (esimerkki).",
}
PART_1 = {"en": "Part 1 (example)", "ro": "Partea 1 (exemplu)", "it": "Parte 1 (esempio)",
          "de": "Teil 1 (Beispiel)", "nl": "Deel 1 (voorbeeld)", "hr": "1. dio (primjer)",
          "lt": "1 dalis (pavyzdys)", "fi": "Osa 1 (esimerkki)"}
PART_2 = {"en": "Part 2 (example)", "ro": "Partea 2 (exemplu)", "it": "Parte 2 (esempio)",
          "de": "Teil 2 (Beispiel)", "nl": "Deel 2 (voorbeeld)", "hr": "2. dio (primjer)",
          "lt": "2 dalis (pavyzdys)", "fi": "Osa 2 (esimerkki)"}
CONTENT = [THEME, *QUESTIONS, TITLE, DESCRIPTION, PART_1, PART_2]


# --- reading what arrived ------------------------------------------------------------------------
def subject_of(message) -> str:
    return " ".join(str(make_header(decode_header(message["Subject"]))).split())


def html_of(message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/html")
    return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")


def words(html: str) -> str:
    """The text an HTML part or page shows, tags dropped and entities read, spaces collapsed (an
    inline element, such as a title marked with its language, stays within its sentence)."""
    html = re.sub(r"</?(?:span|q|em|strong|b|i)\b[^>]*>", "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def flat(text: str) -> str:
    return " ".join(text.split())


def page_language(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def heading_of(html: str) -> str:
    """The page's <h1> element, as written."""
    return re.search(r"<h1[^>]*>.*?</h1>", html, re.S).group(0)


def h1_of(html: str) -> str:
    return words(heading_of(html))


def marked_english(html: str, text: str) -> bool:
    """`text` stands in an element that says it is English (lang="en")."""
    return any(text in unescape(inner) for inner in re.findall(r'<[a-z0-9]+ [^>]*lang="en"[^>]*>([^<]*)', html))


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def unsubscribe_url(message) -> str:
    header = "".join(str(message["List-Unsubscribe"]).split())  # unfolded
    assert header and header.startswith("<") and header.endswith(">"), header
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    return header[1:-1]


def another_language(language: str) -> str:
    return "de" if language == "en" else "en"


def browsers(language: str):
    """A stranger's browser (no session, no cookie, no Accept-Language), then one set to another
    language by its Accept-Language and the language cookie."""
    yield Client()
    other = another_language(language)
    browser = Client(HTTP_ACCEPT_LANGUAGE=other)
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = other
    yield browser


# --- what the catalogue says ------------------------------------------------------------------------
def said(language: str, msgid: str, context: str = "", **values) -> str:
    """The catalogue's text for `msgid` (in `context`) in `language`, with its placeholders filled."""
    with translation.override(language):
        text = pgettext(context, msgid) if context else gettext(msgid)
    return text % values if values else text


def said_of(language: str, singular: str, plural: str, count: int, **values) -> str:
    """The catalogue's form of a message with a plural for `count`, its placeholders filled."""
    with translation.override(language):
        return ngettext(singular, plural, count) % values


def in_language(language: str, thing) -> str:
    """`thing` (a label, a date…) as `language` shows it."""
    with translation.override(language):
        return str(thing() if callable(thing) else thing)


def assert_says(language: str, body: str, *msgids, **values) -> None:
    """Each message is in `body` as the language's catalogue has it, and — when the catalogue
    translates it — not in English."""
    for msgid in msgids:
        context, msgid = msgid if isinstance(msgid, tuple) else ("", msgid)
        expected = said(language, msgid, context, **values)
        assert flat(expected) in body, f"{language}: missing {expected!r} (msgid {msgid!r})"
        english = flat(msgid % values if values else msgid)
        if language != "en" and english != flat(expected):
            assert english not in body, f"{language}: English {english!r} leaks"


def assert_only_own_content(language: str, body: str, *texts: str) -> None:
    """The reader's version of each content text is in `body`, no other language's."""
    for text in texts:
        for values in CONTENT:
            if text in values.values():
                for code, other in values.items():
                    if code != language and other != values[language]:
                        assert other not in body, f"{language}: {code} content {other!r} shown"
        assert text in body, f"{language}: content {text!r} missing"


def assert_in_layout(language: str, message, footer: str, *,
                     unsubscribe: str | None = "/unsubscribe/",
                     label: tuple[str, ...] = ("mail link", "Unsubscribe")) -> tuple[str, str]:
    """The mail is in `language` (header, HTML lang) and the platform's layout, with the
    unsubscribe link (its path after the language: `unsubscribe`; its words: `label`, a msgid with
    or without its context) in the headers, the text and the HTML, or, with `unsubscribe=None`, no
    unsubscribe link at all (the HTML's footer says `footer`); returns (text, HTML words)."""
    assert message["Content-Language"] == language
    text, html = flat(plain_text(message)), html_of(message)
    assert page_language(html) == language
    assert said(language, "ECoC-SME Platform") in html and 'role="presentation"' in html  # the platform's layout
    if unsubscribe is None:
        assert "List-Unsubscribe" not in message and "List-Unsubscribe-Post" not in message
        shown = words(html)
        assert_says(language, shown, footer)
        assert said(language, "Unsubscribe", "mail link") not in shown
        return text, shown
    url = unsubscribe_url(message)
    assert path_of(url).startswith(f"/{language}{unsubscribe}")
    assert url in text and f'href="{url}"' in html
    shown = words(html)
    assert_says(language, shown, footer, label if len(label) > 1 else label[0])
    return text, shown


def assert_unsubscribed_in_one_click(language: str, message) -> None:
    """The one-click POST of RFC 8058 (a mail program, no browser language) answers in the
    recipient's language."""
    page = Client().post(path_of(unsubscribe_url(message)), {"List-Unsubscribe": "One-Click"})
    assert page.status_code == 200
    html = page.content.decode()
    assert page_language(html) == language and h1_of(html) == said(language, "You are unsubscribed")


def consent_purpose(language: str, purpose: str) -> str:
    """The consent purpose's label as the unsubscribe page's sentence names it in `language`."""
    with translation.override(language):
        label = str(Consent.Purpose(purpose).label)
    if language != "de":  # inside the sentence, the label reads small except where nouns keep capitals
        label = label[:1].lower() + label[1:]
    return label


def assert_unsubscribe_page(language: str, url: str, purpose: str) -> None:
    """The unsubscribe link opens its page in the mail's language, whatever the browser's, saying
    which mail stops (`purpose`, the words the page's sentence names it with)."""
    for browser in browsers(language):
        page = browser.get(path_of(url))
        assert page.status_code == 200
        html = page.content.decode()
        assert page_language(html) == language, f"the unsubscribe page follows the browser, not {language}"
        assert h1_of(html) == said(language, "Unsubscribe", "heading")
        assert_says(language, words(html), "Stop receiving mail of this kind: %(purpose)s.", purpose=purpose)


# --- labs ---------------------------------------------------------------------------------------------------
def lab_for(partner, *, theme=THEME, questions=QUESTIONS):
    """An open lab that also takes answers by e-mail."""
    return LabFactory(partner=partner, theme=theme, questions=questions, languages=LANGUAGES,
                      reply_to="lab@example.org")


def lab_reader(partner, language: str):
    return StakeholderFactory(partner=partner, name=f"Example Reader {language}",
                              email=f"reader-{language}@example.org", language=language,
                              consents=[Consent.Purpose.CONSULTATIONS])


def lab_mails(staff, partner, smtp_server, language: str, **content):
    """The reader of `language` and the lab's invitation and reminder they received."""
    lab, reader = lab_for(partner, **content), lab_reader(partner, language)
    lab_invitations_create(actor=staff, lab=lab, contacts=[reader])
    lab_invitations_send(actor=staff, lab=lab)
    run_worker()
    lab_reminders_send(actor=staff, lab=lab)
    run_worker()
    mails = mails_to(smtp_server, reader.email)
    assert len(mails) == 2
    return reader, mails


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_lab_invitation_and_its_reminder_in_the_readers_language(staff, partner, smtp_server, language):
    reader, (invitation, reminder) = lab_mails(staff, partner, smtp_server, language)
    theme, questions = THEME[language], [q[language] for q in QUESTIONS]
    subject = said(language, "Your views for %(partner)s: %(theme)s", partner=str(partner), theme=theme)
    assert subject_of(invitation) == subject
    assert subject_of(reminder) == said(language, "Reminder: your views for %(partner)s: %(theme)s",
                                        partner=str(partner), theme=theme)
    for number, message in enumerate((invitation, reminder)):
        text, html = assert_in_layout(language, message,
                                      "You receive this message because you agreed to be consulted.")
        for body in (text, html):
            assert_says(language, body, "Dear %(name)s,", name=reader.name)
            assert_says(language, body, "%(partner)s invites you to a local learning lab of the ECoC-SME "
                        "project on this theme:", partner=str(partner))
            assert_says(language, body, "The questions:", "Thank you.",
                        "You can also reply to this e-mail: number your answers as the questions are numbered.")
            assert_only_own_content(language, body, theme, *questions)
            if number:
                assert_says(language, body, "We have not yet received your answers and would still like "
                            "to hear from you.")
        assert_says(language, text, "Answer with your personal link:",
                    "You receive this message because you agreed to be consulted. Unsubscribe:")
        assert_says(language, html, "Answer with your personal link")

    assert_unsubscribe_page(language, unsubscribe_url(invitation), consent_purpose(language, "consultations"))
    answer_url = link_in(invitation, "/labs/answer/")
    assert path_of(answer_url).startswith(f"/{language}/labs/answer/")
    assert answer_url in html_of(invitation)
    for browser in browsers(language):
        page = browser.get(path_of(answer_url))
        assert page.status_code == 200
        html = page.content.decode()
        assert page_language(html) == language, f"the answer page follows the browser, not {language}"
        heading = heading_of(html)
        assert h1_of(html) == theme and "lang=" not in heading  # in the page's language
        shown = words(html)
        assert_says(language, shown, "Submit my answers", "Save draft")
        assert_only_own_content(language, shown, theme, *(f"{n}. {q}" for n, q in enumerate(questions, 1)))
    assert_unsubscribed_in_one_click(language, reminder)


# --- events -------------------------------------------------------------------------------------------------
def event_for(partner, *, title=TITLE, description=DESCRIPTION, parts=(PART_1, PART_2)):
    """An online event (no venue) tomorrow 13:15–15:30 in Timișoara's zone and all day two days
    later, answers until tomorrow."""
    tomorrow = timezone.now().date() + timedelta(days=1)
    return EventFactory(partner=partner, title=title, description=description, city="", venue="",
                        rsvp_deadline=timezone.now() + timedelta(days=1),
                        sessions=[(tomorrow, time(13, 15), time(15, 30), parts[0]),
                                  (tomorrow + timedelta(days=2), None, None, parts[1])])


def event_reader(partner, language: str, *, email: str | None = None):
    return StakeholderFactory(partner=partner, name=f"Example Reader {language}",
                              email=email or f"reader-{language}@example.org", language=language,
                              consents=[Consent.Purpose.EVENT_INVITATIONS])


def event_invitation_sent(staff, event, reader) -> None:
    event_invitations_create(actor=staff, event=event, contacts=[reader])
    event_invitations_send(actor=staff, event=event)


def vevents_of(calendar: Calendar, event) -> list:
    """The calendar's VEVENTs in the order of the event's sessions, one for each."""
    vevents = {str(vevent["UID"]): vevent for vevent in calendar.walk("VEVENT")}
    ordered = [vevents.pop(session_uid(session)) for session in event.sessions.order_by("position")]
    assert not vevents
    return ordered


def assert_calendar(language: str, calendar: Calendar, event, *, with_link: bool) -> None:
    """SUMMARY, DESCRIPTION and LOCATION in the reader's language; the sessions' dates and times
    in the event's zone."""
    sessions = list(event.sessions.order_by("position"))
    first, second = vevents_of(calendar, event)
    assert str(first["SUMMARY"]) == f"{TITLE[language]} — {PART_1[language]}"
    assert str(second["SUMMARY"]) == f"{TITLE[language]} — {PART_2[language]}"
    for vevent in (first, second):
        description = str(vevent["DESCRIPTION"])
        assert description.startswith(DESCRIPTION[language])
        assert f"/{language}/events/{event.pk}/" in description and f"/{language}/events/" in str(vevent["URL"])
        assert_only_own_content(language, description + str(vevent["SUMMARY"]), TITLE[language],
                                DESCRIPTION[language])
        if with_link:
            assert str(vevent["LOCATION"]) == event.online_url and event.online_url in description
        else:
            assert str(vevent["LOCATION"]) == said(language, "Online")
            assert event.online_url not in description
    start, end = first["DTSTART"].dt, first["DTEND"].dt
    assert str(first["DTSTART"].params["TZID"]) == "Europe/Bucharest"
    assert (start.date(), start.strftime("%H:%M"), end.strftime("%H:%M")) == (sessions[0].day, "13:15", "15:30")
    assert start == sessions[0].starts_at and end == sessions[0].ends_at
    assert second["DTSTART"].dt == sessions[1].day and second["DTEND"].dt == sessions[1].day + timedelta(days=1)
    assert type(second["DTSTART"].dt) is date  # the whole day


EVENT_FOOTER = "You receive this message because you agreed to receive event invitations."


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_event_invitation_its_reminders_and_the_confirmation_in_the_readers_language(
        staff, partner, smtp_server, language):
    event, reader = event_for(partner), event_reader(partner, language)
    title = TITLE[language]
    event_invitation_sent(staff, event, reader)
    run_worker()
    assert event_reminders_send() == {"deadline": 1, "event": 0}  # no answer, the deadline is near
    run_worker()
    invitation, deadline_reminder = mails_to(smtp_server, reader.email)

    assert subject_of(invitation) == said(language, "Invitation: %(title)s", title=title)
    assert subject_of(deadline_reminder) == said(language, "Reminder, please answer: %(title)s", title=title)
    for message, opening in ((invitation, None), (deadline_reminder,
                                                 "We have not yet received your answer to this invitation.")):
        text, html = assert_in_layout(language, message, EVENT_FOOTER)
        for body in (text, html):
            assert_says(language, body, "Dear %(name)s,", name=reader.name)
            if opening is None:
                assert_says(language, body, "%(partner)s invites you to this event of the ECoC-SME project:",
                            partner=str(event.partner))
            else:
                assert_says(language, body, opening)
            assert_says(language, body, "Working language:", "Online: the link is sent to confirmed participants.",
                        "All your events in your calendar program:")
            assert_says(language, body, "English")  # the working language's name
            assert_only_own_content(language, body, title)
            assert event.online_url not in body
        assert_says(language, text, "Your answer (you can change it until the deadline):",
                    "You receive this message because you agreed to receive event invitations. Unsubscribe:")
        assert_says(language, html, "Answer the invitation", "subscribe", "Event page")
    method, calendar = calendar_of(invitation)
    assert method == "PUBLISH" and "ATTENDEE" not in calendar.walk("VEVENT")[0]
    assert_calendar(language, calendar, event, with_link=False)

    assert_unsubscribe_page(language, unsubscribe_url(invitation), consent_purpose(language, "event_invitations"))
    answer_url = link_in(invitation, "/events/answer/")
    assert path_of(answer_url).startswith(f"/{language}/events/answer/")
    for browser in browsers(language):
        page = browser.get(path_of(answer_url))
        assert page.status_code == 200
        html = page.content.decode()
        assert page_language(html) == language, f"the answer page follows the browser, not {language}"
        assert h1_of(html) == title
        assert_says(language, words(html), "Send my answer", "Your answer", "Working language",
                    "Online: the link is sent to confirmed participants.")
        assert_only_own_content(language, words(html), title)
    answered = Client().post(path_of(answer_url), {"answer": "yes"})
    assert answered.status_code == 200 and page_language(answered.content.decode()) == language
    assert_says(language, words(answered.content.decode()),
                "Thank you: your place is confirmed. A confirmation with a calendar file is on its way to you.")
    run_worker()
    assert event_reminders_send() == {"deadline": 0, "event": 1}  # confirmed, the event is near
    run_worker()
    confirmation, event_reminder = mails_to(smtp_server, reader.email)[2:]

    assert subject_of(confirmation) == said(language, "Your place is confirmed: %(title)s", title=title)
    assert subject_of(event_reminder) == said(language, "Soon: %(title)s", title=title)
    for message, opening in ((confirmation, "Thank you: your place is confirmed. The attached calendar file "
                                            "adds the event to your calendar."),
                             (event_reminder, "A reminder: the event you are taking part in is coming soon.")):
        text, html = assert_in_layout(language, message, EVENT_FOOTER)
        for body in (text, html):
            assert_says(language, body, opening, "Online meeting link:")
            assert_only_own_content(language, body, title)
            assert event.online_url in body
        assert_says(language, html, "Change your answer")
    method, calendar = calendar_of(confirmation)
    assert method == "REQUEST" and f"mailto:{reader.email}" in str(calendar.walk("VEVENT")[0]["ATTENDEE"])
    assert_calendar(language, calendar, event, with_link=True)

    # The personal calendar the mail links to, as a calendar program fetches it (no language in
    # the address, no Accept-Language): the events in the reader's language, with the link now.
    feed_url = re.search(r"https?://\S+/calendar/person/\S+\.ics", plain_text(invitation)).group(0)
    assert f'href="{feed_url}"' in html_of(invitation)
    feed = Client().get(path_of(feed_url))
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    assert_calendar(language, Calendar.from_ical(feed.content), event, with_link=True)
    assert_unsubscribed_in_one_click(language, event_reminder)


@pytest.mark.django_db
@pytest.mark.parametrize("language", OTHERS)
def test_the_personal_calendar_is_named_in_the_readers_language(partner, language):
    invitation = EventInvitationFactory(event=event_for(partner), contact=event_reader(partner, language),
                                        answer="yes")
    feed = Client().get(path_of(personal_calendar_url(invitation.contact_id)))
    assert str(Calendar.from_ical(feed.content)["X-WR-CALNAME"]) == said(language, "My ECoC-SME events")


# --- content not given in the reader's language -----------------------------------------------------------
def english_only(values: dict) -> dict:
    return {"en": values["en"]}


ENGLISH_ONLY = {"theme": english_only(THEME), "questions": [english_only(q) for q in QUESTIONS]}


def english_only_event(partner):
    return event_for(partner, title=english_only(TITLE), description=english_only(DESCRIPTION),
                     parts=(english_only(PART_1), english_only(PART_2)))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", OTHERS)
def test_content_given_in_english_only_still_goes_out_in_english(staff, partner, smtp_server, language):
    _reader, (lab_mail, _reminder) = lab_mails(staff, partner, smtp_server, language, **ENGLISH_ONLY)
    event, reader = english_only_event(partner), event_reader(partner, language, email="event-reader@example.org")
    event_invitation_sent(staff, event, reader)
    run_worker()
    (event_mail,) = mails_to(smtp_server, reader.email)
    theme, questions, title = THEME["en"], [q["en"] for q in QUESTIONS], TITLE["en"]
    # (a note saying which language the content is in may follow it)
    assert subject_of(lab_mail).startswith(said(language, "Your views for %(partner)s: %(theme)s",
                                                partner=str(partner), theme=theme))
    assert subject_of(event_mail).startswith(said(language, "Invitation: %(title)s", title=title))
    text, html = assert_in_layout(language, lab_mail, "You receive this message because you agreed to be consulted.")
    for body in (text, html):
        assert_says(language, body, "The questions:", "Thank you.")
        assert theme in body and all(question in body for question in questions)
    text, html = assert_in_layout(language, event_mail, EVENT_FOOTER)
    for body in (text, html):
        assert_says(language, body, "Working language:", "Online: the link is sent to confirmed participants.")
        assert title in body
    first, second = vevents_of(calendar_of(event_mail)[1], event)
    assert str(first["SUMMARY"]) == f"{title} — {PART_1['en']}" and str(second["SUMMARY"]) == f"{title} — {PART_2['en']}"
    assert str(first["DESCRIPTION"]).startswith(DESCRIPTION["en"])
    assert str(first["LOCATION"]) == said(language, "Online")  # a fixed text: the reader's language

    page = Client().get(path_of(link_in(lab_mail, "/labs/answer/"))).content.decode()
    assert page_language(page) == language  # marked as English where it is shown (this page does it)
    assert marked_english(heading_of(page), theme)
    assert all(marked_english(page, question) for question in questions)
    assert_says(language, words(page), "Submit my answers")
    page = Client().get(path_of(link_in(event_mail, "/events/answer/"))).content.decode()
    assert page_language(page) == language and title in h1_of(page)
    assert_says(language, words(page), "Send my answer")


@pytest.mark.django_db
@pytest.mark.parametrize("language", OTHERS)
def test_content_given_in_english_only_is_marked_as_english_in_the_html(staff, partner, language):
    """The mail as the outbox stored it for sending (the test above reads it from the SMTP server)."""
    lab = lab_for(partner, **ENGLISH_ONLY)
    lab_invitations_create(actor=staff, lab=lab, contacts=[lab_reader(partner, language)])
    lab_invitations_send(actor=staff, lab=lab)
    html = OutgoingMail.objects.get(to=f"reader-{language}@example.org").html
    assert marked_english(html, THEME["en"]) and all(marked_english(html, q["en"]) for q in QUESTIONS)
    event = english_only_event(partner)
    event_invitation_sent(staff, event, event_reader(partner, language, email="event-reader@example.org"))
    assert marked_english(OutgoingMail.objects.get(to="event-reader@example.org").html, TITLE["en"])
    page = Client().get(path_of(event.invitations.get().answer_url())).content.decode()
    assert marked_english(heading_of(page), TITLE["en"])


@pytest.mark.django_db
@pytest.mark.parametrize("language", OTHERS)
def test_the_calendar_file_falls_back_as_the_mail_does(partner, language):
    """Content in Romanian, then English: a reader of neither gets English in the calendar file's
    title, parts and description, as in the mail (not the first language stored)."""
    def romanian_then_english(values):
        return {"ro": values["ro"], "en": values["en"]}

    event = event_for(partner, title=romanian_then_english(TITLE), description=romanian_then_english(DESCRIPTION),
                      parts=(romanian_then_english(PART_1), romanian_then_english(PART_2)))
    shown = "ro" if language == "ro" else "en"
    assert event.localized_title(language)[0] == TITLE[shown]  # as the mail and the answer page show it
    calendar = Calendar.from_ical(invitation_calendar(event, language=language, address="reader@example.org",
                                                      name="Example Reader", method="PUBLISH"))
    first, second = vevents_of(calendar, event)
    assert str(first["SUMMARY"]) == f"{TITLE[shown]} — {PART_1[shown]}"
    assert str(second["SUMMARY"]) == f"{TITLE[shown]} — {PART_2[shown]}"
    assert str(first["DESCRIPTION"]).startswith(DESCRIPTION[shown])


# --- the reach: accounts, organisations' profiles, opportunities ---------------------------------------
# Mail to people with an account (not a partner's contacts): in the account's language, whatever
# language the page was in that made it; the platform's layout; an unsubscribe link on the digest
# only (the others answer something the person did or are part of their work).
PLATFORM_FOOTER = "You receive this message from the ECoC-SME Platform."
CONVERSATION_FOOTER = "You receive this message because you take part in this conversation on the ECoC-SME Platform."
TOLD_FOOTER = ("You receive this message because your organisation wishes to be found for opportunities; you are "
               "told of each opportunity once.")
DIGEST_FOOTER = "You receive this digest because you asked for it for your organisation."
KITCHEN = "Banat Kitchen (example)"
CALL = "Catering for the summer festival (example)"
MENUS = "Festival menus for the closing night (example)"


def neighbour(language: str) -> str:
    """Another of the eight languages (the next one): the other side of a conversation reads it."""
    return LANGUAGES[(LANGUAGES.index(language) + 1) % len(LANGUAGES)]


def url_in(message, path: str) -> str:
    """The first address in the mail's text whose path holds `path`, whole."""
    return re.search(rf"https?://\S+{re.escape(path)}\S*", plain_text(message)).group(0)


def assert_opens_in(language: str, url: str, *, user=None, heading: str | None = None) -> str:
    """The page a mail's link opens is in the mail's language, for a browser without a language
    and for one set to another (logged in as `user` when given); returns its words."""
    assert path_of(url).startswith(f"/{language}/")
    for browser in browsers(language):
        if user is not None:
            browser.force_login(user)
        page = browser.get(path_of(url))
        assert page.status_code == 200, (url, page.status_code)
        html = page.content.decode()
        assert page_language(html) == language, f"{url} follows the browser, not {language}"
        if heading is not None:
            assert h1_of(html) == heading
    return words(html)


def assert_account_mail(language: str, message, footer: str, reader, *links: str,
                        unsubscribe: str | None = None, label: tuple[str, ...] = ("mail link", "Unsubscribe")
                        ) -> tuple[str, str]:
    """A mail to `reader`'s account: in `language` and the platform's layout (`assert_in_layout`,
    without an unsubscribe link unless given), greeting the reader by name, with a link for each of
    `links` (its label and a colon before the address in the text, the label as the link's words in
    the HTML); returns (text, HTML words)."""
    text, html = assert_in_layout(language, message, footer, unsubscribe=unsubscribe, label=label)
    for body in (text, html):
        assert_says(language, body, "Dear %(name)s,", name=reader.get_full_name())
    assert_says(language, text, *(f"{link}:" for link in links))
    assert_says(language, html, *links)
    return text, html


@pytest.fixture
def ecoc_title(partner):
    title = EcocTitleFactory(year=2023, city="Timișoara", country="RO")
    partner.ecoc_title = title
    partner.save(update_fields=["ecoc_title"])
    return title


@pytest.fixture
def fresh_matching():
    """The matching's catalogues read afresh (they are kept per process)."""
    matching.forget()
    yield
    matching.forget()


@pytest.fixture
def food(db):
    return NaceDivisionFactory(code="56", title="Food and beverage service activities")


def kitchen_of(partner, food, **fields):
    """A kitchen's profile kept by Timișoara, describing itself, wishing to be found."""
    kitchen = ProfileFactory(partner=partner, name=KITCHEN, findable=True, languages=["en", "ro"], country="RO",
                             city="Timișoara", description="We cook for festivals: buffets for 800 guests, "
                                                           "vegetarian menus, mobile kitchens (example).",
                             capabilities="festival catering\nmobile kitchen", **fields)
    kitchen.sectors.set([food])
    return kitchen


def account(username: str, language: str):
    return UserFactory(username=username, language=language, first_name="Example",
                       last_name=f"Reader {language}")


def speaks_for(organisation, username: str, language: str):
    return representative(organisation, account(username, language))


def with_staff_reading(staff, language: str):
    staff.language = language
    staff.save(update_fields=["language"])
    return staff


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sign_up_confirmation_in_the_language_chosen_on_the_form(smtp_server, language):
    """Signed up on a page in another language, choosing `language` for the account."""
    address = f"newcomer-{language}@example.org"
    page = Client().post(f"/{another_language(language)}/accounts/signup/", {
        "name": "Example Newcomer", "email": address, "password": "a-long-example-passphrase",
        "password_again": "a-long-example-passphrase", "language": language, "accept_privacy": "on"})
    assert page.status_code == 200 and page_language(page.content.decode()) == another_language(language)
    run_worker()
    (message,) = mails_to(smtp_server, address)
    assert subject_of(message) == said(language, "Confirm your account on the ECoC-SME Platform")
    text, html = assert_in_layout(language, message, PLATFORM_FOOTER, unsubscribe=None)
    days = settings.PASSWORD_RESET_TIMEOUT // 86400
    for body in (text, html):
        assert_says(language, body, "Dear %(name)s,", name="Example Newcomer")
        assert_says(language, body, "Thank you for signing up. Follow this link to confirm your account:",
                    "If you did not sign up, ignore this message: without the confirmation, the account is never "
                    "used.")
        assert flat(said_of(language, "The link works for %(days)s day.", "The link works for %(days)s days.",
                            days, days=days)) in body
    assert_says(language, text, "A new one:")
    assert_says(language, html, "Confirm my account", "A new one")
    link = url_in(message, "/accounts/signup/confirm/")
    assert f'href="{link}"' in html_of(message)
    shown = assert_opens_in(language, link, heading=said(language, "Confirm your account"))
    assert_says(language, shown, "Confirm my account")
    assert_opens_in(language, url_in(message, "/accounts/signup/resend/"))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_profiles_verification_and_its_keepers_notices_in_each_readers_language(
        staff, partner, food, smtp_server, language):
    """Declined, then verified: each representative reads it in their language; the keeping
    partner's staff are told of a new description and of a representative's deleted account."""
    staff = with_staff_reading(staff, language)
    kitchen = kitchen_of(partner, food)
    cook, leaving = speaks_for(kitchen, "cook", language), speaks_for(kitchen, "leaving", neighbour(language))
    note = "The website is missing (example)."
    organisation_decline(actor=staff, organisation=kitchen, note=note)
    organisation_verify(actor=staff, organisation=kitchen)
    run_worker()
    for reader in (cook, leaving):
        reading = reader.language
        declined, verified = mails_to(smtp_server, reader.email)
        assert subject_of(declined) == said(reading, "Your organisation's profile was not verified: "
                                                     "%(organisation)s", organisation=KITCHEN)
        assert subject_of(verified) == said(reading, "Your organisation's profile is verified: %(organisation)s",
                                            organisation=KITCHEN)
        for body in assert_account_mail(reading, declined, PLATFORM_FOOTER, reader, "Your organisation's profile"):
            assert_says(reading, body, "The partners' staff did not verify the profile of %(organisation)s. "
                                       "They wrote:", organisation=KITCHEN)
            assert_says(reading, body, "Change the profile and it is looked at again.")
            assert note in body
        for body in assert_account_mail(reading, verified, PLATFORM_FOOTER, reader, "Your organisation's profile"):
            assert_says(reading, body, "The partners' staff verified the profile of %(organisation)s.",
                        organisation=KITCHEN)
        shown = assert_opens_in(reading, url_in(verified, "/my/organisation/"), user=reader,
                                heading=said(reading, "My organisation", "heading"))
        assert KITCHEN in shown
    assert not mails_to(smtp_server, staff.email)

    profile_update(actor=cook, organisation=kitchen, sectors=[food], values={
        "description": "We cook for festivals and fairs: buffets, vegetarian menus (example).",
        "languages": ["en", "ro"]})
    run_worker()
    account_delete(actor=leaving, user=leaving, password=PASSWORD)
    run_worker()
    changed, left = mails_to(smtp_server, staff.email)
    assert subject_of(changed) == said(language, "A verified profile changed: %(organisation)s", organisation=KITCHEN)
    assert subject_of(left) == said(language, "A representative's account of %(organisation)s was deleted",
                                    organisation=KITCHEN)
    for message in (changed, left):
        assert_opens_in(language, url_in(message, "/manage/organisations/"), user=staff,
                        heading=said(language, "Verify %(name)s", name=KITCHEN))
    for body in assert_account_mail(language, changed, PLATFORM_FOOTER, staff, "The organisation's profile"):
        assert_says(language, body, "The representative of %(organisation)s, a profile your partner verified, "
                                    "changed what the profile says the organisation does. It stays verified.",
                    organisation=KITCHEN)
        assert_says(language, body, "Look at it: if it no longer describes the organisation fairly, decline the "
                                    "verification and say why (the representatives are told).")
    for body in assert_account_mail(language, left, PLATFORM_FOOTER, staff, "The organisation's profile"):
        assert_says(language, body, "The account of a representative of %(organisation)s was deleted. The "
                                    "organisation's profile stays, as your partner keeps it.", organisation=KITCHEN)
        assert flat(said_of(language, "It has %(counter)s representative left.",
                            "It has %(counter)s representatives left.", 1, counter=1)) in body


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_interest_its_thread_and_its_status_in_each_sides_language(
        staff, partner, ecoc_title, food, smtp_server, language):
    """The opportunity's side (Timișoara's staff) reads `language`, the kitchen's representative
    another: each mail in its reader's language, the opportunity's title as it was written."""
    staff = with_staff_reading(staff, language)
    kitchen = kitchen_of(partner, food, verified=True)
    cook = speaks_for(kitchen, "cook", neighbour(language))
    call = OpportunityFactory(partner=partner, posted_by=staff, ecoc_title=ecoc_title, title=CALL, sectors=[food])
    interest = interest_express(actor=cook, opportunity=call, organisation=kitchen,
                                message="Four cooks and a mobile kitchen (example).")
    interest_reply(actor=staff, interest=interest, body="Welcome: could you come to a meeting (example)?")
    interest_reply(actor=cook, interest=interest, body="Yes, on Monday (example).")
    interest_set_status(actor=staff, interest=interest, status=Interest.Status.IN_TALKS)
    interest_withdraw(actor=cook, interest=interest)
    run_worker()
    values = {"organisation": KITCHEN, "opportunity": CALL}
    to_poster, to_kitchen = mails_to(smtp_server, staff.email), mails_to(smtp_server, cook.email)
    assert len(to_poster) == 3 and len(to_kitchen) == 2
    (said_mail, poster_message, withdrawn), (kitchen_message, status) = to_poster, to_kitchen
    for reader, message, subject, lead, words_in_it, answer in (
            (staff, said_mail, "%(organisation)s is interested: %(opportunity)s",
             "%(organisation)s is interested in your opportunity “%(opportunity)s” and wrote:",
             "Four cooks and a mobile kitchen (example).", True),
            (cook, kitchen_message, "New message about %(opportunity)s",
             "There is a new message about the interest of %(organisation)s in “%(opportunity)s”:",
             "Welcome: could you come to a meeting (example)?", True),
            (staff, poster_message, "New message about %(opportunity)s",
             "There is a new message about the interest of %(organisation)s in “%(opportunity)s”:",
             "Yes, on Monday (example).", True),
            (cook, status, "Where things stand: %(opportunity)s", None, None, False),
            (staff, withdrawn, "%(organisation)s withdrew its interest: %(opportunity)s",
             "%(organisation)s withdrew its interest in your opportunity “%(opportunity)s”.", None, False)):
        reading = reader.language
        assert subject_of(message) == said(reading, subject, **values)
        thread = "Answer in the thread" if answer else "Open the thread"
        for body in assert_account_mail(reading, message, CONVERSATION_FOOTER, reader, thread):
            if lead is None:  # the status, as the reader's language names it
                assert_says(reading, body, "The opportunity's side says where things stand with the interest of "
                                           "%(organisation)s in “%(opportunity)s”: %(status)s.",
                            status=in_language(reading, Interest.Status.IN_TALKS.label), **values)
            else:
                assert_says(reading, body, lead, **values)
            if words_in_it:
                assert words_in_it in body
        assert marked_english(html_of(message), CALL)  # the title, as it was written
        assert_opens_in(reading, url_in(message, "/opportunities/interests/"), user=reader,
                        heading=said(reading, "Interest of %(organisation)s", organisation=KITCHEN))


MODERATOR_FOOTER = "You receive this message because you moderate this opportunity on the ECoC-SME Platform."
POSTER_FOOTER = ("You receive this message because you posted this opportunity on the ECoC-SME Platform, or "
                 "represent the organisation it was posted for.")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_opportunitys_moderation_in_each_sides_language(staff, partner, ecoc_title, food, smtp_server,
                                                            language):
    """The moderating partner's staff read `language`, the kitchen's representative who posts
    another: sent for review, returned with a note, sent again, published and closed, each side
    reads its mails in its language, the title as it was written, the note as the moderator wrote
    it, a link opening the opportunity's page in the mail's language."""
    staff = with_staff_reading(staff, language)
    kitchen = kitchen_of(partner, food, verified=True)
    cook = speaks_for(kitchen, "cook", neighbour(language))
    note = "Say how many guests each evening (example)."
    call = opportunity_save(actor=cook, opportunity=None, organisation=kitchen, sectors=[food], send=Send.REVIEW,
                            values={"title": CALL, "description": "Food for 600 guests: vegetarian menus, a mobile "
                                                                  "kitchen (example).",
                                    "kind": Opportunity.Kind.TENDER, "ecoc_title": ecoc_title, "language": "en",
                                    "deadline": in_days(40), "contact_name": "Banat Kitchen (example)",
                                    "contact_email": "kitchen@example.org"})
    opportunity_return(actor=staff, opportunity=call, note=note)
    opportunity_submit(actor=cook, opportunity=call)
    opportunity_publish(actor=staff, opportunity=call)
    opportunity_close(actor=staff, opportunity=call, note="The festival found its caterer (example).")
    run_worker()
    values = {"organisation": KITCHEN, "opportunity": CALL}
    to_moderator, to_poster = mails_to(smtp_server, staff.email), mails_to(smtp_server, cook.email)
    assert len(to_moderator) == 2 and len(to_poster) == 3
    (submitted, resubmitted), (returned, published, closed) = to_moderator, to_poster
    for reader, message, subject, lead, quoted, then in (
            (staff, submitted, "Waiting for your review: %(opportunity)s",
             "The opportunity “%(opportunity)s”, posted for %(organisation)s, waits for your review.", None,
             "Read it on its page, then publish it, or return it to the poster with a note saying what to change."),
            (staff, resubmitted, "Sent again for your review: %(opportunity)s",
             "The opportunity “%(opportunity)s”, returned with a note, was sent for your review again.", None,
             "Read it on its page, then publish it, or return it to the poster with a note saying what to change."),
            (cook, returned, "Returned with a note: %(opportunity)s",
             "The moderators returned your opportunity “%(opportunity)s” with this note:", note,
             "Change it as the note asks and send it for review again."),
            (cook, published, "Published: %(opportunity)s",
             "The moderators published your opportunity “%(opportunity)s”: it is in the lists and feeds now, and "
             "organisations may say they are interested.", None, None),
            (cook, closed, "Closed: %(opportunity)s",
             "The moderators closed your opportunity “%(opportunity)s”: it takes no more expressions of interest. "
             "They wrote:", "The festival found its caterer (example).", None)):
        reading = reader.language
        assert subject_of(message) == said(reading, subject, **values)
        moderating = reader == staff
        footer, link = (MODERATOR_FOOTER, "Review the opportunity") if moderating else (POSTER_FOOTER,
                                                                                        "Open the opportunity")
        for body in assert_account_mail(reading, message, footer, reader, link):
            assert_says(reading, body, lead, **values)
            if then:
                assert_says(reading, body, then)
            if quoted:
                assert quoted in body
        assert marked_english(html_of(message), CALL)  # the title, as it was written
        assert_opens_in(reading, url_in(message, f"/opportunities/{call.pk}/"), user=reader, heading=CALL)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_suggested_organisation_and_a_digest_in_each_representatives_language(
        staff, partner, ecoc_title, food, fresh_matching, smtp_server, language):
    """Two representatives of a kitchen, one reading `language`, one another: the poster's side
    tells the kitchen about an opportunity that fits (the reasons, the kind, the deadline in each
    reader's words), and the first representative's weekly digest brings a newer one, with its
    one-click unsubscribe link."""
    kitchen = kitchen_of(partner, food, verified=True)
    profile_embed(kitchen.pk)
    cook, helper = speaks_for(kitchen, "cook", language), speaks_for(kitchen, "helper", neighbour(language))
    call = OpportunityFactory(partner=partner, posted_by=staff, ecoc_title=ecoc_title, title=CALL, sectors=[food],
                              country="RO", city="Timișoara", deadline=in_days(40),
                              published_at=timezone.now() - timedelta(days=30),
                              description="Food for 600 guests: vegetarian menus, a mobile kitchen (example).")
    reach_tell(actor=staff, opportunity=call, organisation=kitchen)
    digest_subscribe(actor=cook, organisation=kitchen, frequency="weekly", consent=True)
    OpportunityFactory(partner=partner, posted_by=staff, ecoc_title=ecoc_title, title=MENUS, sectors=[food],
                       country="RO", city="Timișoara", deadline=in_days(60),
                       published_at=timezone.now() - timedelta(hours=2),
                       description="Vegetarian menus and a buffet for 800 guests (example).")
    assert digests_send() == {"due": 1, "sent": 1}
    run_worker()

    values = {"organisation": KITCHEN}
    kind = Opportunity.Kind.TENDER.label
    for reader in (cook, helper):
        reading = reader.language
        told = mails_to(smtp_server, reader.email)[0]
        assert subject_of(told) == said(reading, "An opportunity that fits %(organisation)s: %(opportunity)s",
                                        opportunity=CALL, **values)
        text, html = assert_account_mail(reading, told, TOLD_FOOTER, reader, "Read the opportunity",
                                         "Change this in your organisation's profile",
                                         unsubscribe="/opportunities/suggestions/stop/",
                                         label=("mail link", "Stop these mails"))
        assert_says(reading, text, "Stop these mails:")
        deadline = in_language(reading, lambda: date_format(call.deadline, "DATE_FORMAT"))
        for body in (text, html):
            assert_says(reading, body, "Those who posted an opportunity on the ECoC-SME Platform think it fits "
                                       "%(organisation)s:", **values)
            assert_says(reading, body, "Deadline: %(deadline)s", deadline=deadline)
            assert_says(reading, body, "Why it fits:", "If it interests you, say so on its page: the "
                                                       "opportunity's side reads your message and answers.")
            assert_says(reading, body, "Works in the sector asked for: %(sectors)s.",
                        sectors="56 Food and beverage service activities")
            assert_says(reading, body, "Based in %(city)s, where the opportunity is.", city="Timișoara")
            assert in_language(reading, kind) in body and CALL in body
        assert marked_english(html_of(told), CALL)
        assert_opens_in(reading, url_in(told, "/opportunities/"), heading=CALL)
        assert_opens_in(reading, url_in(told, "/my/organisation/"), user=reader)
    assert len(mails_to(smtp_server, helper.email)) == 1

    told, digest = mails_to(smtp_server, cook.email)
    assert subject_of(digest) == flat(said_of(language, "%(counter)s new opportunity for %(organisation)s",
                                              "%(counter)s new opportunities for %(organisation)s", 1,
                                              counter=1, **values))
    text, html = assert_account_mail(language, digest, DIGEST_FOOTER, cook,
                                     unsubscribe="/opportunities/digest/unsubscribe/")
    menus = Opportunity.objects.get(title=MENUS)
    deadline = in_language(language, lambda: date_format(menus.deadline, "DATE_FORMAT"))
    first_from = timezone.localtime(DigestSubscription.objects.get().consented_at - timedelta(days=7))
    since = in_language(language, lambda: date_format(first_from, "DATE_FORMAT"))  # a week before subscribing
    for body in (text, html):
        assert_says(language, body, "Opportunities published since %(since)s that fit %(organisation)s:",
                    since=since, **values)
        assert_says(language, body, "Deadline: %(deadline)s", deadline=deadline)
        assert_says(language, body, "How often, or stop: your digest's page")
        assert_says(language, body, "Based in %(city)s, where the opportunity is.", city="Timișoara")
        assert MENUS in body and CALL not in body
    assert marked_english(html_of(digest), MENUS)
    assert_opens_in(language, url_in(digest, f"/opportunities/{menus.pk}/"), heading=MENUS)
    assert_opens_in(language, url_in(digest, f"/my/organisation/{kitchen.pk}/digest/"), user=cook)

    assert_unsubscribe_page(language, unsubscribe_url(digest),
                            said(language, "the digest of new opportunities for %(organisation)s", **values))
    assert_unsubscribed_in_one_click(language, digest)
    assert not DigestSubscription.objects.get(user=cook).is_active
