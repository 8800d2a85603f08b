#!/usr/bin/env python3
"""Build round two of the e-mail reply corpus: replies as people really write them.

Run ``python3 build_round2.py`` in this folder (after ``build_corpus.py``, which deletes every
``NNN_*`` file before it writes round one). It (re)writes, deterministically:

* ``invitations_round2.json``   the invitations of round two (inv-0100 onwards);
* ``NNN_<lang>_<category>-<client>-<what>.eml`` and ``.expected.json`` from 054 onwards;
  a reply split over two mails is ``NNN_a_...`` and ``NNN_b_...``;
* the "Round two" section of ``README.md`` (between its two marker comments);

and then re-reads every file it wrote to check it (parses with ``email.policy.default``, decodes
the bodies, checks that every expected answer is in the decoded text modulo white space and quote
markers). It reuses the helpers of ``build_corpus.py`` (importing it writes nothing).

All people, organisations, addresses and phone numbers are invented; every mail carries an
``X-Example: true`` header. Only the standard library is used.
"""

from __future__ import annotations

import base64
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime, getaddresses, parseaddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import build_corpus as bc  # noqa: E402  (round one's helpers: questions, labs, invitation text, MIME helpers)

EET = bc.EET
CET = bc.CET
FIRST_NUMBER = 54
QUESTIONS = bc.QUESTIONS

CATEGORIES = ["forwarded", "bottom_posted", "local_labels", "ordinal_prose", "split", "non_answer", "classic"]
CLIENTS = [
    "outlook_windows",
    "outlook_mac",
    "outlook_web",
    "outlook_android",
    "outlook_ios",
    "gmail_web",
    "gmail_android",
    "apple_mail",
    "iphone_mail",
    "thunderbird",
    "samsung_email",
    "yahoo",
    "proton",
]
PHONES = {"outlook_android", "outlook_ios", "gmail_android", "iphone_mail", "samsung_email"}

# --------------------------------------------------------------------------------------------
# Invitations of round two
# --------------------------------------------------------------------------------------------

INVITATIONS: list[bc.Invitation] = []


def invite(lang: str, name: str, email: str) -> bc.Invitation:
    inv = bc.Invitation(f"inv-{100 + len(INVITATIONS):04d}", lang, name, email.lower())
    INVITATIONS.append(inv)
    return inv


# --------------------------------------------------------------------------------------------
# Dates, attribution lines and header blocks in the client's language
# --------------------------------------------------------------------------------------------

WD_FULL = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "ro": "luni marți miercuri joi vineri sâmbătă duminică",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "hr": "ponedjeljak utorak srijeda četvrtak petak subota nedjelja",
    "lt": "pirmadienis antradienis trečiadienis ketvirtadienis penktadienis šeštadienis sekmadienis",
    "fi": "maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
}
WD_SHORT = {
    "en": "Mon Tue Wed Thu Fri Sat Sun",
    "ro": "lun. mar. mie. joi vin. sâm. dum.",
    "it": "lun mar mer gio ven sab dom",
    "nl": "ma di wo do vr za zo",
    "hr": "pon uto sri čet pet sub ned",
    "lt": "pr an tr kt pn št sk",
    "fi": "ma ti ke to pe la su",
    "de": "Mo. Di. Mi. Do. Fr. Sa. So.",
}
NOV = {
    "en": "November",
    "ro": "noiembrie",
    "it": "novembre",
    "nl": "november",
    "hr": "studenoga",
    "lt": "lapkričio",
    "fi": "marraskuuta",
    "de": "November",
}


def dfmt(template: str, dt: datetime, lang: str, **kw: str) -> str:
    h12 = dt.hour % 12 or 12
    return template.format(
        wd=WD_SHORT[lang].split()[dt.weekday()],
        WD=WD_FULL[lang].split()[dt.weekday()],
        d=dt.day,
        dd=f"{dt.day:02d}",
        hm=f"{dt.hour}:{dt.minute:02d}",
        hhm=f"{dt.hour:02d}:{dt.minute:02d}",
        hmdot=f"{dt.hour}.{dt.minute:02d}",
        hms=f"{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}",
        h12=h12,
        mm=f"{dt.minute:02d}",
        ampm="AM" if dt.hour < 12 else "PM",
        mon=NOV[lang],
        rfc=format_datetime(dt),
        **kw,
    )


ATTR = {
    "gmail": {
        "en": "On {wd}, {d} Nov 2020 at {hhm}, {name} <{addr}> wrote:",
        "ro": "În {wd}, {d} nov. 2020 la {hhm}, {name} <{addr}> a scris:",
        "it": "Il giorno {wd} {d} nov 2020 alle ore {hhm} {name} <{addr}> ha scritto:",
        "nl": "Op {wd} {d} nov. 2020 om {hhm} schreef {name} <{addr}>:",
        "de": "Am {wd}, {d}. Nov. 2020 um {hhm} Uhr schrieb {name} <{addr}>:",
        "hr": "{wd}, {d}. stu 2020. u {hhm} {name} <{addr}> je napisao:",
        "fi": "{wd} {d}. marrask. 2020 klo {hmdot} {name} ({addr}) kirjoitti:",
        "lt": "2020-11-{dd}, {wd}, {hhm}, {name} <{addr}> rašė:",
    },
    "apple": {
        "en": "On {d} Nov 2020, at {hhm}, {name} <{addr}> wrote:",
        "ro": "Pe {d} nov. 2020, la {hhm}, {name} <{addr}> a scris:",
        "it": "Il giorno {d} nov 2020, alle ore {hhm}, {name} <{addr}> ha scritto:",
        "nl": "Op {d} nov. 2020 om {hhm} heeft {name} <{addr}> het volgende geschreven:",
        "de": "Am {dd}.11.2020 um {hhm} schrieb {name} <{addr}>:",
        "hr": "Dana {d}. stu 2020., u {hhm}, {name} <{addr}> je napisao/la:",
        "fi": "{d}.11.2020 kello {hmdot}, {name} <{addr}> kirjoitti:",
        "lt": "2020-11-{dd} {hhm}, {name} <{addr}> rašė:",
    },
    "thunderbird": {
        "en": "On {dd}/11/2020 {hhm}, {name} wrote:",
        "ro": "Pe {dd}.11.2020 {hhm}, {name} a scris:",
        "it": "Il {dd}/11/20 {hhm}, {name} ha scritto:",
        "nl": "Op {dd}-11-2020 om {hhm} schreef {name}:",
        "de": "Am {dd}.11.20 um {hhm} schrieb {name}:",
        "hr": "Dana {dd}.11.2020. u {hhm}, {name} je napisao:",
        "fi": "{d}.11.2020 klo {hmdot}, {name} kirjoitti:",
        "lt": "2020-11-{dd} {hhm}, {name} rašė:",
    },
    "yahoo": {
        "en": "On {WD}, {d} November 2020, {hms} {tz}, {name} <{addr}> wrote:",
        "it": "Il {WD} {d} novembre 2020, {hms} {tz}, {name} <{addr}> ha scritto:",
        "de": "Am {WD}, {d}. November 2020, {hms} {tz} hat {name} <{addr}> Folgendes geschrieben:",
        "ro": "În {WD}, {d} noiembrie 2020, {hms} {tz}, {name} <{addr}> a scris:",
        "nl": "Op {WD} {d} november 2020 {hms} {tz} schreef {name} <{addr}>:",
        "hr": "{WD}, {d}. studenoga 2020. {hms} {tz}, {name} <{addr}> je napisao:",
        "lt": "{WD}, 2020 m. lapkričio {d} d. {hms} {tz}, {name} <{addr}> rašė:",
        "fi": "{WD} {d}. marraskuuta 2020 {hms} {tz}, {name} <{addr}> kirjoitti:",
    },
    "proton": {
        "en": "\u2010\u2010\u2010\u2010\u2010\u2010\u2010 Original Message \u2010\u2010\u2010\u2010\u2010\u2010\u2010\n"
        "On {WD}, November {d}, 2020 {h12}:{mm} {ampm}, {name} <{addr}> wrote:",
    },
}

# Outlook's header block: labels From, Sent, To, Subject (Cc) and how the date is printed.
OUTLOOK_DATE = {
    "en": "{WD}, {mon} {d}, 2020 {h12}:{mm} {ampm}",
    "ro": "{WD}, {d} {mon} 2020 {hhm}",
    "it": "{WD} {d} {mon} 2020 {hhm}",
    "nl": "{WD} {d} {mon} 2020 {hhm}",
    "hr": "{WD}, {d}. {mon} 2020. {hhm}",
    "de": "{WD}, {d}. {mon} 2020 {hhm}",
    "fi": "{WD} {d}. {mon} 2020 {hmdot}",
    "lt": "2020 m. {mon} {d} d., {WD} {hhm}",
}
OUTLOOK_MAC = {  # Outlook for Mac prints "Date" and a different date
    "en": ("From", "Date", "To", "Subject", "{WD}, {d} {mon} 2020 at {hhm}"),
    "de": ("Von", "Datum", "An", "Betreff", "{WD}, {d}. {mon} 2020 um {hhm}"),
    "nl": ("Van", "Datum", "Aan", "Onderwerp", "{WD} {d} {mon} 2020 om {hhm}"),
    "it": ("Da", "Data", "A", "Oggetto", "{WD} {d} {mon} 2020 {hhm}"),
    "fi": ("Lähettäjä", "Päivämäärä", "Vastaanottaja", "Aihe", "{WD} {d}. {mon} 2020 klo {hmdot}"),
    "ro": ("De la", "Dată", "Către", "Subiect", "{WD}, {d} {mon} 2020, {hhm}"),
    "hr": ("Od", "Datum", "Prima", "Predmet", "{WD}, {d}. {mon} 2020. u {hhm}"),
    "lt": ("Nuo", "Data", "Kam", "Tema", "2020 m. {mon} {d} d., {WD} {hhm}"),
}
SAMSUNG = {  # Samsung Email's header above the (unquoted) original
    "en": ("-------- Original message --------", "From", "Date", "To", "Subject"),
    "de": ("-------- Ursprüngliche Nachricht --------", "Von", "Datum", "An", "Betreff"),
    "ro": ("-------- Mesaj original --------", "De la", "Dată", "Către", "Subiect"),
    "it": ("-------- Messaggio originale --------", "Da", "Data", "A", "Oggetto"),
    "nl": ("-------- Oorspronkelijk bericht --------", "Van", "Datum", "Aan", "Onderwerp"),
    "hr": ("-------- Izvorna poruka --------", "Od", "Datum", "Prima", "Predmet"),
    "lt": ("-------- Originalus laiškas --------", "Nuo", "Data", "Kam", "Tema"),
    "fi": ("-------- Alkuperäinen viesti --------", "Lähettäjä", "Päivämäärä", "Vastaanottaja", "Aihe"),
}
GMAIL_FWD = {  # Gmail's forward header: the first two labels are translated, Date/Subject/To are not
    "en": ("---------- Forwarded message ---------", "From", "On"),
    "de": ("---------- Weitergeleitete Nachricht ---------", "Von", "de"),
    "ro": ("---------- Forwarded message ---------", "De la", "ro"),
    "it": ("---------- Messaggio inoltrato ---------", "Da", "it"),
    "nl": ("---------- Doorgestuurd bericht ---------", "Van", "nl"),
    "hr": ("---------- Proslijeđena poruka ---------", "Od", "hr"),
    "lt": ("---------- Persiųstas laiškas ---------", "Nuo", "lt"),
    "fi": ("---------- Välitetty viesti ---------", "Lähettäjä", "fi"),
}
GMAIL_FWD_DATE = {
    "en": "{wd}, {d} Nov 2020 at {hhm}",
    "ro": "{wd}, {d} nov. 2020 la {hhm}",
    "it": "{wd} {d} nov 2020 alle ore {hhm}",
    "nl": "{wd} {d} nov. 2020 om {hhm}",
    "de": "{wd}, {d}. Nov. 2020 um {hhm} Uhr",
    "hr": "{wd}, {d}. stu 2020. u {hhm}",
    "fi": "{wd} {d}. marrask. 2020 klo {hmdot}",
    "lt": "2020-11-{dd}, {wd}, {hhm}",
}
APPLE_FWD = {
    "en": ("Begin forwarded message:", "From", "Subject", "Date", "To", "{d} November 2020 at {hms} {tz}"),
    "de": (
        "Anfang der weitergeleiteten Nachricht:",
        "Von",
        "Betreff",
        "Datum",
        "An",
        "{d}. November 2020 um {hms} {tz}",
    ),
    "nl": (
        "Begin doorgestuurd bericht:",
        "Van",
        "Onderwerp",
        "Datum",
        "Aan",
        "{d} november 2020 om {hms} {tz}",
    ),
    "it": ("Inizio messaggio inoltrato:", "Da", "Oggetto", "Data", "A", "{d} novembre 2020 {hms} {tz}"),
    "ro": (
        "Început mesaj redirecționat:",
        "De la",
        "Subiect",
        "Dată",
        "Către",
        "{d} noiembrie 2020, {hms} {tz}",
    ),
    "hr": (
        "Početak proslijeđene poruke:",
        "Od",
        "Predmet",
        "Datum",
        "Za",
        "{d}. studenoga 2020. u {hms} {tz}",
    ),
    "lt": ("Pradžia persiųsto laiško:", "Nuo", "Tema", "Data", "Kam", "2020 m. lapkričio {d} d. {hms} {tz}"),
    "fi": (
        "Välitetty viesti alkaa:",
        "Lähettäjä",
        "Aihe",
        "Päiväys",
        "Vastaanottaja",
        "{d}. marraskuuta 2020 klo {hms} {tz}",
    ),
}
TB_FWD = {
    "en": ("-------- Forwarded Message --------", "Subject", "Date", "From", "To"),
    "de": ("-------- Weitergeleitete Nachricht --------", "Betreff", "Datum", "Von", "An"),
    "nl": ("-------- Doorgestuurd bericht --------", "Onderwerp", "Datum", "Van", "Aan"),
    "it": ("-------- Messaggio Inoltrato --------", "Oggetto", "Data", "Mittente", "A"),
    "ro": ("-------- Mesaj redirecționat --------", "Subiect", "Dată", "De la", "Către"),
    "hr": ("-------- Proslijeđena poruka --------", "Predmet", "Datum", "Od", "Za"),
    "lt": ("-------- Persiųstas laiškas --------", "Tema", "Data", "Nuo", "Kam"),
    "fi": ("-------- Välitetty viesti --------", "Aihe", "Päivämäärä", "Lähettäjä", "Vastaanottaja"),
}
OUTLOOK_FWD_PREFIX = {
    "en": "FW: ",
    "de": "WG: ",
    "nl": "Doorst: ",
    "fi": "VS: ",
    "lt": "PD: ",
    "hr": "Proslijeđeno: ",
    "it": "I: ",
    "ro": "FW: ",
}
OUTLOOK_RE_PREFIX = {
    "en": "RE: ",
    "de": "AW: ",
    "nl": "RE: ",
    "fi": "Vs: ",
    "lt": "RE: ",
    "hr": "RE: ",
    "it": "R: ",
    "ro": "RE: ",
}
TZ_NAME = {
    "en": "EET",
    "ro": "EET",
    "lt": "EET",
    "fi": "UTC+2",
    "de": "MEZ",
    "it": "CET",
    "nl": "CET",
    "hr": "CET",
}

PHONE_FOOTER = {
    "iphone_mail": {
        "en": "Sent from my iPhone",
        "ro": "Trimis de pe iPhone-ul meu",
        "it": "Inviato da iPhone",
        "nl": "Verstuurd vanaf mijn iPhone",
        "hr": "Poslano s mog iPhonea",
        "lt": "Išsiųsta iš „iPhone“",
        "fi": "Lähetetty iPhonesta",
        "de": "Von meinem iPhone gesendet",
    },
    "samsung_email": {
        "en": "Sent from my Samsung Galaxy smartphone.",
        "ro": "Trimis de pe smartphone-ul meu Samsung Galaxy.",
        "it": "Inviato dal mio smartphone Samsung Galaxy.",
        "nl": "Verzonden vanaf mijn Samsung Galaxy-smartphone.",
        "hr": "Poslano s mog Samsung Galaxy pametnog telefona.",
        "lt": "Išsiųsta iš mano „Samsung Galaxy“ išmaniojo telefono.",
        "fi": "Lähetetty Samsung Galaxy -älypuhelimesta.",
        "de": "Von meinem Samsung Galaxy Smartphone gesendet.",
    },
    "outlook_android": {
        "en": "Get Outlook for Android",
        "ro": "Obțineți Outlook pentru Android",
        "it": "Scarica Outlook per Android",
        "nl": "Outlook voor Android downloaden",
        "hr": "Preuzmite Outlook za Android",
        "lt": "Gaukite „Outlook“, skirtą „Android“",
        "fi": "Hanki Outlook for Android",
        "de": "Outlook für Android herunterladen",
    },
    "outlook_ios": {
        "en": "Get Outlook for iOS",
        "ro": "Obțineți Outlook pentru iOS",
        "it": "Scarica Outlook per iOS",
        "nl": "Outlook voor iOS downloaden",
        "hr": "Preuzmite Outlook za iOS",
        "lt": "Gaukite „Outlook“, skirtą „iOS“",
        "fi": "Hanki Outlook for iOS",
        "de": "Outlook für iOS herunterladen",
    },
}
INVITE_SENT = datetime(2020, 11, 3, 10, 15, 0)


def lab_time(lang: str, dt: datetime | None = None) -> datetime:
    return (dt or INVITE_SENT).replace(tzinfo=bc.LABS[lang].tz)


def attribution(client: str, ui: str, name: str, addr: str, dt: datetime) -> str:
    """The line (or block) a client writes above what it quotes."""
    fam = family(client)
    if fam in ("gmail", "apple", "thunderbird", "yahoo"):
        return dfmt(ATTR[fam][ui], dt, ui, name=name, addr=addr, tz=TZ_NAME[ui])
    if fam == "proton":
        return dfmt(ATTR["proton"]["en"], dt, "en", name=name, addr=addr)
    raise ValueError(client)


def outlook_header(
    client: str, ui: str, frm: str, to: str, subject: str, dt: datetime, cc: str | None = None
) -> list[tuple[str, str]]:
    """Outlook's From/Sent/To/Subject block as (label, value) pairs."""
    if client == "outlook_mac":
        f, d, t, s, date_t = OUTLOOK_MAC[ui]
    else:
        f, d, t, _cc, s = (*bc.OUTLOOK_LABELS[ui][:3], "Cc", bc.OUTLOOK_LABELS[ui][3])
        date_t = OUTLOOK_DATE[ui]
    rows = [(f, frm), (d, dfmt(date_t, dt, ui)), (t, to)]
    if cc:
        rows.append(("Cc", cc))
    rows.append((s, subject))
    return rows


def samsung_header(ui: str, frm: str, to: str, subject: str, dt: datetime) -> str:
    sep, f, d, t, s = SAMSUNG[ui]
    off = dt.strftime("%z")
    return f"{sep}\n{f}: {frm}\n{d}: {dt:%d.%m.%Y} {dt:%H:%M} (GMT{off[:3]}:{off[3:]})\n{t}: {to}\n{s}: {subject}"


def forward_header(client: str, ui: str, frm: str, to: str, subject: str, dt: datetime) -> str:
    """The block a client writes at the top of a forwarded message (plain text)."""
    fam = family(client)
    if fam == "gmail":
        sep, f, _ = GMAIL_FWD[ui]
        return f"{sep}\n{f}: {frm}\nDate: {dfmt(GMAIL_FWD_DATE[ui], dt, ui)}\nSubject: {subject}\nTo: {to}\n"
    if fam == "apple":
        sep, f, s, d, t, dt_t = APPLE_FWD[ui]
        date = dfmt(dt_t, dt, ui, tz=TZ_NAME[ui])
        return f"{sep}\n\n{f}: {frm}\n{s}: {subject}\n{d}: {date}\n{t}: {to}\n"
    if fam == "thunderbird":
        sep, s, d, f, t = TB_FWD[ui]
        return f"\n\n{sep}\n{s}: \t{subject}\n{d}: \t{format_datetime(dt)}\n{f}: \t{frm}\n{t}: \t{to}\n"
    if fam == "samsung":
        return samsung_header(ui, frm, to, subject, dt)
    if fam == "outlook":
        rows = outlook_header(client, ui, frm, to, subject, dt)
        return "\n".join(f"{k}: {v}" for k, v in rows)
    raise ValueError(client)


def family(client: str) -> str:
    if client.startswith("outlook"):
        return "outlook"
    if client.startswith("gmail"):
        return "gmail"
    if client in ("apple_mail", "iphone_mail"):
        return "apple"
    if client == "samsung_email":
        return "samsung"
    return client


# --------------------------------------------------------------------------------------------
# Bodies: a mail is a list of parts; each client renders them as text and as HTML
# --------------------------------------------------------------------------------------------
# ("t", text)   what the sender typed (answers, greeting, signature)
# ("a", text)   attribution line of a quote ("On ... wrote:")
# ("h", rows)   Outlook header block, rows = [(label, value), ...]; "hsep" adds the separator
# ("q", text)   quoted text: "> " in plain text where the client quotes that way, else as it is
# ("f", text)   a forwarded or Outlook-style original shown as it is (not quoted)
# ("fh", text)  the header block of a forwarded message (Gmail, Apple, Thunderbird, Samsung)


def flowed(text: str, width: int = 72, prefix: str = "") -> str:
    """format=flowed: long lines broken after a space, the space kept at the end of the line."""
    out = []
    for line in text.split("\n"):
        if not line:
            out.append(prefix.rstrip())
            continue
        if len(prefix + line) <= width + 6:
            out.append(prefix + line)
            continue
        cur = ""
        for word in line.split(" "):
            if cur and len(prefix + cur + " " + word) > width:
                out.append(prefix + cur + " ")
                cur = word
            else:
                cur = word if not cur else cur + " " + word
        out.append(prefix + cur)
    return "\n".join(out)


def quote_lines(text: str, client: str) -> str:
    if family(client) == "thunderbird":
        return flowed(text, prefix="> ")
    return bc.quote(text)


def render_plain(parts: list, client: str, flow: bool = False) -> str:
    fam = family(client)
    out: list[str] = []
    for kind, val in parts:
        if kind == "t":
            out.append(flowed(val) if flow else val)
        elif kind == "a":
            out.append(val)
        elif kind in ("h", "hsep"):
            block = "\n".join(f"{k}: {v}" for k, v in val)
            out.append(("_" * 32 + "\n" + block) if kind == "hsep" else block)
        elif kind == "q":
            if fam in ("outlook", "samsung"):
                out.append(val)
            else:
                q = quote_lines(val, client)
                if fam == "thunderbird" and out and parts and out[-1] and not out[-1].endswith("\n"):
                    # Thunderbird puts the quote right under its attribution line
                    out[-1] = out[-1] + "\n" + q
                    continue
                out.append(q)
        elif kind in ("f", "fh"):
            out.append(val)
        else:
            raise ValueError(kind)
    return "\n\n".join(out) + "\n"


def esc(text: str, charset: str = "utf-8") -> str:
    return bc.html_chars(text, charset).replace("\xa0", "&nbsp;")


def lines_div(text: str, charset: str, empty: str = "<div><br></div>", cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    out = []
    for line in text.split("\n"):
        if not line.strip():
            out.append(empty)
        else:
            e = esc(line, charset)
            e = re.sub(r"(https://[^\s<]+)", r'<a href="\1">\1</a>', e)
            out.append(f"<div{c}>{e}</div>")
    return "".join(out)


def render_html(parts: list, client: str, charset: str = "utf-8") -> str:
    fam = family(client)
    if fam == "outlook" and client != "outlook_web":
        return outlook_html(parts, client, charset)
    if fam == "outlook":
        return owa_html(parts, charset)
    out: list[str] = []
    i = 0
    while i < len(parts):
        kind, val = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else (None, None)
        if kind == "t":
            if fam == "gmail":
                out.append('<div dir="ltr">' + lines_div(val, charset) + "</div>")
            elif fam == "apple":
                out.append(
                    lines_div(val, charset, '<div class=""><br class=""></div>', "")
                    if client == "apple_mail"
                    else lines_div(val, charset)
                )
            elif fam == "thunderbird":
                out.append(
                    "<p>"
                    + "<br>\n".join(esc(x, charset) for x in val.split("\n")).replace(
                        "<br>\n<br>\n", "</p>\n<p>"
                    )
                    + "</p>\n"
                )
            elif fam == "yahoo":
                out.append('<div class="ydp-body" dir="ltr">' + lines_div(val, charset) + "</div>")
            else:
                out.append(
                    '<div dir="auto">' + lines_div(val, charset, '<div dir="auto"><br></div>') + "</div>"
                )
            i += 1
            continue
        if kind in ("a", "fh") and nxt[0] in ("q", "f"):
            head = "<br>".join(esc(x, charset) for x in val.strip("\n").split("\n"))
            body = lines_div(nxt[1], charset)
            if fam == "gmail" and kind == "a":
                out.append(
                    f'<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">{head}<br></div>'
                    '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid '
                    f'rgb(204,204,204);padding-left:1ex">{body}</blockquote></div>\n'
                )
            elif fam == "gmail":
                out.append(
                    f'<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">{head}<br></div><br>{body}</div>\n'
                )
            elif fam == "apple" and kind == "a":
                out.append(
                    f'<div><br><blockquote type="cite"><div>{head}</div><br class="Apple-interchange-newline">{body}</blockquote></div>\n'
                )
            elif fam == "apple":
                out.append(
                    f'<div><br><blockquote type="cite"><div>{head}</div><br>{body}</blockquote></div>\n'
                )
            elif fam == "thunderbird" and kind == "a":
                out.append(
                    f'<div class="moz-cite-prefix">{head}<br></div>\n<blockquote type="cite">{body}</blockquote>\n'
                )
            elif fam == "thunderbird":
                out.append(f'<div class="moz-forward-container">{head}<br><br>{body}</div>\n')
            elif fam == "yahoo":
                out.append(
                    f'<div class="yahoo_quoted"><div class="yahoo_quoted_attr">{head}</div><blockquote>{body}</blockquote></div>\n'
                )
            elif fam == "samsung":
                out.append(
                    f'<div dir="auto"><br></div><div align="left" dir="auto" style="font-size:100%;color:#000000">{head}</div><div>{body}</div>\n'
                )
            else:  # proton
                out.append(
                    f'<div class="protonmail_quote">{head}<br><blockquote class="protonmail_quote" type="cite">{body}</blockquote></div>\n'
                )
            i += 2
            continue
        # anything else: plain lines
        text = val if isinstance(val, str) else "\n".join(f"{k}: {v}" for k, v in val)
        out.append(lines_div(text, charset))
        i += 1
    body = "".join(out)
    if fam == "apple":
        return (
            f'<html><head><meta http-equiv="content-type" content="text/html; charset={charset}"></head>'
            '<body style="word-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;" dir="auto">'
            f"{body}</body></html>\n"
        )
    if fam == "thunderbird":
        return (
            f'<html>\n  <head>\n    <meta http-equiv="Content-Type" content="text/html; charset={charset}">\n  </head>\n'
            f"  <body>\n{body}  </body>\n</html>\n"
        )
    if fam in ("samsung", "yahoo", "proton"):
        return f"<html><head></head><body>{body}</body></html>\n"
    return body + "\n"


def outlook_rows_html(rows: list[tuple[str, str]], charset: str) -> str:
    inner = "<br>\n".join(f"<b>{esc(k, charset)}:</b> {esc(v, charset)}" for k, v in rows)
    return (
        '<div>\n<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\n'
        f"<p class=MsoNormal>{inner}<o:p></o:p></p>\n</div>\n</div>\n"
    )


def outlook_html(parts: list, client: str, charset: str) -> str:
    body = bc.OUTLOOK_HEAD.format(charset=charset, bodylang="EN-US")
    for kind, val in parts:
        if kind == "t":
            body += bc.mso_lines(val, charset)
        elif kind in ("h", "hsep"):
            body += bc.mso_p("", charset) + outlook_rows_html(val, charset)
        elif kind in ("q", "f", "a", "fh"):
            for line in val.split("\n"):
                if "https://" in line:
                    e = re.sub(r"(https://\S+)", r'<a href="\1">\1</a>', esc(line, charset))
                    body += f"<p class=MsoNormal>{e}<o:p></o:p></p>\n"
                else:
                    body += bc.mso_p(line, charset)
    return body + "</div>\n</body>\n</html>\n"


def owa_html(parts: list, charset: str) -> str:
    out = [
        f'<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
        '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\n</head>\n<body dir="ltr">\n'
    ]
    for kind, val in parts:
        if kind == "t":
            out.append(
                '<div style="font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">'
                + lines_div(val, charset)
                + "</div>\n"
            )
        elif kind in ("h", "hsep"):
            inner = "<br>\n".join(f"<b>{esc(k, charset)}:</b> {esc(v, charset)}" for k, v in val)
            out.append(
                '<hr style="display:inline-block;width:98%" tabindex="-1">\n<div id="divRplyFwdMsg" dir="ltr">'
                f'<font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">{inner}</font>'
                "<div>&nbsp;</div>\n</div>\n"
            )
        else:
            out.append("<div>" + lines_div(val, charset) + "</div>\n")
    return "".join(out) + "</body>\n</html>\n"


# --------------------------------------------------------------------------------------------
# Messages in the style of each client
# --------------------------------------------------------------------------------------------


def thread_index(key: str) -> str:
    return base64.b64encode(bytes.fromhex(bc.hid(key, "ti", n=44))).decode()


def client_headers(client: str, key: str, lang: str, subject_plain: str) -> list[tuple[str, str]]:
    lang_tag = {
        "en": "en-GB",
        "ro": "ro-RO",
        "it": "it-IT",
        "nl": "nl-NL",
        "hr": "hr-HR",
        "lt": "lt-LT",
        "fi": "fi-FI",
        "de": "de-DE",
    }[lang]
    topic = bc.subject_value(re.sub(r"^\S+: ", "", subject_plain))
    if client == "outlook_windows":
        return [
            ("Thread-Topic", topic),
            ("Thread-Index", thread_index(key)),
            ("X-MS-Has-Attach", ""),
            ("X-MS-TNEF-Correlator", ""),
            ("Content-Language", lang_tag),
            ("X-Mailer", "Microsoft Outlook 16.0"),
        ]
    if client == "outlook_web":
        return [
            ("Thread-Topic", topic),
            ("Thread-Index", thread_index(key)),
            ("Content-Language", lang_tag),
            ("X-MS-Exchange-Organization-SCL", "-1"),
            ("x-ms-publictraffictype", "Email"),
        ]
    if client == "outlook_mac":
        return [
            ("User-Agent", "Microsoft-MacOutlook/16.43.20110804"),
            ("Thread-Topic", topic),
            ("Thread-Index", thread_index(key)),
        ]
    if client in ("outlook_android", "outlook_ios"):
        return [("Thread-Topic", topic), ("Thread-Index", thread_index(key)), ("Content-Language", lang_tag)]
    if client == "apple_mail":
        return [("X-Mailer", "Apple Mail (2.3608.120.23.2.4)")]
    if client == "iphone_mail":
        return [("X-Mailer", "iPhone Mail (18A393)")]
    if client == "thunderbird":
        return [
            (
                "User-Agent",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101 Thunderbird/78.4.3",
            ),
            ("Content-Language", lang_tag[:2]),
        ]
    if client == "yahoo":
        return [("X-Mailer", "WebService/1.1.16944 YMailNorrin Mozilla/5.0 (Windows NT 10.0; Win64; x64)")]
    return []


def client_mid(client: str, key: str, domain: str) -> str:
    fam = family(client)
    if fam == "gmail":
        return bc.mid_gmail(key)
    if client == "outlook_mac":
        return bc.mid_apple(key + "mac", domain)
    if fam == "outlook":
        return bc.mid_outlook(key)
    if fam == "apple":
        return bc.mid_apple(key, domain)
    if fam == "thunderbird":
        return bc.mid_thunderbird(key, domain)
    if fam == "samsung":
        return bc.mid_thunderbird(key + "s", "email.android.com")
    if fam == "yahoo":
        return f"<{int(bc.hid(key, 'y1', n=8), 16)}.{int(bc.hid(key, 'y2', n=6), 16)}.16044{int(bc.hid(key, 'y3', n=5), 16) % 100000:05d}@mail.yahoo.example.com>"
    return f"<{base64.urlsafe_b64encode(bytes.fromhex(bc.hid(key, 'pm', n=48))).decode()}=@protonmail.example.com>"


BOUNDARY = {"gmail": "gmail", "outlook": "outlook", "apple": "apple", "thunderbird": "thunderbird"}


@dataclass
class Person:
    name: str
    email: str

    @property
    def domain(self) -> str:
        return self.email.split("@")[1]


def build(
    client: str,
    key: str,
    *,
    sender: Person,
    inv: bc.Invitation,
    subject: str,
    date: datetime,
    parts: list,
    mode: str = "alt",
    charset: str = "utf-8",
    cte: str = "quoted-printable",
    html_cte: str | None = None,
    irt: str | None = None,
    refs: str | None = None,
    to: str | None = None,
    cc: str | None = None,
    extra: list[tuple[str, str]] | None = None,
    flow: bool = False,
    hdr_charset: str = "UTF-8",
    hdr_enc: str = "Q",
) -> EmailMessage:
    """One mail as `client` writes it. mode: "plain", "alt" (text + HTML) or "html" (HTML only)."""
    lab = inv.lab
    lang = inv.lang
    subj = (
        bc.subject_value(subject)
        if hdr_charset == "UTF-8"
        else bc.ew(bc.fit(subject, hdr_charset), hdr_charset, hdr_enc)
    )
    m = bc.new_msg(
        key=key,
        from_=bc.mailbox(sender.name, sender.email, hdr_charset, hdr_enc),
        to=to or bc.mailbox(lab.sender_name, lab.mailbox, hdr_charset, hdr_enc),
        subject=subj,
        date=date,
        msgid=client_mid(client, key, sender.domain),
        irt=irt,
        refs=refs,
        client_ip=int(bc.hid(key, "ip", n=2), 16) % 200 + 20,
        extra=client_headers(client, key, lang, subject) + (extra or []),
        cc=cc,
    )
    text = (
        bc.fit(render_plain(parts, client, flow), charset)
        if charset != "utf-8"
        else render_plain(parts, client, flow)
    )
    params = {"format": "flowed"} if flow else None
    if mode in ("plain", "alt"):
        if params:
            m.set_content(text, charset=charset, cte=cte, params=params)
        else:
            m.set_content(text, charset=charset, cte=cte)
    if mode in ("alt", "html"):
        page = render_html(parts, client, charset)
        if mode == "alt":
            m.add_alternative(page, subtype="html", charset=charset, cte=html_cte or cte)
        else:
            m.set_content(page, subtype="html", charset=charset, cte=html_cte or cte)
    bc.set_boundaries(m, key, BOUNDARY.get(family(client), "generic"))
    return m


def quoted_invitation(client: str, ui: str, inv: bc.Invitation, to_name: str | None = None) -> list:
    """The parts a client adds under a reply to the invitation."""
    fam = family(client)
    lab = inv.lab
    sent = lab_time(inv.lang)
    if fam == "outlook":
        to = to_name or inv.name
        rows = outlook_header(client, ui, f"{lab.sender_name} <{lab.mailbox}>", to, inv.subject, sent)
        return [
            (
                "hsep" if client in ("outlook_web", "outlook_android", "outlook_ios", "outlook_mac") else "h",
                rows,
            ),
            ("f", inv.text()),
        ]
    if fam == "samsung":
        return [
            (
                "fh",
                samsung_header(
                    ui, f"{lab.sender_name} <{lab.mailbox}>", f"{inv.name} <{inv.email}>", inv.subject, sent
                ),
            ),
            ("f", inv.text()),
        ]
    return [("a", attribution(client, ui, lab.sender_name, lab.mailbox, sent)), ("q", inv.text())]


# --------------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------------


@dataclass
class Case:
    lang: str  # the questionnaire's language
    category: str
    client: str
    what: str
    msg: EmailMessage | bytes
    sender: str
    answers: dict[str, str]
    notes: str
    invitation: bc.Invitation
    language: str | None = None
    is_answer: bool = True
    flags: list[str] = field(default_factory=list)
    invitation_mid: str | None = None
    token: str | None = None
    crlf: bool = False
    split: dict | None = None
    part: str = ""  # "a" / "b" for split mails


CASES: list[Case] = []
_SPLIT_GROUPS: dict[str, list[Case]] = {}


def add(*cases: Case) -> None:
    for c in cases:
        assert c.category in CATEGORIES, c.category
        assert c.client in CLIENTS, c.client
        if c.language is None:
            c.language = c.lang
        auto = []
        if c.is_answer and len(c.answers) < 7 and "partial" not in c.flags:
            auto.append("partial")
        if c.language != c.lang and "different_language" not in c.flags:
            auto.append("different_language")
        c.flags = [*c.flags, *auto]
    if len(cases) == 2:
        a, b = cases
        group = f"{a.lang}-{a.invitation.id}"
        merged = {**a.answers, **b.answers}
        merged = {k: merged[k] for k in sorted(merged, key=int)}
        for n, c in enumerate(cases, 1):
            c.split = {"group": group, "part": n, "merged": merged}
            c.part = "ab"[n - 1]
    CASES.append(cases if len(cases) == 2 else cases[0])  # type: ignore[arg-type]


def rdate(lang: str, day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2020, 11, day, hour, minute, second, tzinfo=bc.LABS[lang].tz)


def numbered(answers: dict[str, str], fmt: str, sep: str = "\n\n") -> str:
    return sep.join(fmt.format(n=k) + v for k, v in answers.items())


def reply(
    client: str,
    key: str,
    inv: bc.Invitation,
    top: str,
    *,
    ui: str | None = None,
    sender: Person | None = None,
    bottom: str | None = None,
    date: datetime,
    subject_prefix: str | None = None,
    footer: bool = True,
    **kw,
) -> EmailMessage:
    """A reply to the invitation: `top` above the quote, `bottom` (if any) under it."""
    ui = ui or inv.lang
    sender = sender or Person(inv.name, inv.email)
    foot = PHONE_FOOTER.get(client, {}).get(ui) if footer else None
    parts: list = []
    if top:
        parts.append(("t", top + (f"\n\n{foot}" if foot and bottom is None else "")))
    elif foot and bottom is None:
        parts.append(("t", foot))
    parts += quoted_invitation(client, ui, inv)
    if bottom is not None:
        parts.append(("t", bottom + (f"\n\n{foot}" if foot else "")))
    if subject_prefix is None:
        subject_prefix = OUTLOOK_RE_PREFIX[ui] if family(client) == "outlook" else "Re: "
    kw.setdefault("irt", inv.message_id)
    kw.setdefault("refs", inv.message_id)
    return build(
        client,
        key,
        sender=sender,
        inv=inv,
        subject=subject_prefix + inv.subject,
        date=date,
        parts=parts,
        **kw,
    )


# ############################################################################################
# The cases, one section per questionnaire language
# ############################################################################################

# ============================================================================================
# Romanian questionnaire (Timișoara 2021)
# ============================================================================================


def fwd_block(client: str, ui: str, frm: str, to: str, subject: str, dt: datetime, body: str) -> list:
    """The parts of a forwarded message as `client` shows it (header block + the message, unquoted)."""
    if family(client) == "outlook":
        kind = "h" if client == "outlook_windows" else "hsep"
        return [(kind, outlook_header(client, ui, frm, to, subject, dt)), ("f", body)]
    return [("fh", forward_header(client, ui, frm, to, subject, dt)), ("f", body)]


def with_answers_under(inv: bc.Invitation, answers: dict[str, str], lead: str = "") -> str:
    """The invitation text with answers typed under the questions (as people do in a forward)."""
    lines = []
    for line in inv.text().split("\n"):
        lines.append(line)
        m = re.match(r"(\d)\. ", line)
        if m and m.group(1) in answers:
            lines.append(lead + answers[m.group(1)])
            lines.append("")
    return "\n".join(lines)


def ro_cases() -> None:
    lab = "ro"
    # --- forwarded (a): the invitee forwards her colleague's reply (Gmail, Fwd: Re: Fwd:)
    inv = invite(lab, "Daniela Moldovan", "daniela.moldovan@ceramica-lugoj.example.ro")
    col = Person("Sorin Pavel", "sorin.pavel@ceramica-lugoj.example.ro")
    t1 = rdate(lab, 3, 11, 2)
    t2 = rdate(lab, 4, 16, 37)
    A = {
        "1": "Cred că prin oameni pe care îi cunosc deja. Noi am aflat de program abia anul ăsta, dintr-un articol. Dacă ne suna cineva de la Cameră ne convingea mai repede.",
        "2": "Facebook, grupul de WhatsApp al producătorilor din zona Lugoj, târgurile de meșteșuguri.",
        "3": "Nu. Sincer, nici noi nu știam că putem participa ca firmă.",
        "5": "Întrebându-ne direct. Un formular scurt, 5 întrebări, nu 40.",
        "7": "Dacă văd că e ceva concret de vândut sau de produs. Noi am face bucuros o serie de căni cu identitatea Timișoara 2021, dar nu știm cui să ne adresăm pentru drepturi.",
    }
    fwd1 = "Sorin, poți răspunde tu la astea? Eu nu am timp săptămâna asta. Mersi!\n\nDana"
    inner_quote = (
        fwd1
        + "\n\n"
        + forward_header(
            "gmail_web",
            lab,
            f"{inv.lab.sender_name} <{inv.lab.mailbox}>",
            f"{inv.name} <{inv.email}>",
            inv.subject,
            lab_time(lab),
        )
        + "\n"
        + inv.text()
    )
    col_text = (
        "Salut Dana,\n\nuite ce am scris, vezi dacă e ok:\n\n"
        + numbered(A, "{n}. ")
        + "\n\nRestul nu știu, completează tu dacă vrei.\n\nSorin"
        + "\n\n"
        + attribution("gmail_web", lab, inv.name, inv.email, t1)
        + "\n\n"
        + bc.quote(inner_quote)
    )
    note = "Bună ziua,\n\nvă trimit mai jos răspunsurile colegului meu Sorin, el se ocupă de producție și cunoaște mai bine subiectul. Eu sunt de acord cu ce a scris.\n\nCu drag,\nDaniela Moldovan\nCeramica Lugoj SRL"
    parts = [("t", note)] + fwd_block(
        "gmail_web",
        lab,
        f"{col.name} <{col.email}>",
        f"{inv.name} <{inv.email}>",
        "Re: Fwd: " + inv.subject,
        t2,
        col_text,
    )
    k = "r2ro01"
    mid_f1, mid_r = bc.mid_gmail(k + "f1"), bc.mid_gmail(k + "r")
    m = build(
        "gmail_web",
        k,
        sender=Person(inv.name, inv.email),
        inv=inv,
        subject="Fwd: Re: Fwd: " + inv.subject,
        date=rdate(lab, 5, 8, 12),
        parts=parts,
        irt=mid_r,
        refs=f"{inv.message_id} {mid_f1} {mid_r}",
    )
    add(
        Case(
            lab,
            "forwarded",
            "gmail_web",
            "fwd-re-fwd-colleague-answers",
            m,
            inv.email,
            A,
            "Variant (a): the invitee forwards her colleague's reply; the answers are the colleague's '1.' list inside the Gmail 'Forwarded message' block, "
            "the forwarder's note and the colleague's remark 'Restul nu știu' are not answers; References carry the invitation's id; the link is quoted twice deep.",
            inv,
            invitation_mid=inv.message_id,
            token=inv.token,
        )
    )

    # --- forwarded (b): colleague answers inside the forwarded invitation, Outlook FW: FW:
    inv = invite(lab, "Marius Ionescu", "marius.ionescu@bega-logistic.example.ro")
    col = Person("Alina Roman", "alina.roman@bega-logistic.example.ro")
    A = {
        "1": "Prin exemple de firme care au câștigat ceva concret.",
        "2": "LinkedIn și newsletterul ADETIM.",
        "3": "Foarte puțin, cel puțin în logistică.",
        "4": "Transport pentru evenimente, depozitare pentru decoruri, parteneriate pe termen lung cu operatorii culturali.",
        "6": "Un singur calendar online cu toate apelurile și termenele.",
        "7": "Facilități fiscale locale (ex. reducere la taxa pe clădiri pentru spațiile puse la dispoziție).",
    }
    t_fw1 = rdate(lab, 3, 10, 48)
    inner = (
        "Alina, te rog să completezi tu, direct sub întrebări, și să trimiți la adresa lor.\n\nMarius\n\n"
        + "\n".join(
            f"{k}: {v}"
            for k, v in outlook_header(
                "outlook_windows",
                lab,
                f"{inv.lab.sender_name} <{inv.lab.mailbox}>",
                inv.name,
                inv.subject,
                lab_time(lab),
            )
        )
        + "\n\n"
        + with_answers_under(inv, A, lead=">> ")
    )
    A = dict(A)
    note = "Bună ziua,\n\nvă redirecționez chestionarul completat (răspunsurile sunt marcate cu >> sub fiecare întrebare). La întrebarea 5 nu avem o părere.\n\nCu stimă,\nAlina Roman\nOffice manager | Bega Logistic SRL\nTel. 0256 000 312"
    parts = [("t", note)] + fwd_block(
        "outlook_windows",
        lab,
        f"{inv.name} <{inv.email}>",
        f"{col.name} <{col.email}>",
        "FW: " + inv.subject,
        t_fw1,
        inner,
    )
    m = build(
        "outlook_windows",
        "r2ro02",
        sender=col,
        inv=inv,
        subject="FW: FW: " + inv.subject,
        date=rdate(lab, 6, 13, 5),
        parts=parts,
    )
    add(
        Case(
            lab,
            "forwarded",
            "outlook_windows",
            "fw-fw-answers-under-questions",
            m,
            col.email,
            A,
            "Variant (b): the invitee forwarded the invitation to a colleague, who typed the answers under each question (prefixed '>> ') inside the forwarded text "
            "and forwarded it on; From is the colleague, no In-Reply-To; the invitation is the invitee's, found by the token in the forwarded link; the note 'La întrebarea 5 nu avem o părere' is not an answer.",
            inv,
            token=inv.token,
            crlf=True,
        )
    )

    # --- bottom_posted: Thunderbird, flowed, answers after the whole quote
    inv = invite(lab, "Cosmin Barbu", "cosmin.barbu@fablab-tm.example.ro")
    A = {
        "1": "Cu un limbaj de business, nu cultural. Cifre: câți vizitatori, câți bani cheltuiesc, în ce perioade.",
        "2": "Meetup-uri, LinkedIn, podcasturile locale de antreprenoriat și, foarte important, contabilii: ei vorbesc cu patronii în fiecare lună.",
        "3": "Cele din industriile creative da, restul nu. Am întrebat la un eveniment de networking în octombrie: din 30 de oameni, 4 știau ce înseamnă concret CEaC pentru ei.",
        "4": "Hackathoane, ateliere deschise în fabrici și ateliere (open house), produse co-brand, voluntariat de competențe (pro bono) pentru operatorii culturali mici.",
        "5": "Focus grupuri pe domenii și o hartă online a sectorului creativ pe care fiecare își poate adăuga firma.",
        "6": "Un ghid de o pagină per tip de finanțare. Și o persoană de contact care răspunde la telefon.",
        "7": "Concursuri cu premii mici dar rapide și promovarea câștigătorilor în programul oficial.",
    }
    bottom = (
        "Bună ziua,\n\nrăspunsurile mele, în ordine:\n\n"
        + numbered(A, "{n}) ")
        + "\n\nO zi bună,\nCosmin\n\n-- \nCosmin Barbu\nFabLab Timișoara (example)\nhttps://fablab-tm.example.ro"
    )
    m = reply(
        "thunderbird",
        "r2ro03",
        inv,
        "",
        bottom=bottom,
        date=rdate(lab, 4, 21, 30),
        flow=True,
        mode="plain",
        cte="8bit",
    )
    add(
        Case(
            lab,
            "bottom_posted",
            "thunderbird",
            "answers-after-whole-quote-flowed",
            m,
            inv.email,
            A,
            "Bottom-posted: Thunderbird 'Pe 03.11.2020 10:15, ... a scris:' on top, the whole invitation quoted, then greeting and '1)'..'7)' answers; format=flowed (soft breaks inside long answers), 8bit; '-- ' signature with a link.",
            inv,
            invitation_mid=inv.message_id,
            token=inv.token,
        )
    )

    # --- bottom_posted: iPhone, no diacritics, short answers under the quote
    inv = invite(lab, "Raluca Stan", "raluca.stan@yahoo.example.com")
    A = {
        "1": "mai simplu, fara termeni ca legacy si engagement",
        "2": "instagram si tiktok pt cei tineri",
        "3": "nu prea",
        "6": "o aplicatie cu notificari",
    }
    bottom = "1 " + A["1"] + "\n2 " + A["2"] + "\n3 " + A["3"] + "\n6 " + A["6"] + "\nrest nu stiu sincer\nR"
    m = reply("iphone_mail", "r2ro04", inv, "", bottom=bottom, date=rdate(lab, 3, 19, 4), mode="plain")
    add(
        Case(
            lab,
            "bottom_posted",
            "iphone_mail",
            "short-lowercase-under-quote",
            m,
            inv.email,
            A,
            "Bottom-posted from an iPhone: Apple attribution and the quote first, then four one-line answers '1 ...' (number and a space, no punctuation, no capitals, no diacritics); 'rest nu stiu sincer' is a remark, not an answer to 7; 'Trimis de pe iPhone-ul meu' at the very end.",
            inv,
            invitation_mid=inv.message_id,
            token=inv.token,
        )
    )

    # --- local_labels: Outlook web, mixed labels, P.S.
    inv = invite(lab, "Gabriela Dinu", "gabriela.dinu@asociatia-pod.example.org")
    A = {
        "1": "Mesaje scurte, cu un singur apel la acțiune. Și în limba română, nu în engleză – „open call” nu înseamnă nimic pentru un brutar.",
        "2": "Radio Timișoara, presa locală online, grupurile de cartier de pe Facebook.",
        "3": "Nu, sau foarte vag.",
        "4": "Achiziții de la furnizori locali pentru toate evenimentele din program, cu o cotă minimă (de ex. 30%).",
        "5": "Întâlniri pe cartiere, nu doar în centru.",
        "6": "nu avem o idee clară aici",
        "7": "Granturi mici, de 1.000-5.000 euro, cu raportare simplă.",
    }
    top = (
        "Bună ziua,\n\ncâteva răspunsuri din partea asociației:\n\n"
        f"Răspuns la 1: {A['1']}\n\nad 2 - {A['2']}\n\nad 3 - {A['3']}\n\n"
        f"La întrebarea 4: {A['4']}\n\n5) {A['5']}\n\n6 - {A['6']}\n\n7 - {A['7']}\n\n"
        "P.S. Ne-ar interesa și rezultatele consultării, dacă le publicați.\n\n"
        "Mulțumesc,\nGabriela Dinu\nPreședinte, Asociația POD (example)"
    )
    m = reply("outlook_web", "r2ro05", inv, top, date=rdate(lab, 5, 12, 40))
    add(
        Case(
            lab,
            "local_labels",
            "outlook_web",
            "raspuns-la-ad-mixed-ps",
            m,
            inv.email,
            A,
            "Labels change inside one mail: 'Răspuns la 1:', 'ad 2 -' (lowercase), 'La întrebarea 4:', '5)', '6 -' and '7 -'; answer 6 'nu avem o idee clară aici' (we have no clear idea) IS an answer; the 'P.S.' line belongs to no answer; Outlook on the web HTML with divRplyFwdMsg.",
            inv,
            invitation_mid=inv.message_id,
            token=inv.token,
        )
    )

    # --- local_labels: Samsung phone, "Intrebarea nr." / "la punctul"
    inv = invite(lab, "Florin Mureșan", "florin.muresan@gmail.example.com")
    A = {
        "2": "Whatsapp si grupurile de pe Facebook. Mailurile de la primarie ajung in spam 😅",
        "3": "Nu stiu sigur, cred ca nu.",
        "4": "Targuri cu produse locale in timpul evenimentelor",
        "7": "Sa fie invitate direct, personal.",
    }
    top = (
        f"Salut\nIntrebarea nr. 2 - {A['2']}\nIntrebarea nr. 3 - {A['3']}\nLa punctul 4: {A['4']}\n"
        f"Pct. 7 {A['7']}\nFlorin"
    )
    m = reply("samsung_email", "r2ro06", inv, top, date=rdate(lab, 7, 9, 58), mode="alt", cte="base64")
    add(
        Case(
            lab,
            "local_labels",
            "samsung_email",
            "intrebarea-nr-la-punctul",
            m,
            inv.email,
            A,
            "Phone reply without blank lines: 'Intrebarea nr. 2 -', 'La punctul 4:', 'Pct. 7' labels, no diacritics, an emoji; Samsung Email header '-------- Mesaj original --------' above the unquoted invitation; base64 multipart/alternative.",
            inv,
            invitation_mid=inv.message_id,
            token=inv.token,
        )
    )

    # --- ordinal_prose: Gmail, paragraphs naming the questions
    inv = invite(lab, "Ovidiu Șerban", "ovidiu.serban@universitate-vest.example.ro")
    A = {
        "1": "cred că mesajul trebuie construit pe beneficii concrete și transmis de oameni din mediul de afaceri, nu de instituții. Un antreprenor ascultă de alt antreprenor.",
        "2": "canalele existente sunt suficiente dacă sunt folosite coordonat: Camera de Comerț, clusterele, incubatoarele universitare.",
        "3": "Din studiile noastre (un sondaj pe 212 firme, 2019), doar 18% dintre respondenți puteau numi un proiect concret din program.",
        "5": "propun o cartografiere anuală a sectorului creativ, făcută de universitate împreună cu primăria, cu date publice.",
        "7": "nu cred în stimulente financiare mari; mai eficiente sunt vizibilitatea și accesul la publicul internațional.",
    }
    top = (
        "Stimată echipă,\n\nvă scriu în numele Centrului de cercetare în economie creativă.\n\n"
        f"În ceea ce privește prima întrebare, {A['1']}\n\n"
        f"Referitor la a doua întrebare, {A['2']}\n\n"
        f"Legat de a treia întrebare: {A['3']}\n\n"
        f"Pentru întrebarea a cincea, {A['5']}\n\n"
        "Despre cooperare și accesul la informație am scris pe larg în raportul atașat anul trecut, nu mai reiau aici.\n\n"
        f"Cât despre ultima întrebare, {A['7']}\n\n"
        "Cu stimă,\nConf. univ. dr. Ovidiu Șerban\nUniversitatea de Vest (example)"
    )
    m = reply("gmail_web", "r2ro07", inv, top, date=rdate(lab, 6, 17, 22))
    add(
        Case(
            lab,
            "ordinal_prose",
            "gmail_web",
            "prima-a-doua-ultima-intrebare",
            m,
            inv.email,
            A,
            "Paragraphs naming the questions: 'În ceea ce privește prima întrebare,', 'Referitor la a doua întrebare,', 'Legat de a treia întrebare:', 'Pentru întrebarea a cincea,', 'Cât despre ultima întrebare,' (= 7); "
            "the paragraph on cooperation and information names no question and answers none (4 and 6 stay empty).",
            inv,
            invitation_mid=inv.message_id,
            token=inv.token,
        )
    )

    # --- ordinal_prose: Apple Mail HTML only, a phrase as its own sentence
    inv = invite(lab, "Irina Popa", "irina@studio-irina-popa.example.ro")
    A = {
        "1": "Povești. Nu broșuri, nu strategii, ci povești scurte despre oameni care au făcut ceva cu programul.",
        "3": "nu, în niciun caz. Eu lucrez cu 20 de ateliere mici și niciunul nu a fost contactat.",
        "4": "Atelierele ar putea găzdui vizitatori în anul evenimentului: ateliere deschise, cu program comun și o hartă. Costă puțin și aduce oameni.",
        "6": "e nevoie de un om, nu de un site.",
    }
    top = (
        "Bună ziua,\n\nîncerc să răspund pe scurt.\n\n"
        f"Prima întrebare. {A['1']}\n\n"
        f"La a treia întrebare răspunsul meu e simplu: {A['3']}\n\n"
        f"A patra întrebare:\n{A['4']}\n\n"
        f"Și despre a șasea: {A['6']}\n\n"
        "Numai bine,\nIrina\n\nStudio Irina Popa – design textil (example)"
    )
    m = reply("apple_mail", "r2ro08", inv, top, date=rdate(lab, 8, 11, 3), mode="html")
    add(
        Case(
            lab,
            "ordinal_prose",
            "apple_mail",
            "html-only-phrase-as-sentence",
            m,
            inv.email,
            A,
            "HTML-only Apple Mail (<blockquote type=\"cite\">); 'Prima întrebare.' and 'A patra întrebare:' are sentences of their own (the answer is what follows, on the same line or the next); "
            "'La a treia întrebare răspunsul meu e simplu:' and 'Și despre a șasea:' lead into the answer.",
            inv,
            invitation_mid=inv.message_id,
            token=inv.token,
            flags=["html_only"],
        )
    )

    # --- split: Gmail Android, part 2 "am uitat", answers 2 again
    inv = invite(lab, "Vlad Georgescu", "vlad.georgescu@gmail.example.com")
    A1 = {
        "1": "Prin parteneri locali de încredere (Camera, clustere).",
        "2": "LinkedIn.",
        "3": "Nu.",
    }
    top = "Buna ziua,\n\n" + numbered(A1, "{n}. ", "\n") + "\n\nRevin cu restul diseara.\n\nVlad"
    m1 = reply("gmail_android", "r2ro09a", inv, top, date=rdate(lab, 4, 13, 15))
    A2 = {
        "2": "LinkedIn, dar si Instagram si evenimentele de la Cluj/Timisoara Startup Week.",
        "4": "Parteneriate pe evenimente, sponsorizari mici.",
        "5": "Un formular online + 2-3 intalniri.",
        "6": "nu am idee.",
        "7": "Granturi si vizibilitate.",
    }
    top2 = (
        "Revin cu restul, am uitat de câteva:\n\n"
        + numbered({"4": A2["4"], "5": A2["5"], "7": A2["7"]}, "{n}. ", "\n")
        + f"\n\nȘi la 2 completez: {A2['2']}\n\nLa 6 {A2['6']}\n\nVlad"
    )
    p1_mid = bc.mid_gmail("r2ro09a")
    parts = [
        ("t", top2),
        ("a", attribution("gmail_android", lab, "Vlad Georgescu", inv.email, rdate(lab, 4, 13, 15))),
        (
            "q",
            render_plain([("t", top)] + quoted_invitation("gmail_android", lab, inv), "gmail_android").rstrip(
                "\n"
            ),
        ),
    ]
    m2 = build(
        "gmail_android",
        "r2ro09b",
        sender=Person(inv.name, inv.email),
        inv=inv,
        subject="Re: " + inv.subject,
        date=rdate(lab, 4, 21, 47),
        parts=parts,
        irt=p1_mid,
        refs=f"{inv.message_id} {p1_mid}",
    )
    add(
        Case(
            lab,
            "split",
            "gmail_android",
            "first-three-then-rest",
            m1,
            inv.email,
            A1,
            "Part 1 of 2: three short '1.' answers on consecutive lines and 'Revin cu restul diseara' (not an answer).",
            inv,
            invitation_mid=inv.message_id,
            token=inv.token,
        ),
        Case(
            lab,
            "split",
            "gmail_android",
            "rest-and-question-2-again",
            m2,
            inv.email,
            A2,
            "Part 2 of 2, a reply to his own part 1 (In-Reply-To = part 1, References = invitation + part 1): answers 4, 5, 7 and 'Și la 2 completez:' which answers 2 again (merged keeps the later text); "
            "'La 6 nu am idee.' IS an answer (like 'nu știu'); the quote holds part 1 and the invitation two levels deep.",
            inv,
            invitation_mid=inv.message_id,
            token=inv.token,
        ),
    )

    # --- non_answer: out-of-office with Auto-Submitted, Outlook
    inv = invite(lab, "Adrian Lazăr", "adrian.lazar@transtim.example.ro")
    text = (
        "Bună ziua,\n\nVă mulțumesc pentru mesaj. Sunt în concediu în perioada 2-13 noiembrie, cu acces limitat la e-mail. "
        "Pentru urgențe vă rog să o contactați pe colega mea, Elena Vasile (elena.vasile@transtim.example.ro).\n\n"
        "Cu stimă,\nAdrian Lazăr"
    )
    m = build(
        "outlook_windows",
        "r2ro11",
        sender=Person(inv.name, inv.email),
        inv=inv,
        subject="Răspuns automat: " + inv.subject,
        date=rdate(lab, 3, 10, 15, 41),
        parts=[("t", text)],
        irt=inv.message_id,
        refs=inv.message_id,
        extra=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
    )
    add(
        Case(
            lab,
            "non_answer",
            "outlook_windows",
            "ooo-raspuns-automat",
            m,
            inv.email,
            {},
            "Exchange out-of-office 'Răspuns automat:' 41 seconds after the invitation, Auto-Submitted: auto-replied; names a colleague and an address; no quote.",
            inv,
            is_answer=False,
            flags=["auto_reply"],
            invitation_mid=inv.message_id,
        )
    )

    # --- non_answer: signature only (Yahoo)
    inv = invite(lab, "Nicoleta Radu", "nicoleta_radu@yahoo.example.com")
    top = "\n--\nNicoleta Radu\nContabil autorizat\nTel. 0744 000 921"
    m = reply("yahoo", "r2ro12", inv, top, date=rdate(lab, 9, 7, 33))
    add(
        Case(
            lab,
            "non_answer",
            "yahoo",
            "signature-only",
            m,
            inv.email,
            {},
            "Sent by mistake: only the signature above the Yahoo quote ('În marți, 3 noiembrie 2020, 10:15:00 EET, ... a scris:'); not an answer, no flag.",
            inv,
            is_answer=False,
            invitation_mid=inv.message_id,
            token=inv.token,
        )
    )


ro_cases()

# ============================================================================================
# Helpers for the sections below
# ============================================================================================


def std(
    lab: str,
    key: str,
    client: str,
    category: str,
    what: str,
    inv: bc.Invitation,
    answers: dict,
    notes: str,
    *,
    top: str = "",
    bottom: str | None = None,
    date: datetime,
    flags=(),
    language: str | None = None,
    sender: Person | None = None,
    crlf: bool = False,
    is_answer: bool = True,
    **kw,
) -> None:
    """A reply to the invitation, registered as a case (invitation found by headers and link)."""
    m = reply(client, key, inv, top, bottom=bottom, date=date, sender=sender, **kw)
    ids = f"{kw.get('irt', inv.message_id)} {kw.get('refs', inv.message_id)}"
    add(
        Case(
            lab,
            category,
            client,
            what,
            m,
            (sender or Person(inv.name, inv.email)).email,
            answers,
            notes,
            inv,
            language=language,
            flags=list(flags),
            is_answer=is_answer,
            crlf=crlf,
            invitation_mid=inv.message_id if inv.message_id in ids else None,
            token=inv.token,
        )
    )


def colleague_reply_text(
    inner_client: str,
    lab: str,
    inv: bc.Invitation,
    col_text: str,
    fwd_note: str,
    fwd_date: datetime,
    colleague: str = "",
) -> str:
    """What the colleague sent back to the invitee: answers above the invitee's forward of the invitation."""
    lb = inv.lab
    fwd = forward_header(
        inner_client,
        lab,
        f"{lb.sender_name} <{lb.mailbox}>",
        f"{inv.name} <{inv.email}>",
        inv.subject,
        lab_time(lab),
    )
    if family(inner_client) == "outlook":
        rows = outlook_header(
            inner_client,
            lab,
            f"{inv.name} <{inv.email}>",
            colleague,
            OUTLOOK_FWD_PREFIX[lab] + inv.subject,
            fwd_date,
        )
        head = "\n".join(f"{k}: {v}" for k, v in rows)
        return f"{col_text}\n\n{head}\n\n{fwd_note}\n\n{fwd.strip()}\n\n{inv.text()}"
    attr = attribution(inner_client, lab, inv.name, inv.email, fwd_date)
    return f"{col_text}\n\n{attr}\n\n" + bc.quote(f"{fwd_note}\n\n{fwd.strip()}\n\n{inv.text()}")


def forwarded_colleague(
    lab: str,
    key: str,
    client: str,
    inner_client: str,
    what: str,
    inv: bc.Invitation,
    col: Person,
    answers: dict,
    notes: str,
    *,
    note: str,
    col_text: str,
    fwd_note: str,
    dates: tuple,
    language: str | None = None,
    crlf: bool = False,
    mode: str = "alt",
    **kw,
) -> None:
    """Variant (a): the invitee forwards to the lab the reply in which a colleague answered."""
    d_fwd, d_col, d_out = dates
    inner = colleague_reply_text(
        inner_client, lab, inv, col_text, fwd_note, d_fwd, f"{col.name} <{col.email}>"
    )
    subj_in = (
        ("RE: " if family(inner_client) == "outlook" else "Re: ")
        + (OUTLOOK_FWD_PREFIX[lab] if family(inner_client) == "outlook" else "Fwd: ")
        + inv.subject
    )
    parts = [
        ("t", note),
        *fwd_block(
            client, lab, f"{col.name} <{col.email}>", f"{inv.name} <{inv.email}>", subj_in, d_col, inner
        ),
    ]
    prefix = OUTLOOK_FWD_PREFIX[lab] if family(client) == "outlook" else "Fwd: "
    irt = refs = None
    if family(client) == "gmail":  # Gmail keeps the thread: the forward names the messages before it
        m_f, m_r = bc.mid_gmail(key + "f"), bc.mid_gmail(key + "r")
        irt, refs = m_r, f"{inv.message_id} {m_f} {m_r}"
    m = build(
        client,
        key,
        sender=Person(inv.name, inv.email),
        inv=inv,
        subject=prefix + subj_in,
        date=d_out,
        parts=parts,
        irt=irt,
        refs=refs,
        mode=mode,
        **kw,
    )
    add(
        Case(
            lab,
            "forwarded",
            client,
            what,
            m,
            inv.email,
            answers,
            notes,
            inv,
            language=language,
            crlf=crlf,
            invitation_mid=inv.message_id if refs else None,
            token=inv.token,
        )
    )


def forwarded_on(
    lab: str,
    key: str,
    client: str,
    what: str,
    inv: bc.Invitation,
    col: Person,
    answers: dict,
    notes: str,
    *,
    note: str,
    fwd_note: str,
    dates: tuple,
    under: str | None = None,
    language: str | None = None,
    mode: str = "alt",
    crlf: bool = False,
    **kw,
) -> None:
    """Variant (b): the invitee forwarded the invitation to a colleague, who forwards it on to the lab
    with the answers in `note` (above) or typed under the questions (`under` = the line prefix)."""
    d_fwd, d_out = dates
    lb = inv.lab
    body = with_answers_under(inv, answers, under) if under is not None else inv.text()
    inner_fwd = fwd_block(
        client,
        lab,
        f"{lb.sender_name} <{lb.mailbox}>",
        f"{inv.name} <{inv.email}>",
        inv.subject,
        lab_time(lab),
        "",
    )
    inner = (
        fwd_note
        + "\n\n"
        + render_plain([(k, v) for k, v in inner_fwd[:-1]], client).strip("\n")
        + "\n\n"
        + body
    )
    prefix = OUTLOOK_FWD_PREFIX[lab] if family(client) == "outlook" else "Fwd: "
    parts = [
        ("t", note),
        *fwd_block(
            client,
            lab,
            f"{inv.name} <{inv.email}>",
            f"{col.name} <{col.email}>",
            prefix + inv.subject,
            d_fwd,
            inner,
        ),
    ]
    m = build(
        client,
        key,
        sender=col,
        inv=inv,
        subject=prefix + prefix + inv.subject,
        date=d_out,
        parts=parts,
        mode=mode,
        **kw,
    )
    add(
        Case(
            lab,
            "forwarded",
            client,
            what,
            m,
            col.email,
            answers,
            notes,
            inv,
            language=language,
            crlf=crlf,
            token=inv.token,
        )
    )


def split_pair(
    lab: str,
    key: str,
    client: str,
    inv: bc.Invitation,
    *,
    top1: str,
    a1: dict,
    top2: str,
    a2: dict,
    what: tuple,
    notes: tuple,
    dates: tuple,
    quote_first: bool = True,
    language: str | None = None,
    mode: str = "alt",
    **kw,
) -> None:
    """One person's answers over two mails; part 2 replies to part 1 (quoting it) or to the invitation again."""
    me = Person(inv.name, inv.email)
    m1 = reply(client, key + "a", inv, top1, date=dates[0], mode=mode, **kw)
    p1 = client_mid(client, key + "a", me.domain)
    if quote_first and family(client) not in ("outlook", "samsung"):
        inner = render_plain([("t", top1), *quoted_invitation(client, lab, inv)], client).rstrip("\n")
        parts = [("t", top2), ("a", attribution(client, lab, inv.name, inv.email, dates[0])), ("q", inner)]
        m2 = build(
            client,
            key + "b",
            sender=me,
            inv=inv,
            subject="Re: " + inv.subject,
            date=dates[1],
            parts=parts,
            irt=p1,
            refs=f"{inv.message_id} {p1}",
            mode=mode,
            **kw,
        )
    else:
        m2 = reply(client, key + "b", inv, top2, date=dates[1], mode=mode, **kw)
    add(
        Case(
            lab,
            "split",
            client,
            what[0],
            m1,
            inv.email,
            a1,
            notes[0],
            inv,
            language=language,
            invitation_mid=inv.message_id,
            token=inv.token,
        ),
        Case(
            lab,
            "split",
            client,
            what[1],
            m2,
            inv.email,
            a2,
            notes[1],
            inv,
            language=language,
            invitation_mid=inv.message_id,
            token=inv.token,
        ),
    )


def read_receipt(
    lab: str, key: str, inv: bc.Invitation, *, subject: str, human: str, date: datetime, ua: str
) -> bytes:
    """A read receipt (multipart/report; report-type=disposition-notification), as bytes."""
    b = f"----=_NextPart_{bc.hid(key, 'mdn', n=12, upper=True)}"
    me = inv.email
    lb = inv.lab
    head = (
        f"Received: from mail.{me.split('@')[1]}\n\t(mail.{me.split('@')[1]} [192.0.2.{int(bc.hid(key, 'ip', n=2), 16) % 200 + 20}])\n"
        f"\tby mx.{bc.PLATFORM} (Postfix) with ESMTPS id {bc.hid(key, 'rcv', n=10, upper=True)}\n\tfor <{lb.mailbox}>; {format_datetime(date)}\n"
        f"From: {bc.mailbox(inv.name, me)}\nTo: {bc.mailbox(lb.sender_name, lb.mailbox)}\nSubject: {bc.subject_value(subject)}\n"
        f"Date: {format_datetime(date)}\nMessage-ID: {bc.mid_outlook(key)}\nIn-Reply-To: {inv.message_id}\nReferences: {inv.message_id}\n"
        f"X-Mailer: {ua}\nAuto-Submitted: auto-replied\nX-Example: true\nMIME-Version: 1.0\n"
        f'Content-Type: multipart/report; report-type=disposition-notification;\n\tboundary="{b}"\n\n'
        "This is a multi-part message in MIME format.\n\n"
    )
    human_qp = human.encode("utf-8")
    import quopri

    part1 = (
        f'--{b}\nContent-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: quoted-printable\n\n'
        + quopri.encodestring(human_qp).decode("ascii")
        + "\n\n"
    )
    part2 = (
        f"--{b}\nContent-Type: message/disposition-notification\n\n"
        f"Reporting-UA: {me.split('@')[1]}; {ua}\nFinal-Recipient: rfc822;{me}\n"
        f"Original-Message-ID: {inv.message_id}\nDisposition: manual-action/MDN-sent-manually; displayed\n\n--{b}--\n"
    )
    return (head + part1 + part2).encode("utf-8")


def non_answer(
    lab: str,
    key: str,
    client: str,
    what: str,
    inv: bc.Invitation,
    text: str,
    notes: str,
    *,
    date: datetime,
    quote: bool = True,
    auto: bool = False,
    subject: str | None = None,
    extra=None,
    mode: str = "plain",
    **kw,
) -> None:
    me = Person(inv.name, inv.email)
    if quote:
        m = reply(client, key, inv, text, date=date, mode=mode, extra=extra, **kw)
    else:
        m = build(
            client,
            key,
            sender=me,
            inv=inv,
            subject=subject or ("Re: " + inv.subject),
            date=date,
            parts=[("t", text)],
            irt=inv.message_id,
            refs=inv.message_id,
            extra=extra,
            mode=mode,
            **kw,
        )
    add(
        Case(
            lab,
            "non_answer",
            client,
            what,
            m,
            inv.email,
            {},
            notes,
            inv,
            is_answer=False,
            flags=["auto_reply"] if auto else [],
            invitation_mid=inv.message_id,
            token=inv.token if quote else None,
        )
    )


# ============================================================================================
# English questionnaire (Timișoara, international stakeholders)
# ============================================================================================


def en_cases() -> None:
    lab = "en"
    inv = invite(lab, "Jonathan Hale", "j.hale@harbourline.example.co.uk")
    col = Person("Priya Raman", "p.raman@harbourline.example.co.uk")
    A = {
        "1": 'Lead with money and footfall, not culture. A one-page "what\'s in it for you" sheet per sector (food, retail, creative services) would go a long way.',
        "2": "LinkedIn, the British-Romanian Chamber's breakfast briefings, and the expat business WhatsApp groups. Email newsletters are mostly ignored.",
        "3": "Not really. The ones we talked to knew the title but nothing about calls or procurement.",
        "4": "- supplier lists for the event year\n- sponsorship in kind (we could offer logistics)\n- joint training for hospitality staff",
        "6": "Publish every call in English too, and keep a single calendar.",
    }
    col_text = (
        "Jon,\n\nMy two cents below - feel free to edit before sending.\n\n"
        + numbered(A, "{n}. ")
        + "\n\nCheers,\nPriya"
    )
    forwarded_colleague(
        lab,
        "r2en01",
        "outlook_mac",
        "outlook_windows",
        "fw-re-fw-colleague-answers",
        inv,
        col,
        A,
        "Variant (a), Outlook for Mac: 'FW: RE: FW:'; the invitee's one-line note, then the colleague's reply (From/Date/To/Subject block) whose '1.' list is the answer (answer 4 a dash list); "
        "under it the invitee's own FW with Outlook's block and the unquoted invitation; no In-Reply-To (Outlook forwards start a new thread), found by the link.",
        note="Hi,\n\nPlease find below our answers, put together by my colleague Priya.\n\nBest regards,\nJonathan Hale\nHarbourline Logistics Ltd (example)",
        col_text=col_text,
        fwd_note="Priya - could you take this one? Deadline end of month.\nJ.",
        dates=(lab_time(lab, datetime(2020, 11, 3, 11, 30)), rdate(lab, 5, 9, 12), rdate(lab, 5, 9, 40)),
    )
    inv = invite(lab, "Martina Kovács", "martina.kovacs@gmail.example.com")
    A = {
        "1": 'Honestly? Stop calling it "the ECoC programme". Nobody outside the cultural sector knows the acronym. Say what it is: a year of events that brings visitors.',
        "2": "Instagram for the younger founders, the local startup Slack, and the university alumni network.",
        "3": "No, apart from a few cafés in the old town.",
        "5": "Ask them. A short survey at the co-working spaces, then a couple of open evenings.",
        "7": "Small, fast grants and a badge they can put on their shop window.",
    }
    bottom = (
        "Hi,\n\nanswering below the questions so you have them side by side:\n\n"
        + numbered(A, "{n} - ")
        + "\n\nI skipped 4 and 6, don't really know.\n\nMartina"
    )
    std(
        lab,
        "r2en02",
        "gmail_web",
        "bottom_posted",
        "answers-below-quote-n-dash",
        inv,
        A,
        "Bottom-posted Gmail: the 'On Tue, 3 Nov 2020 at 10:15 ... wrote:' line and the whole quote come first, then '1 - ' answers; 'I skipped 4 and 6' is a remark; multipart/alternative (the HTML has the gmail_quote ABOVE the answers).",
        bottom=bottom,
        date=rdate(lab, 4, 22, 5),
    )
    inv = invite(lab, "Felix Brandt", "felix.brandt@protonmail.example.com")
    A = {
        "1": "Through intermediaries: accountants, banks, coworking managers. People trust them more than the city hall.",
        "2": "Telegram and Signal groups are big in the dev scene here. Also meetups.",
        "3": "Tech startups: some. Traditional SMEs: hardly.",
        "4": "Open data from the event organisers so startups can build apps on it (tickets, maps, accessibility).",
        "5": "I don't know.",
        "6": "An API and an RSS feed of all calls. Seriously.",
        "7": "Hackathon with prize money and a guaranteed pilot.",
    }
    bottom = numbered(A, "{n}. ", "\n") + "\n\nFelix"
    std(
        lab,
        "r2en03",
        "proton",
        "bottom_posted",
        "original-message-then-answers",
        inv,
        A,
        "Proton Mail: its '‐‐‐‐‐‐‐ Original Message ‐‐‐‐‐‐‐' line (U+2010 hyphens) and 'On Tuesday, November 3, 2020 10:15 AM, ... wrote:' first, the quote, then seven '1.' answers on consecutive lines; 'I don't know.' IS an answer.",
        bottom=bottom,
        date=rdate(lab, 6, 1, 12),
    )
    inv = invite(lab, "Helen O'Donnell", "helen.odonnell@westgate-consult.example.ie")
    A = {
        "1": "Use the business associations as messengers - they already have the relationship.",
        "2": "we have no strong view.",
        "3": "Awareness is low. In our survey of members last spring only a handful mentioned the ECoC at all.",
        "4": 'Procurement in small lots; a "friends of Timișoara 2021" scheme for small sponsors; joint marketing campaigns.',
        "5": "Sector roundtables, three or four, each with a clear question.",
        "6": "One portal. And a human on the phone.",
    }
    top = (
        "Dear colleagues,\n\nPlease see our responses below.\n\n"
        f"Re Q1: {A['1']}\n\nQuestion 2 - {A['2']}\n\nRe Q3: {A['3']}\n\nAnswer to 4) {A['4']}\n\n(5) {A['5']}\n\n"
        f"Q.6 – {A['6']}\n\nKind regards,\n\nHelen O'Donnell\nSenior Consultant\nWestgate Consulting (example)\nT: +353 1 000 0000\n\n"
        "Westgate Consulting is a trading name of Westgate Advisory Ltd, registered in Ireland no. 000000."
    )
    std(
        lab,
        "r2en04",
        "outlook_windows",
        "local_labels",
        "re-q-answer-to-paren",
        inv,
        A,
        "Labels change from line to line: 'Re Q1:', 'Question 2 - we have no strong view.' (IS an answer, like 'I don't know'), 'Re Q3:', 'Answer to 4)', '(5)', 'Q.6 –'; Outlook plain + HTML, CRLF.",
        top=top,
        date=rdate(lab, 5, 15, 20),
        crlf=True,
    )
    inv = invite(lab, "Sam Whitaker", "sam@whitaker-design.example.com")
    A = {
        "2": "insta + linkedin",
        "3": "nope",
        "5": "go to the studios, talk to people",
        "7": "cash prizes lol. and less paperwork",
    }
    top = f"q2 {A['2']}\nq3: {A['3']}\n#5 {A['5']}\nno. 7 - {A['7']}"
    std(
        lab,
        "r2en05",
        "iphone_mail",
        "local_labels",
        "q2-hash5-no7-phone",
        inv,
        A,
        "iPhone, four lowercase one-liners with four different labels: 'q2 ', 'q3:', '#5 ', 'no. 7 - '; 'Sent from my iPhone'; plain text only.",
        top=top,
        date=rdate(lab, 3, 18, 44),
        mode="plain",
    )
    inv = invite(lab, "Dr Eleanor Price", "e.price@northfield.example.ac.uk")
    A = {
        "1": "the evidence from earlier ECoCs (Liverpool 2008, Galway 2020) suggests that SMEs respond to concrete procurement opportunities far more than to awareness campaigns. I would communicate the programme's needs as a list of things to buy.",
        "2": "existing intermediaries are the most cost-effective channel.",
        "3": "Awareness tends to be high among creative micro-enterprises and low among everyone else; I expect Timișoara is no different.",
        "5": "a light-touch mapping exercise (company registers plus a short survey) repeated each year would give you a baseline and a way to measure legacy.",
        "7": "recognition matters as much as money.",
    }
    top = (
        "Dear ECoC-SME team,\n\nThank you for the invitation. Some brief reflections from our research group.\n\n"
        f"Regarding the first question, {A['1']}\n\n"
        f"On the second question, I think {A['2']}\n\n".replace("I think ", "")
        + f"As for question three: {A['3']}\n\n"
        f"With respect to the fifth question, {A['5']}\n\n"
        f"Finally, on the last question, {A['7']}\n\n"
        "Best wishes,\nEleanor\n\n--\nDr Eleanor Price\nSenior Lecturer in Cultural Economics\nNorthfield University (example)"
    )
    std(
        lab,
        "r2en06",
        "thunderbird",
        "ordinal_prose",
        "regarding-first-as-for-three-last",
        inv,
        A,
        "Paragraphs: 'Regarding the first question,', 'On the second question,', 'As for question three:', 'With respect to the fifth question,', 'Finally, on the last question,' (= 7); Thunderbird format=flowed; '--' signature.",
        top=top,
        date=rdate(lab, 9, 10, 2),
        flow=True,
        mode="plain",
        cte="quoted-printable",
    )
    inv = invite(lab, "Tom Reilly", "tom.reilly@gmail.example.com")
    A = {
        "1": "keep it short, use video",
        "3": "most dont",
        "4": "pop up markets during the big weekends, local suppliers for the stages and food",
        "6": "whatsapp broadcast list from the city",
    }
    top = (
        f"hey, quick ones from my phone\n\nfirst q - {A['1']}\n\nthe 3rd one: {A['3']}\n\nfor the fourth question i'd say {A['4']}\n\n"
        f"and the 6th, {A['6']}\n\ntom"
    )
    std(
        lab,
        "r2en07",
        "gmail_android",
        "ordinal_prose",
        "first-q-3rd-one-phone",
        inv,
        A,
        "Phone prose, lowercase: 'first q -', 'the 3rd one:', 'for the fourth question i'd say' (the answer starts after 'i'd say'), 'and the 6th,'; Gmail for Android.",
        top=top,
        date=rdate(lab, 7, 20, 31),
    )
    inv = invite(lab, "Anna Lindqvist", "anna.lindqvist@nordlight.example.se")
    a1 = {
        "1": "Make it concrete: numbers of visitors, dates, what needs to be bought.",
        "2": "LinkedIn and the chambers of commerce.",
        "3": "Partly. Our Swedish partners had never heard of it.",
        "4": "Co-productions with foreign companies based in Timișoara.",
    }
    a2 = {
        "5": "Interviews with 20-30 creative businesses.",
        "6": "A one-stop shop website.",
        "7": "Visibility in the official programme.",
    }
    split_pair(
        lab,
        "r2en08",
        "outlook_ios",
        inv,
        top1="Hi, first half now, rest tomorrow.\n\n" + numbered(a1, "{n}. ", "\n") + "\n\nAnna",
        a1=a1,
        top2="Here are the rest:\n\n" + numbered(a2, "{n}. ", "\n") + "\n\nAnna",
        a2=a2,
        what=("first-half-now", "here-are-the-rest"),
        notes=(
            "Part 1 of 2 from Outlook for iOS ('Get Outlook for iOS', underscore line + From/Sent/To/Subject): answers 1-4.",
            "Part 2 of 2, a new reply to the invitation again (Outlook mobile quotes the invitation, not part 1): 'Here are the rest:' 5-7.",
        ),
        dates=(rdate(lab, 4, 17, 2), rdate(lab, 5, 8, 15)),
        quote_first=False,
        mode="plain",
    )
    inv = invite(lab, "Gareth Evans", "gareth.evans@evansprint.example.co.uk")
    non_answer(
        lab,
        "r2en10",
        "gmail_web",
        "please-remove-me",
        inv,
        "Please remove me from your mailing list. We closed the business in August.\n\nG. Evans",
        "'Please remove me from your mailing list': not an answer, no flag.",
        date=rdate(lab, 3, 12, 2),
        mode="alt",
    )
    inv = invite(lab, "Laura Bennett", "laura.bennett@bennett-events.example.com")
    raw = read_receipt(
        lab,
        "r2en11",
        inv,
        subject="Read: " + inv.subject,
        human=f"Your message\n\n  To: {inv.name}\n  Subject: {inv.subject}\n  Sent: Tuesday, November 3, 2020 10:15:00 AM (UTC+02:00) Bucharest\n\nwas read on Wednesday, November 4, 2020 8:02:11 AM (UTC+02:00) Bucharest.",
        date=rdate(lab, 4, 8, 2, 14),
        ua="Microsoft Outlook 16.0",
    )
    add(
        Case(
            lab,
            "non_answer",
            "outlook_windows",
            "read-receipt-mdn",
            raw,
            inv.email,
            {},
            "Outlook read receipt 'Read:' (multipart/report; report-type=disposition-notification, message/disposition-notification part naming the invitation); auto_reply.",
            inv,
            is_answer=False,
            flags=["auto_reply"],
            invitation_mid=inv.message_id,
        )
    )


en_cases()

# ============================================================================================
# Italian questionnaire (Matera 2019)
# ============================================================================================


def it_cases() -> None:
    lab = "it"
    inv = invite(lab, "Giuseppe Lorusso", "g.lorusso@sassi-tour.example.it")
    col = Person("Chiara Montemurro", "chiara.montemurro@sassi-tour.example.it")
    A = {
        "1": "Con esempi concreti: quante presenze in più, in quali mesi, per quali servizi. Le imprese ragionano così.",
        "2": "I gruppi Facebook degli operatori turistici, la newsletter di Confcommercio e soprattutto il passaparola.",
        "3": 'Solo in parte. Chi lavora nel turismo sì, gli altri pensano che sia una cosa "per artisti".',
        "4": "Pacchetti turistici costruiti insieme alla Fondazione, convenzioni per i visitatori, piccole sponsorizzazioni tecniche.",
        "6": "Uno sportello unico, anche fisico, in centro. Molti colleghi non usano bene internet.",
        "7": "Bandi semplici e veloci, con importi piccoli.",
    }
    col_text = (
        "Ciao Giuseppe,\n\necco le mie risposte, vedi tu se mandarle così.\n\n"
        + numbered(A, "{n}) ")
        + "\n\nSulla 5 non saprei proprio cosa dire.\n\nChiara"
    )
    forwarded_colleague(
        lab,
        "r2it01",
        "apple_mail",
        "gmail_web",
        "inizio-messaggio-inoltrato",
        inv,
        col,
        A,
        "Variant (a) from Apple Mail: 'Inizio messaggio inoltrato:' with Da/Oggetto/Data/A, then the colleague's Gmail reply with '1)' answers; "
        "'Sulla 5 non saprei proprio cosa dire' names question 5 but is a remark to the colleague (kept out); the forwarder's note is not an answer; no In-Reply-To, found by the link.",
        note="Buongiorno,\n\nvi inoltro le risposte della mia collaboratrice Chiara, che segue i rapporti con il Comune.\n\nCordiali saluti\nGiuseppe Lorusso\nSassi Tour s.r.l.",
        col_text=col_text,
        fwd_note="Chiara, puoi rispondere tu? Grazie\nG.",
        dates=(lab_time(lab, datetime(2020, 11, 3, 12, 5)), rdate(lab, 4, 18, 40), rdate(lab, 5, 9, 1)),
    )
    inv = invite(lab, "Rocco Santarcangelo", "rocco.santarcangelo@libero.example.it")
    A = {
        "1": "Andando nelle botteghe, una per una. Mail e volantini non funzionano.",
        "2": "Radio locale e parrocchie, anche se sembra strano.",
        "3": "Poco o niente.",
        "5": "Non saprei.",
        "7": "Dando un riconoscimento pubblico a chi partecipa.",
    }
    bottom = (
        "Buonasera,\nrispondo sotto.\n\n"
        + numbered(A, "{n}. ", "\n")
        + "\n\nSaluti\nRocco Santarcangelo\nFalegnameria Santarcangelo"
    )
    std(
        lab,
        "r2it02",
        "yahoo",
        "bottom_posted",
        "yahoo-quote-then-answers",
        inv,
        A,
        "Bottom-posted from Yahoo: 'Il martedì 3 novembre 2020, 10:15:00 CET, ... ha scritto:' then the quote, then answers '1.'..'7.' on consecutive lines with 4 and 6 missing; 'Non saprei.' IS an answer; HTML with yahoo_quoted.",
        bottom=bottom,
        date=rdate(lab, 5, 21, 14),
    )
    inv = invite(lab, "Valentina Gallo", "valentina.gallo@coop-lanterna.example.it")
    A = {
        "1": "Raccontando storie di imprese locali che hanno già lavorato con la Fondazione.",
        "2": "Instagram, LinkedIn, e gli eventi della Camera di Commercio.",
        "3": "No, tranne poche eccezioni.",
        "4": "Co-progettazione di eventi, forniture locali, ospitalità diffusa.",
        "5": "Con un questionario breve e poi focus group per settore.",
        "6": "Un calendario unico dei bandi, aggiornato.",
        "7": "Premi, visibilità e accompagnamento nella progettazione.",
    }
    bottom = (
        "Buongiorno,\n\n"
        + numbered(A, "{n}) ")
        + "\n\nUn saluto,\nValentina\n\n-- \nValentina Gallo\nCooperativa La Lanterna (example)"
    )
    std(
        lab,
        "r2it03",
        "thunderbird",
        "bottom_posted",
        "il-ha-scritto-quote-then-answers",
        inv,
        A,
        "Bottom-posted Thunderbird: 'Il 03/11/20 10:15, ECoC-SME Matera ha scritto:' directly above the '>' quote, then all seven '1)' answers; format=flowed, quoted-printable.",
        bottom=bottom,
        date=rdate(lab, 4, 8, 55),
        flow=True,
        mode="plain",
    )
    inv = invite(lab, "Francesco D'Alessandro", "f.dalessandro@studiodalessandro.example.it")
    A = {
        "1": "Coinvolgendo gli ordini professionali e le associazioni di categoria.",
        "2": "Newsletter degli ordini, LinkedIn, incontri in presenza.",
        "4": "Sponsorizzazioni tecniche e consulenze gratuite per gli operatori culturali.",
        "5": "Mappatura dei bisogni con le università (UniBas).",
        "6": "Sportello informativo presso la Camera di Commercio.",
    }
    top = (
        "Gentili,\n\ndi seguito le mie risposte.\n\n"
        f"Risposta alla domanda 1: {A['1']}\n\nDomanda n. 2 → {A['2']}\n\n"
        f"punto 4) {A['4']}\n\nad 5. {A['5']}\n\nIn merito al 6: {A['6']}\n\n"
        "P.S. Per la 3 e la 7 preferisco parlarne al telefono.\n\n"
        "Cordiali saluti\n\nDott. Francesco D'Alessandro\nCommercialista – Revisore legale\nStudio D'Alessandro (example)\nVia Esempio 10, 75100 Matera\n\n"
        "Le informazioni contenute in questa e-mail sono riservate e destinate esclusivamente al destinatario."
    )
    std(
        lab,
        "r2it04",
        "gmail_web",
        "local_labels",
        "risposta-alla-domanda-punto-ad",
        inv,
        A,
        "Italian labels, different on every answer: 'Risposta alla domanda 1:', 'Domanda n. 2 →', 'punto 4)', 'ad 5.', 'In merito al 6:'; the 'P.S.' naming 3 and 7 is no answer; confidentiality notice.",
        top=top,
        date=rdate(lab, 6, 11, 27),
    )
    inv = invite(lab, "Antonella Colucci", "antonella.colucci@gmail.example.com")
    A = {
        "1": "Con video brevi sui social",
        "3": "No assolutamente",
        "4": "Mercatini, eventi nei negozi",
        "7": "Premi in denaro",
    }
    top = f"1° {A['1']}\n3º: {A['3']}\nIV. {A['4']}\nalla 7 {A['7']}"
    std(
        lab,
        "r2it05",
        "samsung_email",
        "local_labels",
        "degree-ordinal-roman",
        inv,
        A,
        "Phone: '1°' (degree sign), '3º:' (ordinal indicator), 'IV.' (Roman numeral) and 'alla 7'; no blank lines; Samsung Email with '-------- Messaggio originale --------' and the unquoted invitation.",
        top=top,
        date=rdate(lab, 7, 13, 3),
    )
    inv = invite(lab, "Marco Ferrante", "marco.ferrante@ferrante-arredi.example.it")
    A = {
        "1": "credo che il messaggio debba essere semplice e passare dalle associazioni di categoria, che le imprese conoscono e di cui si fidano.",
        "2": "direi la stampa locale e Confartigianato.",
        "4": 'penso a forniture di arredi e allestimenti per gli spazi degli eventi, magari con un marchio "Matera 2019" da usare nei negozi.',
        "7": "servono tempi certi nei pagamenti. Molte piccole imprese non partecipano perché la PA paga dopo mesi.",
    }
    top = (
        "Buongiorno,\n\nrispondo volentieri.\n\n"
        f"Per quanto riguarda la prima domanda, {A['1']}\n\n"
        f"Sulla seconda: {A['2']}\n\n"
        f"Quanto alla quarta, {A['4']}\n\n"
        f"In merito all'ultima domanda, {A['7']}\n\n"
        "Distinti saluti\nMarco Ferrante\nFerrante Arredi s.n.c."
    )
    std(
        lab,
        "r2it06",
        "outlook_windows",
        "ordinal_prose",
        "per-quanto-riguarda-quanto-alla-quarta",
        inv,
        A,
        "Prose: 'Per quanto riguarda la prima domanda,', 'Sulla seconda:', 'Quanto alla quarta,', 'In merito all'ultima domanda,' (= 7); Outlook 'Da:/Inviato:/A:/Oggetto:' block, windows-1252 quoted-printable text + HTML.",
        top=top,
        date=rdate(lab, 9, 16, 45),
        charset="windows-1252",
        hdr_charset="windows-1252",
        subject_prefix="R: ",
    )
    inv = invite(lab, "Sofia Greco", "sofia.greco@matera-lab.example.it")
    A = {
        "2": "Instagram and the university mailing lists. Students run half the creative start-ups here.",
        "3": "Not really. They know the title, not the opportunities.",
        "5": "I would ask the co-working spaces to host short workshops and collect needs there.",
    }
    top = (
        "Hi, sorry for answering in English, I'm on my phone with an English keyboard.\n\n"
        f"About the second question: {A['2']}\n\nThe third one - {A['3']}\n\nRegarding question five, {A['5']}\n\nSofia"
    )
    std(
        lab,
        "r2it07",
        "iphone_mail",
        "ordinal_prose",
        "answered-in-english-phone",
        inv,
        A,
        "Italian questionnaire answered in English from an iPhone with Italian UI ('Il giorno 3 nov 2020, alle ore 10:15, ... ha scritto:', 'Inviato da iPhone'): 'About the second question:', 'The third one -', 'Regarding question five,'.",
        top=top,
        date=rdate(lab, 4, 19, 20),
        language="en",
        mode="plain",
    )
    inv = invite(lab, "Luca Pentasuglia", "luca.pentasuglia@gmail.example.com")
    a1 = {
        "1": "Attraverso le associazioni di categoria.",
        "2": "Social e radio locali.",
        "3": "Poco.",
        "4": "Eventi condivisi.",
        "6": "Un sito unico.",
        "7": "Bandi semplici.",
    }
    a2 = {"5": "Con incontri nei quartieri e un questionario online."}
    split_pair(
        lab,
        "r2it08",
        "gmail_android",
        inv,
        top1="Buongiorno\n\n" + numbered(a1, "{n}. ", "\n") + "\n\nLuca",
        a1=a1,
        top2=f"Scusate, dimenticavo la 5.\n\n5. {a2['5']}\n\nLuca",
        a2=a2,
        what=("six-of-seven", "dimenticavo-la-5"),
        notes=(
            "Part 1 of 2: six terse answers, 5 missing.",
            "Part 2 of 2: 'Scusate, dimenticavo la 5.' then '5. ...'; quotes part 1 and the invitation.",
        ),
        dates=(rdate(lab, 3, 15, 30), rdate(lab, 3, 15, 52)),
    )
    inv = invite(lab, "Daniela Scarano", "daniela.scarano@hotel-belvedere.example.it")
    non_answer(
        lab,
        "r2it10",
        "iphone_mail",
        "rispondo-la-prossima-settimana",
        inv,
        "Buongiorno, vi rispondo la prossima settimana, adesso siamo in chiusura stagione.\nGrazie\nDaniela\n\nInviato da iPhone",
        "'vi rispondo la prossima settimana': a human reply that is not an answer; no flag.",
        date=rdate(lab, 4, 7, 50),
        footer=False,
    )
    inv = invite(lab, "Pietro Lamacchia", "pietro.lamacchia@outlook.example.it")
    non_answer(
        lab,
        "r2it11",
        "outlook_android",
        "empty-reply-only-quote",
        inv,
        "",
        "Empty reply: only 'Scarica Outlook per Android' above the Outlook mobile header block and the invitation; not an answer.",
        date=rdate(lab, 5, 23, 11),
    )


it_cases()

# ============================================================================================
# Dutch questionnaire (Leeuwarden-Fryslân 2018)
# ============================================================================================


def calendar_reply(
    lab: str, key: str, inv: bc.Invitation, *, verb: str, text: str, date: datetime
) -> EmailMessage:
    me = Person(inv.name, inv.email)
    ics = (
        "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nPRODID:Microsoft Exchange Server 2010\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
        f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{inv.email}\r\nSUMMARY;LANGUAGE=nl-NL:{verb}: Workshop Local Learning Lab 2\r\n"
        "DTSTART:20201119T130000Z\r\nDTEND:20201119T150000Z\r\n"
        f"UID:{bc.hid(key, 'uid', n=32).upper()}\r\nORGANIZER:mailto:{inv.lab.mailbox}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    m = build(
        "outlook_windows",
        key,
        sender=me,
        inv=inv,
        subject=f"{verb}: Workshop Local Learning Lab 2",
        date=date,
        parts=[("t", text)],
        mode="plain",
        irt=inv.message_id,
        refs=inv.message_id,
    )
    m.add_alternative(ics, subtype="calendar", charset="utf-8", cte="base64", params={"method": "REPLY"})
    bc.set_boundaries(m, key, "outlook")
    return m


def nl_cases() -> None:
    lab = "nl"
    inv = invite(lab, "Sjoerd de Vries", "sjoerd@devries-bouw.example.nl")
    col = Person("Marieke Hoekstra", "marieke@devries-bouw.example.nl")
    A = {
        "1": "Concreet maken wat het oplevert: bezoekers, opdrachten, zichtbaarheid. Geen beleidstaal.",
        "2": "De ondernemersverenigingen, LinkedIn en de Leeuwarder Courant.",
        "3": "Nee, de meeste collega's in de bouw denken dat het alleen om kunst gaat.",
        "4": "Bouw en inrichting van locaties, tijdelijke paviljoens, onderhoud.",
        "7": "Door ze vroeg te betrekken bij de aanbestedingen en die in kleine percelen te knippen.",
    }
    note = (
        "Goedemiddag,\n\nSjoerd vroeg mij dit in te vullen. Hieronder onze antwoorden:\n\n"
        + numbered(A, "{n}. ", "\n")
        + "\n\nVraag 5 en 6 laten we aan anderen over.\n\n"
        "Met vriendelijke groet,\n\nMarieke Hoekstra\nOfficemanager\nDe Vries Bouw B.V. (example)\nT 058 000 0000"
    )
    forwarded_on(
        lab,
        "r2nl01",
        "outlook_windows",
        "doorst-answers-above-forward",
        inv,
        col,
        A,
        "Variant (b): the invitee forwarded the invitation ('Doorst:') to a colleague, who forwards it on ('Doorst: Doorst:') with the answers ABOVE the forwarded mail; "
        "'Vraag 5 en 6 laten we aan anderen over' is no answer; From is the colleague; Van/Verzonden/Aan/Onderwerp blocks; found by the link only; CRLF.",
        note=note,
        fwd_note="Marieke, wil jij dit even invullen en terugsturen naar hen? Dank, Sjoerd",
        dates=(lab_time(lab, datetime(2020, 11, 3, 14, 2)), rdate(lab, 6, 15, 33)),
        crlf=True,
    )
    inv = invite(lab, "Femke Bakker", "femke.bakker@icloud.example.com")
    A = {
        "1": "Laat ondernemers aan het woord die al meededen. Dat overtuigt meer dan een folder.",
        "2": "Instagram, lokale ondernemersborrels en de nieuwsbrief van de gemeente.",
        "3": "Gedeeltelijk.",
        "4": "Samen arrangementen maken (overnachting + voorstelling), lokale producten in de programmering.",
        "5": "Door het gewoon te vragen, in kleine groepjes per sector.",
        "6": "Eén website met alle regelingen en een vast aanspreekpunt.",
        "7": "Kleine subsidies, snel beslist.",
    }
    bottom = (
        "Hoi,\n\nHierbij mijn antwoorden:\n\n"
        + numbered(A, "{n}. ")
        + "\n\nGroetjes,\nFemke\n\nFemke Bakker Fotografie (example)"
    )
    std(
        lab,
        "r2nl02",
        "apple_mail",
        "bottom_posted",
        "heeft-het-volgende-geschreven",
        inv,
        A,
        "Bottom-posted Apple Mail: 'Op 3 nov. 2020 om 10:15 heeft ... het volgende geschreven:' and the whole quote first, then the answers; HTML with <blockquote type=\"cite\"> BEFORE the answers.",
        bottom=bottom,
        date=rdate(lab, 4, 20, 10),
    )
    inv = invite(lab, "Jelle Postma", "jelle.postma@gmail.example.com")
    A = {
        "2": "whatsapp groepen van ondernemers",
        "3": "nee",
        "6": "1 site",
        "7": "geld 😉",
    }
    bottom = "\n".join(f"{k}. {v}" for k, v in A.items())
    std(
        lab,
        "r2nl03",
        "gmail_android",
        "bottom_posted",
        "four-lines-under-quote-phone",
        inv,
        A,
        "Bottom-posted from Gmail for Android: quote first, then four bare '2. ' lines with no greeting or name; emoji in answer 7.",
        bottom=bottom,
        date=rdate(lab, 3, 22, 48),
    )
    inv = invite(lab, "Anouk Visser", "anouk.visser@cultuurhuis-fryslan.example.nl")
    A = {
        "1": "Via de mensen die ondernemers al kennen: boekhouders, banken, de ondernemersvereniging.",
        "2": "Lokale media en LinkedIn.",
        "3": "Ik weet het niet.",
        "4": "Culturele programmering in bedrijfspanden (fabrieken, winkels), sponsoring in natura.",
        "6": "Een loket, fysiek én online.",
    }
    top = (
        "Beste projectteam,\n\n"
        f"V1: {A['1']}\n\nbij 2: {A['2']}\n\nAntwoord op vraag 3: {A['3']}\n\nVraag 4 — {A['4']}\n\nVraag 6 — {A['6']}\n\n"
        "Vriendelijke groet,\nAnouk Visser\nCultuurhuis Fryslân (example)"
    )
    std(
        lab,
        "r2nl04",
        "thunderbird",
        "local_labels",
        "v1-bij-antwoord-op-vraag",
        inv,
        A,
        "Dutch labels: 'V1:', 'bij 2:', 'Antwoord op vraag 3:', 'Vraag 4 —' (em dash); 'Ik weet het niet.' IS an answer; Thunderbird HTML+text (moz-cite-prefix).",
        top=top,
        date=rdate(lab, 5, 10, 18),
    )
    inv = invite(lab, "Pieter Zijlstra", "p.zijlstra@zijlstra-advies.example.nl")
    A = {
        "1": "Use the entrepreneurs' own networks; a message from a peer beats one from the municipality.",
        "3": "Hardly. In my experience only hospitality was really aware.",
        "4": "Joint packages, local procurement, and opening up factories and shops as venues.",
        "5": "Small round tables per sector, twice a year.",
        "7": "A small fund with a two-week decision time.",
    }
    top = (
        "Dear all,\n\nAnswering in English as our team is international.\n\n"
        f"Answer to 1) {A['1']}\n\nRe 3: {A['3']}\n\nAnswer to 4) {A['4']}\n\nAd 5. {A['5']}\n\n7) {A['7']}\n\nRegards,\nPieter Zijlstra\nZijlstra Advies (example)"
    )
    std(
        lab,
        "r2nl05",
        "outlook_web",
        "local_labels",
        "answered-in-english-answer-to",
        inv,
        A,
        "Dutch questionnaire answered in English with labels 'Answer to 1)', 'Re 3:', 'Ad 5.', '7)'; Outlook on the web with Dutch UI (Van/Verzonden/Aan/Onderwerp).",
        top=top,
        date=rdate(lab, 6, 9, 5),
        language="en",
    )
    inv = invite(lab, "Hendrik Dijkstra", "hendrik.dijkstra@dijkstra-zuivel.example.nl")
    A = {
        "1": "denk ik dat het vooral om vertrouwen gaat. Laat bekende ondernemers uit de regio vertellen wat het hun heeft opgeleverd.",
        "2": "De regionale omroep, de LC en de ledenbladen van LTO en MKB-Nederland.",
        "3": "nauwelijks. Bij ons in de zuivelsector had niemand het erover.",
        "6": "een vaste contactpersoon bij de gemeente die je kunt bellen.",
        "7": "geef ondernemers een podium: laat ze hun producten presenteren tijdens de evenementen.",
    }
    top = (
        "Goedemorgen,\n\n"
        f"Wat betreft de eerste vraag {A['1']}\n\n"
        f"Over de tweede vraag:\n{A['2']}\n\n"
        f"Bij de derde vraag moet ik eerlijk zeggen: {A['3']}\n\n"
        f"Wat de zesde vraag betreft, {A['6']}\n\n"
        f"Tot slot de laatste vraag: {A['7']}\n\n"
        "Met vriendelijke groet,\nHendrik Dijkstra\nDijkstra Zuivel (example)"
    )
    std(
        lab,
        "r2nl06",
        "outlook_mac",
        "ordinal_prose",
        "wat-betreft-de-eerste-vraag",
        inv,
        A,
        "Prose: 'Wat betreft de eerste vraag' (no comma: the answer starts at 'denk ik'), 'Over de tweede vraag:' as its own line, 'Bij de derde vraag moet ik eerlijk zeggen:', 'Wat de zesde vraag betreft,', 'Tot slot de laatste vraag:' (= 7); Outlook for Mac with 'Van/Datum/Aan/Onderwerp'.",
        top=top,
        date=rdate(lab, 10, 8, 30),
    )
    inv = invite(lab, "Lotte Jansen", "lotte.jansen@me.example.com")
    A = {
        "2": "instagram en de lokale facebookgroepen",
        "4": "pop-up winkels tijdens de evenementen",
        "5": "gewoon langsgaan bij de ateliers",
    }
    top = f"Hoi! de tweede vraag: {A['2']}\n\nvraag vier - {A['4']}\n\nen bij de vijfde: {A['5']}\n\nLotte"
    std(
        lab,
        "r2nl07",
        "iphone_mail",
        "ordinal_prose",
        "tweede-vier-vijfde-phone",
        inv,
        A,
        "Phone prose without capitals: 'de tweede vraag:', 'vraag vier -', 'en bij de vijfde:'; 'Verstuurd vanaf mijn iPhone'; plain text.",
        top=top,
        date=rdate(lab, 4, 12, 7),
        mode="plain",
    )
    inv = invite(lab, "Bram Kuipers", "bram.kuipers@kuipers-fietsen.example.nl")
    a1 = {
        "1": "Via de ondernemersvereniging.",
        "2": "Facebook en de krant.",
        "3": "Nee.",
    }
    a2 = {
        "3": "Nee, behalve de horeca. Die weten het wel.",
        "4": "Fietsverhuur voor bezoekers, routes langs de locaties.",
        "5": "Ik weet het niet.",
        "7": "Subsidie voor kleine projecten.",
    }
    split_pair(
        lab,
        "r2nl08",
        "samsung_email",
        inv,
        top1="Goedendag,\n\n" + numbered(a1, "{n}) ", "\n") + "\n\nRest volgt.\nBram",
        a1=a1,
        top2="Hierbij de rest, en 3 iets aangevuld:\n\n" + numbered(a2, "{n}) ", "\n") + "\n\nBram",
        a2=a2,
        what=("eerste-drie", "de-rest-en-3-aangevuld"),
        notes=(
            "Part 1 of 2 from Samsung Email: answers 1-3, 'Rest volgt.'.",
            "Part 2 of 2, again a reply to the invitation: answers 3 (again: merged keeps this later text), 4, 5 and 7; 'Ik weet het niet.' IS an answer.",
        ),
        dates=(rdate(lab, 5, 7, 40), rdate(lab, 6, 19, 2)),
        quote_first=False,
    )
    inv = invite(lab, "Ingrid Mulder", "ingrid.mulder@mulder-catering.example.nl")
    m = calendar_reply(
        lab,
        "r2nl10",
        inv,
        verb="Geaccepteerd",
        text="Ingrid Mulder heeft uw uitnodiging geaccepteerd.\n",
        date=rdate(lab, 4, 9, 14),
    )
    add(
        Case(
            lab,
            "non_answer",
            "outlook_windows",
            "calendar-geaccepteerd",
            m,
            inv.email,
            {},
            "An Outlook meeting response 'Geaccepteerd: Workshop Local Learning Lab 2' (text/plain + text/calendar METHOD:REPLY, base64) sent in reply to the invitation; machine-written, auto_reply.",
            inv,
            is_answer=False,
            flags=["auto_reply"],
            invitation_mid=inv.message_id,
        )
    )
    inv = invite(lab, "Wouter Smit", "wouter.smit@gmail.example.com")
    non_answer(
        lab,
        "r2nl11",
        "gmail_web",
        "vacation-responder-no-headers",
        inv,
        "Bedankt voor je bericht. Ik ben met vakantie tot 16 november en lees mijn mail niet. Voor dringende zaken: bel 06 0000 0000.\n\nWouter",
        "Gmail vacation responder with its own subject 'Afwezig' and without Auto-Submitted or Precedence headers (only the words tell); no quote; auto_reply.",
        date=rdate(lab, 3, 10, 16, 2),
        quote=False,
        auto=True,
        subject="Afwezig",
        mode="alt",
    )


nl_cases()

# ============================================================================================
# Croatian questionnaire (Rijeka 2020)
# ============================================================================================


def hr_cases() -> None:
    lab = "hr"
    inv = invite(lab, "Tomislav Babić", "tomislav.babic@kvarner-print.example.hr")
    col = Person("Maja Jurić", "maja.juric@kvarner-print.example.hr")
    A = {
        "1": "Kroz konkretne primjere i brojke. Poduzetnici ne čitaju strategije.",
        "2": "Obrtnička komora, HGK, lokalni portali i Facebook grupe.",
        "3": "Većina ne. Znaju da je Rijeka bila EPK, ali ne znaju što su mogli dobiti.",
        "4": "Tisak promotivnih materijala, suradnja na događanjima, sponzorstva u naturi.",
        "6": "Jedna web stranica sa svim natječajima i kontakt osoba.",
    }
    col_text = (
        "Bok Tomislave,\n\nevo mojih odgovora:\n\n"
        + numbered(A, "{n}. ")
        + "\n\nZa 5 i 7 nemam ideju.\n\nPozdrav,\nMaja"
    )
    forwarded_colleague(
        lab,
        "r2hr01",
        "outlook_windows",
        "outlook_windows",
        "proslijedjeno-colleague-answers",
        inv,
        col,
        A,
        "Variant (a)/(c): Outlook 'Proslijeđeno: RE: Proslijeđeno:' with Od/Poslano/Prima/Predmet blocks, windows-1250 quoted-printable; the answers are the colleague's '1.' list inside the forwarded reply; "
        "'Za 5 i 7 nemam ideju' is a remark to the colleague; the forwarder's note is not an answer; no In-Reply-To, found by the link.",
        note="Poštovani,\n\nu nastavku šaljem odgovore kolegice Maje Jurić.\n\nLijep pozdrav,\nTomislav Babić\nKvarner Print d.o.o.",
        col_text=col_text,
        fwd_note="Maja, možeš li ti odgovoriti na ovo? Hvala.",
        dates=(lab_time(lab, datetime(2020, 11, 3, 10, 40)), rdate(lab, 4, 14, 22), rdate(lab, 5, 8, 3)),
        charset="windows-1250",
        hdr_charset="windows-1250",
        crlf=True,
    )
    inv = invite(lab, "Ana Perić", "ana.peric@gmail.example.com")
    A = {
        "1": "Kratko i jasno, bez birokratskog jezika.",
        "2": "Instagram, Facebook i radio.",
        "3": "Ne.",
        "4": "Lokalni proizvodi na događanjima, zajedničke akcije s udrugama.",
        "5": "Anketom i razgovorom.",
        "6": "Info-pult u centru grada.",
        "7": "Malim potporama i promocijom.",
    }
    bottom = "Pozdrav,\n\n" + numbered(A, "{n}) ", "\n") + "\n\nAna"
    std(
        lab,
        "r2hr02",
        "gmail_web",
        "bottom_posted",
        "je-napisao-quote-then-answers",
        inv,
        A,
        "Bottom-posted Gmail with Croatian UI ('uto, 3. stu 2020. u 10:15 ... je napisao:'), the whole quote, then seven '1)' answers on consecutive lines.",
        bottom=bottom,
        date=rdate(lab, 4, 21, 3),
    )
    inv = invite(lab, "Dario Knežević", "dario.knezevic@icloud.example.com")
    A = {
        "2": "društvene mreže",
        "3": "mislim da ne",
        "7": "novcem 🙂",
    }
    bottom = f"2 {A['2']}\n3 {A['3']}\n7 {A['7']}"
    std(
        lab,
        "r2hr03",
        "iphone_mail",
        "bottom_posted",
        "three-lines-under-quote-phone",
        inv,
        A,
        "Bottom-posted from an iPhone: 'Dana 3. stu 2020., u 10:15, ... je napisao/la:' and the quote first, three lowercase lines '2 ...' after it, then 'Poslano s mog iPhonea'.",
        bottom=bottom,
        date=rdate(lab, 3, 20, 58),
        mode="plain",
    )
    inv = invite(lab, "Ivana Matić", "ivana.matic@udruga-molo.example.hr")
    A = {
        "1": "Preko ljudi kojima poduzetnici već vjeruju: knjigovođa, banka, komora.",
        "2": "Lokalni radio, Novi list, Facebook.",
        "3": "Djelomično.",
        "4": "Zajednički programi udruga i tvrtki, prijave na EU fondove u partnerstvu.",
        "5": "Mapiranjem kreativnog sektora po kvartovima.",
        "6": "Jedinstveni kalendar natječaja.",
    }
    top = (
        "Poštovani,\n\n"
        f"Ad 1) {A['1']}\n\nNa pitanje 2: {A['2']}\n\nOdgovor na 3. {A['3']}\n\nPitanje br. 4 - {A['4']}\n\n(5) {A['5']}\n\nna 6. pitanje: {A['6']}\n\n"
        "Srdačan pozdrav,\nIvana Matić\nUdruga Molo (example)"
    )
    std(
        lab,
        "r2hr04",
        "thunderbird",
        "local_labels",
        "ad-na-pitanje-odgovor-na",
        inv,
        A,
        "Croatian labels, all different: 'Ad 1)', 'Na pitanje 2:', 'Odgovor na 3.', 'Pitanje br. 4 -', '(5)', 'na 6. pitanje:'; Thunderbird, iso-8859-2 quoted-printable, 'Dana 03.11.2020. u 10:15, ... je napisao:'.",
        top=top,
        date=rdate(lab, 6, 9, 44),
        charset="iso-8859-2",
        hdr_charset="iso-8859-2",
        hdr_enc="B",
        mode="plain",
    )
    inv = invite(lab, "Goran Vuković", "goran.vukovic@vukovic-gradnja.example.hr")
    A = {
        "2": "HGK i Obrtnička komora",
        "4": "Gradnja i uređenje prostora",
        "6": "Preko komora",
    }
    top = f"Poz\n2. - {A['2']}\n4 {A['4']}\nad 6 {A['6']}\nGoran"
    std(
        lab,
        "r2hr05",
        "samsung_email",
        "local_labels",
        "ad-lowercase-phone",
        inv,
        A,
        "Phone: '2. -', '4 ' and lowercase 'ad 6' on consecutive lines; Samsung Email ('-------- Izvorna poruka --------', Od/Datum/Prima/Predmet), base64.",
        top=top,
        date=rdate(lab, 7, 16, 12),
        cte="base64",
    )
    inv = invite(lab, "Petra Horvat", "petra.horvat@riteh-lab.example.hr")
    A = {
        "1": "mislim da je ključno govoriti jezikom poduzetnika: prihodi, posjetitelji, narudžbe.",
        "2": "najbolje funkcioniraju postojeće mreže (komore, klasteri, inkubatori).",
        "3": "moram reći da većina ne zna.",
        "5": "predlažem redovito mapiranje kreativnih industrija u suradnji sa Sveučilištem.",
        "7": "vidljivost u službenom programu važnija je od novca.",
    }
    top = (
        "Poštovani,\n\n"
        f"Što se tiče prvog pitanja, {A['1']}\n\n"
        f"Vezano uz drugo pitanje, {A['2']}\n\n"
        f"Na treće pitanje {A['3']}\n\n"
        f"Što se tiče pete, {A['5']}\n\n"
        f"I na kraju, vezano uz zadnje pitanje: {A['7']}\n\n"
        "Lijep pozdrav,\ndoc. dr. sc. Petra Horvat\nSveučilište u Rijeci (example)"
    )
    std(
        lab,
        "r2hr06",
        "apple_mail",
        "ordinal_prose",
        "sto-se-tice-prvog-pete",
        inv,
        A,
        "Croatian case forms: 'Što se tiče prvog pitanja,', 'Vezano uz drugo pitanje,', 'Na treće pitanje' (no punctuation: the answer starts at 'moram'), 'Što se tiče pete,', 'vezano uz zadnje pitanje:' (= 7); Apple Mail text + HTML.",
        top=top,
        date=rdate(lab, 9, 13, 37),
    )
    inv = invite(lab, "Luka Radić", "luka.radic@gmail.example.com")
    A = {
        "3": "ne znaju skoro ništa",
        "4": "festivali hrane, lokalni proizvođači",
        "6": "aplikacija",
    }
    top = f"za treće pitanje - {A['3']}\nkod četvrtog: {A['4']}\na šesto {A['6']}\nluka"
    std(
        lab,
        "r2hr07",
        "gmail_android",
        "ordinal_prose",
        "trece-cetvrtog-sesto-phone",
        inv,
        A,
        "Phone prose in three case forms: 'za treće pitanje -', 'kod četvrtog:', 'a šesto' (no punctuation); lowercase; Gmail for Android.",
        top=top,
        date=rdate(lab, 5, 18, 26),
    )
    inv = invite(lab, "Marina Šarić", "marina.saric@saric-apartmani.example.hr")
    a1 = {"1": "Kroz turističku zajednicu.", "2": "Booking zajednica domaćina, Facebook."}
    a2 = {
        "3": "Ne previše.",
        "4": "Smještaj za umjetnike i posjetitelje po posebnim cijenama.",
        "7": "Popustima na najam prostora.",
    }
    split_pair(
        lab,
        "r2hr08",
        "outlook_web",
        inv,
        top1="Poštovani,\n\nza sada samo prva dva:\n\n" + numbered(a1, "{n}. ", "\n") + "\n\nMarina",
        a1=a1,
        top2="Evo i ostatka:\n\n" + numbered(a2, "{n}. ", "\n") + "\n\nMarina",
        a2=a2,
        what=("prva-dva", "evo-i-ostatka"),
        notes=(
            "Part 1 of 2 from Outlook on the web: answers 1-2.",
            "Part 2 of 2, another reply to the invitation: 'Evo i ostatka:' 3, 4, 7.",
        ),
        dates=(rdate(lab, 4, 11, 0), rdate(lab, 10, 17, 45)),
        quote_first=False,
    )
    inv = invite(lab, "Nikola Božić", "nikola.bozic@bozic-trgovina.example.hr")
    non_answer(
        lab,
        "r2hr10",
        "outlook_windows",
        "odsutan-auto-submitted",
        inv,
        "Poštovani,\n\nodsutan sam do 16. studenoga 2020. U hitnim slučajevima obratite se na info@bozic-trgovina.example.hr.\n\nNikola Božić",
        "Exchange out-of-office 'Automatski odgovor:' with Auto-Submitted: auto-replied; no quote.",
        date=rdate(lab, 3, 10, 16),
        quote=False,
        auto=True,
        subject="Automatski odgovor: " + inv.subject,
        extra=[("Auto-Submitted", "auto-replied")],
        charset="windows-1250",
        hdr_charset="windows-1250",
    )


# ============================================================================================
# Lithuanian questionnaire (Kaunas 2022)
# ============================================================================================


def lt_cases() -> None:
    lab = "lt"
    inv = invite(lab, "Rūta Kazlauskienė", "ruta.kazlauskiene@kauno-dizainas.example.lt")
    col = Person("Mantas Petrauskas", "mantas.petrauskas@kauno-dizainas.example.lt")
    A = {
        "1": "Per konkrečius pavyzdžius: kiek lankytojų, kokie užsakymai.",
        "2": "Facebook grupės, LinkedIn, Kauno prekybos pramonės ir amatų rūmai.",
        "3": "Ne. Dauguma mano, kad tai tik menininkams.",
        "4": "Bendri renginiai, vietiniai tiekėjai, rėmimas paslaugomis.",
        "5": "Apklausos ir susitikimai pagal sektorius.",
        "6": "Viena svetainė su visais kvietimais.",
        "7": "Mažos dotacijos ir matomumas programoje.",
    }
    forwarded_on(
        lab,
        "r2lt01",
        "gmail_web",
        "persiustas-answers-under-questions",
        inv,
        col,
        A,
        "Variant (b) in Gmail: the invitee forwarded the invitation ('Persiųstas laiškas'); the colleague typed each answer under its question inside the forwarded text and forwarded it to the lab; From is the colleague; found by the link.",
        note="Laba diena,\n\npersiunčiu užpildytą klausimyną, atsakymai po kiekvienu klausimu.\n\nPagarbiai\nMantas Petrauskas",
        fwd_note="Mantai, gal gali atsakyti? Ačiū, Rūta",
        dates=(lab_time(lab, datetime(2020, 11, 3, 13, 0)), rdate(lab, 5, 10, 22)),
        under="",
    )
    inv = invite(lab, "Tomas Žukauskas", "tomas.zukauskas@zuko-kava.example.lt")
    A = {
        "1": "Paprasta kalba, be biurokratinių terminų.",
        "2": "Instagram ir Facebook.",
        "3": "Nežinau.",
        "4": "Kavinės galėtų būti renginių vietos.",
        "6": "Naujienlaiškis kartą per mėnesį.",
        "7": "Nuolaidos nuomai renginių metu.",
    }
    bottom = "Sveiki,\n\n" + numbered(A, "{n}. ", "\n") + "\n\nTomas\nZuko kava (example)"
    std(
        lab,
        "r2lt02",
        "thunderbird",
        "bottom_posted",
        "rase-quote-then-answers",
        inv,
        A,
        "Bottom-posted Thunderbird '2020-11-03 10:15, ... rašė:' directly above the quote, answers after it on consecutive lines; 'Nežinau.' IS an answer; format=flowed.",
        bottom=bottom,
        date=rdate(lab, 4, 9, 1),
        flow=True,
        mode="plain",
    )
    inv = invite(lab, "Laura Vaitkutė", "laura.vaitkute@vaitkute-studio.example.lt")
    A = {
        "1": "Show real cases from Kaunas companies. Numbers, not slogans.",
        "2": "LinkedIn, Instagram and the Kaunas startup community events.",
        "3": "Mostly not.",
        "5": "Interviews with studios and freelancers.",
        "7": "Fast micro-grants.",
    }
    bottom = "Hi, answering in English if that's ok:\n\n" + numbered(A, "{n}. ") + "\n\nLaura"
    std(
        lab,
        "r2lt03",
        "outlook_web",
        "bottom_posted",
        "answered-in-english-under-header",
        inv,
        A,
        "Lithuanian questionnaire answered in English, bottom-posted in Outlook on the web: the Nuo/Išsiųsta/Kam/Tema block and the invitation first, the answers after them.",
        bottom=bottom,
        date=rdate(lab, 6, 14, 50),
        language="en",
    )
    inv = invite(lab, "Jonas Kavaliauskas", "jonas.kavaliauskas@kavaliausko-baldai.example.lt")
    A = {
        "1": "Per verslo asociacijas ir rūmus.",
        "2": "Regioninė spauda, radijas.",
        "4": "Baldų gamyba renginių erdvėms.",
        "5": "Nežinau.",
        "6": "Konsultacijos rūmuose.",
    }
    top = (
        "Laba diena,\n\n"
        f"1 kl.: {A['1']}\n\nDėl 2 klausimo: {A['2']}\n\nĮ 4 klausimą: {A['4']}\n\n5) {A['5']}\n\nAtsakymas į 6: {A['6']}\n\n"
        "Pagarbiai\nJonas Kavaliauskas\nUAB „Kavaliausko baldai“ (example)"
    )
    std(
        lab,
        "r2lt04",
        "outlook_windows",
        "local_labels",
        "i-klausima-atsakymas-i",
        inv,
        A,
        "Lithuanian labels: '1 kl.:', 'Dėl 2 klausimo:', 'Į 4 klausimą:', '5)', 'Atsakymas į 6:'; Outlook windows-1257 quoted-printable text + HTML, Nuo/Išsiųsta/Kam/Tema.",
        top=top,
        date=rdate(lab, 5, 13, 17),
        charset="windows-1257",
        hdr_charset="windows-1257",
    )
    inv = invite(lab, "Eglė Jankauskaitė", "egle.jankauskaite@gmail.example.com")
    A = {
        "2": "insta",
        "3": "ne",
        "7": "pinigai ir reklama",
    }
    top = f"2-as: {A['2']}\n3 - {A['3']}\nį 7: {A['7']}"
    std(
        lab,
        "r2lt05",
        "iphone_mail",
        "local_labels",
        "2-as-i-7-phone",
        inv,
        A,
        "Phone: '2-as:' (ordinal suffix), '3 -', lowercase 'į 7:'; 'Išsiųsta iš „iPhone“'; plain.",
        top=top,
        date=rdate(lab, 3, 21, 9),
        mode="plain",
    )
    inv = invite(lab, "Dr. Vytautas Stankevičius", "v.stankevicius@ktu-tyrimai.example.lt")
    A = {
        "1": "manau, kad svarbiausia kalbėti verslo kalba ir rodyti naudą.",
        "2": "veiksmingiausi yra esami tinklai: rūmai, klasteriai, inkubatoriai.",
        "3": "daugelis žino tik pavadinimą.",
        "6": "reikia vieno kontaktinio asmens savivaldybėje.",
        "7": "siūlyčiau viešą pripažinimą ir matomumą.",
    }
    top = (
        "Gerbiami kolegos,\n\n"
        f"Dėl pirmojo klausimo, {A['1']}\n\n"
        f"Atsakydamas į antrąjį klausimą: {A['2']}\n\n"
        f"Kalbant apie trečią klausimą, {A['3']}\n\n"
        f"Dėl šešto klausimo – {A['6']}\n\n"
        f"Ir dėl septinto klausimo: {A['7']}\n\n"
        "Pagarbiai\nDr. Vytautas Stankevičius\nKTU (example)"
    )
    std(
        lab,
        "r2lt06",
        "gmail_web",
        "ordinal_prose",
        "del-pirmojo-septinto-klausimo",
        inv,
        A,
        "Lithuanian cases: 'Dėl pirmojo klausimo,', 'Atsakydamas į antrąjį klausimą:', 'Kalbant apie trečią klausimą,', 'Dėl šešto klausimo –', 'Ir dėl septinto klausimo:'; Gmail '2020-11-03, an, 10:15, ... rašė:'.",
        top=top,
        date=rdate(lab, 9, 11, 11),
    )
    inv = invite(lab, "Giedrė Paulauskė", "giedre.paulauske@yahoo.example.com")
    A = {
        "4": "bendri renginiai su kavinėmis ir parduotuvėmis.",
        "5": "paklausti pačių kūrėjų, pvz. per trumpą apklausą.",
    }
    top = f"Sveiki,\n\nį ketvirtą klausimą atsakyčiau taip: {A['4']}\n\nPenktas klausimas:\n{A['5']}\n\nKitiems neturiu nuomonės.\n\nGiedrė"
    std(
        lab,
        "r2lt07",
        "yahoo",
        "ordinal_prose",
        "i-ketvirta-penktas-klausimas",
        inv,
        A,
        "'į ketvirtą klausimą atsakyčiau taip:' leads into answer 4; 'Penktas klausimas:' is a line of its own (answer on the next line); 'Kitiems neturiu nuomonės.' is a remark about the rest; Yahoo.",
        top=top,
        date=rdate(lab, 7, 19, 40),
    )
    inv = invite(lab, "Andrius Mockus", "andrius.mockus@mockus-it.example.lt")
    a1 = {"1": "Per LinkedIn ir meetupus.", "2": "LinkedIn, Slack bendruomenės.", "3": "Ne."}
    a2 = {"4": "Hakatonai.", "5": "Nežinau.", "6": "API su visais kvietimais.", "7": "Prizai."}
    split_pair(
        lab,
        "r2lt08",
        "gmail_android",
        inv,
        top1="Sveiki,\n" + numbered(a1, "{n}. ", "\n") + "\nLikusius atsiųsiu vėliau.",
        a1=a1,
        top2="Likę atsakymai:\n" + numbered(a2, "{n}. ", "\n"),
        a2=a2,
        what=("pirmi-trys", "like-atsakymai"),
        notes=(
            "Part 1 of 2: 1-3 and 'Likusius atsiųsiu vėliau.'",
            "Part 2 of 2, a reply to part 1: 'Likę atsakymai:' 4-7; 'Nežinau.' IS an answer.",
        ),
        dates=(rdate(lab, 4, 8, 12), rdate(lab, 4, 8, 49)),
    )
    inv = invite(lab, "Rasa Butkienė", "rasa.butkiene@butkiene.example.lt")
    non_answer(
        lab,
        "r2lt10",
        "outlook_windows",
        "empty-reply-only-header-block",
        inv,
        "",
        "Empty reply from Outlook: nothing typed above the Nuo/Išsiųsta/Kam/Tema block and the invitation; not an answer.",
        date=rdate(lab, 5, 15, 3),
        mode="alt",
        charset="windows-1257",
        hdr_charset="windows-1257",
    )


hr_cases()
lt_cases()

# ============================================================================================
# Finnish questionnaire (Oulu 2026)
# ============================================================================================


def fi_cases() -> None:
    lab = "fi"
    inv = invite(lab, "Mikko Heikkinen", "mikko.heikkinen@pohjoisvalo.example.fi")
    col = Person("Sanna Korhonen", "sanna.korhonen@pohjoisvalo.example.fi")
    A = {
        "1": "Konkreettisilla esimerkeillä: kuinka paljon kävijöitä, mitä he ostavat.",
        "2": "Yrittäjäyhdistykset, LinkedIn, Kaleva ja paikallisradio.",
        "3": "Eivät juuri. Moni luulee, että se koskee vain taiteilijoita.",
        "4": "Yhteiset tapahtumat, paikalliset toimittajat, sponsorointi palveluina.",
        "5": "En osaa sanoa.",
        "7": "Pienet avustukset nopeasti ja näkyvyys ohjelmassa.",
    }
    col_text = "Moi Mikko,\n\ntässä vastaukset:\n\n" + numbered(A, "{n}. ") + "\n\nT. Sanna"
    forwarded_colleague(
        lab,
        "r2fi01",
        "thunderbird",
        "thunderbird",
        "valitetty-viesti-colleague",
        inv,
        col,
        A,
        "Variant (a) from Thunderbird: '-------- Välitetty viesti --------' with Aihe/Päivämäärä/Lähettäjä/Vastaanottaja (tab-separated), then the colleague's reply with '1.' answers and her own '>' quote of the invitee's forward; 'En osaa sanoa.' IS an answer; no In-Reply-To, found by the link.",
        note="Hei,\n\nohessa kollegani Sannan vastaukset kyselyyn.\n\nYstävällisin terveisin\nMikko Heikkinen\nPohjoisvalo Oy",
        col_text=col_text,
        fwd_note="Sanna, ehditkö vastata tähän? Kiitos!",
        dates=(lab_time(lab, datetime(2020, 11, 3, 11, 11)), rdate(lab, 4, 15, 5), rdate(lab, 5, 7, 58)),
        mode="plain",
    )
    inv = invite(lab, "Laura Virtanen", "laura.virtanen@gmail.example.com")
    A = {
        "1": "Selkeästi ja lyhyesti, ilman hankekieltä.",
        "2": "Instagram, Facebook-ryhmät ja yrittäjien aamukahvit.",
        "3": "Osittain.",
        "4": "Pop up -myymälät tapahtumien aikana.",
        "6": "Yksi verkkosivu kaikista hauista.",
        "7": "Pienet avustukset ja mentorointi.",
    }
    bottom = "Hei,\n\n" + numbered(A, "{n}) ") + "\n\nTerveisin\nLaura"
    std(
        lab,
        "r2fi02",
        "gmail_web",
        "bottom_posted",
        "kirjoitti-quote-then-answers",
        inv,
        A,
        "Bottom-posted Gmail: 'ti 3. marrask. 2020 klo 10.15 ... (address) kirjoitti:' and the quote first, then '1)' answers.",
        bottom=bottom,
        date=rdate(lab, 4, 19, 30),
    )
    inv = invite(lab, "Jussi Mäkelä", "jussi.makela@icloud.example.com")
    A = {"2": "somessa", "3": "ei", "5": "kysymällä"}
    bottom = f"2. {A['2']}\n3. {A['3']}\n5. {A['5']}"
    std(
        lab,
        "r2fi03",
        "iphone_mail",
        "bottom_posted",
        "under-quote-phone",
        inv,
        A,
        "Bottom-posted from an iPhone: '3.11.2020 kello 10.15, ... kirjoitti:' and the quote first, three one-word answers after it, 'Lähetetty iPhonesta'.",
        bottom=bottom,
        date=rdate(lab, 3, 17, 2),
        mode="plain",
    )
    inv = invite(lab, "Kaisa Niemi", "kaisa.niemi@oulun-kulttuurikeskus.example.fi")
    A = {
        "1": "Yrittäjäjärjestöjen kautta.",
        "2": "Paikallismedia ja LinkedIn.",
        "3": "Eivät tunne riittävästi.",
        "5": "Toimialakohtaiset työpajat.",
        "6": "Yksi yhteyshenkilö kaupungilla.",
    }
    top = (
        "Hei,\n\n"
        f"K1: {A['1']}\n\nKohta 2: {A['2']}\n\nVastaus kysymykseen 3: {A['3']}\n\nKysymys 5: {A['5']}\n\n6) {A['6']}\n\n"
        "Ystävällisin terveisin\nKaisa Niemi\nOulun kulttuurikeskus (example)"
    )
    std(
        lab,
        "r2fi04",
        "outlook_windows",
        "local_labels",
        "k1-kohta-vastaus-kysymykseen",
        inv,
        A,
        "Finnish labels: 'K1:', 'Kohta 2:', 'Vastaus kysymykseen 3:', 'Kysymys 5:', '6)'; Outlook Lähettäjä/Lähetetty/Vastaanottaja/Aihe block; iso-8859-15 quoted-printable; subject 'Vs:'.",
        top=top,
        date=rdate(lab, 5, 12, 1),
        charset="iso-8859-15",
        hdr_charset="iso-8859-15",
    )
    inv = invite(lab, "Ville Laine", "ville.laine@laine-kahvila.example.fi")
    A = {"1": "somessa videoilla", "4": "kahvilat tapahtumapaikoiksi", "7": "rahalla"}
    top = f"Moi\n1 - {A['1']}\nnelonen: {A['4']}\nseiskaan {A['7']}\nVille"
    std(
        lab,
        "r2fi05",
        "samsung_email",
        "local_labels",
        "nelonen-seiskaan-phone",
        inv,
        A,
        "Phone colloquial labels: '1 -', 'nelonen:' (number word 'the four'), 'seiskaan' (illative of 'seiska' = to the seven); Samsung Email with '-------- Alkuperäinen viesti --------'.",
        top=top,
        date=rdate(lab, 6, 20, 20),
    )
    inv = invite(lab, "Anna-Liisa Koskinen", "anna-liisa.koskinen@oamk-tutkimus.example.fi")
    A = {
        "1": "viestin pitäisi kertoa konkreettisesti, mitä yritys voi saada: asiakkaita, tilauksia, näkyvyyttä.",
        "2": "totean, että olemassa olevat verkostot ovat tehokkaimpia.",
        "3": "vastaisin, että tunnettuus on heikkoa muualla kuin matkailualalla.",
        "4": "yhteistyö voisi olla esimerkiksi yhteisiä tuotteita, tapahtumia ja paikallisia hankintoja.",
        "7": "näkyvyys ja tunnustus ovat yhtä tärkeitä kuin raha.",
    }
    top = (
        "Hyvä projektitiimi,\n\n"
        f"Ensimmäiseen kysymykseen: {A['1']}\n\n"
        f"Toisesta kysymyksestä {A['2']}\n\n"
        f"Kolmanteen kysymykseen {A['3']}\n\n"
        f"Neljännen kysymyksen osalta {A['4']}\n\n"
        f"Viimeiseen kysymykseen: {A['7']}\n\n"
        "Ystävällisin terveisin\nAnna-Liisa Koskinen\nOulun ammattikorkeakoulu (example)"
    )
    std(
        lab,
        "r2fi06",
        "apple_mail",
        "ordinal_prose",
        "ensimmaiseen-kolmanteen-viimeiseen",
        inv,
        A,
        "Finnish cases: 'Ensimmäiseen kysymykseen:', 'Toisesta kysymyksestä' (elative, no punctuation: the answer starts at 'totean'), 'Kolmanteen kysymykseen' (illative, answer starts at 'vastaisin'), 'Neljännen kysymyksen osalta', 'Viimeiseen kysymykseen:' (= 7); Apple Mail HTML only.",
        top=top,
        date=rdate(lab, 9, 14, 8),
        mode="html",
        flags=["html_only"],
    )
    inv = invite(lab, "Tuomas Lehtonen", "tuomas.lehtonen@lehtonen-design.example.fi")
    A = {
        "3": "Only the ones in tourism know about it.",
        "5": "Design studios should be asked directly, in small groups.",
    }
    top = f"Hi,\n\nAs for the third question: {A['3']}\n\nOn question five, {A['5']}\n\nTuomas"
    std(
        lab,
        "r2fi07",
        "thunderbird",
        "ordinal_prose",
        "answered-in-english-tb",
        inv,
        A,
        "Finnish questionnaire answered in English: 'As for the third question:', 'On question five,'; Thunderbird with Finnish UI ('3.11.2020 klo 10.15, ... kirjoitti:').",
        top=top,
        date=rdate(lab, 6, 11, 40),
        language="en",
        flow=True,
        mode="plain",
    )
    inv = invite(lab, "Heidi Salo", "heidi.salo@salo-majoitus.example.fi")
    a1 = {"1": "Matkailuyhdistyksen kautta.", "2": "Facebook.", "3": "Ei."}
    a2 = {
        "2": "Facebook ja Instagram, myös Visit Oulu.",
        "4": "Majoituspaketit.",
        "6": "Uutiskirje.",
        "7": "Alennukset.",
    }
    split_pair(
        lab,
        "r2fi08",
        "gmail_web",
        inv,
        top1="Hei\n\n" + numbered(a1, "{n}. ", "\n") + "\n\nLoput myöhemmin.\nHeidi",
        a1=a1,
        top2="Tässä loput, ja kakkoseen vielä lisäys:\n\n" + numbered(a2, "{n}. ", "\n") + "\n\nHeidi",
        a2=a2,
        what=("kolme-ensimmaista", "loput-ja-kakkonen-uudestaan"),
        notes=(
            "Part 1 of 2: answers 1-3, 'Loput myöhemmin.'.",
            "Part 2 of 2, a reply to part 1: 2 answered again (merged keeps the later text), 4, 6, 7.",
        ),
        dates=(rdate(lab, 4, 9, 0), rdate(lab, 5, 21, 17)),
    )
    inv = invite(lab, "Petri Hämäläinen", "petri.hamalainen@hamalainen.example.fi")
    non_answer(
        lab,
        "r2fi10",
        "outlook_windows",
        "poissa-automaattinen-vastaus",
        inv,
        "Olen lomalla 13.11.2020 asti. Kiireellisissä asioissa ota yhteyttä: info@hamalainen.example.fi\n\nI am on holiday until 13 November 2020.",
        "Bilingual out-of-office 'Automaattinen vastaus:' with Auto-Submitted: auto-generated; no quote.",
        date=rdate(lab, 3, 10, 15, 30),
        quote=False,
        auto=True,
        subject="Automaattinen vastaus: " + inv.subject,
        extra=[("Auto-Submitted", "auto-generated")],
    )


# ============================================================================================
# German questionnaire (Chemnitz 2025)
# ============================================================================================


def de_cases() -> None:
    lab = "de"
    inv = invite(lab, "Stefan Richter", "s.richter@richter-metallbau.example.de")
    col = Person("Claudia Wagner", "c.wagner@richter-metallbau.example.de")
    A = {
        "1": "Mit konkreten Zahlen: Besucher, Aufträge, Umsatz. Kulturbegriffe schrecken eher ab.",
        "2": "IHK, Handwerkskammer, Freie Presse und die Unternehmerstammtische.",
        "3": "Kaum. Die meisten denken, das betrifft nur Theater und Museen.",
        "4": "Metallbau für Bühnen und Installationen, Sponsoring in Form von Sachleistungen.",
        "6": "Ein Ansprechpartner bei der Stadt, der auch ans Telefon geht.",
    }
    col_text = (
        "Hallo Stefan,\n\nhier meine Antworten, schau bitte nochmal drüber:\n\n"
        + numbered(A, "{n}. ")
        + "\n\nZu 5 und 7 fällt mir nichts ein.\n\nGruß\nClaudia"
    )
    forwarded_colleague(
        lab,
        "r2de01",
        "apple_mail",
        "outlook_windows",
        "anfang-der-weitergeleiteten-nachricht",
        inv,
        col,
        A,
        "Variant (a) from Apple Mail: 'Anfang der weitergeleiteten Nachricht:' (Von/Betreff/Datum/An), then the colleague's Outlook reply ('1.' answers) over Von/Gesendet/An/Betreff and the invitee's 'WG:'; "
        "'Zu 5 und 7 fällt mir nichts ein' is a remark to the colleague; no In-Reply-To, found by the link.",
        note="Guten Tag,\n\nanbei die Antworten meiner Kollegin Frau Wagner.\n\nMit freundlichen Grüßen\nStefan Richter\nRichter Metallbau GmbH",
        col_text=col_text,
        fwd_note="Claudia, kannst du das bitte übernehmen? Danke, Stefan",
        dates=(lab_time(lab, datetime(2020, 11, 3, 10, 52)), rdate(lab, 4, 16, 10), rdate(lab, 5, 8, 20)),
    )
    inv = invite(lab, "Katharina Schulz", "katharina.schulz@web.example.de")
    A = {
        "1": "Klar und kurz, ohne Projektsprache.",
        "2": "Instagram, LinkedIn, Freie Presse.",
        "3": "Nein.",
        "4": "Gemeinsame Veranstaltungen, regionale Produkte im Programm.",
        "5": "Umfrage und Workshops nach Branchen.",
        "6": "Eine zentrale Webseite.",
        "7": "Kleine Förderbeträge, schnell und unbürokratisch.",
    }
    bottom = (
        "Hallo,\n\nhier meine Antworten:\n\n" + numbered(A, "{n}) ") + "\n\nViele Grüße\nKatharina Schulz"
    )
    std(
        lab,
        "r2de02",
        "thunderbird",
        "bottom_posted",
        "am-schrieb-quote-then-answers",
        inv,
        A,
        "Bottom-posted Thunderbird: 'Am 03.11.20 um 10:15 schrieb ECoC-SME Chemnitz:' directly above the quote, then '1)' answers; HTML + text with moz-cite-prefix above the answers.",
        bottom=bottom,
        date=rdate(lab, 4, 20, 33),
    )
    inv = invite(lab, "Jan Hoffmann", "jan.hoffmann@posteo.example.de")
    A = {"1": "Über Leute, die man kennt.", "3": "Eher nicht.", "7": "Geld und Sichtbarkeit."}
    bottom = numbered(A, "{n}. ", "\n") + "\n\nJan"
    std(
        lab,
        "r2de03",
        "iphone_mail",
        "bottom_posted",
        "unter-dem-zitat-phone",
        inv,
        A,
        "Bottom-posted from an iPhone: 'Am 03.11.2020 um 10:15 schrieb ...:' and the quote first, three answers after it, 'Von meinem iPhone gesendet' last.",
        bottom=bottom,
        date=rdate(lab, 3, 19, 55),
        mode="plain",
    )
    inv = invite(lab, "Dr. Andrea Neumann", "andrea.neumann@kreativ-sachsen.example.de")
    A = {
        "1": "Über die Kammern und Verbände, mit konkreten Beispielen.",
        "2": "Newsletter der Kammern, LinkedIn, regionale Presse.",
        "3": "Teilweise - Kreativwirtschaft ja, klassischer Mittelstand kaum.",
        "4": "Kooperationsprojekte zwischen Unternehmen und Kulturschaffenden, z. B.:\n- Residenzen in Betrieben\n- gemeinsame Produkte\n- Sponsoring in Sachleistungen",
        "5": "Branchendialoge und eine jährliche Erhebung.",
        "7": "Schnelle Kleinförderung und Sichtbarkeit im Programm.",
    }
    top = (
        "Sehr geehrte Damen und Herren,\n\nanbei unsere Antworten.\n\n"
        f"Zu 1.: {A['1']}\n\nzu Frage 2: {A['2']}\n\nAd 3) {A['3']}\n\nAntwort auf 4:\n{A['4']}\n\nFrage 5 - {A['5']}\n\nzu 7. {A['7']}\n\n"
        "Mit freundlichen Grüßen\n\nDr. Andrea Neumann\nGeschäftsführerin\nKreativ Sachsen e. V. (example)\nVereinsregister: VR 0000, Amtsgericht Chemnitz"
    )
    std(
        lab,
        "r2de04",
        "outlook_windows",
        "local_labels",
        "zu-ad-antwort-auf-frage",
        inv,
        A,
        "German labels: 'Zu 1.:', 'zu Frage 2:', 'Ad 3)', 'Antwort auf 4:' (answer on the next lines, with a dash list kept verbatim), 'Frage 5 -', 'zu 7.'; Outlook Von/Gesendet/An/Betreff; iso-8859-15 QP; subject 'AW:'.",
        top=top,
        date=rdate(lab, 5, 11, 2),
        charset="iso-8859-15",
        hdr_charset="iso-8859-15",
    )
    inv = invite(lab, "Lukas Meyer", "lukas.meyer@gmail.example.com")
    A = {"2": "insta, tiktok", "4": "pop-up stores", "6": "ne app"}
    top = f"hi\nzu 2: {A['2']}\nbei 4 - {A['4']}\n6) {A['6']}\nlg lukas"
    std(
        lab,
        "r2de05",
        "gmail_android",
        "local_labels",
        "zu-bei-lowercase-phone",
        inv,
        A,
        "Phone, lowercase: 'zu 2:', 'bei 4 -', '6)'; 'lg lukas' sign-off; Gmail for Android.",
        top=top,
        date=rdate(lab, 6, 22, 41),
    )
    inv = invite(lab, "Thomas Becker", "thomas.becker@becker-druck.example.de")
    A = {
        "1": "Aus meiner Sicht braucht es vor allem Beispiele aus der Region.",
        "2": "würde ich auf IHK und Handwerkskammer setzen.",
        "3": "kann ich nur für unsere Branche sprechen: kaum bekannt.",
        "4": "Druckaufträge, Werbematerial, Beschilderung – das können regionale Betriebe alles liefern.",
        "7": "weniger Bürokratie und schnelle Zahlungen.",
    }
    top = (
        "Guten Tag,\n\n"
        f"Zur ersten Frage:\n{A['1']}\n\n"
        f"Bei der zweiten Frage {A['2']}\n\n"
        f"Was die dritte Frage betrifft, {A['3']}\n\n"
        f"Zur vierten Frage: {A['4']}\n\n"
        f"Und zur letzten Frage: {A['7']}\n\n"
        "Mit freundlichen Grüßen\nThomas Becker\nBecker Druck GmbH & Co. KG (example)"
    )
    std(
        lab,
        "r2de06",
        "outlook_mac",
        "ordinal_prose",
        "zur-ersten-frage-was-die-dritte",
        inv,
        A,
        "Prose: 'Zur ersten Frage:' as its own line, 'Bei der zweiten Frage' (no punctuation: the answer starts at 'würde'), 'Was die dritte Frage betrifft,', 'Zur vierten Frage:', 'Und zur letzten Frage:' (= 7); Outlook for Mac (Von/Datum/An/Betreff).",
        top=top,
        date=rdate(lab, 9, 9, 9),
    )
    inv = invite(lab, "Miriam Krause", "miriam.krause@protonmail.example.com")
    A = {
        "3": "Nein, in meinem Umfeld niemand.",
        "5": "Fragen! Am besten in kleinen Runden.",
        "6": "Ein Newsletter nur mit Förderaufrufen.",
    }
    top = f"Hallo,\n\nzur dritten Frage: {A['3']}\n\nBezüglich der fünften Frage – {A['5']}\n\nHinsichtlich der sechsten Frage: {A['6']}\n\nP.S. Die anderen Fragen kann ich nicht beantworten.\n\nMiriam"
    std(
        lab,
        "r2de07",
        "proton",
        "ordinal_prose",
        "bezueglich-hinsichtlich-ps",
        inv,
        A,
        "Prose: 'zur dritten Frage:', 'Bezüglich der fünften Frage –', 'Hinsichtlich der sechsten Frage:'; the 'P.S.' line is no answer; Proton Mail text + HTML.",
        top=top,
        date=rdate(lab, 7, 10, 10),
    )
    inv = invite(lab, "Michael Schneider", "michael.schneider@schneider-gastro.example.de")
    a1 = {
        "1": "Über den DEHOGA.",
        "2": "Newsletter, Facebook.",
        "3": "Teilweise.",
        "4": "Catering bei Veranstaltungen.",
    }
    a2 = {"5": "Weiß ich nicht.", "6": "Infoabende.", "7": "Zuschüsse für Personal an Veranstaltungstagen."}
    split_pair(
        lab,
        "r2de08",
        "samsung_email",
        inv,
        top1="Hallo,\n" + numbered(a1, "{n}. ", "\n") + "\nRest kommt noch.\nMichael",
        a1=a1,
        top2="Hier der Rest:\n" + numbered(a2, "{n}. ", "\n") + "\nMichael",
        a2=a2,
        what=("erste-vier", "hier-der-rest"),
        notes=(
            "Part 1 of 2 from Samsung Email: answers 1-4, 'Rest kommt noch.'.",
            "Part 2 of 2, again a reply to the invitation: 5-7; 'Weiß ich nicht.' IS an answer.",
        ),
        dates=(rdate(lab, 4, 12, 12), rdate(lab, 5, 18, 0)),
        quote_first=False,
    )
    inv = invite(lab, "Sabine Wolf", "sabine.wolf@wolf-immobilien.example.de")
    non_answer(
        lab,
        "r2de10",
        "gmail_web",
        "antworte-spaeter",
        inv,
        "Hallo,\n\ndanke für die Einladung, ich melde mich nächste Woche mit den Antworten.\n\nViele Grüße\nSabine Wolf",
        "'ich melde mich nächste Woche mit den Antworten': will answer later; not an answer, no flag.",
        date=rdate(lab, 3, 16, 30),
        mode="alt",
    )
    inv = invite(lab, "Frank Zimmermann", "frank.zimmermann@zimmermann-holz.example.de")
    non_answer(
        lab,
        "r2de11",
        "outlook_windows",
        "abwesenheit-ohne-header",
        inv,
        "Vielen Dank für Ihre Nachricht. Ich bin bis zum 20.11.2020 nicht im Büro und habe keinen Zugriff auf meine E-Mails. "
        "Ihre Nachricht wird nicht weitergeleitet.\n\nMit freundlichen Grüßen\nFrank Zimmermann",
        "Out-of-office 'Abwesend: ...' from an old mail server, with neither Auto-Submitted nor X-Autoreply (only the words tell); auto_reply.",
        date=rdate(lab, 3, 10, 16, 5),
        quote=False,
        auto=True,
        subject="Abwesend: " + inv.subject,
    )


fi_cases()
de_cases()

# @@CASES@@


# ============================================================================================
# Writing, checking, README
# ============================================================================================

EXPECTED_KEYS = [*bc.EXPECTED_KEYS, "category", "client"]
README_START = "<!-- round two: start (written by build_round2.py) -->"
README_END = "<!-- round two: end -->"


def slug(c: Case) -> str:
    return f"{c.lang}_{c.category}-{c.client}-{c.what}"


def expected_of(c: Case) -> dict:
    out = {
        "questions": f"questions.{c.lang}.json",
        "is_answer": c.is_answer,
        "sender": c.sender.lower(),
        "answers": {k: c.answers[k] for k in sorted(c.answers, key=int)},
        "flags": list(c.flags),
        "invitation": {"message_id": c.invitation_mid, "token": c.token},
        "language": c.language,
        "notes": c.notes,
        "unmapped_text": None,
        "category": c.category,
        "client": c.client,
    }
    if c.split:
        out["split"] = c.split
    return out


def to_bytes(c: Case) -> bytes:
    data = c.msg if isinstance(c.msg, bytes) else c.msg.as_bytes(policy=policy.default.clone(linesep="\n"))
    if c.crlf:
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return data


QUOTE_MARK = re.compile(r"(?m)^[ \t]*(?:>[ \t]?)+")


def norm(s: str) -> str:
    return bc.norm(QUOTE_MARK.sub("", s.replace("\r\n", "\n")))


def leaves(msg):
    if (
        msg.get_content_maintype() == "message" and msg.get_content_subtype() != "rfc822"
    ) or not msg.is_multipart():
        yield msg
        return
    for sub in msg.get_payload():
        yield from leaves(sub)


def decoded(msg) -> tuple[list[str], list[str], list[str], list[str]]:
    """plain texts, HTML texts (as text), all texts, leaf descriptions."""
    plain, htmls, alltext, desc = [], [], [], []
    for part in leaves(msg):
        ctype = part.get_content_type()
        cte = (part.get("Content-Transfer-Encoding") or "7bit").lower()
        charset = part.get_content_charset()
        desc.append(f"{ctype} {charset or '-'} {cte}".replace(" -", ""))
        if part.get_content_maintype() == "message":
            alltext.append(str(part))
            continue
        if part.get_content_maintype() != "text":
            continue
        raw = part.get_payload(decode=True)
        if charset:
            raw.decode(charset)  # strict: the bytes really are in the declared charset
        content = part.get_content()
        if "\ufffd" in content:
            raise AssertionError(f"replacement character in {ctype}")
        if ctype == "text/plain" and part.get_content_disposition() != "attachment":
            plain.append(content)
        elif ctype == "text/html":
            htmls.append(bc.html_to_text(content))
        alltext.append(content)
    return plain, htmls, alltext, desc


def check(stem: str, c: Case) -> dict:
    raw = (HERE / f"{stem}.eml").read_bytes()
    exp = json.loads((HERE / f"{stem}.expected.json").read_text(encoding="utf-8"))
    problems = []

    def need(cond, what):
        if not cond:
            problems.append(what)

    need(list(exp)[: len(EXPECTED_KEYS)] == EXPECTED_KEYS, f"keys {list(exp)}")
    need(set(exp["flags"]) <= bc.FLAG_NAMES, f"flags {exp['flags']}")
    need(set(exp["answers"]) <= {str(i) for i in range(1, 8)}, "answer keys")
    need(
        all(isinstance(v, str) and v == v.strip() and v for v in exp["answers"].values()),
        "answer text trimmed",
    )
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    for h in ("Message-ID", "From", "To", "Date", "Subject"):
        need(msg[h] is not None, f"header {h}")
    need(msg["X-Example"] == "true", "X-Example")
    need(parseaddr(str(msg["From"]))[1].lower() == exp["sender"], f"sender {msg['From']}")
    to_addrs = [a.lower() for _, a in getaddresses([str(msg["To"]), str(msg.get("Cc", ""))])]
    need(bc.LABS[c.lang].mailbox in to_addrs, f"To {to_addrs}")
    plain, htmls, alltext, desc = decoded(msg)
    if isinstance(c.msg, EmailMessage):
        need(
            bc.decoded_leaves(c.msg) == bc.decoded_leaves(msg), "decoded bodies differ from the built message"
        )
    ids = f"{msg.get('In-Reply-To', '')} {msg.get('References', '')}"
    mid = exp["invitation"]["message_id"]
    if mid:
        need(mid in ids, "invitation message id")
    else:
        need("invitation-" not in ids, "no invitation id expected")
    tok = exp["invitation"]["token"]
    everything = "\n".join(alltext)
    if tok:
        need(tok in everything, "token in text")
    else:
        need("/labs/answer/" not in everything, "no link expected")
    need(("html_only" in exp["flags"]) == (not plain and bool(htmls)), "html_only flag")
    src = norm("\n".join(plain) if plain else "\n".join(htmls))
    for k, v in exp["answers"].items():
        need(norm(v) in src, f"answer {k} not found in decoded text: {v[:50]!r}")
    if not exp["is_answer"]:
        need(not exp["answers"], "non-answer with answers")
        need(exp["category"] == "non_answer", "non-answer category")
    else:
        need(bool(exp["answers"]), "answer without answers")
        need(("partial" in exp["flags"]) == (len(exp["answers"]) < 7), "partial flag")
    need(("different_language" in exp["flags"]) == (exp["language"] != c.lang), "different_language flag")
    if c.split:
        need(exp["category"] == "split" and exp["split"]["merged"], "split shape")
    if problems:
        raise AssertionError(f"{stem}: " + "; ".join(problems))
    return {"leaves": desc}


def write_invitations() -> None:
    data = [
        {
            "id": inv.id,
            "message_id": inv.message_id,
            "token": inv.token,
            "link": inv.link,
            "questions": f"questions.{inv.lang}.json",
            "language": inv.lang,
            "invitee_name": inv.name,
            "invitee_email": inv.email,
            "project_mailbox": inv.lab.mailbox,
            "subject": inv.subject,
            "sent": inv.sent.isoformat(),
            "link_expires": "2020-11-30",
        }
        for inv in INVITATIONS
    ]
    (HERE / "invitations_round2.json").write_text(bc.dump_json(data), encoding="utf-8")


def readme_section(rows: list[dict]) -> str:
    out = [
        README_START,
        "\n## Round two: replies as people really write them (054 onwards)\n\n",
        "Written by `build_round2.py` (run it after `build_corpus.py`: round one's generator deletes every\n"
        "`NNN_*` file and rewrites this README, the round-two generator writes its cases and this section\n"
        "again):\n\n    python3 build_corpus.py && python3 build_round2.py\n\n"
        "Its invitations are in `invitations_round2.json` (inv-0100 onwards, same shape as `invitations.json`).\n"
        "Every round-two `.expected.json` has two more keys: `category` and `client`; a reply split over two\n"
        'mails (`NNN_a_...`, `NNN_b_...`) also has `split`: `{"group", "part", "merged"}` where `merged` is\n'
        "what the lab should hold after both parts (a question answered again in part 2 takes the later text).\n\n"
        "Categories:\n\n"
        "* `forwarded` - the answers sit in a forwarded part; the forwarder's own lines are not answers; the\n"
        "  invitation is the invitee's (by the quoted link's token, or by References). `sender` is the From of\n"
        "  the mail as received, which may be the colleague, not the invitee.\n"
        "* `bottom_posted` - the answers come after the quoted questionnaire (all at the end, or numbered\n"
        "  under the whole quote).\n"
        "* `local_labels` - answers labelled in the respondent's words (`Zu 1.:`, `ad 3`, `Na pitanje 3:`,\n"
        "  `Į 4 klausimą:`, `Vastaus kysymykseen 5:`, `(3)`, `III.`, ...), often mixed in one mail.\n"
        "* `ordinal_prose` - paragraphs that name the question in words (`la prima întrebare`, `zur dritten\n"
        "  Frage`, `što se tiče pete`, `dėl septinto klausimo`, `kolmanteen kysymykseen`, `on the last\n"
        "  question`); the answer is the paragraph's text after the referring phrase and its punctuation,\n"
        "  or what follows when the phrase is a sentence of its own.\n"
        "* `split` - one person's answers over two mails; `merged` in both files.\n"
        "* `non_answer` - never counted (`is_answer: false`, no answers): out-of-office (with or without\n"
        "  Auto-Submitted), empty reply, signature only, 'will answer later', 'remove me', a read receipt,\n"
        "  a calendar reply. Machine-written ones (out-of-office, read receipt, calendar reply) carry `auto_reply`.\n"
        "* `classic` - anything else worth having.\n\n",
    ]
    cats = {cat: sum(1 for r in rows if r["case"].category == cat) for cat in CATEGORIES}
    clients = sorted({r["case"].client for r in rows})
    out.append("Mails per category: " + ", ".join(f"{k} {v}" for k, v in cats.items() if v) + ".\n\n")
    out.append("Clients imitated: " + ", ".join(f"`{x}`" for x in clients) + ".\n\n")
    out.append(
        "| # | file | q | ans | invitation | category | client | flags | answered | parts | what is tricky |\n"
    )
    out.append("|---|---|---|---|---|---|---|---|---|---|---|\n")
    for r in rows:
        c = r["case"]
        answered = ",".join(sorted(c.answers, key=int)) or "-"
        out.append(
            f"| {r['n']} | `{r['stem']}` | {c.lang} | {c.language} | {c.invitation.id} | {c.category} | {c.client} | "
            f"{', '.join(c.flags) or '-'} | {answered} | {'<br>'.join(r['leaves'])} | {c.notes.replace('|', '/')} |\n"
        )
    out.append("\n" + README_END + "\n")
    return "".join(out)


def write_readme(rows: list[dict]) -> None:
    path = HERE / "README.md"
    text = path.read_text(encoding="utf-8")
    section = readme_section(rows)
    if README_START in text and README_END in text:
        head, rest = text.split(README_START, 1)
        tail = rest.split(README_END, 1)[1].lstrip("\n")
        text = head + section + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main() -> int:
    for old in HERE.glob("[0-9][0-9][0-9]_*"):
        if FIRST_NUMBER <= int(old.name[:3]) < 200:  # round three (build_round3.py) starts at 200
            old.unlink()
    write_invitations()
    written = []
    for i, entry in enumerate(CASES, FIRST_NUMBER):
        group = entry if isinstance(entry, tuple) else (entry,)
        for c in group:
            stem = f"{i:03d}_{c.part + '_' if c.part else ''}{slug(c)}"
            (HERE / f"{stem}.eml").write_bytes(to_bytes(c))
            (HERE / f"{stem}.expected.json").write_text(bc.dump_json(expected_of(c)), encoding="utf-8")
            written.append((f"{i:03d}{c.part}", stem, c))
    rows = [{"n": n, "stem": stem, "case": c, **check(stem, c)} for n, stem, c in written]
    write_readme(rows)
    print(f"{len(rows)} round-two mails ({len(CASES)} cases) written and checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
