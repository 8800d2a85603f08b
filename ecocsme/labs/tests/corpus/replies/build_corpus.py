#!/usr/bin/env python3
# ruff: noqa: E501
"""Build the e-mail reply corpus for the Local Learning Lab reply parser.

Run ``python3 build_corpus.py`` in this folder. It (re)writes, deterministically:

* ``questions.<lang>.json``   the seven Local Learning Lab 2 questions per language;
* ``invitations.json``        every invitation the replies refer to (id, Message-ID, token, invitee);
* ``NNN_<slug>.eml``          one reply (or auto-reply / bounce) per file;
* ``NNN_<slug>.expected.json`` what the parser should get out of it;
* ``README.md``               the case list and the coverage matrix;

and then re-reads every file to check it (parses with ``email.policy.default``, decodes the
bodies, and checks that every expected answer really is in the decoded text).

All people, organisations, addresses and phone numbers are invented; every mail carries an
``X-Example: true`` header. Only the standard library is used.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import io
import json
import re
import sys
import textwrap
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime, getaddresses, parseaddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLATFORM = "platform.example.org"
EET = timezone(timedelta(hours=2))
CET = timezone(timedelta(hours=1))

# --------------------------------------------------------------------------------------------
# The questionnaires
# --------------------------------------------------------------------------------------------

# Verbatim from the Timișoara Local Learning Lab 2 (mixes cedilla ş/ţ and comma-below ș/ț).
QUESTIONS: dict[str, list[str]] = {
    "ro": [
        "Cum putem comunica eficient IMM-urilor/startup-urilor rolul şi nevoile programul CEaC?",
        "Ce canale pot fi folosite în acest sens?",
        "Cunosc IMM-urile/startup-urile potențialul CEaC?",
        "Care credeți că ar putea fi modurile de cooperare între comunitatea de afaceri și Timișoara 2021?",
        "Cum putem identifica nevoile sectorului creativ în relaţia cu programul CEaC pentru a conştientiza oportunităţile antreprenoriale?",
        "Cum se poate facilita accesul la informațiile necesare antreprenorilor pentru a acționa?",
        "Cum pot fi determinate IMM-urile/startup-urile să dezvolte inițiative în legătură cu mega evenimentul CEaC?",
    ],
    "en": [
        "How can we effectively communicate the role and needs of the ECoC programme to SMEs/startups?",
        "What channels can be used for this purpose?",
        "Are SMEs/startups aware of the potential of the ECoC?",
        "What do you think the ways of cooperation between the business community and Timișoara 2021 could be?",
        "How can we identify the needs of the creative sector in relation to the ECoC programme in order to raise awareness of entrepreneurial opportunities?",
        "How can access to the information entrepreneurs need in order to act be facilitated?",
        "How can SMEs/startups be encouraged to develop initiatives related to the ECoC mega-event?",
    ],
    "it": [
        "Come possiamo comunicare in modo efficace alle PMI/startup il ruolo e le esigenze del programma della Capitale Europea della Cultura?",
        "Quali canali si possono utilizzare a questo scopo?",
        "Le PMI/startup conoscono il potenziale della Capitale Europea della Cultura?",
        "Quali potrebbero essere, secondo Lei, le modalità di cooperazione tra la comunità imprenditoriale e Matera 2019?",
        "Come possiamo individuare le esigenze del settore creativo in relazione al programma della Capitale Europea della Cultura, per far conoscere le opportunità imprenditoriali?",
        "Come si può facilitare l'accesso alle informazioni di cui gli imprenditori hanno bisogno per agire?",
        "Come si possono incoraggiare le PMI/startup a sviluppare iniziative legate al mega-evento della Capitale Europea della Cultura?",
    ],
    "nl": [
        "Hoe kunnen we de rol en de behoeften van het programma van de Culturele Hoofdstad van Europa effectief overbrengen aan mkb-bedrijven/startups?",
        "Welke kanalen kunnen daarvoor worden gebruikt?",
        "Kennen mkb-bedrijven/startups het potentieel van de Culturele Hoofdstad van Europa?",
        "Welke vormen van samenwerking tussen het bedrijfsleven en Leeuwarden-Fryslân 2018 zijn volgens u mogelijk?",
        "Hoe kunnen we de behoeften van de creatieve sector in relatie tot het programma van de Culturele Hoofdstad in kaart brengen, zodat ondernemerskansen zichtbaar worden?",
        "Hoe kan de toegang tot de informatie die ondernemers nodig hebben om in actie te komen, worden vergemakkelijkt?",
        "Hoe kunnen mkb-bedrijven/startups worden gestimuleerd om initiatieven te ontwikkelen rond het mega-evenement Culturele Hoofdstad van Europa?",
    ],
    "hr": [
        "Kako možemo malim i srednjim poduzećima (MSP) i startupima učinkovito komunicirati ulogu i potrebe programa Europske prijestolnice kulture?",
        "Koji se kanali mogu koristiti u tu svrhu?",
        "Poznaju li MSP-ovi/startupi potencijal Europske prijestolnice kulture?",
        "Koji bi, prema Vašem mišljenju, mogli biti načini suradnje između poslovne zajednice i projekta Rijeka 2020?",
        "Kako možemo utvrditi potrebe kreativnog sektora u odnosu na program Europske prijestolnice kulture kako bi se osvijestile poduzetničke prilike?",
        "Kako se može olakšati pristup informacijama koje su poduzetnicima potrebne da bi djelovali?",
        "Kako potaknuti MSP-ove/startupe da razviju inicijative povezane s mega-događajem Europske prijestolnice kulture?",
    ],
    "lt": [
        "Kaip galime veiksmingai perteikti MVĮ ir startuoliams Europos kultūros sostinės programos vaidmenį ir poreikius?",
        "Kokius kanalus galima tam naudoti?",
        "Ar MVĮ ir startuoliai žino Europos kultūros sostinės potencialą?",
        "Kokie, jūsų manymu, galėtų būti verslo bendruomenės ir „Kaunas 2022“ bendradarbiavimo būdai?",
        "Kaip galime nustatyti kūrybinio sektoriaus poreikius, susijusius su Europos kultūros sostinės programa, kad būtų atskleistos verslumo galimybės?",
        "Kaip palengvinti prieigą prie informacijos, kurios verslininkams reikia, kad jie imtųsi veiksmų?",
        "Kaip paskatinti MVĮ ir startuolius kurti iniciatyvas, susijusias su Europos kultūros sostinės megarenginiu?",
    ],
    "de": [
        "Wie können wir KMU/Start-ups die Rolle und die Bedürfnisse des Programms der Kulturhauptstadt Europas wirksam vermitteln?",
        "Welche Kanäle können dafür genutzt werden?",
        "Kennen KMU/Start-ups das Potenzial der Kulturhauptstadt Europas?",
        "Welche Formen der Zusammenarbeit zwischen der Wirtschaft und Chemnitz 2025 sind Ihrer Meinung nach denkbar?",
        "Wie können wir die Bedürfnisse der Kreativwirtschaft im Zusammenhang mit dem Programm der Kulturhauptstadt ermitteln, um unternehmerische Chancen bewusst zu machen?",
        "Wie kann der Zugang zu den Informationen erleichtert werden, die Unternehmerinnen und Unternehmer zum Handeln brauchen?",
        "Wie können KMU/Start-ups dazu bewegt werden, Initiativen rund um das Großereignis Kulturhauptstadt Europas zu entwickeln?",
    ],
    "fi": [
        "Miten voimme viestiä pk-yrityksille ja startupeille tehokkaasti Euroopan kulttuuripääkaupunkiohjelman roolista ja tarpeista?",
        "Mitä kanavia tähän voidaan käyttää?",
        "Tuntevatko pk-yritykset ja startupit kulttuuripääkaupunkivuoden mahdollisuudet?",
        "Millaisia yhteistyön muotoja yritysyhteisön ja Oulu 2026 -hankkeen välillä voisi mielestänne olla?",
        "Miten voimme tunnistaa luovan alan tarpeet suhteessa kulttuuripääkaupunkiohjelmaan, jotta yrittäjyyden mahdollisuudet tulisivat tunnetuiksi?",
        "Miten yrittäjien tarvitsemaa tietoa voidaan tehdä helpommin saataville, jotta he voivat toimia?",
        "Miten pk-yrityksiä ja startupeja voidaan kannustaa kehittämään kulttuuripääkaupunki-suurtapahtumaan liittyviä aloitteita?",
    ],
}
LANGS = ["ro", "en", "it", "nl", "hr", "lt", "de", "fi"]


@dataclass(frozen=True)
class Lab:
    lang: str
    ecoc: str
    mailbox: str
    sender_name: str
    team: str
    tz: timezone
    subject: str


LABS = {
    "ro": Lab("ro", "Timișoara 2021", "lab2@timisoara.example.org", "ECoC-SME Timișoara",
              "Echipa proiectului ECoC-SME, Municipiul Timișoara (example)", EET,
              "ECoC-SME Local Learning Lab 2: consultare privind implicarea IMM-urilor și startup-urilor"),
    "en": Lab("en", "Timișoara 2021", "consultations@platform.example.org", "ECoC-SME Platform",
              "The ECoC-SME project team, Municipality of Timișoara (example)", EET,
              "ECoC-SME Local Learning Lab 2: consultation on engaging SMEs and startups"),
    "it": Lab("it", "Matera 2019", "lab2@matera.example.org", "ECoC-SME Matera",
              "Il team del progetto ECoC-SME, Comune di Matera (example)", CET,
              "ECoC-SME Local Learning Lab 2: consultazione sul coinvolgimento di PMI e startup"),
    "nl": Lab("nl", "Leeuwarden-Fryslân 2018", "lab2@leeuwarden.example.org", "ECoC-SME Leeuwarden",
              "Projectteam ECoC-SME, Gemeente Leeuwarden (example)", CET,
              "ECoC-SME Local Learning Lab 2: raadpleging over de betrokkenheid van mkb en startups"),
    "hr": Lab("hr", "Rijeka 2020", "lab2@rijeka.example.org", "ECoC-SME Rijeka",
              "Projektni tim ECoC-SME, Grad Rijeka (example)", CET,
              "ECoC-SME Local Learning Lab 2: savjetovanje o uključivanju MSP-ova i startupa"),
    "lt": Lab("lt", "Kaunas 2022", "lab2@kaunas.example.org", "ECoC-SME Kaunas",
              "ECoC-SME projekto komanda, Kauno miesto savivaldybė (example)", EET,
              "ECoC-SME Local Learning Lab 2: konsultacija dėl MVĮ ir startuolių įtraukimo"),
    "de": Lab("de", "Chemnitz 2025", "lab2@chemnitz.example.org", "ECoC-SME Chemnitz",
              "Projektteam ECoC-SME, Stadt Chemnitz (example)", CET,
              "ECoC-SME Local Learning Lab 2: Befragung zur Einbindung von KMU und Start-ups"),
    "fi": Lab("fi", "Oulu 2026", "lab2@oulu.example.org", "ECoC-SME Oulu",
              "ECoC-SME-projektitiimi, Oulun kaupunki (example)", EET,
              "ECoC-SME Local Learning Lab 2: kysely pk-yritysten ja startupien osallistamisesta"),
}

# The body of the invitation the platform sent; {name}, {questions}, {link} are filled in.
INVITATION_BODY = {
    "ro": """Bună ziua, {name},

Vă invităm să participați la consultarea organizată în cadrul proiectului ECoC-SME (Local Learning Lab 2). Tema acestei runde este implicarea IMM-urilor și a startup-urilor în cele trei etape ale Capitalei Europene a Culturii: pregătirea, anul evenimentului și anii de moștenire. Răspunsurile dumneavoastră vor fi folosite, în mod anonim, la formularea recomandărilor pentru planul de acțiune local. Puteți răspunde direct la acest e-mail sau folosind linkul personal de mai jos.

{questions}

Linkul dumneavoastră personal: {link}
Linkul expiră la 30 noiembrie 2020.

Vă mulțumim!
{team}""",
    "en": """Dear {name},

We would like to invite you to take part in the ECoC-SME consultation (Local Learning Lab 2). This round looks at how SMEs and startups can be engaged in the three stages of the European Capital of Culture: the preparation, the event year and the legacy years. Your answers will be used anonymously to draft recommendations for the local action plan. You can simply reply to this e-mail or use your personal link below.

{questions}

Your personal link: {link}
The link expires on 30 November 2020.

Thank you!
{team}""",
    "it": """Gentile {name},

La invitiamo a partecipare alla consultazione del progetto ECoC-SME (Local Learning Lab 2). Il tema di questo ciclo è il coinvolgimento delle PMI e delle startup nelle tre fasi della Capitale Europea della Cultura: la preparazione, l'anno dell'evento e gli anni dell'eredità. Le Sue risposte saranno utilizzate in forma anonima per elaborare le raccomandazioni del piano d'azione locale. Può rispondere direttamente a questa e-mail oppure utilizzare il link personale qui sotto.

{questions}

Il Suo link personale: {link}
Il link scade il 30 novembre 2020.

Grazie!
{team}""",
    "nl": """Beste {name},

Graag nodigen wij u uit voor de raadpleging van het project ECoC-SME (Local Learning Lab 2). Deze ronde gaat over de vraag hoe mkb-bedrijven en startups betrokken kunnen worden bij de drie fasen van de Culturele Hoofdstad van Europa: de voorbereiding, het evenementenjaar en de jaren daarna (legacy). Uw antwoorden worden anoniem gebruikt voor de aanbevelingen in het lokale actieplan. U kunt deze e-mail direct beantwoorden of uw persoonlijke link hieronder gebruiken.

{questions}

Uw persoonlijke link: {link}
De link verloopt op 30 november 2020.

Hartelijk dank!
{team}""",
    "hr": """Poštovani/Poštovana {name},

pozivamo Vas da sudjelujete u savjetovanju projekta ECoC-SME (Local Learning Lab 2). Tema ovog kruga je uključivanje malih i srednjih poduzeća te startupa u tri faze Europske prijestolnice kulture: pripremu, godinu događanja i godine nasljeđa. Vaši će odgovori anonimno biti korišteni za izradu preporuka za lokalni akcijski plan. Možete odgovoriti izravno na ovu e-poruku ili putem osobne poveznice u nastavku.

{questions}

Vaša osobna poveznica: {link}
Poveznica vrijedi do 30. studenoga 2020.

Hvala!
{team}""",
    "lt": """Gerb. {name},

kviečiame Jus dalyvauti projekto ECoC-SME konsultacijoje (Local Learning Lab 2). Šio etapo tema yra tai, kaip įtraukti MVĮ ir startuolius į visus tris Europos kultūros sostinės etapus: pasirengimą, renginių metus ir palikimo metus. Jūsų atsakymai bus anonimiškai panaudoti rengiant vietos veiksmų plano rekomendacijas. Galite atsakyti tiesiog į šį laišką arba naudodamiesi asmenine nuoroda.

{questions}

Jūsų asmeninė nuoroda: {link}
Nuoroda galioja iki 2020 m. lapkričio 30 d.

Ačiū!
{team}""",
    "de": """Guten Tag {name},

wir laden Sie herzlich zur Befragung im Projekt ECoC-SME (Local Learning Lab 2) ein. In dieser Runde geht es darum, wie KMU und Start-ups in alle drei Phasen der Kulturhauptstadt Europas eingebunden werden können: die Vorbereitung, das Veranstaltungsjahr und die Jahre danach (Legacy). Ihre Antworten werden anonym für die Empfehlungen des lokalen Aktionsplans verwendet. Sie können einfach auf diese E-Mail antworten oder Ihren persönlichen Link unten nutzen.

{questions}

Ihr persönlicher Link: {link}
Der Link ist bis zum 30. November 2020 gültig.

Vielen Dank!
{team}""",
    "fi": """Hei {name},

kutsumme sinut mukaan ECoC-SME-hankkeen kyselyyn (Local Learning Lab 2). Tämän kierroksen aiheena on, miten pk-yritykset ja startupit saadaan mukaan Euroopan kulttuuripääkaupunkihankkeen kaikkiin kolmeen vaiheeseen: valmisteluun, tapahtumavuoteen ja perintövuosiin. Vastauksiasi käytetään nimettöminä paikallisen toimintasuunnitelman suositusten laatimiseen. Voit vastata suoraan tähän sähköpostiin tai käyttää alla olevaa henkilökohtaista linkkiä.

{questions}

Henkilökohtainen linkkisi: {link}
Linkki vanhenee 30.11.2020.

Kiitos!
{team}""",
}

# Reply attribution lines, as the clients write them (mail sent Tue 3 Nov 2020, 10:15 local time).
GMAIL_ATTR = {
    "en": "On Tue, 3 Nov 2020 at 10:15, {name} <{addr}> wrote:",
    "ro": "În mar., 3 nov. 2020 la 10:15, {name} <{addr}> a scris:",
    "it": "Il giorno mar 3 nov 2020 alle ore 10:15 {name} <{addr}> ha scritto:",
    "nl": "Op di 3 nov. 2020 om 10:15 schreef {name} <{addr}>:",
    "de": "Am Di., 3. Nov. 2020 um 10:15 Uhr schrieb {name} <{addr}>:",
    "hr": "uto, 3. stu 2020. u 10:15 {name} <{addr}> je napisao:",
    "fi": "ti 3. marrask. 2020 klo 10.15 {name} ({addr}) kirjoitti:",
    "lt": "2020-11-03, an, 10:15, {name} <{addr}> rašė:",
}
# Outlook's header block: (From, Sent, To, Subject, the date as Outlook prints it).
OUTLOOK_LABELS = {
    "en": ("From", "Sent", "To", "Subject", "Tuesday, November 3, 2020 10:15 AM"),
    "ro": ("De la", "Trimis", "Către", "Subiect", "marți, 3 noiembrie 2020 10:15"),
    "it": ("Da", "Inviato", "A", "Oggetto", "martedì 3 novembre 2020 10:15"),
    "nl": ("Van", "Verzonden", "Aan", "Onderwerp", "dinsdag 3 november 2020 10:15"),
    "hr": ("Od", "Poslano", "Prima", "Predmet", "utorak, 3. studenoga 2020. 10:15"),
    "de": ("Von", "Gesendet", "An", "Betreff", "Dienstag, 3. November 2020 10:15"),
    "fi": ("Lähettäjä", "Lähetetty", "Vastaanottaja", "Aihe", "tiistai 3. marraskuuta 2020 10.15"),
    "lt": ("Nuo", "Išsiųsta", "Kam", "Tema", "2020 m. lapkričio 3 d., antradienis 10:15"),
}
ORIGINAL_MESSAGE = {
    "en": "-----Original Message-----",
    "ro": "-----Mesaj original-----",
    "it": "-----Messaggio originale-----",
    "de": "-----Ursprüngliche Nachricht-----",
}

# --------------------------------------------------------------------------------------------
# Invitations
# --------------------------------------------------------------------------------------------


@dataclass
class Invitation:
    id: str
    lang: str
    name: str
    email: str

    @property
    def lab(self) -> Lab:
        return LABS[self.lang]

    @property
    def message_id(self) -> str:
        return f"<invitation-{self.id}@{PLATFORM}>"

    @property
    def token(self) -> str:
        digest = hashlib.sha256(f"ecocsme-lab2-{self.id}".encode()).digest()
        return base64.urlsafe_b64encode(digest).decode()[:22]

    @property
    def link(self) -> str:
        return f"https://{PLATFORM}/{self.lang}/labs/answer/{self.token}/"

    @property
    def subject(self) -> str:
        return self.lab.subject

    @property
    def sent(self) -> datetime:
        return datetime(2020, 11, 3, 10, 15, 0, tzinfo=self.lab.tz)

    def questions_block(self, numbered: bool = True) -> str:
        qs = QUESTIONS[self.lang]
        if numbered:
            return "\n".join(f"{i}. {q}" for i, q in enumerate(qs, 1))
        return "\n".join(qs)

    def text(self, numbered: bool = True) -> str:
        return INVITATION_BODY[self.lang].format(
            name=self.name, questions=self.questions_block(numbered), link=self.link, team=self.lab.team
        )


INVITATIONS: list[Invitation] = []


def invite(lang: str, name: str, email: str) -> Invitation:
    inv = Invitation(f"inv-{len(INVITATIONS) + 1:04d}", lang, name, email.lower())
    INVITATIONS.append(inv)
    return inv


# --------------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------------

CEDILLA = str.maketrans({"ș": "ş", "ț": "ţ", "Ș": "Ş", "Ț": "Ţ"})
FALLBACK = {
    "ș": "ş", "ț": "ţ", "Ș": "Ş", "Ț": "Ţ", "–": "-", "—": "-", "„": '"', "“": '"', "”": '"',
    "’": "'", "‘": "'", "…": "...", "€": "EUR",
}


def cedilla(text: str) -> str:
    """Romanian as typed on old Windows keyboards: s/t with cedilla instead of comma below."""
    return text.translate(CEDILLA)


def fit(text: str, charset: str) -> str:
    """Replace what a legacy charset cannot hold, the way mail clients degrade quoted text."""
    out = []
    for ch in text:
        for cand in (ch, FALLBACK.get(ch, ""), unicodedata.normalize("NFKD", ch)[:1]):
            if not cand:
                continue
            try:
                cand.encode(charset)
            except UnicodeEncodeError:
                continue
            out.append(cand)
            break
        else:
            out.append("?")
    return "".join(out)


def quote(text: str, prefix: str = "> ", width: int | None = None) -> str:
    """Quote text like a mail client: '> ' before each line, bare '>' on empty lines."""
    lines = []
    for line in text.split("\n"):
        if width and len(line) > width:
            lines.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
        else:
            lines.append(line)
    return "\n".join(prefix.rstrip() if not ln else prefix + ln for ln in lines)


def gmail_attr(ui: str, inv: Invitation, wrap: bool = False) -> str:
    line = GMAIL_ATTR[ui].format(name=inv.lab.sender_name, addr=inv.lab.mailbox)
    if wrap:
        # Gmail's text/plain wraps a long attribution at ~76 columns, often right after '<'.
        if "<" in line and line.index("<") < 76:
            cut = line.index("<") + 1
            if len(line[:cut]) + len(inv.lab.mailbox) + 2 > 76:
                return line[:cut] + "\n" + line[cut:]
        cut = line.rfind(" ", 0, 76)
        return line[:cut] + "\n" + line[cut + 1:]
    return line


def outlook_block(ui: str, inv: Invitation, to: str, *, original: bool = False, mailto: bool = False,
                  trailing_space: bool = False, underline: bool = False) -> str:
    f, s, t, subj, date = OUTLOOK_LABELS[ui]
    sender = (f"{inv.lab.sender_name} [mailto:{inv.lab.mailbox}]" if mailto
              else f"{inv.lab.sender_name} <{inv.lab.mailbox}>")
    lines = []
    if original:
        lines.append(ORIGINAL_MESSAGE[ui])
    if underline:
        lines.append("_" * 32)
    lines += [f"{f}: {sender}" + (" " if trailing_space else ""), f"{s}: {date}", f"{t}: {to}",
              f"{subj}: {inv.subject}"]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Header helpers (RFC 2047 encoded words written by hand, so the charset is the one we choose)
# --------------------------------------------------------------------------------------------

Q_SAFE = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*+-/")


def _ew_one(chunk: str, charset: str, enc: str) -> str:
    raw = chunk.encode(charset)
    if enc == "B":
        body = base64.b64encode(raw).decode()
    else:
        body = "".join("_" if b == 0x20 else chr(b) if b in Q_SAFE else f"={b:02X}" for b in raw)
    return f"=?{charset}?{enc}?{body}?="


def ew(text: str, charset: str = "UTF-8", enc: str = "Q", first: int = 64, rest: int = 72) -> str:
    """Encode text as one or more encoded words, folded so that no header line is too long."""
    words, cur = [], ""
    for ch in text:
        limit = first if not words else rest
        if cur and len(_ew_one(cur + ch, charset, enc)) > limit:
            words.append(_ew_one(cur, charset, enc))
            cur = ""
        cur += ch
    if cur:
        words.append(_ew_one(cur, charset, enc))
    return "\n ".join(words)


def is_ascii(s: str) -> bool:
    return all(ord(c) < 128 for c in s)


def mailbox(name: str | None, addr: str, charset: str = "UTF-8", enc: str = "Q", quoted: bool = False) -> str:
    if not name:
        return addr
    if is_ascii(name):
        return f'"{name}" <{addr}>' if quoted or re.search(r"[,.()@:;]", name) else f"{name} <{addr}>"
    return f"{ew(name, charset, enc, first=50)} <{addr}>"


def subject_value(text: str, charset: str = "UTF-8", enc: str = "Q") -> str:
    if is_ascii(text):
        if len(text) <= 66:
            return text
        cut = text.rfind(" ", 0, 66)
        return text[:cut] + "\n " + text[cut + 1:]
    return ew(text, charset, enc)


def hid(*parts: str, n: int = 16, upper: bool = False) -> str:
    h = hashlib.sha256("|".join(parts).encode()).hexdigest()[:n]
    return h.upper() if upper else h


# Message-IDs in the style of the client that wrote the reply.
def mid_gmail(key: str) -> str:
    return f"<CA{hid(key, 'g', n=10)}+{hid(key, 'h', n=22)}@mail.gmail.example.com>"


def mid_outlook(key: str) -> str:
    host = f"VI1PR0{int(hid(key, 'o', n=2), 16) % 9 + 1}MB{int(hid(key, 'p', n=4), 16) % 9000 + 1000}"
    return f"<{host}{hid(key, 'q', n=16, upper=True)}@{host}.eurprd07.prod.outlook.example.com>"


def mid_thunderbird(key: str, domain: str) -> str:
    h = hid(key, "t", n=32)
    return f"<{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}@{domain}>"


def mid_apple(key: str, domain: str) -> str:
    h = hid(key, "a", n=32, upper=True)
    return f"<{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}@{domain}>"


def mid_generic(key: str, domain: str) -> str:
    return f"<{hid(key, 'x', n=20)}.{int(hid(key, 'y', n=6), 16)}@{domain}>"


# --------------------------------------------------------------------------------------------
# Building messages
# --------------------------------------------------------------------------------------------

BOUNDARY_STYLE = {
    "gmail": lambda k, i: f"000000000000{hid(k, str(i), n=12)}",
    "outlook": lambda k, i: f"_00{i}_{hid(k, 'b', str(i), n=20, upper=True)}_",
    "thunderbird": lambda k, i: f"------------{hid(k, 'tb', str(i), n=24, upper=True)}",
    "apple": lambda k, i: f"Apple-Mail-{hid(k, 'ap', str(i), n=8, upper=True)}",
    "generic": lambda k, i: f"----=_Part_{int(hid(k, str(i), n=6), 16)}_{int(hid(k, 'z', n=8), 16)}",
}


def new_msg(*, key: str, from_: str, to: str, subject: str, date: datetime, msgid: str,
            irt: str | None = None, refs: str | None = None, client_ip: int = 10,
            extra: list[tuple[str, str]] | None = None, cc: str | None = None) -> EmailMessage:
    m = EmailMessage()
    sender_domain = parseaddr(_plain_addr(from_))[1].split("@")[-1]
    rcpt = parseaddr(_plain_addr(to))[1]
    m.set_raw(
        "Received",
        f"from mail.{sender_domain} (mail.{sender_domain} [192.0.2.{client_ip}])\n"
        f"\tby mx.{PLATFORM} (Postfix) with ESMTPS id {hid(key, 'rcv', n=10, upper=True)}\n"
        f"\tfor <{rcpt}>; {format_datetime(date + timedelta(seconds=3))}",
    )
    m.set_raw("From", from_)
    m.set_raw("To", to)
    if cc:
        m.set_raw("Cc", cc)
    m.set_raw("Subject", subject)
    m["Date"] = format_datetime(date)
    m["Message-ID"] = msgid
    if irt:
        m["In-Reply-To"] = irt
    if refs:
        m["References"] = refs
    for name, value in extra or []:
        m.set_raw(name, value)
    m["X-Example"] = "true"
    return m


def _plain_addr(value: str) -> str:
    # enough to find the address in our own header values
    mm = re.search(r"<([^>]+)>", value)
    return mm.group(1) if mm else value.strip()


def set_boundaries(m: EmailMessage, key: str, style: str) -> None:
    i = 0
    for part in m.walk():
        if part.is_multipart():
            part.set_boundary(BOUNDARY_STYLE[style](key, i))
            i += 1


def text_to_gmail_html(text: str) -> str:
    out = []
    for line in text.split("\n"):
        if not line.strip():
            out.append("<div><br></div>")
        else:
            esc = html.escape(line, quote=False)
            esc = re.sub(r"(https://\S+)", r'<a href="\1">\1</a>', esc)
            out.append(f"<div>{esc}</div>")
    return "".join(out)


def gmail_html(top: str, attr: str, quoted: str) -> str:
    q = html.escape(quoted, quote=False).replace("\n", "<br>")
    q = re.sub(r"(https://[^\s<]+)", r'<a href="\1">\1</a>', q)
    return (
        '<div dir="ltr">' + text_to_gmail_html(top) + '</div><br><div class="gmail_quote">'
        f'<div dir="ltr" class="gmail_attr">{html.escape(attr, quote=False)}<br></div>'
        '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid '
        f'rgb(204,204,204);padding-left:1ex">{q}</blockquote></div>\n'
    )


OUTLOOK_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
	{{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}}
@font-face
	{{font-family:Calibri;
	panose-1:2 15 5 2 2 2 4 3 2 4;}}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{margin:0cm;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}}
a:link, span.MsoHyperlink
	{{mso-style-priority:99;
	color:#0563C1;
	text-decoration:underline;}}
p.MsoListParagraph, li.MsoListParagraph, div.MsoListParagraph
	{{mso-style-priority:34;
	margin-top:0cm;
	margin-right:0cm;
	margin-bottom:0cm;
	margin-left:36.0pt;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}}
span.EmailStyle18
	{{mso-style-type:personal-reply;
	font-family:"Calibri",sans-serif;
	color:windowtext;}}
.MsoChpDefault
	{{mso-style-type:export-only;
	font-size:10.0pt;}}
@page WordSection1
	{{size:612.0pt 792.0pt;
	margin:70.85pt 70.85pt 70.85pt 70.85pt;}}
div.WordSection1
	{{page:WordSection1;}}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]-->
</head>
<body lang="{bodylang}" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">
<div class="WordSection1">
"""


def html_chars(text: str, charset: str, entities: str = "") -> str:
    """Escape for HTML; characters the charset cannot hold (and those in `entities`) as &#NNN;."""
    out = []
    for ch in html.escape(text, quote=False):
        if ch in entities:
            out.append(f"&#{ord(ch)};")
            continue
        try:
            ch.encode(charset)
            out.append(ch)
        except UnicodeEncodeError:
            out.append(f"&#{ord(ch)};")
    return "".join(out)


def mso_p(text: str, charset: str, entities: str = "") -> str:
    if not text.strip():
        return "<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>\n"
    return f"<p class=\"MsoNormal\">{html_chars(text, charset, entities)}<o:p></o:p></p>\n"


def mso_lines(text: str, charset: str, entities: str = "") -> str:
    return "".join(mso_p(line, charset, entities) for line in text.split("\n"))


def outlook_quote_header_html(ui: str, inv: Invitation, to: str, charset: str) -> str:
    f, s, t, subj, date = OUTLOOK_LABELS[ui]
    sender = f"{inv.lab.sender_name} <{inv.lab.mailbox}>"
    return (
        "<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\">\n"
        f"<p class=\"MsoNormal\"><b>{html_chars(f, charset)}:</b> {html_chars(sender, charset)}<br>\n"
        f"<b>{html_chars(s, charset)}:</b> {html_chars(date, charset)}<br>\n"
        f"<b>{html_chars(t, charset)}:</b> {html_chars(to, charset)}<br>\n"
        f"<b>{html_chars(subj, charset)}:</b> {html_chars(inv.subject, charset)}<o:p></o:p></p>\n"
        "</div>\n"
    )


def invitation_html(inv: Invitation, charset: str, ordered_list: bool = False) -> str:
    """The invitation as Outlook renders it when quoting (one MsoNormal paragraph per line)."""
    out = []
    qs = QUESTIONS[inv.lang]
    text = inv.text()
    for line in text.split("\n"):
        m = re.match(r"(\d)\. (.*)", line)
        if ordered_list and m:
            if m.group(1) == "1":
                out.append("<ol style=\"margin-top:0cm\" start=\"1\" type=\"1\">\n")
            out.append(f"<li class=\"MsoListParagraph\" style=\"margin-left:0cm;mso-list:l1 level1 lfo2\">"
                       f"{html_chars(qs[int(m.group(1)) - 1], charset)}<o:p></o:p></li>\n")
            if m.group(1) == "7":
                out.append("</ol>\n")
            continue
        if line.startswith("http") or "https://" in line:
            esc = html_chars(line, charset)
            esc = re.sub(r"(https://\S+)", r'<a href="\1">\1</a>', esc)
            out.append(f"<p class=\"MsoNormal\">{esc}<o:p></o:p></p>\n")
        else:
            out.append(mso_p(line, charset))
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------------

# Style categories of the brief (rows of the coverage matrix in README.md).
CATEGORIES = {
    1: "numbered answers",
    2: "interleaved under quoted questions",
    3: "top-posted above the quoted original",
    4: "Outlook original-message / header block",
    5: "Gmail-style attribution line (and relatives)",
    6: "signatures, disclaimers, mobile footers",
    7: "HTML-only",
    8: "legacy charset / QP / base64 / encoded words",
    9: "attachments",
    10: "auto-replies and bounces",
    11: "cannot be mapped / not an answer",
    12: "partial answers and tricky answer bodies",
    13: "matching without In-Reply-To (link only / sender only / References only)",
}


@dataclass
class Case:
    slug: str
    qlang: str
    msg: EmailMessage | bytes
    sender: str
    answers: dict[str, str]
    language: str
    notes: str
    cats: list[int]
    is_answer: bool = True
    flags: list[str] = field(default_factory=list)
    invitation_mid: str | None = None
    token: str | None = None
    invitation: Invitation | None = None
    unmapped_text: str | None = None
    crlf: bool = False
    client: str = "generic"


CASES: list[Case] = []


def case(fn):
    CASES.append(fn())
    return fn


def reply_dt(day: int, hour: int, minute: int, tz: timezone, second: int = 0) -> datetime:
    return datetime(2020, 11, day, hour, minute, second, tzinfo=tz)


def numbered(answers: dict[str, str], fmt: str, sep: str = "\n\n", keys: list[str] | None = None) -> str:
    """Render answers as `fmt.format(n=...)` + answer, in order."""
    keys = keys or sorted(answers, key=int)
    return sep.join(fmt.format(n=k) + answers[k] for k in keys)
