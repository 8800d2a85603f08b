#!/usr/bin/env python3
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
GMT = timezone(timedelta(0))

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
    "ro": Lab(
        "ro",
        "Timișoara 2021",
        "lab2@timisoara.example.org",
        "ECoC-SME Timișoara",
        "Echipa proiectului ECoC-SME, Municipiul Timișoara (example)",
        EET,
        "ECoC-SME Local Learning Lab 2: consultare privind implicarea IMM-urilor și startup-urilor",
    ),
    "en": Lab(
        "en",
        "Timișoara 2021",
        "consultations@platform.example.org",
        "ECoC-SME Platform",
        "The ECoC-SME project team, Municipality of Timișoara (example)",
        EET,
        "ECoC-SME Local Learning Lab 2: consultation on engaging SMEs and startups",
    ),
    "it": Lab(
        "it",
        "Matera 2019",
        "lab2@matera.example.org",
        "ECoC-SME Matera",
        "Il team del progetto ECoC-SME, Comune di Matera (example)",
        CET,
        "ECoC-SME Local Learning Lab 2: consultazione sul coinvolgimento di PMI e startup",
    ),
    "nl": Lab(
        "nl",
        "Leeuwarden-Fryslân 2018",
        "lab2@leeuwarden.example.org",
        "ECoC-SME Leeuwarden",
        "Projectteam ECoC-SME, Gemeente Leeuwarden (example)",
        CET,
        "ECoC-SME Local Learning Lab 2: raadpleging over de betrokkenheid van mkb en startups",
    ),
    "hr": Lab(
        "hr",
        "Rijeka 2020",
        "lab2@rijeka.example.org",
        "ECoC-SME Rijeka",
        "Projektni tim ECoC-SME, Grad Rijeka (example)",
        CET,
        "ECoC-SME Local Learning Lab 2: savjetovanje o uključivanju MSP-ova i startupa",
    ),
    "lt": Lab(
        "lt",
        "Kaunas 2022",
        "lab2@kaunas.example.org",
        "ECoC-SME Kaunas",
        "ECoC-SME projekto komanda, Kauno miesto savivaldybė (example)",
        EET,
        "ECoC-SME Local Learning Lab 2: konsultacija dėl MVĮ ir startuolių įtraukimo",
    ),
    "de": Lab(
        "de",
        "Chemnitz 2025",
        "lab2@chemnitz.example.org",
        "ECoC-SME Chemnitz",
        "Projektteam ECoC-SME, Stadt Chemnitz (example)",
        CET,
        "ECoC-SME Local Learning Lab 2: Befragung zur Einbindung von KMU und Start-ups",
    ),
    "fi": Lab(
        "fi",
        "Oulu 2026",
        "lab2@oulu.example.org",
        "ECoC-SME Oulu",
        "ECoC-SME-projektitiimi, Oulun kaupunki (example)",
        EET,
        "ECoC-SME Local Learning Lab 2: kysely pk-yritysten ja startupien osallistamisesta",
    ),
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
    "ș": "ş",
    "ț": "ţ",
    "Ș": "Ş",
    "Ț": "Ţ",
    "–": "-",
    "—": "-",
    "„": '"',
    "“": '"',
    "”": '"',
    "’": "'",
    "‘": "'",
    "…": "...",
    "€": "EUR",
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
        return line[:cut] + "\n" + line[cut + 1 :]
    return line


def outlook_block(
    ui: str,
    inv: Invitation,
    to: str,
    *,
    original: bool = False,
    mailto: bool = False,
    trailing_space: bool = False,
    underline: bool = False,
) -> str:
    f, s, t, subj, date = OUTLOOK_LABELS[ui]
    sender = (
        f"{inv.lab.sender_name} [mailto:{inv.lab.mailbox}]"
        if mailto
        else f"{inv.lab.sender_name} <{inv.lab.mailbox}>"
    )
    lines = []
    if original:
        lines.append(ORIGINAL_MESSAGE[ui])
    if underline:
        lines.append("_" * 32)
    lines += [
        f"{f}: {sender}" + (" " if trailing_space else ""),
        f"{s}: {date}",
        f"{t}: {to}",
        f"{subj}: {inv.subject}",
    ]
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
    if charset.upper() != "UTF-8":
        name = fit(name, charset)
    words = ew(name, charset, enc, first=50)
    last = words.split("\n")[-1]
    # fold before the address rather than let the policy re-encode the header in UTF-8
    return f"{words}\n <{addr}>" if len(last) + len(addr) + 10 > 76 else f"{words} <{addr}>"


def subject_value(text: str, charset: str = "UTF-8", enc: str = "Q") -> str:
    if is_ascii(text):
        if len(text) <= 66:
            return text
        cut = text.rfind(" ", 0, 66)
        return text[:cut] + "\n " + text[cut + 1 :]
    return ew(text, charset, enc)


def hid(*parts: str, n: int = 16, upper: bool = False) -> str:
    h = hashlib.sha256("|".join(parts).encode()).hexdigest()[:n]
    return h.upper() if upper else h


def tiny_png(rgb: tuple[int, int, int] = (31, 56, 100)) -> bytes:
    """A valid 1x1 PNG (stands in for a signature logo)."""
    import struct
    import zlib

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" + bytes(rgb), 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


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


def new_msg(
    *,
    key: str,
    from_: str,
    to: str,
    subject: str,
    date: datetime,
    msgid: str,
    irt: str | None = None,
    refs: str | None = None,
    client_ip: int = 10,
    extra: list[tuple[str, str]] | None = None,
    cc: str | None = None,
) -> EmailMessage:
    m = EmailMessage()
    sender_domain = parseaddr(_plain_addr(from_))[1].split("@")[-1]
    rcpt = parseaddr(_plain_addr(to))[1]
    m.set_raw(
        "Received",
        f"from mail.{sender_domain}\n\t(mail.{sender_domain} [192.0.2.{client_ip}])\n"
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
        return "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n"
    return f"<p class=MsoNormal>{html_chars(text, charset, entities)}<o:p></o:p></p>\n"


def mso_lines(text: str, charset: str, entities: str = "") -> str:
    return "".join(mso_p(line, charset, entities) for line in text.split("\n"))


def outlook_quote_header_html(ui: str, inv: Invitation, to: str, charset: str) -> str:
    f, s, t, subj, date = OUTLOOK_LABELS[ui]
    sender = f"{inv.lab.sender_name} <{inv.lab.mailbox}>"
    return (
        '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\n'
        f"<p class=MsoNormal><b>{html_chars(f, charset)}:</b> {html_chars(sender, charset)}<br>\n"
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
                out.append('<ol style="margin-top:0cm" start="1" type="1">\n')
            out.append(
                f'<li class=MsoListParagraph style="margin-left:0cm;mso-list:l1 level1 lfo2">'
                f"{html_chars(qs[int(m.group(1)) - 1], charset)}<o:p></o:p></li>\n"
            )
            if m.group(1) == "7":
                out.append("</ol>\n")
            continue
        if line.startswith("http") or "https://" in line:
            esc = html_chars(line, charset)
            esc = re.sub(r"(https://\S+)", r'<a href="\1">\1</a>', esc)
            out.append(f"<p class=MsoNormal>{esc}<o:p></o:p></p>\n")
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


# ============================================================================================
# Romanian questionnaire (Timișoara)
# ============================================================================================


@case
def c_ro_numbered_gmail():
    inv = invite("ro", "Ana-Maria Popescu", "ana.popescu@atelierbega.example.ro")
    A = {
        "1": "Prin exemple concrete. IMM-urile nu citesc strategii culturale, dar înțeleg foarte repede un studiu de caz: o cafenea care și-a dublat clienții în timpul unui festival, un atelier care a vândut produse cu identitatea vizuală a programului. Aș face o serie scurtă de povești de succes, cu cifre, nu cu adjective.",
        "2": "Grupurile de Facebook ale antreprenorilor din Timișoara, newsletterul Camerei de Comerț, evenimentele de networking de la hub-uri și, sincer, telefonul. La firmele mici decide patronul și el nu citește e-mailuri de la primărie.",
        "3": "Prea puțin. Majoritatea asociază CEaC cu spectacole și turism, nu cu oportunități pentru propria afacere. Cei din HoReCa au auzit, restul aproape deloc.",
        "4": "Parteneriate pe proiecte (producție de materiale, logistică, catering), sponsorizări mici dar vizibile, un marcaj de tipul „partener Timișoara 2021” pe care firmele să-l poată folosi, și achiziții publice împărțite în loturi mici, ca să poată participa și IMM-urile.\n\nMai e și varianta voluntariatului corporate, dar aici cred că doar firmele mari au resurse.",
        "5": "Un sondaj scurt, dar mai ales discuții față în față cu 10-15 oameni din sector, pe domenii (design, IT, meșteșuguri, muzică). Nevoile sunt foarte diferite de la un domeniu la altul.",
        "6": "O singură pagină, actualizată, cu toate apelurile, termenele și persoanele de contact. Acum informația e împrăștiată pe 4-5 site-uri.",
        "7": "Bani puțini dar rapizi (micro-granturi), birocrație minimă și vizibilitate. Și să vadă că alții ca ei au reusit.",
    }
    top = (
        "Bună ziua,\n\nVă trimit mai jos răspunsurile mele, sper să fie utile.\n\n"
        + numbered(A, "{n}. ")
        + "\n\nCu stimă,\nAna-Maria Popescu\nDesigner & co-fondator\nAtelier Bega SRL\n"
        "Str. Exemplului nr. 12, Timișoara\ntel. 0700 000 123"
    )
    attr = gmail_attr("ro", inv)
    text = f"{top}\n\n{attr}\n\n{quote(inv.text())}\n"
    m = new_msg(
        key="ro01",
        from_=mailbox("Ana-Maria Popescu", inv.email),
        to=mailbox(inv.lab.sender_name, inv.lab.mailbox),
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(4, 9, 41, EET, 12),
        msgid=mid_gmail("ro01"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=21,
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    m.add_alternative(
        gmail_html(top, attr, inv.text()), subtype="html", charset="utf-8", cte="quoted-printable"
    )
    set_boundaries(m, "ro01", "gmail")
    return Case(
        "ro_numbered-dot-gmail-alternative",
        "ro",
        m,
        inv.email,
        A,
        "ro",
        "Plain '1.' numbering with a two-paragraph answer 4; Gmail RO attribution; multipart/alternative (prefer text/plain); signature without '-- '.",
        [1, 3, 5, 6],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_ro_intrebarea_outlook_win1250():
    inv = invite("ro", "Ioan Crăciun", "ioan.craciun@tipografia-banat.example.ro")
    A = {
        k: cedilla(v)
        for k, v in {
            "1": "Prin asociațiile profesionale și prin Camera de Comerț. Noi, ca tipografie, primim zilnic oferte și invitații, deci mesajul trebuie să fie scurt și să spună clar ce câștigă firma.",
            "2": "Presa locală (tipărită și online), radio local, întâlniri organizate la Camera de Comerț, scrisori directe către firme.",
            "3": "În mare parte nu. Am discutat cu câțiva colegi din industrie și nu știau că există apeluri de proiecte pentru firme.",
            "4": "Contracte de prestări servicii (tipărituri, materiale promoționale, signalistică), parteneriate pentru evenimente, sponsorizare în natură.",
            "5": "Consultări periodice cu asociațiile din sectorul creativ.",
            "6": "Un punct de informare fizic, nu doar online. Mulți antreprenori mai în vârstă preferă să vorbească cu un om.",
            "7": "Dacă li se arată că pot câștiga bani. Altfel nu au timp.",
        }.items()
    }
    charset = "windows-1250"
    text = cedilla(
        "Stimată echipă,\n\nRăspunsurile noastre:\n\n"
        + numbered(A, "Întrebarea {n}: ", sep="\n")
        + "\n\nCu stimă,\n\nIng. Ioan Crăciun\nDirector General\nTIPOGRAFIA BANAT S.A.\n"
        "Calea Exemplului 45, 300000 Timișoara\nTel: +40 256 000 000 | Fax: +40 256 000 001\n"
        "www.tipografia-banat.example.ro\n\n"
        "Acest mesaj si eventualele atasamente sunt confidentiale si sunt destinate exclusiv persoanei sau "
        "entitatii careia ii sunt adresate. Daca ati primit acest mesaj din greseala, va rugam sa ne anuntati "
        "imediat si sa il stergeti. Orice utilizare, copiere sau distribuire neautorizata este interzisa.\n\n"
        + outlook_block("ro", inv, "Ioan Crăciun", mailto=True)
        + "\n\n"
        + inv.text()
        + "\n"
    )
    text = fit(text, charset)
    m = new_msg(
        key="ro02",
        from_=mailbox("Ioan Crăciun", inv.email, "windows-1250", "Q"),
        to=mailbox("ECoC-SME Timișoara", inv.lab.mailbox, "windows-1250", "Q"),
        subject=ew(cedilla("RE: " + inv.subject), "windows-1250", "Q"),
        date=reply_dt(5, 14, 2, EET),
        msgid=mid_outlook("ro02"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=34,
        extra=[
            ("Thread-Topic", ew(cedilla(inv.subject), "windows-1250", "Q")),
            ("Thread-Index", "AdayAbCdEfGhIjKlMnOpQrStUvWxYz=="),
            ("Content-Language", "ro-RO"),
            ("X-Mailer", "Microsoft Outlook 14.0"),
        ],
    )
    m.set_content(text, charset=charset, cte="quoted-printable")
    return Case(
        "ro_intrebarea-outlook-de-la-win1250",
        "ro",
        m,
        inv.email,
        A,
        "ro",
        "'Întrebarea N:' on consecutive lines without blank lines; windows-1250 QP, so the whole reply (and the quoted questions) uses cedilla ş/ţ; Outlook 'De la:/Trimis:/Către:/Subiect:' block with [mailto:], unquoted original; confidentiality notice.",
        [1, 3, 4, 6, 8],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="outlook",
    )


@case
def c_ro_interleaved_iso88592():
    inv = invite("ro", "Mihaela Lupșa", "m.lupsa@fundatia-arce.example.org")
    A = {
        k: cedilla(v)
        for k, v in {
            "1": "Nu prin comunicate de presă :) Cred că cel mai bine funcționează ambasadorii: oameni din comunitatea de afaceri care au lucrat deja cu programul și pot povesti concret.",
            "2": "Newsletterele organizațiilor-umbrelă, LinkedIn, evenimentele existente (nu evenimente noi, că oamenii nu mai vin).",
            "3": "Parțial. Startup-urile da, IMM-urile tradiționale mai puțin.",
            "4": "- co-producții de evenimente\n- programe de rezidență pentru artiști în firme\n- achiziții de servicii locale pentru festivaluri",
            "5": "Cartografiere (mapping) a sectorului, făcută împreună cu universitățile. Există deja un studiu din 2018, ar trebui actualizat.",
            "6": 'Ghid scurt, în limbaj simplu, plus un "help desk" (telefon + e-mail) cu un om care chiar răspunde.',
        }.items()
    }
    charset = "iso-8859-2"
    inv_text = fit(cedilla(inv.text()), charset)
    head = inv_text.split("\n\n1. ", 1)[0]
    qs = [fit(cedilla(q), charset) for q in QUESTIONS["ro"]]
    tail = inv_text.split(qs[6], 1)[1].lstrip("\n")
    parts = [
        "Bună ziua,\n\nam răspuns printre rânduri, sper că e în regulă.\n",
        "Pe 03.11.2020 10:15, ECoC-SME Timişoara a scris:",
        quote(head, width=76) + "\n>",
        quote("1. " + qs[0], width=76) + "\n\n" + A["1"] + "\n",
        quote("2. " + qs[1], width=76) + "\n\n" + A["2"] + "\n",
        quote("3. " + qs[2], width=76) + "\n\n" + A["3"] + "\n",
        quote("4. " + qs[3], width=76) + "\n\n" + A["4"] + "\n",
        quote("5. Cum putem identifica nevoile sectorului creativ") + "\n\n" + A["5"] + "\n",
        quote("6. " + qs[5], width=76) + "\n\n" + A["6"] + "\n",
        quote("7. " + qs[6], width=76) + "\n>\n" + quote(tail, width=76) + "\n",
        "Numai bine,\nMihaela\n-- \nMihaela Lupşa\nCoordonator programe | Fundaţia ARCE\n0700 000 456\n",
    ]
    text = "\n".join(parts)
    m = new_msg(
        key="ro03",
        from_=mailbox("Mihaela Lupșa", inv.email, charset, "B"),
        to=mailbox("ECoC-SME Timișoara", inv.lab.mailbox, charset, "B"),
        subject=ew(fit(cedilla("Re: " + inv.subject), charset), charset, "B"),
        date=reply_dt(6, 22, 47, EET),
        msgid=mid_thunderbird("ro03", "fundatia-arce.example.org"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=47,
        extra=[
            ("User-Agent", "Mozilla/5.0 (Windows NT 6.1; rv:68.0) Gecko/20100101 Thunderbird/68.12.0"),
            ("Content-Language", "ro"),
        ],
    )
    m.set_content(text, charset=charset, cte="base64")
    return Case(
        "ro_interleaved-partial-quotes-iso88592-base64",
        "ro",
        m,
        inv.email,
        A,
        "ro",
        "Answers interleaved under '> N.' quoted questions (cedilla forms, Q4 wrapped over two quote lines, Q5 only partly quoted); Q7 quoted but left unanswered and followed by the sign-off; iso-8859-2 base64, =?iso-8859-2?B?...?= headers.",
        [2, 6, 8, 12],
        flags=["partial"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="thunderbird",
    )


@case
def c_ro_raspuns_mesaj_original():
    inv = invite("ro", "Radu Stoenescu", "radu@codeforest.example.ro")
    A = {
        "1": "Pe scurt și fără jargon. „Capitală Europeană a Culturii” nu le spune nimic oamenilor din IT; „5.000 de vizitatori în plus pe lună în centrul orașului” le spune ceva.",
        "2": "LinkedIn, Slack-ul comunității tech locale, meetup-uri.",
        "3": "Nu prea. Eu am aflat de la o prietenă care lucrează la asociație.",
        "4": "Hackathoane pe teme culturale, aplicații pentru vizitatori (bilete, hărți, AR), date deschise de la organizatori.",
        "5": "nu știu, nu e domeniul meu",
        "6": "Un API / un calendar public cu toate evenimentele și apelurile, în format deschis. Restul vine de la sine.",
        "7": "Premii + mentorat + acces la public. Și să nu ceară garanții bancare pentru granturi mici.",
    }
    text = (
        "Salut,\n\n"
        + numbered(A, "Răspuns {n}: ", sep="\n")
        + "\n\nRadu\n\n-- \nRadu Stoenescu | CTO, CodeForest\n"
        "m: +40 700 000 789\ncodeforest.example.ro\n\n"
        + outlook_block("ro", inv, inv.email, original=True)
        + "\n\n"
        + inv.text()
        + "\n"
    )
    m = new_msg(
        key="ro04",
        from_=mailbox("Radu Stoenescu", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("RE: " + inv.subject),
        date=reply_dt(3, 23, 58, EET, 40),
        msgid=mid_outlook("ro04"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=52,
        extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "ro-RO")],
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case(
        "ro_raspuns-n-mesaj-original",
        "ro",
        m,
        inv.email,
        A,
        "ro",
        "'Răspuns N:' top-posted above '-----Mesaj original-----' + De la/Trimis block (unquoted original); '-- ' signature; answer 5 is 'nu știu...' which IS an answer.",
        [1, 3, 4, 6],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="outlook",
    )


@case
def c_ro_html_outlook():
    inv = invite("ro", "Cristina Văduva", "cristina.vaduva@cciat.example.ro")
    A = {
        "1": "Prin mesaje adaptate pe sectoare și transmise de organizații în care firmele au deja încredere (Camera de Comerț, patronate, asociații profesionale).",
        "2": "Newsletterul Camerei (aprox. 3.000 de abonați), pagina de Facebook, întâlnirile lunare „Business Café” și presa economică locală.",
        "3": "Nu suficient.\nDin discuțiile cu membrii noștri reiese că majoritatea au auzit de titlu, dar nu știu ce ar putea face concret.",
        "4": "Parteneriate de tip „furnizor oficial”, sponsorizări în natură, evenimente comune, burse de afaceri între firme și operatori culturali.",
        "5": "Printr-un studiu realizat împreună cu universitățile și cu asociațiile din industriile creative; Camera poate pune la dispoziție datele despre firmele înregistrate.",
        "6": "Un punct unic de informare (online și fizic, la sediul Camerei) și sesiuni de informare trimestriale.",
        "7": "Scheme de microgranturi, premii pentru cele mai bune inițiative și promovarea lor în programul oficial.",
    }
    charset = "utf-8"
    ents = "ăâîșțĂÎȘȚ„”–"
    body = OUTLOOK_HEAD.format(charset=charset, bodylang="RO")
    body += mso_p("Bună ziua,", charset, ents) + mso_p("", charset)
    body += mso_p("Vă transmitem mai jos răspunsurile Camerei la chestionar.", charset, ents) + mso_p(
        "", charset
    )
    for k in sorted(A):
        lines = A[k].split("\n")
        body += mso_p(f"{k}) {lines[0]}", charset, ents)
        for extra in lines[1:]:
            body += mso_p(extra, charset, ents)
        body += mso_p("", charset)
    body += mso_p("Cu stimă,", charset, ents)
    body += (
        '<p class=MsoNormal><b><span style="color:#1F3864">Cristina V&#259;duva</span></b><o:p></o:p></p>\n'
        '<p class=MsoNormal><span style="font-size:9.0pt;color:#1F3864">Consilier, Departamentul Relații cu Membrii'
        "<br>Camera de Comer&#539; (example)<br>Tel. +40 256 000 222 | www.cciat.example.ro</span><o:p></o:p></p>\n"
        '<p class=MsoNormal><span style="font-size:9.0pt;color:#1F3864"><img width="120" height="40" '
        'id="Picture_x0020_1" src="cid:image001.png@01D6B1A2.3C4D5E60" alt="Logo Camera de Comert"></span><o:p></o:p></p>\n'
    )
    body += mso_p("", charset)
    body += outlook_quote_header_html("ro", inv, f"Cristina Văduva <{inv.email}>", charset)
    body += mso_p("", charset) + invitation_html(inv, charset)
    body += "</div>\n</body>\n</html>\n"
    m = new_msg(
        key="ro05",
        from_=mailbox("Cristina Văduva", inv.email),
        to=mailbox("ECoC-SME Timișoara", inv.lab.mailbox),
        subject=subject_value("RE: " + inv.subject),
        date=reply_dt(9, 11, 20, EET),
        msgid=mid_outlook("ro05"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=61,
        extra=[
            ("Thread-Topic", subject_value(inv.subject)),
            ("Content-Language", "ro-RO"),
            ("X-MS-Has-Attach", ""),
            ("X-Mailer", "Microsoft Outlook 16.0"),
        ],
    )
    m.set_content(body, subtype="html", charset=charset, cte="quoted-printable")
    m.add_related(
        tiny_png(),
        "image",
        "png",
        cid="<image001.png@01D6B1A2.3C4D5E60>",
        filename="image001.png",
        disposition="inline",
    )
    set_boundaries(m, "ro05", "outlook")
    return Case(
        "ro_html-only-outlook-msonormal",
        "ro",
        m,
        inv.email,
        A,
        "ro",
        "HTML-only Outlook: one <p class=MsoNormal> per line, empty <p>&nbsp;</p> between answers, diacritics as &#NNN; entities, '1)' numbering, answer 3 on two <p> lines (= one \\n), logo <img> with alt text in the signature, quoted original after a border-top div with De la/Trimis.",
        [1, 3, 4, 6, 7],
        flags=["html_only"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="outlook",
    )


@case
def c_ro_attachment_txt():
    inv = invite("ro", "Gheorghe Mureșan", "gmuresan@example.ro")
    A = {
        k: cedilla(v)
        for k, v in {
            "1": "Să vină cineva de la program la noi, la ateliere. Noi nu stăm pe internet toată ziua.",
            "2": "Radio Timișoara, ziarele locale, târgurile de meșteșuguri, biserica (da, și acolo se află lucruri).",
            "3": "Nu. Eu am auzit de Capitala Culturală doar la televizor.",
            "4": "Meșterii pot ține ateliere demonstrative pentru turiști, pot face suveniruri cu marca Timișoara 2021. Ar trebui un magazin comun în centru.",
            "5": "Să întrebați direct breslele și asociațiile de meșteșugari.",
            "6": "Informații pe hârtie, la primărie și la Camera de Comerț, nu doar pe site.",
            "7": "Să li se dea spațiu gratuit la evenimente și un pic de ajutor la hârtii (autorizații, facturi).",
        }.items()
    }
    att = (
        "Raspunsuri chestionar Local Learning Lab 2 - Gheorghe Mureşan\n\n"
        + numbered(A, "Intrebarea {n}\n")
        + "\n"
    )
    att = att.replace("\n", "\r\n")  # written in Notepad
    top = (
        "Bună ziua,\n\nVă trimit răspunsurile în atașament. Nu m-am descurcat cu linkul.\n\nO zi bună,\n"
        "Gheorghe Mureșan\nAtelier de ceramică, Timișoara"
    )
    text = f"{top}\n\n{gmail_attr('ro', inv)}\n\n{quote(inv.text())}\n"
    m = new_msg(
        key="ro06",
        from_=mailbox("Gheorghe Mureșan", inv.email),
        to=mailbox("ECoC-SME Timișoara", inv.lab.mailbox),
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(7, 18, 5, EET),
        msgid=mid_gmail("ro06"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=66,
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    m.add_attachment(
        att.encode("windows-1250"),
        maintype="text",
        subtype="plain",
        filename="raspunsuri.txt",
        params={"name": "raspunsuri.txt", "charset": "windows-1250"},
    )
    set_boundaries(m, "ro06", "gmail")
    return Case(
        "ro_attachment-raspunsuri-txt-win1250",
        "ro",
        m,
        inv.email,
        A,
        "ro",
        "Body only says 'Vă trimit răspunsurile în atașament'; answers are in raspunsuri.txt (text/plain; charset=windows-1250; name=..., base64, CRLF line ends, cedilla ş/ţ) under 'Intrebarea N' headings with the answer on the next line.",
        [1, 3, 5, 8, 9],
        flags=["from_attachment"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_ro_partial_android():
    inv = invite("ro", "Alexandra Dobrin", "alexandra.dobrin@gmail.example.com")
    A = {
        "1": "Pe Instagram si TikTok, cu video scurt. Serios, acolo sunt freelancerii",
        "3": "Nu, cei mai multi nu stiu nimic",
        "7": "Bani si vizibilitate. Si sa nu ceara 20 de documente pentru o bursa de 2000 lei",
    }
    text = (
        numbered(A, "{n}. ") + "\n\nTrimis de pe Android\n\n"
        f"În mar., 3 nov. 2020, 10:15 {inv.lab.sender_name} <{inv.lab.mailbox}> a scris:\n\n"
        + quote(inv.text())
        + "\n"
    )
    m = new_msg(
        key="ro07",
        from_=mailbox("Alexandra Dobrin", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(3, 12, 31, EET, 9),
        msgid=mid_gmail("ro07"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=70,
    )
    m.set_content(text, charset="utf-8", cte="base64")
    return Case(
        "ro_partial-1-3-7-android",
        "ro",
        m,
        inv.email,
        A,
        "ro",
        "Mobile reply: only questions 1, 3 and 7 answered, no diacritics, 'Trimis de pe Android' footer, Android Gmail attribution (no 'la'); base64 body.",
        [1, 3, 5, 6, 8, 12],
        flags=["partial"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_ro_ooo_headers():
    inv = invite("ro", "Dan Ilie", "dan.ilie@univ-timisoara.example.ro")
    text = (
        "Bună ziua,\n\nSunt în concediu până la 16.11.2020, cu acces limitat la e-mail. Pentru probleme urgente "
        "legate de proiectele departamentului vă rog să o contactați pe colega mea, dna. Irina Sava "
        "(irina.sava@univ-timisoara.example.ro).\n\nVă mulțumesc,\nConf. dr. Dan Ilie\n"
    )
    m = new_msg(
        key="ro08",
        from_=mailbox("Dan Ilie", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Răspuns automat: " + inv.subject),
        date=reply_dt(3, 10, 15, EET, 31),
        msgid=mid_outlook("ro08"),
        irt=inv.message_id,
        refs=None,
        client_ip=75,
        extra=[
            ("Auto-Submitted", "auto-replied"),
            ("X-Autoreply", "yes"),
            ("X-Auto-Response-Suppress", "All"),
            ("Content-Language", "ro-RO"),
        ],
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case(
        "ro_ooo-auto-submitted",
        "ro",
        m,
        inv.email,
        {},
        "ro",
        "Out-of-office 'Sunt în concediu până la...' with Auto-Submitted: auto-replied and X-Autoreply: yes; In-Reply-To only, no quote.",
        [10],
        is_answer=False,
        flags=["auto_reply"],
        invitation=inv,
        invitation_mid=inv.message_id,
        client="outlook",
    )


@case
def c_ro_unmapped_paragraph():
    inv = invite("ro", "Sorin Bălan", "sorin.balan@example.ro")
    essay = (
        "Sincer nu cred că problema e de comunicare sau de canale. Am participat și la consultările din 2017 și "
        "2018 și s-au spus aceleași lucruri: IMM-urile vor să fie tratate ca parteneri, nu ca sponsori, vor "
        "reguli clare și plăți la timp. Dacă programul ar avea un buget mic, dar sigur, pentru achiziții de la "
        "firme locale și l-ar anunța din timp, nu ar mai fi nevoie să ne convingeți cu campanii. Ne-ar interesa "
        "și ce se întâmplă după 2021, pentru că o investiție de un an nu se amortizează. Cam asta e părerea mea, "
        "pe scurt, la toate întrebările."
    )
    text = (
        f"Bună ziua,\n\n{essay}\n\nSorin Bălan\nSC Bălan Trans SRL\n\n{gmail_attr('ro', inv)}\n\n"
        + quote(inv.text())
        + "\n"
    )
    m = new_msg(
        key="ro10",
        from_=mailbox("Sorin Bălan", inv.email),
        to=mailbox("ECoC-SME Timișoara", inv.lab.mailbox),
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(10, 8, 12, EET),
        msgid=mid_gmail("ro10"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=80,
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case(
        "ro_unmapped-single-paragraph",
        "ro",
        m,
        inv.email,
        {},
        "ro",
        "One top-posted paragraph covering 'all the questions' with no structure: must be flagged unmapped for a human, not split.",
        [3, 5, 6, 11],
        flags=["unmapped"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        unmapped_text=essay,
        client="gmail",
    )


@case
def c_ro_answer_later():
    inv = invite("ro", "Lavinia Roman", "lavinia.roman@hubcreativ.example.ro")
    text = (
        "Bună ziua,\n\nMulțumesc pentru invitație! Săptămâna asta suntem în plin festival, revin cu răspunsurile "
        "săptămâna viitoare, promit.\n\nLavinia\n\n"
        + gmail_attr("ro", inv)
        + "\n\n"
        + quote(inv.text())
        + "\n"
    )
    m = new_msg(
        key="ro11",
        from_=mailbox("Lavinia Roman", inv.email),
        to=mailbox("ECoC-SME Timișoara", inv.lab.mailbox),
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(4, 16, 3, EET),
        msgid=mid_gmail("ro11"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=82,
    )
    m.set_content(text, charset="utf-8", cte="8bit")
    m.add_alternative(
        gmail_html(text.split("\n\n" + gmail_attr("ro", inv))[0], gmail_attr("ro", inv), inv.text()),
        subtype="html",
        charset="utf-8",
        cte="quoted-printable",
    )
    set_boundaries(m, "ro11", "gmail")
    return Case(
        "ro_will-answer-next-week",
        "ro",
        m,
        inv.email,
        {},
        "ro",
        "'revin cu răspunsurile săptămâna viitoare': a human reply that is not an answer (is_answer false, no flag); 8bit text part.",
        [3, 5, 11],
        is_answer=False,
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_ro_dash_na_nustiu():
    inv = invite("ro", "Florin Neagu", "florin.neagu@neagu-consulting.example.ro")
    A = {
        "1": "Prin consultanții și contabilii firmelor. Ei sunt cei în care antreprenorii au încredere și de la care află de finanțări.",
        "3": "nu știu. Depinde mult de domeniu.",
        "5": "Focus-grupuri pe sub-sectoare, organizate împreună cu agenția de dezvoltare regională și universitatea.",
        "7": "Scheme de finanțare nerambursabilă cu cofinanțare mică (5-10%) și decont rapid.",
    }
    body = f"1. {A['1']}\n2. -\n3. {A['3']}\n4. N/A\n5. {A['5']}\n6.\n7. {A['7']}"
    text = (
        "Bună ziua,\n\nmai jos răspunsurile mele:\n\n"
        + body
        + "\n\nFlorin Neagu\nConsultant fonduri europene\n"
        "Neagu Consulting SRL\n\n" + gmail_attr("ro", inv, wrap=True) + "\n\n" + quote(inv.text()) + "\n"
    )
    m = new_msg(
        key="ro12",
        from_=mailbox("Florin Neagu", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(5, 7, 55, EET),
        msgid=mid_gmail("ro12"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=85,
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case(
        "ro_dash-na-empty-nu-stiu",
        "ro",
        m,
        inv.email,
        A,
        "ro",
        "'2. -', '4. N/A' and an empty '6.' are NOT answers; '3. nu știu...' IS an answer; answers on consecutive lines; Gmail attribution wrapped after '<'.",
        [1, 3, 5, 6, 12],
        flags=["partial"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_ro_sublists():
    inv = invite("ro", "Oana Țurcanu", "oana@festivalbox.example.ro")
    A = {
        "1": "Cu mesaje adaptate pe tipuri de firme. Un restaurant și un studio de animație au nevoi complet diferite.",
        "2": "Canale, în ordinea eficienței din experiența noastră:\n1) Facebook (grupurile locale de business)\n2) radio – Radio Timișoara și posturile comerciale\n3) newsletter-ul Camerei de Comerț\n4) afișe în cafenele și coworking-uri, serios",
        "3": "Nu. Sau doar la nivel de „o să fie multe evenimente”.",
        "4": "Noi am lucra ca furnizor de logistică pentru evenimente (scene, sunet, corturi). Alte idei:\n- pachete de servicii la prețuri negociate pentru organizatorii din program\n- co-branding\n- parteneriate cu școlile de meserii",
        "5": "Întâlniri pe sectoare, cu cineva care chiar ia notițe și revine cu un răspuns.",
        "6": "Un calendar comun al evenimentelor, publicat cu cel puțin 3 luni înainte. Noi trebuie să ne planificăm echipele.",
        "7": "3 lucruri:\n- plăți la timp\n- contracte simple\n- vizibilitate pentru furnizori (logo, mențiuni)\n2021 nu mai e realist cu pandemia, dar pentru anul evenimentului amânat ar conta enorm.",
    }
    text = (
        "Bună,\n\nRăspund pe scurt, că sunt pe fugă:\n\n"
        + numbered(A, "{n}. ")
        + "\n\nOana Țurcanu\nFestival Box SRL | logistică evenimente\n0700 000 321\n\n"
        + gmail_attr("ro", inv)
        + "\n\n"
        + quote(inv.text())
        + "\n"
    )
    m = new_msg(
        key="ro13",
        from_=mailbox("Oana Țurcanu", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(11, 13, 37, EET),
        msgid=mid_gmail("ro13"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=88,
    )
    m.set_content(text, charset="utf-8", cte="base64")
    return Case(
        "ro_numbered-sublists-inside-answers",
        "ro",
        m,
        inv.email,
        A,
        "ro",
        "Top level '1.'..'7.' but answer 2 contains its own '1) 2) 3) 4)' list, answer 4 a dash list, and answer 7 starts with '3 lucruri:' and has a line starting with '2021': none of these start a new answer.",
        [1, 3, 5, 6, 8, 12],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_ro_answers_in_english():
    inv = invite("ro", "Jonas Lindqvist", "jonas@sparkrobotics.example.com")
    A = {
        "1": "Sorry for answering in English, my Romanian is not good enough for this yet. I think you need to speak the language of business: numbers of visitors, contracts, visibility. Most founders I know skip anything that looks like a cultural newsletter.",
        "2": "LinkedIn, the local startup meetups, the tech hubs' Slack/Discord groups, and the university incubator.",
        "3": "Not really. Foreign founders like me know even less, there is almost nothing in English.",
        "4": "Open calls for tech solutions (ticketing, visitor apps, data), pilots in real venues, mentoring from bigger companies.",
        "5": "Ask them, but in small groups and with concrete questions. Surveys get ignored.",
        "6": "Publish everything in English too, and in one place.",
        "7": "Small grants, fast decisions and a public showcase at the end.",
    }
    text = (
        "Hi,\n\n"
        + numbered(A, "{n}) ")
        + "\n\nBest regards,\nJonas\n\nJonas Lindqvist\nFounder, Spark Robotics SRL\n\n"
        + gmail_attr("en", inv)
        + "\n\n"
        + quote(inv.text())
        + "\n"
    )
    m = new_msg(
        key="ro14",
        from_=mailbox("Jonas Lindqvist", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(4, 20, 10, EET),
        msgid=mid_gmail("ro14"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=90,
    )
    m.set_content(text, charset="utf-8", cte="7bit" if is_ascii(text) else "quoted-printable")
    return Case(
        "ro_questionnaire-answered-in-english",
        "ro",
        m,
        inv.email,
        A,
        "en",
        "Romanian questionnaire, answers in English ('1)' numbering), English Gmail attribution above the Romanian quoted invitation.",
        [1, 3, 5, 6, 12],
        flags=["different_language"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_ro_link_only_flowed():
    inv = invite("ro", "Paula Dumitrescu", "paula.dumitrescu@yahoo.example.com")
    A = {
        "1": "Prin povești reale ale unor firme mici care au colaborat cu programul.",
        "2": "Instagram, podcasturi locale, grupurile de mămici antreprenoare (chiar există și sunt foarte active).",
        "3": "Unele da, majoritatea nu.",
        "4": "Târguri de produse locale în timpul evenimentelor, colaborări cu artiști pentru produse în ediție limitată.",
        "5": "Un formular scurt online + două-trei întâlniri deschise.",
        "6": "Sesiuni de informare online, înregistrate, ca să le poți vedea seara după program.",
        "7": "Concursuri de idei cu premii mici și mentorat.",
    }
    shown = dict(A)
    # format=flowed soft line break: trailing space, then newline (RFC 3676) -> one line once decoded
    shown["2"] = (
        "Instagram, podcasturi locale, grupurile de mămici antreprenoare (chiar \nexistă și sunt foarte active)."
    )
    text = (
        "Buna ziua,\n\n"
        + numbered(shown, "Intrebarea {n}\n")
        + "\n\nPaula Dumitrescu\nHandmade by Paula (PFA)\n\n"
        "Pe 03.11.2020 10:15, ECoC-SME Timișoara a scris:\n" + quote(inv.text(), width=72) + "\n"
    )
    m = new_msg(
        key="ro15",
        from_=mailbox("Paula Dumitrescu", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(8, 21, 14, EET),
        msgid=mid_thunderbird("ro15", "yahoo.example.com"),
        client_ip=92,
        extra=[("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:78.0) Gecko/20100101 Thunderbird/78.4.0")],
    )
    m.set_content(text, charset="utf-8", cte="8bit")
    m.set_param("format", "flowed")
    return Case(
        "ro_no-in-reply-to-link-only-flowed",
        "ro",
        m,
        inv.email,
        A,
        "ro",
        "No In-Reply-To/References: match by the personal link in the quoted original; 'Intrebarea N' heading with the answer on the next line; text/plain format=flowed 8bit with a soft line break inside answer 2.",
        [1, 3, 5, 6, 8, 13],
        invitation=inv,
        invitation_mid=None,
        token=inv.token,
        client="thunderbird",
    )


@case
def c_ro_fresh_mail_repeated_questions():
    inv = invite("ro", "Vasile Oprea", "contact@oprea-mobila.example.ro")
    A = {
        "1": "Direct, prin vizite la firme. Sau prin asociația patronală din care facem parte.",
        "2": "Asociațiile patronale, e-mail, presa locală.",
        "3": "Nu cred.",
        "4": "Mobilier pentru spațiile de eveniment, amenajări temporare, producție de decoruri.",
        "5": "Nu mă pricep la sectorul creativ, dar cred că prin întâlniri cu ei.",
        "6": "Un singur punct de contact, cu telefon.",
        "7": "Să vadă un câștig concret.",
    }
    qs = QUESTIONS["ro"]
    body = "\n\n".join(f"{i}. {qs[i - 1]}\n{A[str(i)]}" for i in range(1, 8))
    text = (
        "Bună ziua,\n\nNu mai găsesc mailul inițial, așa că vă scriu aici răspunsurile la chestionar.\n\n"
        + body
        + "\n\nCu stimă,\nVasile Oprea\nAdministrator, Oprea Mobila SRL\n"
    )
    m = new_msg(
        key="ro16",
        from_=mailbox("Vasile Oprea", inv.email),
        to=inv.lab.mailbox,
        subject="Raspunsuri chestionar Lab 2",
        date=reply_dt(12, 15, 44, EET),
        msgid=mid_generic("ro16", "oprea-mobila.example.ro"),
        client_ip=94,
        extra=[("X-Mailer", "RoundCube Webmail/1.4.9")],
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case(
        "ro_new-mail-question-repeated-sender-only",
        "ro",
        m,
        inv.email,
        A,
        "ro",
        "Not a reply: new mail, new subject, no In-Reply-To, no link; match by sender address only. Each number is followed by the full question (verbatim, mixed ş/ș) and the answer on the next line.",
        [1, 6, 13],
        invitation=inv,
        invitation_mid=None,
        token=None,
    )


@case
def c_ro_unsubscribe():
    inv = invite("ro", "Elena Stan", "elena.stan@example.ro")
    text = (
        "Vă rog să mă scoateți de pe lista de distribuție. Nu mai lucrez în domeniu de anul trecut.\n\n"
        "Elena Stan\n\n" + gmail_attr("ro", inv) + "\n\n" + quote(inv.text()) + "\n"
    )
    m = new_msg(
        key="ro17",
        from_=mailbox("Elena Stan", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(3, 10, 52, EET),
        msgid=mid_gmail("ro17"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=96,
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case(
        "ro_unsubscribe-request",
        "ro",
        m,
        inv.email,
        {},
        "ro",
        "'Vă rog să mă scoateți de pe lista de distribuție': an unsubscribe request, not an answer.",
        [3, 5, 11],
        is_answer=False,
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_ro_iphone_q1():
    inv = invite("ro", "Bogdan Pavel", "bogdan.pavel@icloud.example.com")
    A = {
        "1": "Prin intermediul asociațiilor ca a noastră, avem peste 200 de membri și un grup de WhatsApp foarte activ.",
        "2": "WhatsApp, Facebook, evenimentele lunare „Antreprenor la cafea”.",
        "3": "Cei tineri da, ceilalți puțin.",
        "4": "Mentorat reciproc: artiștii îi învață pe antreprenori creativitate, antreprenorii îi învață pe artiști business 🙂",
        "5": "Prin noi, asociațiile. Putem face un sondaj la membri.",
        "6": "Materiale scurte, video de 2 minute.",
        "7": "Exemple de succes + bani.",
    }
    quoted = (
        f"Pe 3 nov. 2020, la 10:15, {inv.lab.sender_name} <{inv.lab.mailbox}> a scris:\n\n\ufeff" + inv.text()
    )
    text = numbered(A, "Q{n}. ", sep="\n") + "\n\nTrimis de pe iPhone-ul meu\n\n" + quote(quoted) + "\n"
    m = new_msg(
        key="ro18",
        from_=mailbox("Bogdan Pavel", inv.email),
        to=mailbox("ECoC-SME Timișoara", inv.lab.mailbox),
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(3, 19, 2, EET),
        msgid=mid_apple("ro18", "icloud.example.com"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=98,
        extra=[("X-Mailer", "iPhone Mail (18A393)")],
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case(
        "ro_q1-dot-iphone-quoted-attribution",
        "ro",
        m,
        inv.email,
        A,
        "ro",
        "'Q1.' numbering, no greeting; 'Trimis de pe iPhone-ul meu'; iOS Mail puts the attribution line itself inside the '>' quote and a U+FEFF before the quoted text; emoji in answer 4.",
        [1, 3, 5, 6],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="apple",
    )


def platform_invitation_html(inv: Invitation, chunk: str = "all") -> str:
    """The HTML part of the invitation as the platform sent it (quoted by Gmail-like clients).

    chunk: "all", "intro" (greeting + paragraph), "q1".."q7" (one list item), "outro" (link, expiry, team).
    """
    intro_text, _ = inv.text().split("\n\n1. ", 1)
    greeting, para = intro_text.split("\n\n", 1)
    outro = inv.text().split(QUESTIONS[inv.lang][6], 1)[1].strip("\n")
    link_line, expiry, _, thanks, team = outro.split("\n")
    esc = html.escape
    intro = f"<p>{esc(greeting)}</p><p>{esc(para)}</p>"
    items = [f'<li style="margin-bottom:6px">{esc(q)}</li>' for q in QUESTIONS[inv.lang]]
    label = link_line.split(": ", 1)[0]
    out = (
        f'<p>{esc(label)}: <a href="{inv.link}">{inv.link}</a><br>{esc(expiry)}</p>'
        f"<p>{esc(thanks)}<br>{esc(team)}</p>"
    )
    if chunk == "intro":
        return intro
    if chunk.startswith("q"):
        n = int(chunk[1:])
        return f'<blockquote style="margin:0 0 0 20px"><ol start="{n}">{items[n - 1]}</ol></blockquote>'
    if chunk == "outro":
        return out
    return intro + '<blockquote style="margin:0 0 0 20px"><ol>' + "".join(items) + "</ol></blockquote>" + out


# ============================================================================================
# English questionnaire (Timișoara, international stakeholders)
# ============================================================================================


@case
def c_en_q1_colon_gmail_wrapped():
    inv = invite("en", "Sarah Whitfield", "s.whitfield@brightlane.example.com")
    A = {
        "1": 'Keep it short and practical. Explain what the ECoC actually needs from businesses (venues, services, products, volunteers, money) and what they get back. Most SME owners I speak to think it\'s "just for artists".',
        "2": "LinkedIn, local business radio slots, the chamber's newsletter, and in-person breakfasts. Honestly the breakfasts work best.",
        "3": "Some do, most don't. The hospitality sector gets it; B2B companies much less so.",
        "4": 'Sponsorship packages sized for small companies (not just the big "main partner" deals), supplier registers, joint marketing, and co-created projects where a business and an artist apply together.',
        "5": "Map the sector first – who is there, what they sell, who they sell to. Then run a few sector roundtables. We did something similar for the city's tourism strategy and it took about three months.",
        "6": "One website, one newsletter, one contact person. And translate the key calls into English for the international companies based here.",
        "7": "Make the first step very small: a one-page expression of interest instead of a full application.",
    }
    top = (
        "Hi there,\n\nHappy to help – answers below.\n\n"
        + numbered(A, "Q{n}: ")
        + "\n\nAll the best,\nSarah\n\n-- \nSarah Whitfield\nManaging Director, Brightlane Communications Ltd (example)\n"
        "+44 20 0000 0000 | +40 700 000 555\nwww.brightlane.example.com\n\n"
        "This email and any attachments are confidential and intended solely for the addressee. If you have "
        "received it in error, please notify the sender and delete it. Brightlane Communications Ltd is "
        "registered in England and Wales, company no. 00000000."
    )
    attr = gmail_attr("en", inv, wrap=True)
    text = f"{top}\n\n{attr}\n\n{quote(inv.text())}\n"
    m = new_msg(
        key="en20",
        from_=mailbox("Sarah Whitfield", inv.email),
        to=mailbox("ECoC-SME Platform", inv.lab.mailbox),
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(4, 8, 2, EET),
        msgid=mid_gmail("en20"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=110,
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    m.add_alternative(
        gmail_html(top, attr.replace("\n", " "), inv.text()),
        subtype="html",
        charset="utf-8",
        cte="quoted-printable",
    )
    set_boundaries(m, "en20", "gmail")
    return Case(
        "en_q1-colon-gmail-wrapped-attribution",
        "en",
        m,
        inv.email,
        A,
        "en",
        "'Q1:' numbering; '-- ' signature followed by a confidentiality notice; the Gmail 'On ... wrote:' line is wrapped over two lines right after '<'.",
        [1, 3, 5, 6],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_en_interleaved_unnumbered():
    inv = invite("en", "Dario Conti", "dario.conti@example.org")
    A = {
        "1": "Show them the money, basically :) More seriously: tell them which services the programme will need to buy and when.",
        "2": "Instagram for the creative people, LinkedIn for the rest. And the local radio.",
        "3": "Not at all, at least not in the music and audio scene.",
        "4": "Residencies in companies, commissioned works (e.g. a sound identity for a brand, created by a local artist), shared venues.",
        "6": "Office hours. A real person you can call on a Tuesday afternoon.",
        "7": "Co-funding and a label they can put on their products.\nI'd also love to see a small fund for collaborations between freelancers and companies.",
    }
    qs = QUESTIONS["en"]
    intro, _ = inv.text().split("\n\n1. ", 1)
    outro = inv.text().split(qs[6], 1)[1].strip("\n")
    text = (
        "\n".join(
            [
                "Hi,\n\nsee my answers inline.\n\nDario\n",
                gmail_attr("en", inv),
                quote(intro) + "\n>",
                quote(qs[0]) + "\n\n" + A["1"] + "\n",
                quote(qs[1]) + "\n\n" + A["2"] + "\n",
                quote(qs[2]) + "\n" + A["3"] + "\n",
                quote(qs[3]) + "\n\n" + A["4"] + "\n",
                quote(qs[5]) + "\n\n" + A["6"] + "\n",
                quote(qs[6]) + "\n\n" + A["7"] + "\n",
                quote(outro),
            ]
        )
        + "\n"
    )
    m = new_msg(
        key="en21",
        from_=mailbox("Dario Conti", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(5, 0, 34, EET),
        msgid=mid_gmail("en21"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=112,
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case(
        "en_interleaved-unnumbered-quoted-questions",
        "en",
        m,
        inv.email,
        A,
        "en",
        "Inline answers under questions quoted WITHOUT their numbers (map by question text); question 5 deleted from the quote; answer 3 directly under the quote with no blank line; the short sign-off 'Dario' comes BEFORE the quote.",
        [2, 5, 12],
        flags=["partial"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_en_html_outlook_original_message():
    inv = invite("en", "Helen O'Brien", "helen.obrien@cultureworks.example.org")
    A = {
        "1": "Through people they already trust: accountants, banks, the chamber, sector associations. A letter from the Mayor won’t do it.",
        "2": "Trade associations’ mailing lists, local business press, Facebook groups, and short presentations at existing events (e.g. the chamber’s monthly breakfast).",
        "3": "Very few are. Those who are tend to see it as a tourism thing.",
        "4": "Supplier networks, business sponsorship at small scale (from €500), skills donations (legal, accounting, IT) & “adopt a project” schemes.",
        "5": "Ask the creative sector directly, through its own networks. We’d be glad to host one of the sessions at our café space.",
        "6": "Plain-language summaries of every call, max. one page, with a named contact.\nAnd a FAQ that is actually updated.",
        "7": "Show early success stories and make the paperwork proportional to the money.",
    }
    charset = "windows-1252"
    ents = "’“”"
    body = OUTLOOK_HEAD.format(charset=charset, bodylang="EN-GB")
    body += mso_p("Hello,", charset) + mso_p("", charset)
    body += mso_p("Thanks for including us. Our answers:", charset) + mso_p("", charset)
    for k in sorted(A):
        lines = A[k].split("\n")
        first = html_chars(f"{k}. {lines[0]}", charset, ents)
        rest = "".join("<br>\n" + html_chars(x, charset, ents) for x in lines[1:])
        body += f"<p class=MsoNormal>{first}{rest}<o:p></o:p></p>\n" + mso_p("", charset)
    body += (
        "<p class=MsoNormal>Kind regards,<br>\nHelen O&#8217;Brien<br>\nProgramme Manager | CultureWorks Trust (example)"
        '<br>\n<span style="color:#7F7F7F">Registered charity no. 0000000</span><o:p></o:p></p>\n'
    )
    body += mso_p("", charset)
    f_, s_, t_, subj_, date_ = OUTLOOK_LABELS["en"]
    body += (
        "<p class=MsoNormal>-----Original Message-----<br>\n"
        f"{f_}: {html_chars(inv.lab.sender_name, charset)} &lt;{inv.lab.mailbox}&gt; <br>\n"
        f"{s_}: {date_}<br>\n{t_}: Helen O&#8217;Brien &lt;{inv.email}&gt;<br>\n"
        f"{subj_}: {html_chars(inv.subject, charset)}<o:p></o:p></p>\n"
    )
    body += mso_p("", charset) + invitation_html(inv, charset)
    body += "</div>\n</body>\n</html>\n"
    m = new_msg(
        key="en22",
        from_=mailbox("Helen O'Brien", inv.email, quoted=True),
        to=inv.lab.mailbox,
        subject=subject_value("RE: " + inv.subject),
        date=reply_dt(6, 10, 11, GMT),
        msgid=mid_outlook("en22"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=114,
        extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "en-gb")],
    )
    m.set_content(body, subtype="html", charset=charset, cte="quoted-printable")
    return Case(
        "en_html-only-outlook-original-message-cp1252",
        "en",
        m,
        inv.email,
        A,
        "en",
        "HTML-only Outlook in windows-1252 QP: raw cp1252 bytes (é, €) mixed with &#8217;/&#8220; entities and &amp;; answer 6 has a <br> inside one <p>; '-----Original Message-----' block inside a <p> with <br>s.",
        [1, 3, 4, 6, 7, 8],
        flags=["html_only"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="outlook",
    )


@case
def c_en_html_table():
    inv = invite("en", "Priya Raman", "priya@makerspace-tm.example.org")
    A = {
        "1": "Short videos from business owners who already took part (peer-to-peer works better than institutional messages).",
        "2": "Our own makerspace newsletter (1,400 subscribers), Meetup, LinkedIn, university career fairs.",
        "3": "Partly. The tech founders know it exists but not how to get involved.",
        "4": "Prototyping for installations and exhibitions, workshops for the public during the event year,\nmaintenance of interactive works in the legacy years.",
        "5": "Run a short survey through the hubs and co-working spaces, then validate the results in a workshop.",
        "7": "A small prototyping fund + free access to makerspaces for projects linked to the programme.",
    }
    qs = QUESTIONS["en"]
    rows = []
    for i in range(1, 8):
        ans = A.get(str(i))
        cell = html.escape(ans).replace("\n", "<br>") if ans else "&nbsp;"
        rows.append(
            f'<tr><td style="border:1px solid #999;padding:4px;vertical-align:top">{i}</td>'
            f'<td style="border:1px solid #999;padding:4px;vertical-align:top">{html.escape(qs[i - 1])}</td>'
            f'<td style="border:1px solid #999;padding:4px;vertical-align:top">{cell}</td></tr>'
        )
    table = (
        '<table style="border-collapse:collapse;font-family:Arial,sans-serif;font-size:13px">'
        '<tr><th style="border:1px solid #999;padding:4px">#</th><th style="border:1px solid #999;padding:4px">'
        'Question</th><th style="border:1px solid #999;padding:4px">Our answer</th></tr>'
        + "".join(rows)
        + "</table>"
    )
    attr = gmail_attr("en", inv).replace("<", "&lt;").replace(">", "&gt;")
    body = (
        '<div dir="ltr"><div>Hello ECoC-SME team,</div><div><br></div><div>I put our answers in a table, I hope '
        "that&#39;s OK. We skipped Q6 because we honestly don&#39;t know.</div><div><br></div>"
        f"{table}<div><br></div><div>Cheers,</div><div>Priya</div><div><br></div>"
        '<div dir="ltr" class="gmail_signature"><div dir="ltr"><b>Priya Raman</b><br>Makerspace TM (example) | '
        'community &amp; programmes<br><a href="https://makerspace-tm.example.org">makerspace-tm.example.org</a>'
        "</div></div></div><br>"
        '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">' + attr + "<br></div>"
        '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);'
        'padding-left:1ex">' + platform_invitation_html(inv) + "</blockquote></div>\n"
    )
    m = new_msg(
        key="en23",
        from_=mailbox("Priya Raman", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(9, 17, 26, EET),
        msgid=mid_gmail("en23"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=116,
    )
    m.set_content(body, subtype="html", charset="utf-8", cte="base64")
    return Case(
        "en_html-only-answers-in-table",
        "en",
        m,
        inv.email,
        A,
        "en",
        "HTML-only, answers in a <table> (number | question | answer); Q6 cell is &nbsp; (= not answered); answer 4 has a <br>; Gmail 'gmail_quote' div with the platform's HTML invitation, whose questions sit in a nested <blockquote><ol>.",
        [1, 3, 5, 7, 8, 12],
        flags=["html_only", "partial"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_en_iphone_partial():
    inv = invite("en", "Ben Carter", "ben.carter@example.com")
    A = {"1": "LinkedIn + local press", "3": "no, not realy", "7": "money!!"}
    quoted = (
        f"On 3 Nov 2020, at 10:15, {inv.lab.sender_name} <{inv.lab.mailbox}> wrote:\n\n\ufeff" + inv.text()
    )
    text = (
        numbered(A, "{n}) ", sep="\n")
        + "\n\nWill send more when I'm back at my desk.\n\nSent from my iPhone\n\n"
        + quote(quoted)
        + "\n"
    )
    m = new_msg(
        key="en24",
        from_=mailbox("Ben Carter", inv.email),
        to=mailbox("ECoC-SME Platform", inv.lab.mailbox),
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(3, 11, 48, GMT),
        msgid=mid_apple("en24", "example.com"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=118,
        extra=[("X-Mailer", "iPhone Mail (18A393)")],
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case(
        "en_partial-iphone-short",
        "en",
        m,
        inv.email,
        A,
        "en",
        "Three one-liners '1) 3) 7)'; answer 1 really answers the channels question but must be mapped by its number; the line 'Will send more...' is a remark, not part of answer 7; 'Sent from my iPhone'.",
        [1, 3, 5, 6, 12],
        flags=["partial"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="apple",
    )


@case
def c_en_ooo_precedence():
    inv = invite("en", "Laura Mitchell", "laura.mitchell@eu-creative.example.org")
    text = (
        "Thank you for your email. I am out of the office until Monday 16 November with limited access to email.\n\n"
        "For urgent matters please contact info@eu-creative.example.org.\n\nKind regards,\nLaura Mitchell\n"
    )
    html_body = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>'
        '<div style="font-family:Calibri,Arial,Helvetica,sans-serif;font-size:12pt">'
        + text.strip().replace("\n\n", "<br><br>").replace("\n", "<br>")
        + "</div></body></html>\n"
    )
    m = new_msg(
        key="en25",
        from_=mailbox("Laura Mitchell", inv.email),
        to=mailbox("ECoC-SME Platform", inv.lab.mailbox),
        subject=subject_value("Automatic reply: " + inv.subject),
        date=reply_dt(3, 10, 15, EET, 20),
        msgid=mid_outlook("en25"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=120,
        extra=[
            ("Auto-Submitted", "auto-replied"),
            ("Precedence", "auto_reply"),
            ("X-Auto-Response-Suppress", "All"),
            ("X-MS-Exchange-Inbox-Rules-Loop", inv.email),
        ],
    )
    m.set_content(text, charset="utf-8", cte="7bit")
    m.add_alternative(html_body, subtype="html", charset="utf-8", cte="7bit")
    set_boundaries(m, "en25", "outlook")
    return Case(
        "en_ooo-auto-submitted-precedence",
        "en",
        m,
        inv.email,
        {},
        "en",
        "Exchange 'Automatic reply:' with Auto-Submitted: auto-replied and Precedence: auto_reply; 'I am out of the office until...'.",
        [10],
        is_answer=False,
        flags=["auto_reply"],
        invitation=inv,
        invitation_mid=inv.message_id,
        client="outlook",
    )


@case
def c_en_bounce():
    inv = invite("en", "Peter Kovacs", "p.kovacs@oldmail.example.net")
    b = "4CQx1x2Y3Zz9sRK.1604391309/mx.platform.example.org"
    raw = f"""Return-Path: <>
Received: by mx.platform.example.org (Postfix)
\tid 4CQx1x2Y3Zz9sRK; Tue,  3 Nov 2020 10:15:09 +0200 (EET)
Date: Tue,  3 Nov 2020 10:15:09 +0200 (EET)
From: MAILER-DAEMON@mx.platform.example.org (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: consultations@platform.example.org
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="{b}"
Content-Transfer-Encoding: 7bit
Message-Id: <20201103081509.4CQx1x2Y3Zz9sRK@mx.platform.example.org>
X-Example: true

This is a MIME-encapsulated message.

--{b}
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.platform.example.org.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<p.kovacs@oldmail.example.net>: host mx.oldmail.example.net[192.0.2.200] said:
    550 5.1.1 <p.kovacs@oldmail.example.net>: Recipient address rejected:
    User unknown in virtual mailbox table (in reply to RCPT TO command)

--{b}
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.platform.example.org
X-Postfix-Queue-ID: 4CQx1x2Y3Zz9sRK
X-Postfix-Sender: rfc822; consultations@platform.example.org
Arrival-Date: Tue,  3 Nov 2020 10:15:02 +0200 (EET)

Final-Recipient: rfc822; p.kovacs@oldmail.example.net
Original-Recipient: rfc822;p.kovacs@oldmail.example.net
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.oldmail.example.net
Diagnostic-Code: smtp; 550 5.1.1 <p.kovacs@oldmail.example.net>: Recipient
    address rejected: User unknown in virtual mailbox table

--{b}
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

Return-Path: <consultations@platform.example.org>
Received: from app1.platform.example.org (app1.platform.example.org [192.0.2.5])
\tby mx.platform.example.org (Postfix) with ESMTP id 4CQx1x2Y3Zz9sRK
\tfor <p.kovacs@oldmail.example.net>; Tue,  3 Nov 2020 10:15:02 +0200 (EET)
From: ECoC-SME Platform <consultations@platform.example.org>
To: Peter Kovacs <p.kovacs@oldmail.example.net>
Subject: {inv.subject}
Date: {format_datetime(inv.sent)}
Message-ID: {inv.message_id}
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="===============platform-{inv.id}=="
X-Example: true

--{b}--
"""
    return Case(
        "en_bounce-mailer-daemon",
        "en",
        raw.encode("ascii"),
        "mailer-daemon@mx.platform.example.org",
        {},
        "en",
        "Postfix bounce (multipart/report; report-type=delivery-status) for an invitation to a dead address; the invitation's Message-ID is only in the text/rfc822-headers part.",
        [10],
        is_answer=False,
        flags=["bounce"],
        invitation=inv,
        invitation_mid=inv.message_id,
    )


@case
def c_en_answer_later_outlook_mobile():
    inv = invite("en", "James Holloway", "james@holloway-events.example.com")
    text = (
        "Thanks for this. Crazy week here with the rescheduling, I will answer next week.\n\nJames\n\n"
        "Get Outlook for Android\n\n"
        + outlook_block("en", inv, "James Holloway <" + inv.email + ">", underline=True).replace(
            "Tuesday, November 3, 2020 10:15 AM", "Tuesday, November 3, 2020 10:15:04 AM"
        )
        + "\n\n"
        + inv.text()
        + "\n"
    )
    m = new_msg(
        key="en27",
        from_=mailbox("James Holloway", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(3, 17, 40, GMT),
        msgid=mid_outlook("en27"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=124,
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case(
        "en_will-answer-next-week-outlook-mobile",
        "en",
        m,
        inv.email,
        {},
        "en",
        "'I will answer next week' from Outlook for Android ('Get Outlook for Android', '____' line + From/Sent/To/Subject block): not an answer.",
        [3, 4, 6, 11],
        is_answer=False,
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="outlook",
    )


@case
def c_en_essay_other_numbering():
    inv = invite("en", "Mark Davies", "m.davies@research.example.org")
    essay = (
        "Rather than answering the questions one by one, I have put together some reflections based on our research "
        "on creative economies in mid-sized European cities. I hope this is still useful.\n\n"
        "1. Context\n"
        "ECoC titles tend to produce a short spike in demand for cultural services, hospitality and events. Small "
        "firms benefit most when they can plan ahead, which is rarely the case because programmes are finalised late.\n\n"
        "2. What we observed in previous ECoC cities\n"
        "In most cities we studied, SMEs were involved mainly as suppliers, and mostly in the event year itself. "
        "Where the business community was involved from the bid phase, the legacy was clearly stronger.\n\n"
        "3. Recommendations\n"
        "a) involve business associations from the bid phase onwards;\n"
        "b) reserve a share of procurement for small local suppliers;\n"
        "c) fund collaborations, not individual projects;\n"
        "d) measure legacy for at least five years after the title year.\n\n"
        "I would be happy to discuss this further."
    )
    text = (
        f"Dear colleagues,\n\n{essay}\n\nBest wishes,\nMark\n\nDr Mark Davies\nSenior Research Fellow\n"
        "Centre for Urban Creative Economies (example)\n\n"
        + outlook_block("en", inv, "Mark Davies <" + inv.email + ">")
        + "\n\n"
        + inv.text()
        + "\n"
    )
    m = new_msg(
        key="en28",
        from_=mailbox("Mark Davies", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("RE: " + inv.subject),
        date=reply_dt(13, 16, 9, GMT),
        msgid=mid_outlook("en28"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=126,
        extra=[("X-Mailer", "Microsoft Outlook 16.0")],
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case(
        "en_free-essay-own-numbering",
        "en",
        m,
        inv.email,
        {},
        "en",
        "A short essay with its OWN numbering (1. Context / 2. What we observed / 3. Recommendations, a)-d)) that does not match the 7 questions: unmapped, not answers 1-3.",
        [3, 4, 11, 12],
        flags=["unmapped"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        unmapped_text=essay,
        client="outlook",
    )


@case
def c_en_csv_attachment():
    inv = invite("en", "Tudor Iancu", "tudor.iancu@dataforge.example.com")
    A = {
        "1": "Tell them what's in it for them, with numbers. Our team suggested a short 'ECoC for business' explainer video about Timișoara.",
        "2": "LinkedIn; tech meetups; the city's startup newsletter",
        "3": "Mostly no",
        "4": 'Open data challenges, visitor apps, co-working space for creative + tech teams, "design sprints" with artists',
        "5": "Survey + interviews; maybe analyse the applications to previous open calls",
        "6": "A single portal with filters (sector, budget, deadline)\nand email alerts",
        "7": "Fast, small grants; public recognition; access to venues for testing products",
    }
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(["question", "answer"])
    for k in sorted(A):
        w.writerow([k, A[k]])
    top = (
        "Hello,\n\nPlease find our answers attached as CSV – we collected them internally with a form, so it was "
        "easier to export. Let me know if you prefer another format.\n\nThanks,\nTudor"
    )
    text = f"{top}\n\n{gmail_attr('en', inv)}\n\n{quote(inv.text())}\n"
    m = new_msg(
        key="en29",
        from_=mailbox("Tudor Iancu", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(10, 14, 0, EET),
        msgid=mid_gmail("en29"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=128,
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    m.add_attachment(
        buf.getvalue(), subtype="csv", charset="utf-8", cte="quoted-printable", filename="answers_lab2.csv"
    )
    set_boundaries(m, "en29", "gmail")
    return Case(
        "en_csv-attachment",
        "en",
        m,
        inv.email,
        A,
        "en",
        'Answers in answers_lab2.csv (text/csv, utf-8 QP): a header row, every field quoted, a doubled "" quote in answer 4 and a newline inside the quoted field of answer 6.',
        [3, 5, 9],
        flags=["from_attachment"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_en_docx_ignored():
    inv = invite("en", "Olivia Grant", "olivia.grant@northbridge.example.com")
    A = {
        "1": "Through business associations and by showing concrete examples of contracts SMEs have won.",
        "2": "Email newsletters, LinkedIn, and presentations at the chamber's events.",
        "3": "I don't know. We never discussed it with other companies.",
        "4": "Event production, hospitality partnerships, joint ticketing offers.",
        "5": "A short online survey followed by sector workshops.",
        "6": "A monthly digest with upcoming calls and deadlines.",
        "7": 'Grants with simple reporting, and a label "Official supplier of Timișoara 2021".',
    }
    top = (
        "Hello,\n\nPlease see our answers below. I have also attached our company presentation in case it is useful "
        "for the lab (it does not contain the answers).\n\n"
        + numbered(A, "{n} - ", sep="\n")
        + "\n\nKind regards,\nOlivia Grant\nHead of Partnerships\nNorthbridge Events Ltd (example)\n"
        "T: +44 161 000 0000"
    )
    text = f"{top}\n\n{outlook_block('en', inv, inv.email, underline=True)}\n\n{inv.text()}\n"
    seed = hashlib.sha256(b"northbridge-docx").digest()
    blob = (
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"
        + b"[Content_Types].xml"
        + b"".join(hashlib.sha256(seed + i.to_bytes(2, "big")).digest() for i in range(96))
    )
    m = new_msg(
        key="en30",
        from_=mailbox("Olivia Grant", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("RE: " + inv.subject),
        date=reply_dt(12, 9, 30, GMT),
        msgid=mid_outlook("en30"),
        irt=None,
        refs=inv.message_id,
        client_ip=130,
        extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("X-MS-Has-Attach", "yes")],
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    m.add_attachment(
        blob, maintype="application", subtype="octet-stream", filename="Northbridge_presentation_2020.docx"
    )
    set_boundaries(m, "en30", "outlook")
    return Case(
        "en_numbered-dash-docx-attachment-ignored",
        "en",
        m,
        inv.email,
        A,
        "en",
        "'1 -' numbering in the body; an application/octet-stream .docx attachment that must be ignored; 'I don't know...' is an answer; References but no In-Reply-To.",
        [1, 3, 4, 6, 9, 13],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="outlook",
    )


@case
def c_en_cp1252_crlf_repeated_questions():
    inv = invite("en", "George Antonescu", "g.antonescu@transilvania-ventures.example.com")
    A = {
        "1": "Frankly, by not calling it “culture” in the first line. Start with the audience numbers and the procurement calendar.",
        "2": "LinkedIn, the regional business press, investor newsletters, and the accelerators’ demo days.",
        "3": "Only superficially.",
        "4": "Corporate partners for specific projects, a Timisoara 2021 business club, and a small co-investment fund for creative-tech startups – we would be open to discussing this.",
        "5": "Look at the data you already have: past grant applications, company registrations by activity code, and the universities’ alumni surveys.",
        "6": "Office hours with the programme team, and a simple newsletter.",
        "7": "Competitions with real prizes (investment, not just diplomas).",
    }
    asked = [
        "How can we communicate the role and needs of the ECoC programme to SMEs/startups?",
        "What channels can be used?",
        "Are SMEs/startups aware of the ECoC potential?",
        "Ways of cooperation between business community and Timisoara 2021?",
        "How to identify the needs of the creative sector?",
        "How to facilitate access to information?",
        "How to encourage SMEs/startups to develop initiatives?",
    ]
    body = "\n\n".join(f"{i}. {asked[i - 1]}\n{A[str(i)]}" for i in range(1, 8))
    charset = "windows-1252"
    text = (
        "Dear ECoC-SME team,\n\nPlease find my answers below (I shortened the questions).\n\n"
        + body
        + "\n\nBest regards,\nGeorge Antonescu\nPartner | Transilvania Ventures (example)\nM +40 700 000 999\n\n"
        "CONFIDENTIALITY: This message may contain privileged information. If you are not the intended recipient, "
        "please delete it and notify the sender. Transilvania Ventures does not accept liability for any errors "
        "or omissions in the contents of this message.\n\n"
        + outlook_block("en", inv, f"George Antonescu <{inv.email}>")
        + "\n\n"
        + inv.text()
        + "\n"
    )
    text = fit(text, charset)
    m = new_msg(
        key="en31",
        from_=mailbox("George Antonescu", inv.email),
        to=mailbox("ECoC-SME Platform", inv.lab.mailbox, "windows-1252"),
        subject=subject_value("RE: " + inv.subject),
        date=reply_dt(16, 11, 5, EET),
        msgid=mid_outlook("en31"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=132,
        extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "en-US")],
    )
    m.set_content(text, charset=charset, cte="quoted-printable")
    return Case(
        "en_repeated-shortened-questions-cp1252-crlf",
        "en",
        m,
        inv.email,
        A,
        "en",
        "Each number is followed by a SHORTENED paraphrase of the question and the answer on the next line; windows-1252 QP with curly quotes/en dash; file uses CRLF line ends; the quoted original lost 'ș' ('Timisoara') in cp1252.",
        [1, 3, 4, 6, 8],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        crlf=True,
        client="outlook",
    )


# ============================================================================================
# Italian questionnaire (Matera 2019)
# ============================================================================================


@case
def c_it_domanda_outlook_latin1():
    inv = invite("it", "Giuseppe Lorusso", "g.lorusso@cooperativa-sassi.example.it")
    A = {
        "1": "Bisogna andare nelle sedi delle associazioni di categoria e spiegare con esempi concreti cosa può fare una piccola impresa durante e dopo l'anno della Capitale.",
        "2": "Associazioni di categoria, Camera di Commercio, giornali locali, gruppi WhatsApp dei commercianti del centro storico.",
        "3": "Nel 2019 sì, abbastanza. Oggi molti pensano che sia tutto finito e che non ci siano più opportunità.",
        "4": "Forniture di servizi (accoglienza, guide, trasporti), co-progettazione di eventi, utilizzo degli spazi delle imprese come luoghi culturali. Noi abbiamo ospitato due mostre nella nostra sede ed è andata benissimo.",
        "5": "Con tavoli tematici periodici e un questionario annuale, da fare insieme all'Università.",
        "6": "Uno sportello unico, anche fisico, con orari di apertura chiari.",
        "7": "Bandi semplici, con anticipo dei contributi: le piccole imprese non possono aspettare un anno per essere rimborsate.",
    }
    charset = "iso-8859-1"
    text = (
        "Buongiorno,\n\ndi seguito le nostre risposte.\n\n"
        + numbered(A, "Domanda {n}: ")
        + "\n\nCordiali saluti\n\nGiuseppe Lorusso\nPresidente\nCooperativa Sassi Servizi (example)\n"
        "Via dell'Esempio 10 - 75100 Matera\nTel. 0835 000000\n\n"
        "Le informazioni contenute in questa e-mail e negli eventuali allegati sono riservate e destinate "
        "esclusivamente al destinatario. Ai sensi del Regolamento UE 2016/679 (GDPR), se avete ricevuto questo "
        "messaggio per errore vi preghiamo di comunicarlo al mittente e di cancellarlo.\n\n"
        + outlook_block("it", inv, "Giuseppe Lorusso", mailto=True)
        + "\n\n"
        + inv.text()
        + "\n"
    )
    m = new_msg(
        key="it40",
        from_=mailbox("Giuseppe Lorusso", inv.email),
        to=mailbox("ECoC-SME Matera", inv.lab.mailbox),
        subject=subject_value("R: " + inv.subject),
        date=reply_dt(4, 12, 18, CET),
        msgid=mid_outlook("it40"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=140,
        extra=[("X-Mailer", "Microsoft Outlook 15.0"), ("Content-Language", "it")],
    )
    m.set_content(text, charset=charset, cte="quoted-printable")
    return Case(
        "it_domanda-outlook-da-inviato-latin1",
        "it",
        m,
        inv.email,
        A,
        "it",
        "'Domanda N:' numbering; Outlook 'Da:/Inviato:/A:/Oggetto:' block with [mailto:] and the original unquoted below it; GDPR disclaimer; iso-8859-1 QP; subject 'R:'.",
        [1, 3, 4, 6, 8],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="outlook",
    )


@case
def c_it_messaggio_originale_partial():
    inv = invite("it", "Francesca De Luca", "f.deluca@studiodeluca.example.it")
    A = {
        "1": "Con un linguaggio meno istituzionale. I comunicati della Fondazione erano spesso incomprensibili per chi non lavora nella cultura.",
        "2": "Instagram e LinkedIn per i giovani professionisti; per gli altri, gli ordini professionali e la Camera di Commercio.",
        "4": "Concorsi di progettazione aperti anche a studi piccoli e giovani, con requisiti di fatturato proporzionati.",
        "6": "Una newsletter mensile con tutte le scadenze… e un calendario condiviso.",
    }
    charset = "windows-1252"
    text = (
        "Buongiorno,\n\nrispondo solo alle domande su cui ho qualcosa da dire.\n\n"
        f"1) {A['1']}\n2) {A['2']}\n3) -\n4) {A['4']}\n6) {A['6']}\n\n"
        "Un saluto,\nFrancesca\n\nArch. Francesca De Luca\nStudio De Luca – architettura e paesaggio\nMatera\n\n"
        + outlook_block("it", inv, inv.email, original=True, trailing_space=True)
        + "\n\n"
        + inv.text()
        + "\n"
    )
    m = new_msg(
        key="it41",
        from_=mailbox("Francesca De Luca", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("R: " + inv.subject),
        date=reply_dt(5, 19, 3, CET),
        msgid=mid_outlook("it41"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=142,
        extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "it")],
    )
    m.set_content(text, charset=charset, cte="base64")
    return Case(
        "it_partial-messaggio-originale-cp1252-base64",
        "it",
        m,
        inv.email,
        A,
        "it",
        "'1)' numbering with '3) -' (no answer) and questions 5 and 7 simply missing; '-----Messaggio originale-----' with a trailing space after 'Da:' line; windows-1252 base64 with … and –.",
        [1, 3, 4, 6, 8, 12],
        flags=["partial"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="outlook",
    )


@case
def c_it_ooo_no_headers():
    inv = invite("it", "Antonio Santoro", "antonio.santoro@comune-ufficio.example.it")
    text = (
        "Gentile mittente,\n\nsono fuori ufficio fino a lunedì 16 novembre 2020 e non avrò accesso regolare alla "
        "posta elettronica. Per comunicazioni urgenti potete contattare l'ufficio al numero 0835 000 111.\n\n"
        "Cordiali saluti\nAntonio Santoro\nUfficio Attività Produttive (example)\n"
    )
    m = new_msg(
        key="it42",
        from_=mailbox("Antonio Santoro", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(3, 10, 16, CET, 2),
        msgid=mid_generic("it42", "comune-ufficio.example.it"),
        irt=inv.message_id,
        client_ip=144,
    )
    m.set_content(text, charset="iso-8859-1", cte="quoted-printable")
    return Case(
        "it_ooo-without-auto-headers",
        "it",
        m,
        inv.email,
        {},
        "it",
        "Out-of-office ('sono fuori ufficio fino a...') with NO Auto-Submitted/X-Autoreply/Precedence header and a plain 'Re:' subject: must be recognised from the text (and the 1-minute delay).",
        [10],
        is_answer=False,
        flags=["auto_reply"],
        invitation=inv,
        invitation_mid=inv.message_id,
    )


@case
def c_it_html_gmail_interleaved():
    inv = invite("it", "Chiara Montemurro", "chiara@lucanialab.example.it")
    A = {
        "1": "Con storie di imprese locali che hanno lavorato con Matera 2019: funzionano più di qualsiasi brochure.",
        "2": "Instagram, i podcast locali, e il passaparola nei coworking. Per le imprese più tradizionali, la radio.",
        "3": "Le startup sì, perché il 2019 è stato molto visibile. Le PMI tradizionali molto meno.",
        "4": "Open innovation: sfide lanciate dalla Fondazione e risolte da startup locali, con un piccolo budget per i prototipi.",
        "5": "Ascoltando le community che già esistono invece di crearne di nuove.",
        "6": "Un portale unico con i bandi, in italiano e in inglese, e una persona di riferimento.",
        "7": "Dando loro un palcoscenico: demo day durante gli eventi principali, con investitori e pubblico.",
    }
    bq = (
        '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);'
        'padding-left:1ex">'
    )
    attr = html.escape(gmail_attr("it", inv), quote=False)
    parts = [
        '<div dir="ltr"><div>Buongiorno,</div><div>ecco le mie risposte tra le righe (in blu).</div>'
        "<div><br></div><div>Chiara</div></div><br>",
        f'<div class="gmail_quote"><div dir="ltr" class="gmail_attr">{attr}<br></div>',
        bq + platform_invitation_html(inv, "intro"),
    ]
    for i in range(1, 8):
        if i > 1:
            parts.append(bq)
        parts.append(platform_invitation_html(inv, f"q{i}") + "</blockquote>")
        parts.append(
            f'<div><font color="#0000ff">{html.escape(A[str(i)], quote=False)}</font></div><div><br></div>'
        )
    parts.append(bq + platform_invitation_html(inv, "outro") + "</blockquote></div>\n")
    body = "".join(parts)
    m = new_msg(
        key="it43",
        from_=mailbox("Chiara Montemurro", inv.email),
        to=mailbox("ECoC-SME Matera", inv.lab.mailbox),
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(6, 15, 27, CET),
        msgid=mid_gmail("it43"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=146,
    )
    m.set_content(body, subtype="html", charset="utf-8", cte="quoted-printable")
    return Case(
        "it_html-only-gmail-interleaved-blockquotes",
        "it",
        m,
        inv.email,
        A,
        "it",
        "HTML-only Gmail reply written between the pieces of the quote: each question is its own <blockquote class=gmail_quote> (with the platform's nested <blockquote><ol start=N>), the blue answer follows in a <div><font>.",
        [2, 5, 7],
        flags=["html_only"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_it_repeated_question_8bit():
    inv = invite("it", "Rocco Di Pierro", "rocco.dipierro@example.it")
    A = {
        "1": "Parlando con noi, non di noi. Noi piccoli operatori turistici abbiamo visto arrivare migliaia di visitatori nel 2019 ma nessuno ci ha mai chiesto un parere.",
        "2": "Gruppi Facebook degli host e dei B&B, associazioni albergatori, passaparola.",
        "3": "Adesso sì, dopo il 2019 lo sanno tutti. Prima no.",
        "4": "Pacchetti turistici integrati con gli eventi, biglietti + pernottamento, sconti per chi partecipa agli eventi.",
        "5": "Non saprei.",
        "6": "Un sito con il calendario aggiornato degli eventi almeno 6 mesi prima, così possiamo organizzarci con le prenotazioni.",
        "7": "Coinvolgendole fin dall'inizio e non all'ultimo momento.",
    }
    qs = QUESTIONS["it"]
    body = "\n\n".join(f"{i}) {qs[i - 1]}\n\n{A[str(i)]}" for i in range(1, 8))
    text = (
        "Salve,\n\nvi rispondo qui perché il link non mi funziona dal telefono.\n\n"
        + body
        + "\n\nSaluti,\nRocco\nB&B La Gravina (example) – Matera\n"
    )
    m = new_msg(
        key="it44",
        from_=mailbox("Rocco Di Pierro", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(14, 22, 51, CET),
        msgid=mid_generic("it44", "webmail.example.it"),
        client_ip=148,
        extra=[("User-Agent", "Webmail Example/3.2")],
    )
    m.set_content(text, charset="utf-8", cte="8bit")
    return Case(
        "it_question-repeated-no-quote-sender-only",
        "it",
        m,
        inv.email,
        A,
        "it",
        "Each number followed by the full question, a blank line, then the answer; 'Non saprei.' IS an answer; 'Re:' subject but the webmail dropped In-Reply-To/References and nothing is quoted: match by sender only; 8bit UTF-8.",
        [1, 6, 13],
        invitation=inv,
        invitation_mid=None,
        token=None,
    )


# ============================================================================================
# Dutch questionnaire (Leeuwarden-Fryslân 2018)
# ============================================================================================


@case
def c_nl_vraag_gmail():
    inv = invite("nl", "Sjoerd de Vries", "sjoerd@friesbureau.example.nl")
    A = {
        "1": "Door het concreet te maken. Laat zien welke opdrachten er liggen en wat de planning is. Ondernemers willen weten: wat kan ik leveren en wanneer?",
        "2": "LinkedIn, de nieuwsbrief van de ondernemersvereniging, de regionale omroep en vooral de bestaande netwerkbijeenkomsten.",
        "3": "In 2018 wel, toen was het overal. Nu denken velen dat het voorbij is, terwijl de legacy-projecten nog lopen.",
        "4": "Cofinanciering van projecten, ideeën uitwisselen aan 'kennistafels', ondernemers als gastheer voor culturele activiteiten (in hun pand of op hun erf).",
        "5": "Door regelmatig langs te gaan bij de creatieve broedplaatsen en niet alleen enquêtes te sturen.",
        "6": "Eén loket, ook telefonisch bereikbaar. En informatie ook in het Fries, dat wordt gewaardeerd.",
        "7": "Met kleine, snelle bijdragen (vouchers) en erkenning. Ondernemers hier zijn nuchter: eerst zien, dan geloven.",
    }
    top = (
        "Goedemiddag,\n\nHierbij mijn antwoorden.\n\n"
        + numbered(A, "Vraag {n}: ")
        + "\n\nMet vriendelijke groet,\n\nSjoerd de Vries\nFries Bureau voor Ontwerp (example)\nT 058 000 0000"
    )
    attr = gmail_attr("nl", inv)
    text = f"{top}\n\n{attr}\n\n{quote(inv.text())}\n"
    m = new_msg(
        key="nl50",
        from_=mailbox("Sjoerd de Vries", inv.email),
        to=mailbox("ECoC-SME Leeuwarden", inv.lab.mailbox),
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(4, 14, 9, CET),
        msgid=mid_gmail("nl50"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=150,
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    m.add_alternative(
        gmail_html(top, attr, inv.text()), subtype="html", charset="utf-8", cte="quoted-printable"
    )
    set_boundaries(m, "nl50", "gmail")
    return Case(
        "nl_vraag-gmail-op-schreef",
        "nl",
        m,
        inv.email,
        A,
        "nl",
        "'Vraag N:' numbering; Dutch Gmail attribution 'Op di 3 nov. 2020 om 10:15 schreef ...:'; 'Met vriendelijke groet,' signature; multipart/alternative.",
        [1, 3, 5, 6],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_nl_html_outlook_list():
    inv = invite("nl", "Marieke Hoekstra", "m.hoekstra@watertech.example.nl")
    A = {
        "1": "Via de brancheverenigingen en de Kamer van Koophandel, met een heldere boodschap: wat levert het op?",
        "2": "Nieuwsbrieven, LinkedIn en de regionale kranten.",
        "3": "Nauwelijks, zeker niet in de technische sector.",
        "4": "Technologiebedrijven kunnen meedenken over duurzaamheid en water – thema's die in het programma al een rol speelden.",
        "5": "Een korte enquête via de creatieve broedplaatsen.",
        "6": "Een overzichtelijke website met alle regelingen.",
        "7": "Matchmaking tussen kunstenaars en bedrijven.",
    }
    charset = "utf-8"
    ents = "–é"
    body = OUTLOOK_HEAD.format(charset=charset, bodylang="NL")
    body += mso_p("Beste projectteam,", charset) + mso_p("", charset)
    body += mso_p("Hieronder onze antwoorden, kort maar krachtig.", charset) + mso_p("", charset)
    for k in sorted(A):
        body += (
            '<p class=MsoListParagraph style="text-indent:-18.0pt;mso-list:l0 level1 lfo1">'
            '<![if !supportLists]><span style="mso-list:Ignore">' + f"{k}."
            '<span style="font:7.0pt &quot;Times New Roman&quot;">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>'
            "</span><![endif]>" + html_chars(A[k], charset, ents) + "<o:p></o:p></p>\n"
        )
    body += mso_p("", charset) + mso_p("Met vriendelijke groet,", charset) + mso_p("", charset)
    body += (
        "<p class=MsoNormal><b>Marieke Hoekstra</b><br>Business developer<br>WaterTech Friesland B.V. (example)"
        "<br>T +31 58 000 0000<o:p></o:p></p>\n"
        '<p class=MsoNormal><img width="96" height="32" id="Afbeelding_x0020_1" '
        'src="cid:image001.png@01D6B2C3.4D5E6F70" alt="WaterTech Friesland"><o:p></o:p></p>\n'
    )
    body += mso_p("", charset) + outlook_quote_header_html(
        "nl", inv, f"Marieke Hoekstra <{inv.email}>", charset
    )
    body += mso_p("", charset) + invitation_html(inv, charset) + "</div>\n</body>\n</html>\n"
    m = new_msg(
        key="nl51",
        from_=mailbox("Marieke Hoekstra", inv.email),
        to=mailbox("ECoC-SME Leeuwarden", inv.lab.mailbox),
        subject=subject_value("RE: " + inv.subject),
        date=reply_dt(5, 9, 12, CET),
        msgid=mid_outlook("nl51"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=152,
        extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "nl-NL")],
    )
    m.set_content(body, subtype="html", charset=charset, cte="quoted-printable")
    m.add_related(
        tiny_png((0, 110, 160)),
        "image",
        "png",
        cid="<image001.png@01D6B2C3.4D5E6F70>",
        filename="image001.png",
        disposition="inline",
    )
    set_boundaries(m, "nl51", "outlook")
    return Case(
        "nl_html-only-outlook-list-paragraphs",
        "nl",
        m,
        inv.email,
        A,
        "nl",
        "HTML-only Outlook (multipart/related with a logo PNG): the numbers come from Word list markup (<p class=MsoListParagraph><![if !supportLists]>1.&nbsp;...<![endif]>); 'Van:/Verzonden:/Aan:/Onderwerp:' block.",
        [1, 3, 4, 6, 7],
        flags=["html_only"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="outlook",
    )


@case
def c_nl_ooo_autoreply():
    inv = invite("nl", "Pieter Bakker", "p.bakker@example.nl")
    text = (
        "Beste afzender,\n\nIk ben afwezig tot en met vrijdag 13 november. Uw e-mail wordt niet doorgestuurd. "
        "Voor vragen over financiële zaken kunt u contact opnemen met ons algemene nummer 058 000 0001.\n\n"
        "Met vriendelijke groet,\nPieter Bakker\n"
    )
    m = new_msg(
        key="nl52",
        from_=mailbox("Pieter Bakker", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Automatisch antwoord: " + inv.subject),
        date=reply_dt(3, 10, 15, CET, 44),
        msgid=mid_generic("nl52", "example.nl"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=154,
        extra=[("X-Autoreply", "yes"), ("Auto-Submitted", "auto-replied")],
    )
    m.set_content(text, charset="iso-8859-1", cte="quoted-printable")
    return Case(
        "nl_ooo-x-autoreply-latin1",
        "nl",
        m,
        inv.email,
        {},
        "nl",
        "Dutch out-of-office ('Ik ben afwezig tot en met...') with X-Autoreply: yes + Auto-Submitted; iso-8859-1 QP.",
        [8, 10],
        is_answer=False,
        flags=["auto_reply"],
        invitation=inv,
        invitation_mid=inv.message_id,
    )


@case
def c_nl_markdown_attachment():
    inv = invite("nl", "Anouk Postma", "anouk@postma-design.example.nl")
    A = {
        "1": "Door **ondernemers zelf** aan het woord te laten, bijvoorbeeld in korte video's.",
        "2": "- Instagram\n- LinkedIn\n- de nieuwsbrief van de creatieve broedplaats",
        "3": "Deels. De creatieve sector wel, de rest niet echt.",
        "4": "Samen producten ontwikkelen (merchandise, souvenirs) en gedeelde ruimtes.",
        "5": "Ik weet het niet.",
        "6": "Een maandelijkse inloopochtend.",
        "7": "Een kleine, laagdrempelige subsidie (max. € 2.500) met een eenvoudig verslag achteraf.",
    }
    md = "# Antwoorden Local Learning Lab 2\n\n" + numbered(A, "## Vraag {n}\n") + "\n"
    top = "Hoi,\n\nIn de bijlage mijn antwoorden (markdown, zo schrijf ik alles).\n\nGroetjes,\nAnouk"
    text = f"{top}\n\n{gmail_attr('nl', inv)}\n\n{quote(inv.text())}\n"
    m = new_msg(
        key="nl53",
        from_=mailbox("Anouk Postma", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Antw: " + inv.subject),
        date=reply_dt(8, 20, 33, CET),
        msgid=mid_gmail("nl53"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=156,
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    m.add_attachment(md, subtype="markdown", charset="utf-8", cte="base64", filename="antwoorden.md")
    set_boundaries(m, "nl53", "gmail")
    return Case(
        "nl_markdown-attachment",
        "nl",
        m,
        inv.email,
        A,
        "nl",
        "Answers in antwoorden.md (text/markdown, base64) under '## Vraag N' headings; Markdown bold and a '- ' list kept verbatim; 'Ik weet het niet.' IS an answer; subject 'Antw:'.",
        [5, 8, 9, 12],
        flags=["from_attachment"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


# ============================================================================================
# Croatian questionnaire (Rijeka 2020)
# ============================================================================================


@case
def c_hr_pitanje_outlook_win1250():
    inv = invite("hr", "Marko Babić", "marko.babic@kvarner-metal.example.hr")
    A = {
        "1": "Kroz gospodarsku komoru i udruženja obrtnika, s jasnim porukama što poduzeća mogu dobiti. Većina nas nema vremena čitati duge dokumente.",
        "2": "Lokalni radio i televizija, lokalne novine, LinkedIn, sastanci u komori.",
        "3": "Djelomično. Za EPK su svi čuli, ali malo tko zna što to znači za njihovo poslovanje.",
        "4": "Industrijska baština je velika tema Rijeke 2020 – naši pogoni mogu biti otvoreni za posjetitelje, a radnici mogu pričati priče. Također sponzorstva i suradnja s umjetnicima.",
        "5": "Radionicama s predstavnicima kreativnog sektora i anketom.",
        "6": "Jedno mjesto na internetu s natječajima i kontaktom osobe koja odgovara na pitanja.",
        "7": "Financijskim poticajima i promocijom njihovih inicijativa u programu.",
    }
    charset = "windows-1250"
    text = (
        "Poštovani,\n\nu nastavku dostavljam odgovore.\n\n"
        + numbered(A, "Pitanje {n}: ")
        + "\n\nS poštovanjem,\n\nMarko Babić, dipl. ing.\nDirektor\nKvarner Metal d.o.o. (example)\n"
        "Ulica Primjera 5, 51000 Rijeka\nTel: +385 51 000 000\n\n"
        "Ova poruka i svi prilozi su povjerljivi i namijenjeni isključivo osobi ili tvrtki kojoj su upućeni. "
        "Ako ste ovu poruku primili greškom, molimo Vas da o tome obavijestite pošiljatelja i izbrišete poruku.\n\n"
        + outlook_block("hr", inv, f"Marko Babić <{inv.email}>")
        + "\n\n"
        + inv.text()
        + "\n"
    )
    m = new_msg(
        key="hr60",
        from_=mailbox("Marko Babić", inv.email, charset),
        to=mailbox("ECoC-SME Rijeka", inv.lab.mailbox),
        subject=ew("RE: " + inv.subject, charset, "Q"),
        date=reply_dt(4, 7, 48, CET),
        msgid=mid_outlook("hr60"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=160,
        extra=[
            ("Thread-Topic", ew(inv.subject, charset, "Q")),
            ("X-Mailer", "Microsoft Outlook 16.0"),
            ("Content-Language", "hr"),
        ],
    )
    m.set_content(text, charset=charset, cte="quoted-printable")
    return Case(
        "hr_pitanje-outlook-od-poslano-win1250",
        "hr",
        m,
        inv.email,
        A,
        "hr",
        "'Pitanje N:' numbering; Outlook 'Od:/Poslano:/Prima:/Predmet:' block with the original unquoted; Croatian confidentiality notice; windows-1250 QP body and =?windows-1250?Q?...?= headers.",
        [1, 3, 4, 6, 8],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="outlook",
    )


@case
def c_hr_ad_gmail_wrapped():
    inv = invite("hr", "Ivana Kovačević", "ivana.kovacevic@riva-events.example.hr")
    A = {
        "1": "Porukama koje su kratke i konkretne. Primjerice: „Tražimo 20 lokalnih dobavljača za festival, prijave do 1. prosinca.”",
        "2": "Facebook, Instagram, lokalni portali i radio. Za starije poduzetnike – obrtnička komora.",
        "3": "Ne baš. Većina misli da je to samo za umjetnike.",
        "4": "Zajednički događaji, popusti za posjetitelje, suradnja s udrugama iz kulture na projektima prijavljenim na EU fondove.",
        "5": "Anketom i okruglim stolovima.\nMožda i mapiranjem kreativnih industrija po kvartovima.",
        "6": "Info-dani u svim dijelovima grada, ne samo u centru.",
        "7": "Malim potporama i mentorstvom. I da im netko pomogne s papirologijom!",
    }
    top = (
        "Pozdrav,\n\n"
        + numbered(A, "Ad {n}) ")
        + "\n\nLijep pozdrav,\nIvana\n\nIvana Kovačević\nRiva Events (example)"
    )
    attr = gmail_attr("hr", inv, wrap=True)
    text = f"{top}\n\n{attr}\n\n{quote(inv.text())}\n"
    m = new_msg(
        key="hr61",
        from_=mailbox("Ivana Kovačević", inv.email),
        to=mailbox("ECoC-SME Rijeka", inv.lab.mailbox),
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(6, 13, 13, CET),
        msgid=mid_gmail("hr61"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=162,
    )
    m.set_content(text, charset="utf-8", cte="base64")
    return Case(
        "hr_ad-n-gmail-je-napisao-wrapped",
        "hr",
        m,
        inv.email,
        A,
        "hr",
        "'Ad N)' numbering; answer 5 on two lines; Croatian Gmail attribution ('uto, 3. stu 2020. u 10:15 ... je napisao:') wrapped over two lines; „...” quotes in answer 1; base64 UTF-8.",
        [1, 3, 5, 6, 8],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_hr_interleaved_partial_iso88592():
    inv = invite("hr", "Tomislav Jurić", "tomislav@art-kvart.example.hr")
    A = {
        "1": "Preko ljudi, ne preko institucija. Udruge poput naše mogu biti most između umjetnika i poduzetnika.",
        "2": "Društvene mreže, kvartovski događaji, plakati.",
        "4": "Poduzeća mogu ustupiti prazne prostore umjetnicima. U Rijeci ima puno praznih lokala i hala.",
        "7": "Pokazati im da kultura dovodi ljude u kvart, a ljudi su kupci.",
    }
    charset = "iso-8859-2"
    qs = QUESTIONS["hr"]
    intro, _ = inv.text().split("\n\n1. ", 1)
    outro = inv.text().split(qs[6], 1)[1].strip("\n")
    text = "\n".join(
        [
            "Bok,\n\nodgovorio sam samo na ono što znam, ostalo neka kažu pametniji.\n",
            "Dana 03.11.2020. u 10:15, ECoC-SME Rijeka je napisao:",
            quote(intro, width=72) + "\n>",
            quote("1. " + qs[0], width=72) + "\n" + A["1"] + "\n",
            quote("2. " + qs[1], width=72) + "\n" + A["2"] + "\n",
            quote("3. " + qs[2], width=72),
            quote("4. " + qs[3], width=72) + "\n" + A["4"] + "\n",
            quote("5. Kako možemo utvrditi potrebe kreativnog sektora...") + "\n",
            quote("7. " + qs[6], width=72) + "\n" + A["7"] + "\n",
            quote(outro, width=72) + "\n",
            "Tomislav\nudruga Art kvart (example)\n",
        ]
    )
    m = new_msg(
        key="hr62",
        from_=mailbox("Tomislav Jurić", inv.email, charset, "B"),
        to=mailbox("ECoC-SME Rijeka", inv.lab.mailbox),
        subject=ew("Odp: " + inv.subject, charset, "B"),
        date=reply_dt(9, 23, 2, CET),
        msgid=mid_thunderbird("hr62", "art-kvart.example.hr"),
        client_ip=164,
        extra=[
            (
                "User-Agent",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101 Thunderbird/78.4.0",
            ),
            ("Content-Language", "hr"),
        ],
    )
    m.set_content(text, charset=charset, cte="base64")
    return Case(
        "hr_interleaved-partial-iso88592-no-headers",
        "hr",
        m,
        inv.email,
        A,
        "hr",
        "Interleaved: answers right under '> N.' quoted questions (no blank line); question 3 quoted with no answer, 5 quoted in part with no answer, 6 deleted; no In-Reply-To/References (match by the quoted link); iso-8859-2 base64, =?iso-8859-2?B?...?= subject 'Odp:'.",
        [2, 6, 8, 12, 13],
        flags=["partial"],
        invitation=inv,
        invitation_mid=None,
        token=inv.token,
        client="thunderbird",
    )


@case
def c_hr_answers_in_english():
    inv = invite("hr", "Lena Hartmann", "lena.hartmann@adriatic-culture.example.org")
    A = {
        "1": "Apologies for replying in English – my Croatian is still work in progress! I would focus on peer examples: businesses explaining to other businesses why they got involved.",
        "2": "Facebook groups, the chamber's newsletter, local radio, and word of mouth through NGOs.",
        "3": "I don't know about SMEs in general; the ones we work with knew about Rijeka 2020 but thought it was mostly about concerts.",
        "4": "Joint funding applications (EU programmes), shared use of industrial heritage sites, corporate volunteering.",
        "5": "Participatory mapping workshops, maybe with the economics faculty.",
        "6": "Multilingual information (Croatian, English, Italian) in one place.",
        "7": "Recognition and small grants; and continuity after 2020 – people are tired of one-off projects.",
    }
    text = (
        "Dear Rijeka team,\n\n" + numbered(A, "{n}. ") + "\n\nBest,\nLena\n--\nLena Hartmann\n"
        "Adriatic Culture Network (example) | Rijeka office\n\n"
        + gmail_attr("en", inv)
        + "\n\n"
        + quote(inv.text())
        + "\n"
    )
    m = new_msg(
        key="hr63",
        from_=mailbox("Lena Hartmann", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(10, 11, 55, CET),
        msgid=mid_gmail("hr63"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=166,
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case(
        "hr_questionnaire-answered-in-english",
        "hr",
        m,
        inv.email,
        A,
        "en",
        "Croatian questionnaire answered in English ('1.' numbering) above a quoted Croatian invitation; answer 3 starts with 'I don't know' but is a full answer; '--' delimiter without trailing space.",
        [1, 3, 5, 6, 12],
        flags=["different_language"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


# ============================================================================================
# Lithuanian questionnaire (Kaunas 2022)
# ============================================================================================


@case
def c_lt_klausimas_outlook_iso885913():
    inv = invite("lt", "Rūta Jankauskienė", "ruta.jankauskiene@kurybinis-centras.example.lt")
    A = {
        "1": "Reikia kalbėti verslo kalba: kiek lankytojų, kokie užsakymai, kokia nauda įmonei. Kultūriniai tekstai verslininkų nepasiekia.",
        "2": "Verslo asociacijos, LinkedIn, naujienlaiškiai, regioninė spauda ir radijas.",
        "3": "Iš dalies. Apie „Kaunas 2022“ girdėjo beveik visi, bet mažai kas žino, kaip galėtų prisidėti.",
        "4": "Bendri projektai su menininkais, rėmimas, paslaugų teikimas renginiams, patalpų suteikimas.",
        "5": "Apklausos ir susitikimai su kūrybinių industrijų atstovais kiekviename rajone.",
        "6": "Vienas informacijos portalas ir konsultacijų valandos.",
        "7": "Nedidelės dotacijos, mentorystė ir matomumas programos renginiuose.",
    }
    charset = "iso-8859-13"
    text = (
        "Laba diena,\n\nsiunčiu atsakymus į klausimus.\n\n"
        + numbered(A, "Klausimas {n}: ")
        + "\n\nPagarbiai\nRūta Jankauskienė\nProjektų vadovė\nKūrybinių industrijų centras (example)\n"
        "Tel. +370 600 00000\n\n"
        + outlook_block("lt", inv, f"Rūta Jankauskienė <{inv.email}>")
        + "\n\n"
        + inv.text()
        + "\n"
    )
    m = new_msg(
        key="lt70",
        from_=mailbox("Rūta Jankauskienė", inv.email, charset),
        to=mailbox("ECoC-SME Kaunas", inv.lab.mailbox),
        subject=ew("RE: " + inv.subject, charset, "Q"),
        date=reply_dt(5, 16, 20, EET),
        msgid=mid_outlook("lt70"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=170,
        extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "lt")],
    )
    m.set_content(text, charset=charset, cte="quoted-printable")
    return Case(
        "lt_klausimas-outlook-nuo-issiusta-iso885913",
        "lt",
        m,
        inv.email,
        A,
        "lt",
        "'Klausimas N:' numbering; Outlook 'Nuo:/Išsiųsta:/Kam:/Tema:' block, original unquoted; iso-8859-13 QP body (with „...“ quotes) and =?iso-8859-13?Q?...?= headers.",
        [1, 3, 4, 6, 8],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="outlook",
    )


@case
def c_lt_gmail_rase():
    inv = invite("lt", "Mantas Petrauskas", "mantas@startupkaunas.example.lt")
    A = {
        "1": "Per startuolių bendruomenes ir inkubatorius. Startuoliai klauso kitų startuolių, ne savivaldybės.",
        "2": "Facebook grupės, Slack bendruomenės, renginiai (pvz., startuolių pusryčiai).",
        "3": "Ne. Dauguma mano, kad tai tik kultūros renginiai.",
        "4": "Hakatonai, bandomieji projektai su kultūros įstaigomis, technologiniai sprendimai lankytojams.",
        "5": "Nežinau.",
        "6": "Ir anglų kalba! Daug startuolių komandų yra tarptautinės.",
        "7": "Prizai, investicijos ir galimybė išbandyti produktą su tikrais vartotojais renginių metu.",
    }
    top = (
        "Sveiki,\n\n"
        + numbered(A, "{n}. ", sep="\n")
        + "\n\nMantas\n--\nMantas Petrauskas | Community lead\n"
        "Startup Kaunas Hub (example)"
    )
    attr = gmail_attr("lt", inv)
    text = f"{top}\n\n{attr}\n\n{quote(inv.text())}\n"
    m = new_msg(
        key="lt71",
        from_=mailbox("Mantas Petrauskas", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(3, 21, 7, EET),
        msgid=mid_gmail("lt71"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=172,
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    m.add_alternative(
        gmail_html(top, attr, inv.text()), subtype="html", charset="utf-8", cte="quoted-printable"
    )
    set_boundaries(m, "lt71", "gmail")
    return Case(
        "lt_numbered-gmail-rase",
        "lt",
        m,
        inv.email,
        A,
        "lt",
        "'1.' numbering on consecutive lines; 'Nežinau.' (I don't know) IS an answer; Lithuanian Gmail attribution '2020-11-03, an, 10:15, ... rašė:'; '--' signature delimiter without the trailing space.",
        [1, 3, 5, 6],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_lt_ooo_win1257():
    inv = invite("lt", "Giedrė Kazlauskaitė", "giedre.k@example.lt")
    charset = "windows-1257"
    text = (
        "Laba diena,\n\nšiuo metu esu atostogose iki lapkričio 16 d. Skubiais klausimais prašome kreiptis el. paštu "
        "info@example.lt.\n\nPagarbiai\nGiedrė Kazlauskaitė\n"
    )
    m = new_msg(
        key="lt72",
        from_=mailbox("Giedrė Kazlauskaitė", inv.email, charset, "B"),
        to=inv.lab.mailbox,
        subject=ew("Automatinis atsakymas: " + inv.subject, charset, "B"),
        date=reply_dt(3, 10, 15, EET, 11),
        msgid=mid_outlook("lt72"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=174,
        extra=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
    )
    m.set_content(text, charset=charset, cte="quoted-printable")
    return Case(
        "lt_ooo-auto-submitted-win1257",
        "lt",
        m,
        inv.email,
        {},
        "lt",
        "Lithuanian out-of-office ('esu atostogose iki...') with Auto-Submitted; windows-1257 QP and =?windows-1257?B?...?= subject.",
        [8, 10],
        is_answer=False,
        flags=["auto_reply"],
        invitation=inv,
        invitation_mid=inv.message_id,
        client="outlook",
    )


@case
def c_lt_free_text_unmapped():
    inv = invite("lt", "Darius Žukauskas", "darius@zuk-architektai.example.lt")
    charset = "windows-1257"
    essay = (
        "Į visus klausimus atsakysiu trumpai ir bendrai, nes jie labai susiję. Manau, kad didžiausia problema yra "
        "ne informacijos trūkumas, o pasitikėjimas: smulkios įmonės nenori investuoti laiko į projektus, kurie "
        "baigsis kartu su kultūros sostinės metais. Jei „Kaunas 2022“ aiškiai parodytų, kas liks po 2022 metų "
        "(erdvės, tinklai, finansavimas), verslas įsitrauktų pats. Mūsų biuras mielai prisidėtų prie viešųjų "
        "erdvių projektų, jei konkursų sąlygos būtų prieinamos mažoms komandoms."
    )
    text = (
        f"Laba diena,\n\n{essay}\n\nPagarbiai\nDarius Žukauskas\nArchitektas, UAB „ŽUK architektai“ (example)\n\n"
        + outlook_block("en", inv, f"Darius Žukauskas <{inv.email}>", original=True)
        + "\n\n"
        + inv.text()
        + "\n"
    )
    m = new_msg(
        key="lt73",
        from_=mailbox("Darius Žukauskas", inv.email, charset, "B"),
        to=inv.lab.mailbox,
        subject=subject_value("RE: " + inv.subject, charset, "B"),
        date=reply_dt(11, 8, 40, EET),
        msgid=mid_outlook("lt73"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=176,
        extra=[("X-Mailer", "Microsoft Outlook 16.0")],
    )
    m.set_content(text, charset=charset, cte="base64")
    return Case(
        "lt_free-text-top-posted-unmapped",
        "lt",
        m,
        inv.email,
        {},
        "lt",
        "One paragraph answering 'all questions together' above an English-UI Outlook '-----Original Message-----' block: unmapped; windows-1257 base64.",
        [3, 4, 6, 8, 11],
        flags=["unmapped"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        unmapped_text=essay,
        client="outlook",
    )


# ============================================================================================
# German questionnaire (Chemnitz 2025)
# ============================================================================================


@case
def c_de_frage_urspruengliche_nachricht():
    inv = invite("de", "Katrin Lehmann", "k.lehmann@saxonia-textil.example.de")
    A = {
        "1": "Über die Kammern (IHK, HWK) und die Wirtschaftsförderung, mit konkreten Beispielen aus anderen Kulturhauptstädten. Wichtig: nicht zu viel Kultur-Vokabular.",
        "2": "Kammer-Magazine, Newsletter der Wirtschaftsförderung, LinkedIn/XING, Wirtschaftsteil der Regionalzeitung, Unternehmerstammtische.",
        "3": "Eher nicht. Viele wissen, dass Chemnitz den Titel hat, aber nicht, was das für ihr Unternehmen bedeuten könnte.",
        "4": "Sponsoring in kleinen Paketen (ab ca. 1.000 €), Öffnung von Betrieben für Besucher (Industriekultur!), gemeinsame Projekte mit Künstlerinnen und Künstlern, Ausbildungsprojekte.",
        "5": "Eine Befragung über die Kreativwirtschaftsverbände und regelmäßige Runde Tische.",
        "6": "Eine zentrale Anlaufstelle mit festen Ansprechpartnern und eine Übersicht über Fördermöglichkeiten.",
        "7": 'Durch Förderprogramme mit geringem Eigenanteil und durch öffentliche Sichtbarkeit, z. B. ein Label "Partner der Kulturhauptstadt".',
    }
    charset = "iso-8859-15"
    text = (
        "Sehr geehrte Damen und Herren,\n\nanbei unsere Antworten.\n\n"
        + numbered(A, "Frage {n}: ")
        + "\n\nMit freundlichen Grüßen\n\nDr. Katrin Lehmann\nGeschäftsführerin\n\nSaxonia Textil GmbH (example)\n"
        "Musterstraße 12 | 09111 Chemnitz\nTel.: +49 371 000000\nE-Mail: k.lehmann@saxonia-textil.example.de\n\n"
        "Sitz der Gesellschaft: Chemnitz | Amtsgericht Chemnitz HRB 00000 | Geschäftsführerin: Dr. Katrin Lehmann\n\n"
        "Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen. Wenn Sie nicht der richtige "
        "Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den Absender und "
        "vernichten Sie diese Mail. Das unerlaubte Kopieren sowie die unbefugte Weitergabe dieser Mail sind nicht "
        "gestattet.\n\n"
        + outlook_block("de", inv, f"Lehmann, Katrin <{inv.email}>", original=True, trailing_space=True)
        + "\n\n"
        + inv.text()
        + "\n"
    )
    m = new_msg(
        key="de80",
        from_=mailbox("Lehmann, Katrin", inv.email, quoted=True),
        to=mailbox("ECoC-SME Chemnitz", inv.lab.mailbox),
        subject=subject_value("AW: " + inv.subject),
        date=reply_dt(4, 10, 31, CET),
        msgid=mid_outlook("de80"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=180,
        extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "de-DE")],
    )
    m.set_content(text, charset=charset, cte="quoted-printable")
    return Case(
        "de_frage-urspruengliche-nachricht-iso885915",
        "de",
        m,
        inv.email,
        A,
        "de",
        "'Frage N:' numbering; long German signature with commercial-register line and confidentiality notice; '-----Ursprüngliche Nachricht-----' + Von/Gesendet/An/Betreff; iso-8859-15 QP (€); subject 'AW:'; From display name 'Lehmann, Katrin' (quoted comma).",
        [1, 3, 4, 6, 8],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="outlook",
    )


@case
def c_de_gmail_bullets():
    inv = invite("de", "Jonas Richter", "jonas.richter@example.de")
    A = {
        "1": "Ehrlich gesagt: über Leute, die selbst Unternehmer sind. Wenn die Stadt schreibt, landet das im Spam-Ordner (im Kopf).\n\nWas helfen würde: 3–4 kurze Erfolgsgeschichten aus anderen Kulturhauptstädten, am besten aus Städten in ähnlicher Größe.",
        "2": "• LinkedIn\n• Discord/Slack der Gamedev- und Tech-Szene\n• lokale Meetups\n• Instagram für die Kreativen",
        "3": "Nein, kaum.",
        "4": "Game Jams zum Thema Kulturhauptstadt, digitale Stadtführungen, AR-Projekte mit Museen – also Aufträge, keine Ehrenämter.",
        "5": "Fragt die Szene direkt, z. B. auf den Meetups. Kurze Umfrage, danach Workshop.",
        "6": "Alles an einem Ort, auch auf Englisch.",
        "7": "Kleine Budgets, schnelle Entscheidungen, wenig Papierkram.",
    }
    text = (
        "Hallo,\n\nhier meine Antworten:\n\n"
        + numbered(A, "{n}) ")
        + "\n\nViele Grüße\nJonas\n\n"
        + gmail_attr("de", inv, wrap=True)
        + "\n\n"
        + quote(inv.text())
        + "\n"
    )
    m = new_msg(
        key="de81",
        from_=mailbox("Jonas Richter", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(7, 11, 2, CET),
        msgid=mid_gmail("de81"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=182,
    )
    m.set_content(text, charset="utf-8", cte="base64")
    return Case(
        "de_numbered-bullets-gmail-schrieb-wrapped",
        "de",
        m,
        inv.email,
        A,
        "de",
        "'1)' numbering; answer 1 has two paragraphs, answer 2 is a '•' bullet list; German Gmail attribution 'Am Di., 3. Nov. 2020 um 10:15 Uhr schrieb ... <' wrapped after '<'; base64.",
        [1, 3, 5, 6, 8, 12],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_de_ooo():
    inv = invite("de", "Stefanie Wolf", "s.wolf@kammer.example.de")
    text = (
        "Sehr geehrte Damen und Herren,\n\nvielen Dank für Ihre Nachricht. Ich bin bis einschließlich 13.11.2020 "
        "nicht im Büro. Ihre E-Mail wird nicht weitergeleitet. In dringenden Fällen wenden Sie sich bitte an "
        "service@kammer.example.de.\n\nMit freundlichen Grüßen\nStefanie Wolf\n"
    )
    m = new_msg(
        key="de82",
        from_=mailbox("Wolf, Stefanie", inv.email, quoted=True),
        to=mailbox("ECoC-SME Chemnitz", inv.lab.mailbox),
        subject=subject_value("Automatische Antwort: " + inv.subject),
        date=reply_dt(3, 10, 15, CET, 17),
        msgid=mid_outlook("de82"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=184,
        extra=[
            ("Auto-Submitted", "auto-generated"),
            ("X-Auto-Response-Suppress", "All"),
            ("Content-Language", "de-DE"),
        ],
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case(
        "de_ooo-automatische-antwort",
        "de",
        m,
        inv.email,
        {},
        "de",
        "Exchange 'Automatische Antwort:' ('Ich bin bis einschließlich ... nicht im Büro'); Auto-Submitted: auto-generated (not auto-replied) + X-Auto-Response-Suppress.",
        [10],
        is_answer=False,
        flags=["auto_reply"],
        invitation=inv,
        invitation_mid=inv.message_id,
        client="outlook",
    )


@case
def c_de_ad_out_of_order():
    inv = invite("de", "Matthias Krüger", "mk@kreativwerk-chemnitz.example.de")
    A = {
        "3": "Nein. Die meisten in unserem Netzwerk haben noch nicht verstanden, dass 2025 auch eine wirtschaftliche Chance ist.",
        "1": "Mit Formaten, die Spaß machen: Werkstattbesuche, offene Ateliers, Kneipenabende mit kurzen Inputs.",
        "7": "Wenn man ihnen Räume gibt. Leerstand gibt es in Chemnitz genug.",
        "2": "Instagram, Telegram-Gruppen, Plakate im Stadtteil, Mundpropaganda.",
    }
    body = f"Ad 3) {A['3']}\n\nAd 1) {A['1']}\n\nAd 7) {A['7']}\n\nAd 5) –\n\nAd 2) {A['2']}"
    text = (
        "Hallo zusammen,\n\nkurz und in meiner eigenen Reihenfolge:\n\n"
        + body
        + "\n\nDen Rest beantworte ich gern im Workshop.\n\nGrüße aus dem Kaßberg\nMatthias\n\n"
        "Kreativwerk Chemnitz e.V. (example)\n\nAm 03.11.2020 um 10:15 schrieb ECoC-SME Chemnitz:\n"
        + quote(inv.text(), width=72)
        + "\n"
    )
    m = new_msg(
        key="de83",
        from_=mailbox("Matthias Krüger", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(12, 0, 17, CET),
        msgid=mid_thunderbird("de83", "kreativwerk-chemnitz.example.de"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=186,
        extra=[
            ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:78.0) Gecko/20100101 Thunderbird/78.4.0"),
            ("Content-Language", "de-DE"),
        ],
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case(
        "de_ad-n-out-of-order-partial",
        "de",
        m,
        inv.email,
        A,
        "de",
        "'Ad N)' answers in the order 3, 1, 7, 5, 2; 'Ad 5) –' is no answer; 4 and 6 missing; the closing remark 'Den Rest beantworte ich gern im Workshop.' is not part of answer 2; Thunderbird 'Am ... schrieb ...:' quote.",
        [1, 3, 5, 6, 12],
        flags=["partial"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="thunderbird",
    )


# ============================================================================================
# Finnish questionnaire (Oulu 2026)
# ============================================================================================


@case
def c_fi_kysymys_gmail():
    inv = invite("fi", "Aino Virtanen", "aino.virtanen@pohjoisdesign.example.fi")
    A = {
        "1": "Konkreettisilla esimerkeillä ja lyhyillä viesteillä. Yrittäjät haluavat tietää, mitä hyötyä kulttuuripääkaupunkivuodesta on juuri heidän yritykselleen.",
        "2": "LinkedIn, yrittäjäyhdistysten uutiskirjeet, paikallislehti ja -radio sekä yritystapahtumat.",
        "3": "Osittain. Moni tietää, että Oulu on valittu, mutta ei ole miettinyt asiaa oman liiketoiminnan kannalta.",
        "4": "Yhteiset tuotekehitysprojektit taiteilijoiden kanssa, tilojen tarjoaminen tapahtumille ja sponsorointi pienemmillä paketeilla.",
        "5": "Kyselyillä ja työpajoilla yhdessä luovien alojen yhdistysten kanssa.",
        "6": "Yksi verkkosivu, jossa on kaikki rahoitushaut ja yhteyshenkilöt.",
        "7": "Pienillä avustuksilla, sparrauksella ja näkyvyydellä.",
    }
    top = (
        "Hei,\n\nalla vastaukseni.\n\n"
        + numbered(A, "Kysymys {n}: ")
        + "\n\nYstävällisin terveisin\nAino Virtanen\nToimitusjohtaja, Pohjois-Design Oy (example)\npuh. 040 000 0000"
    )
    attr = gmail_attr("fi", inv)
    text = f"{top}\n\n{attr}\n\n{quote(inv.text())}\n"
    m = new_msg(
        key="fi90",
        from_=mailbox("Aino Virtanen", inv.email),
        to=mailbox("ECoC-SME Oulu", inv.lab.mailbox),
        subject=subject_value("Re: " + inv.subject),
        date=reply_dt(4, 13, 45, EET),
        msgid=mid_gmail("fi90"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=190,
    )
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    m.add_alternative(
        gmail_html(top, attr, inv.text()), subtype="html", charset="utf-8", cte="quoted-printable"
    )
    set_boundaries(m, "fi90", "gmail")
    return Case(
        "fi_kysymys-gmail-kirjoitti",
        "fi",
        m,
        inv.email,
        A,
        "fi",
        "'Kysymys N:' numbering; Finnish Gmail attribution 'ti 3. marrask. 2020 klo 10.15 Name (addr) kirjoitti:' (address in parentheses, time with a dot); 'Ystävällisin terveisin' signature.",
        [1, 3, 5, 6],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="gmail",
    )


@case
def c_fi_html_outlook_ol():
    inv = invite("fi", "Juha Mäkelä", "juha.makela@oulun-teknologia.example.fi")
    A = {
        "1": "Yrittäjäjärjestöjen kautta ja kertomalla onnistumistarinoita.",
        "2": "Uutiskirjeet, LinkedIn, paikalliset yritystapahtumat.",
        "3": "Eivät juurikaan.",
        "4": "Teknologiayritykset voivat tuoda digitaalisia ratkaisuja tapahtumiin, esim. lipunmyyntiin ja virtuaalisiin kokemuksiin.",
        "5": "Haastattelemalla luovan alan toimijoita.",
        "6": "Selkeä verkkosivusto ja neuvontapalvelu.",
        "7": "Rahoituksella ja yhteistyöverkostoilla.",
    }
    charset = "iso-8859-1"
    body = OUTLOOK_HEAD.format(charset=charset, bodylang="FI")
    body += mso_p("Hei,", charset) + mso_p("", charset) + mso_p("Tässä vastaukset kysymyksiinne:", charset)
    body += '<ol style="margin-top:0cm" start="1" type="1">\n'
    for k in sorted(A):
        body += (
            f'<li class=MsoListParagraph style="margin-left:0cm;mso-list:l0 level1 lfo1">'
            f"{html_chars(A[k], charset)}<o:p></o:p></li>\n"
        )
    body += "</ol>\n" + mso_p("", charset) + mso_p("Ystävällisin terveisin", charset)
    body += (
        "<p class=MsoNormal>Juha Mäkelä<br>kehityspäällikkö<br>Oulun Teknologiapalvelut Oy (example)<br>"
        "+358 40 000 0000<o:p></o:p></p>\n"
    )
    body += mso_p("", charset) + outlook_quote_header_html("fi", inv, f"Juha Mäkelä <{inv.email}>", charset)
    body += (
        mso_p("", charset) + invitation_html(inv, charset, ordered_list=True) + "</div>\n</body>\n</html>\n"
    )
    m = new_msg(
        key="fi91",
        from_=mailbox("Juha Mäkelä", inv.email, "iso-8859-1"),
        to=mailbox("ECoC-SME Oulu", inv.lab.mailbox),
        subject=subject_value("Vs: " + inv.subject),
        date=reply_dt(6, 8, 25, EET),
        msgid=mid_outlook("fi91"),
        irt=inv.message_id,
        refs=inv.message_id,
        client_ip=192,
        extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "fi-FI")],
    )
    m.set_content(body, subtype="html", charset=charset, cte="quoted-printable")
    return Case(
        "fi_html-only-outlook-ol-li-latin1",
        "fi",
        m,
        inv.email,
        A,
        "fi",
        "HTML-only Outlook where the answers are <li> items of an <ol> (the numbers are implicit, not in the text); the quoted invitation below also has its questions in an <ol>; 'Lähettäjä:/Lähetetty:/Vastaanottaja:/Aihe:' block; iso-8859-1 QP; subject 'Vs:'.",
        [1, 3, 4, 6, 7, 8],
        flags=["html_only"],
        invitation=inv,
        invitation_mid=inv.message_id,
        token=inv.token,
        client="outlook",
    )


@case
def c_fi_new_mail_sublist():
    inv = invite("fi", "Saara Heikkinen", "saara@pohjantahti.example.fi")
    A = {
        "1": "Kulttuuriosuuskuntien ja yhdistysten kautta. Meitä on Oulussa paljon ja olemme tottuneita tekemään yhteistyötä.",
        "2": "Facebook-ryhmät, Instagram, kirjaston ilmoitustaulut ja paikallisradio.",
        "3": "Eivät tunne. Kulttuuripääkaupunki mielletään kaupungin hankkeeksi, ei yritysten mahdollisuudeksi.",
        "4": "Näen kolme tapaa:\n   1. alihankinta (tekniikka, catering, kuljetukset)\n   2. yhteistuotannot taiteilijoiden kanssa\n   3. kansainväliset verkostot: vierailevat taiteilijat tarvitsevat paikallisia kumppaneita\nKaikissa tärkeintä on, että sopimukset tehdään ajoissa.",
        "5": "En osaa sanoa.",
        "6": "Infotilaisuuksilla eri kaupunginosissa ja selkokielisellä materiaalilla.",
        "7": "Pienillä, 500-2 000 €:n avustuksilla, joita voi hakea nopeasti.",
    }
    charset = "iso-8859-15"
    text = (
        "Hei,\n\nen löydä enää alkuperäistä viestiänne, joten vastaan tässä suoraan.\n\n"
        + numbered(A, "{n}. ")
        + "\n\nTerveisin\nSaara Heikkinen\nKulttuuriosuuskunta Pohjantähti (example)\n"
    )
    m = new_msg(
        key="fi92",
        from_=mailbox("Saara Heikkinen", inv.email),
        to=inv.lab.mailbox,
        subject=subject_value("Vastauksia Local Learning Lab 2 -kyselyyn", charset, "Q"),
        date=reply_dt(17, 19, 58, EET),
        msgid=mid_thunderbird("fi92", "pohjantahti.example.fi"),
        client_ip=194,
        extra=[
            (
                "User-Agent",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101 Thunderbird/78.4.0",
            )
        ],
    )
    m.set_content(text, charset=charset, cte="base64")
    return Case(
        "fi_new-mail-indented-sublist-sender-only",
        "fi",
        m,
        inv.email,
        A,
        "fi",
        "New mail (no In-Reply-To, no quote, no link; match by sender). Top level '1.'..'7.' while answer 4 contains an INDENTED '1. 2. 3.' list plus a closing line; 'En osaa sanoa.' IS an answer; iso-8859-15 base64 with €.",
        [1, 6, 8, 12, 13],
        invitation=inv,
        invitation_mid=None,
        token=None,
        client="thunderbird",
    )


# ============================================================================================
# Writing, checking, README
# ============================================================================================

FLAG_NAMES = {
    "auto_reply",
    "bounce",
    "unmapped",
    "partial",
    "from_attachment",
    "html_only",
    "different_language",
}
EXPECTED_KEYS = [
    "questions",
    "is_answer",
    "sender",
    "answers",
    "flags",
    "invitation",
    "language",
    "notes",
    "unmapped_text",
]


def file_stem(i: int, c: Case) -> str:
    return f"{i:03d}_{c.slug}"


def expected_of(c: Case) -> dict:
    return {
        "questions": f"questions.{c.qlang}.json",
        "is_answer": c.is_answer,
        "sender": c.sender.lower(),
        "answers": {k: c.answers[k] for k in sorted(c.answers, key=int)},
        "flags": list(c.flags),
        "invitation": {"message_id": c.invitation_mid, "token": c.token},
        "language": c.language,
        "notes": c.notes,
        "unmapped_text": c.unmapped_text,
    }


def to_bytes(c: Case) -> bytes:
    data = c.msg if isinstance(c.msg, bytes) else c.msg.as_bytes(policy=policy.default.clone(linesep="\n"))
    if c.crlf:
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return data


def dump_json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def html_to_text(s: str) -> str:
    s = re.sub(r"(?is)<(head|style|script)\b.*?</\1\s*>", " ", s)
    s = re.sub(r"(?i)<br\s*/?>|</p\s*>|</div\s*>|</li\s*>|</tr\s*>|</td\s*>|</th\s*>", "\n", s)
    s = re.sub(r"<[^>]+>", "", s)
    return html.unescape(s)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\ufeff", "").replace("\xa0", " ")).strip()


@dataclass
class Decoded:
    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    leaves: list[str] = field(default_factory=list)


def leaf_parts(msg):
    """The leaves of the MIME tree; message/delivery-status counts as one leaf."""
    if msg.get_content_type() == "message/delivery-status" or not msg.is_multipart():
        yield msg
        return
    for sub in msg.get_payload():
        yield from leaf_parts(sub)


def decoded_leaves(msg) -> list:
    out = []
    for part in leaf_parts(msg):
        if part.get_content_maintype() == "text":
            out.append(part.get_content().replace("\r\n", "\n"))
        elif part.get_content_type() != "message/delivery-status":
            out.append(part.get_payload(decode=True))
    return out


def decode_all(msg) -> Decoded:
    d = Decoded()
    for part in leaf_parts(msg):
        ctype = part.get_content_type()
        cte = (part.get("Content-Transfer-Encoding") or "7bit").lower()
        charset = part.get_content_charset()
        d.leaves.append(f"{ctype} {charset or '-'} {cte}".replace(" -", ""))
        if part.get_content_maintype() != "text":
            if ctype == "message/delivery-status":
                d.other.append(str(part))
            continue
        raw = part.get_payload(decode=True)
        if charset:
            raw.decode(charset)  # strict: the bytes really are in the declared charset
        content = part.get_content()
        if "\ufffd" in content:
            raise AssertionError(f"replacement character in {ctype}")
        if part.get_content_disposition() == "attachment":
            if ctype == "text/csv":
                rows = list(csv.reader(io.StringIO(content)))
                content = "\n".join(" | ".join(r) for r in rows)
            d.attachments.append(content)
        elif ctype == "text/plain":
            d.plain.append(content)
        elif ctype == "text/html":
            d.html.append(html_to_text(content))
        else:
            d.other.append(content)
    return d


def check(stem: str, c: Case) -> dict:
    """Re-read the written files and check them; returns facts for the README."""
    raw = (HERE / f"{stem}.eml").read_bytes()
    exp = json.loads((HERE / f"{stem}.expected.json").read_text(encoding="utf-8"))
    problems = []

    def need(cond, what):
        if not cond:
            problems.append(what)

    need(list(exp) == EXPECTED_KEYS, f"keys {list(exp)}")
    need(set(exp["flags"]) <= FLAG_NAMES, f"flags {exp['flags']}")
    need((HERE / exp["questions"]).exists(), "questions file")
    need(set(exp["answers"]) <= {str(i) for i in range(1, 8)}, "answer keys")
    need(
        all(isinstance(v, str) and v == v.strip() and v for v in exp["answers"].values()),
        "answer text trimmed",
    )
    need(exp["language"] in LANGS, "language")
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    for h in ("Message-ID", "From", "To", "Date", "Subject"):
        need(msg[h] is not None, f"header {h}")
    need(msg["X-Example"] == "true", "X-Example")
    need(parseaddr(str(msg["From"]))[1].lower() == exp["sender"], f"sender {msg['From']}")
    to_addrs = [a.lower() for _, a in getaddresses([str(msg["To"])])]
    need(LABS[c.qlang].mailbox in to_addrs, f"To {to_addrs}")
    d = decode_all(msg)
    if isinstance(c.msg, EmailMessage):
        # what was put into the message comes back out of the file, byte for byte once decoded
        need(decoded_leaves(c.msg) == decoded_leaves(msg), "decoded bodies differ from the built message")
    headers_ids = f"{msg.get('In-Reply-To', '')} {msg.get('References', '')}"
    all_text = "\n".join(d.plain + d.html + d.attachments + d.other)
    mid = exp["invitation"]["message_id"]
    if mid:
        need(mid in headers_ids or (exp["flags"] == ["bounce"] and mid in all_text), "invitation message id")
    else:
        need("invitation-" not in headers_ids, "no invitation id expected")
    tok = exp["invitation"]["token"]
    if tok:
        need(tok in all_text, "token in text")
    else:
        need("/labs/answer/" not in all_text, "no link expected")
    has_plain = bool(d.plain)
    need(("html_only" in exp["flags"]) == (not has_plain and bool(d.html)), "html_only flag")
    if "from_attachment" in exp["flags"]:
        source = "\n".join(d.attachments)
    elif has_plain:
        source = "\n".join(d.plain)
    else:
        source = "\n".join(d.html)
    src = norm(source)
    for k, v in exp["answers"].items():
        need(norm(v) in src, f"answer {k} not found in decoded text")
    if exp["unmapped_text"]:
        need(norm(exp["unmapped_text"]) in src, "unmapped_text not found")
    flags = set(exp["flags"])
    if not exp["is_answer"]:
        need(not exp["answers"], "non-answer with answers")
    if flags & {"auto_reply", "bounce"}:
        need(not exp["is_answer"], "auto reply marked as answer")
    if "unmapped" in flags:
        need(exp["is_answer"] and not exp["answers"] and exp["unmapped_text"], "unmapped shape")
    else:
        need(exp["unmapped_text"] is None, "unmapped_text only for unmapped")
    if exp["is_answer"] and "unmapped" not in flags:
        need(bool(exp["answers"]), "answer without answers")
        need(("partial" in flags) == (len(exp["answers"]) < 7), "partial flag")
        need(("different_language" in flags) == (exp["language"] != c.qlang), "different_language flag")
    if problems:
        raise AssertionError(f"{stem}: " + "; ".join(problems))
    irt = "In-Reply-To" if msg["In-Reply-To"] else ""
    refs = "References" if msg["References"] else ""
    if exp["flags"] == ["bounce"]:
        matching = "Message-ID in returned headers"
    else:
        bits = [b for b in (irt, refs) if b] + (["link"] if tok else [])
        matching = " + ".join(bits) if bits else "sender only"
    return {"leaves": d.leaves, "matching": matching, "subject": str(msg["Subject"])}


def write_questions() -> None:
    for lang in LANGS:
        qs = QUESTIONS[lang]
        assert len(qs) == 7
        (HERE / f"questions.{lang}.json").write_text(
            dump_json({str(i): q for i, q in enumerate(qs, 1)}), encoding="utf-8"
        )


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
    (HERE / "invitations.json").write_text(dump_json(data), encoding="utf-8")


README_HEAD = """# E-mail reply corpus: Local Learning Lab 2 consultations

Test corpus for the (future) parser that reads the e-mail replies to a Local Learning Lab
consultation and finds, in each reply, the answer to each question. **Everything here is invented
example data** (people, organisations, addresses, phone numbers; domains are `example.*`); every
mail carries an `X-Example: true` header.

Do not edit the generated files by hand: change `build_corpus.py` and run

    python3 build_corpus.py

It rewrites every file below deterministically and then re-reads them all to check them (it exits
non-zero if a check fails).

## Files

* `questions.<lang>.json` - the seven questions of Local Learning Lab 2 (Timișoara, "Engagement:
  ways to activate potential startups and SMEs in the three stages of the ECoC mega-event"), `{"1": ..., "7": ...}`.
  `ro` is verbatim, including its mix of cedilla ş/ţ and comma-below ș/ț; `en` is a translation;
  `it`, `nl`, `hr`, `lt`, `de`, `fi` are translations with the local title (Matera 2019,
  Leeuwarden-Fryslân 2018, Rijeka 2020, Kaunas 2022, Chemnitz 2025, Oulu 2026).
* `invitations.json` - the invitation each reply belongs to: id, Message-ID
  (`<invitation-inv-NNNN@platform.example.org>`), personal token and link, invitee e-mail, project
  mailbox. Use it as the fixture the parser matches against (by In-Reply-To/References, by the token
  in a quoted link, or by the sender address).
* `NNN_<slug>.eml` - one reply as received by the project mailbox.
* `NNN_<slug>.expected.json` - what the parser should produce.

The invitation every reply quotes is the platform's mail: greeting with the invitee's name, one
paragraph about ECoC-SME Local Learning Lab 2, the seven numbered questions, the personal link
`https://platform.example.org/<lang>/labs/answer/<token>/`, a line saying the link expires on 30
November 2020, and the local project team (e.g. "Echipa proiectului ECoC-SME, Municipiul
Timișoara (example)"). All invitations were sent Tue 3 Nov 2020, 10:15 local time.

## Expected results

```json
{
  "questions": "questions.ro.json",
  "is_answer": true,
  "sender": "ana.popescu@atelierbega.example.ro",
  "answers": {"1": "...", "3": "..."},
  "flags": [],
  "invitation": {"message_id": "<invitation-inv-0001@platform.example.org>", "token": "..."},
  "language": "ro",
  "notes": "what makes this case tricky",
  "unmapped_text": null
}
```

Conventions (decisions taken while building the corpus; the parser tests should follow them):

* `answers` holds only questions that were really answered, keyed "1".."7". The text is as the
  person wrote it, with numbering (`1.`, `1)`, `1 -`, `Q1:`, `Q1.`, `Întrebarea 1:`, `Răspuns 1:`,
  `Domanda 1:`, `Vraag 1:`, `Pitanje 1:`, `Klausimas 1:`, `Frage 1:`, `Kysymys 1:`, `Ad 1)`, ...),
  a repeated or paraphrased question, quote markers, greeting, sign-off, signature, disclaimer,
  mobile footer and the quoted original removed, and leading/trailing blank space trimmed.
* Line breaks inside an answer are a single `\\n`, paragraph breaks `\\n\\n`. Lists inside an answer
  (`- ...`, `• ...`, `1) ...`, indented `1. ...`, Markdown) are kept verbatim, including their
  markers and indentation. format=flowed soft breaks are joined.
* HTML: `<br>` and each new `<p>`/`<div>` line is `\\n`; an empty paragraph (`<p>&nbsp;</p>`,
  `<div><br></div>`) is a paragraph break; entities are decoded and `&nbsp;` becomes a space.
* No answer: a dash (`-`, `–`), nothing after the number, `N/A`, an empty table cell, or a question
  that is missing. An answer: any real text, including "nu știu", "I don't know", "Non saprei",
  "Nežinau", "En osaa sanoa", "Ik weet het niet".
* Answers are mapped by the number the person used (or by the quoted question text when there are
  no numbers), even when the content fits another question better (see the iPhone case) or when the
  numbers come out of order.
* `flags`: `auto_reply`, `bounce`, `unmapped`, `partial` (an answer with fewer than 7 questions
  answered), `from_attachment`, `html_only` (no text/plain body part), `different_language`
  (answers not in the questionnaire's language; `language` is the language of the answers).
* `unmapped` cases are `is_answer: true`, `answers: {}`, and carry the reply text (without greeting,
  sign-off, signature and quote) in the extra key `unmapped_text`, so a person can review it. The key
  is present (null) in every other file.
* Auto-replies, bounces, unsubscribe notes and "I will answer later" are `is_answer: false` with
  `answers: {}`; only auto-replies and bounces carry a flag.
* `invitation` records what the mail itself lets you find: `message_id` when In-Reply-To or
  References (or, for the bounce, the returned headers) name the invitation, `token` when the
  personal link is quoted in the mail; `null` otherwise. The invitation id behind every case is in
  the table below and in `invitations.json`.
* Attachments that are not text (a .docx, a logo .png) are ignored.

"""


def write_readme(rows: list[dict]) -> None:
    out = [
        README_HEAD,
        "## Cases\n\n",
        "| # | file | q | ans | invitation | matching | flags | answered | parts (type charset cte) | what is tricky |\n",
        "|---|---|---|---|---|---|---|---|---|---|\n",
    ]
    for r in rows:
        c = r["case"]
        answered = ",".join(sorted(c.answers, key=int)) or "-"
        out.append(
            f"| {r['n']:03d} | `{r['stem']}` | {c.qlang} | {c.language} | {c.invitation.id if c.invitation else '-'} | "
            f"{r['matching']} | {', '.join(c.flags) or '-'} | {answered} | {'<br>'.join(r['leaves'])} | "
            f"{c.notes.replace('|', '/')} |\n"
        )
    out.append("\n## Coverage matrix (number of cases per style and questionnaire language)\n\n")
    out.append("| style | " + " | ".join(LANGS) + " | total |\n")
    out.append("|---|" + "---|" * (len(LANGS) + 1) + "\n")
    for cat, label in CATEGORIES.items():
        counts = [sum(1 for r in rows if cat in r["case"].cats and r["case"].qlang == lang) for lang in LANGS]
        out.append(
            f"| {cat}. {label} | "
            + " | ".join(str(x) if x else "." for x in counts)
            + f" | {sum(counts)} |\n"
        )
    totals = [sum(1 for r in rows if r["case"].qlang == lang) for lang in LANGS]
    out.append("| **cases** | " + " | ".join(str(x) for x in totals) + f" | {len(rows)} |\n")
    charsets: dict[str, set[str]] = {}
    for r in rows:
        for leaf in r["leaves"]:
            bits = leaf.split()
            if len(bits) == 3:
                charsets.setdefault(bits[1], set()).add(bits[2])
    out.append("\n## Charsets and transfer encodings used\n\n")
    for cs in sorted(charsets):
        out.append(f"* `{cs}`: {', '.join(sorted(charsets[cs]))}\n")
    out.append(
        "\nEncoded-word headers: `=?UTF-8?Q?...?=` (most non-ASCII names and subjects), "
        "`=?iso-8859-2?B?...?=`, `=?windows-1250?Q?...?=`, `=?iso-8859-13?Q?...?=`, `=?windows-1257?B?...?=`.\n"
    )
    (HERE / "README.md").write_text("".join(out), encoding="utf-8")


def main() -> int:
    for old in HERE.glob("[0-9][0-9][0-9]_*"):
        old.unlink()
    write_questions()
    write_invitations()
    stems = []
    for i, c in enumerate(CASES, 1):
        stem = file_stem(i, c)
        (HERE / f"{stem}.eml").write_bytes(to_bytes(c))
        (HERE / f"{stem}.expected.json").write_text(dump_json(expected_of(c)), encoding="utf-8")
        stems.append(stem)
    rows = []
    for i, (stem, c) in enumerate(zip(stems, CASES, strict=True), 1):
        facts = check(stem, c)
        rows.append({"n": i, "stem": stem, "case": c, **facts})
    write_readme(rows)
    langs = {c.qlang for c in CASES}
    print(f"{len(CASES)} cases written and checked; questionnaires: {', '.join(sorted(langs))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
