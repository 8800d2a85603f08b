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
import hashlib
import html
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
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
    m = new_msg(key="ro01", from_=mailbox("Ana-Maria Popescu", inv.email), to=mailbox(inv.lab.sender_name, inv.lab.mailbox),
                subject=subject_value("Re: " + inv.subject), date=reply_dt(4, 9, 41, EET, 12),
                msgid=mid_gmail("ro01"), irt=inv.message_id, refs=inv.message_id, client_ip=21)
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    m.add_alternative(gmail_html(top, attr, inv.text()), subtype="html", charset="utf-8", cte="quoted-printable")
    set_boundaries(m, "ro01", "gmail")
    return Case("ro_numbered-dot-gmail-alternative", "ro", m, inv.email, A, "ro",
                "Plain '1.' numbering with a two-paragraph answer 4; Gmail RO attribution; multipart/alternative (prefer text/plain); signature without '-- '.",
                [1, 3, 5, 6], invitation=inv, invitation_mid=inv.message_id, token=inv.token, client="gmail")


@case
def c_ro_intrebarea_outlook_win1250():
    inv = invite("ro", "Ioan Crăciun", "ioan.craciun@tipografia-banat.example.ro")
    A = {k: cedilla(v) for k, v in {
        "1": "Prin asociațiile profesionale și prin Camera de Comerț. Noi, ca tipografie, primim zilnic oferte și invitații, deci mesajul trebuie să fie scurt și să spună clar ce câștigă firma.",
        "2": "Presa locală (tipărită și online), radio local, întâlniri organizate la Camera de Comerț, scrisori directe către firme.",
        "3": "În mare parte nu. Am discutat cu câțiva colegi din industrie și nu știau că există apeluri de proiecte pentru firme.",
        "4": "Contracte de prestări servicii (tipărituri, materiale promoționale, signalistică), parteneriate pentru evenimente, sponsorizare în natură.",
        "5": "Consultări periodice cu asociațiile din sectorul creativ.",
        "6": "Un punct de informare fizic, nu doar online. Mulți antreprenori mai în vârstă preferă să vorbească cu un om.",
        "7": "Dacă li se arată că pot câștiga bani. Altfel nu au timp.",
    }.items()}
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
        + outlook_block("ro", inv, "Ioan Crăciun", mailto=True) + "\n\n" + inv.text() + "\n"
    )
    text = fit(text, charset)
    m = new_msg(key="ro02", from_=mailbox("Ioan Crăciun", inv.email, "windows-1250", "Q"),
                to=mailbox("ECoC-SME Timișoara", inv.lab.mailbox, "windows-1250", "Q"),
                subject=ew(cedilla("RE: " + inv.subject), "windows-1250", "Q"), date=reply_dt(5, 14, 2, EET),
                msgid=mid_outlook("ro02"), irt=inv.message_id, refs=inv.message_id, client_ip=34,
                extra=[("Thread-Topic", ew(cedilla(inv.subject), "windows-1250", "Q")),
                       ("Thread-Index", "AdayAbCdEfGhIjKlMnOpQrStUvWxYz=="),
                       ("Content-Language", "ro-RO"), ("X-Mailer", "Microsoft Outlook 14.0")])
    m.set_content(text, charset=charset, cte="quoted-printable")
    return Case("ro_intrebarea-outlook-de-la-win1250", "ro", m, inv.email, A, "ro",
                "'Întrebarea N:' on consecutive lines without blank lines; windows-1250 QP, so the whole reply (and the quoted questions) uses cedilla ş/ţ; Outlook 'De la:/Trimis:/Către:/Subiect:' block with [mailto:], unquoted original; confidentiality notice.",
                [1, 3, 4, 6, 8], invitation=inv, invitation_mid=inv.message_id, token=inv.token, client="outlook")


@case
def c_ro_interleaved_iso88592():
    inv = invite("ro", "Mihaela Lupșa", "m.lupsa@fundatia-arce.example.org")
    A = {k: cedilla(v) for k, v in {
        "1": "Nu prin comunicate de presă :) Cred că cel mai bine funcționează ambasadorii: oameni din comunitatea de afaceri care au lucrat deja cu programul și pot povesti concret.",
        "2": "Newsletterele organizațiilor-umbrelă, LinkedIn, evenimentele existente (nu evenimente noi, că oamenii nu mai vin).",
        "3": "Parțial. Startup-urile da, IMM-urile tradiționale mai puțin.",
        "4": "- co-producții de evenimente\n- programe de rezidență pentru artiști în firme\n- achiziții de servicii locale pentru festivaluri",
        "5": "Cartografiere (mapping) a sectorului, făcută împreună cu universitățile. Există deja un studiu din 2018, ar trebui actualizat.",
        "6": 'Ghid scurt, în limbaj simplu, plus un "help desk" (telefon + e-mail) cu un om care chiar răspunde.',
    }.items()}
    charset = "iso-8859-2"
    inv_text = fit(cedilla(inv.text()), charset)
    head, rest = inv_text.split("\n\n1. ", 1)
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
    m = new_msg(key="ro03", from_=mailbox("Mihaela Lupșa", inv.email, charset, "B"),
                to=mailbox("ECoC-SME Timișoara", inv.lab.mailbox, charset, "B"),
                subject=ew(fit(cedilla("Re: " + inv.subject), charset), charset, "B"), date=reply_dt(6, 22, 47, EET),
                msgid=mid_thunderbird("ro03", "fundatia-arce.example.org"), irt=inv.message_id, refs=inv.message_id,
                client_ip=47, extra=[("User-Agent", "Mozilla/5.0 (Windows NT 6.1; rv:68.0) Gecko/20100101 Thunderbird/68.12.0"),
                                     ("Content-Language", "ro")])
    m.set_content(text, charset=charset, cte="base64")
    return Case("ro_interleaved-partial-quotes-iso88592-base64", "ro", m, inv.email, A, "ro",
                "Answers interleaved under '> N.' quoted questions (cedilla forms, Q4 wrapped over two quote lines, Q5 only partly quoted); Q7 quoted but left unanswered and followed by the sign-off; iso-8859-2 base64, =?iso-8859-2?B?...?= headers.",
                [2, 6, 8, 12], flags=["partial"], invitation=inv, invitation_mid=inv.message_id, token=inv.token,
                client="thunderbird")


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
        "Salut,\n\n" + numbered(A, "Răspuns {n}: ", sep="\n") + "\n\nRadu\n\n-- \nRadu Stoenescu | CTO, CodeForest\n"
        "m: +40 700 000 789\ncodeforest.example.ro\n\n"
        + outlook_block("ro", inv, inv.email, original=True) + "\n\n" + inv.text() + "\n"
    )
    m = new_msg(key="ro04", from_=mailbox("Radu Stoenescu", inv.email), to=inv.lab.mailbox,
                subject=subject_value("RE: " + inv.subject), date=reply_dt(3, 23, 58, EET, 40),
                msgid=mid_outlook("ro04"), irt=inv.message_id, refs=inv.message_id, client_ip=52,
                extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "ro-RO")])
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case("ro_raspuns-n-mesaj-original", "ro", m, inv.email, A, "ro",
                "'Răspuns N:' top-posted above '-----Mesaj original-----' + De la/Trimis block (unquoted original); '-- ' signature; answer 5 is 'nu știu...' which IS an answer.",
                [1, 3, 4, 6], invitation=inv, invitation_mid=inv.message_id, token=inv.token, client="outlook")


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
    body += mso_p("Vă transmitem mai jos răspunsurile Camerei la chestionar.", charset, ents) + mso_p("", charset)
    for k in sorted(A):
        lines = A[k].split("\n")
        body += mso_p(f"{k}) {lines[0]}", charset, ents)
        for extra in lines[1:]:
            body += mso_p(extra, charset, ents)
        body += mso_p("", charset)
    body += mso_p("Cu stimă,", charset, ents)
    body += ("<p class=\"MsoNormal\"><b><span style=\"color:#1F3864\">Cristina V&#259;duva</span></b><o:p></o:p></p>\n"
             "<p class=\"MsoNormal\"><span style=\"font-size:9.0pt;color:#1F3864\">Consilier, Departamentul Relații cu Membrii"
             "<br>Camera de Comer&#539; (example)<br>Tel. +40 256 000 222 | www.cciat.example.ro</span><o:p></o:p></p>\n"
             "<p class=\"MsoNormal\"><span style=\"font-size:9.0pt;color:#1F3864\"><img width=\"120\" height=\"40\" "
             "id=\"Picture_x0020_1\" src=\"cid:image001.png@01D6B1A2.3C4D5E60\" alt=\"Logo Camera de Comert\"></span><o:p></o:p></p>\n")
    body += mso_p("", charset)
    body += outlook_quote_header_html("ro", inv, f"Cristina Văduva <{inv.email}>", charset)
    body += mso_p("", charset) + invitation_html(inv, charset)
    body += "</div>\n</body>\n</html>\n"
    m = new_msg(key="ro05", from_=mailbox("Cristina Văduva", inv.email), to=mailbox("ECoC-SME Timișoara", inv.lab.mailbox),
                subject=subject_value("RE: " + inv.subject), date=reply_dt(9, 11, 20, EET),
                msgid=mid_outlook("ro05"), irt=inv.message_id, refs=inv.message_id, client_ip=61,
                extra=[("Thread-Topic", subject_value(inv.subject)), ("Content-Language", "ro-RO"),
                       ("X-MS-Has-Attach", ""), ("X-Mailer", "Microsoft Outlook 16.0")])
    m.set_content(body, subtype="html", charset=charset, cte="quoted-printable")
    return Case("ro_html-only-outlook-msonormal", "ro", m, inv.email, A, "ro",
                "HTML-only Outlook: one <p class=MsoNormal> per line, empty <p>&nbsp;</p> between answers, diacritics as &#NNN; entities, '1)' numbering, answer 3 on two <p> lines (= one \\n), logo <img> with alt text in the signature, quoted original after a border-top div with De la/Trimis.",
                [1, 3, 4, 6, 7], flags=["html_only"], invitation=inv, invitation_mid=inv.message_id, token=inv.token,
                client="outlook")


@case
def c_ro_attachment_txt():
    inv = invite("ro", "Gheorghe Mureșan", "gmuresan@example.ro")
    A = {k: cedilla(v) for k, v in {
        "1": "Să vină cineva de la program la noi, la ateliere. Noi nu stăm pe internet toată ziua.",
        "2": "Radio Timișoara, ziarele locale, târgurile de meșteșuguri, biserica (da, și acolo se află lucruri).",
        "3": "Nu. Eu am auzit de Capitala Culturală doar la televizor.",
        "4": "Meșterii pot ține ateliere demonstrative pentru turiști, pot face suveniruri cu marca Timișoara 2021. Ar trebui un magazin comun în centru.",
        "5": "Să întrebați direct breslele și asociațiile de meșteșugari.",
        "6": "Informații pe hârtie, la primărie și la Camera de Comerț, nu doar pe site.",
        "7": "Să li se dea spațiu gratuit la evenimente și un pic de ajutor la hârtii (autorizații, facturi).",
    }.items()}
    att = ("Raspunsuri chestionar Local Learning Lab 2 - Gheorghe Mureşan\n\n"
           + numbered(A, "Intrebarea {n}\n") + "\n")
    att = att.replace("\n", "\r\n")  # written in Notepad
    top = ("Bună ziua,\n\nVă trimit răspunsurile în atașament. Nu m-am descurcat cu linkul.\n\nO zi bună,\n"
           "Gheorghe Mureșan\nAtelier de ceramică, Timișoara")
    text = f"{top}\n\n{gmail_attr('ro', inv)}\n\n{quote(inv.text())}\n"
    m = new_msg(key="ro06", from_=mailbox("Gheorghe Mureșan", inv.email), to=mailbox("ECoC-SME Timișoara", inv.lab.mailbox),
                subject=subject_value("Re: " + inv.subject), date=reply_dt(7, 18, 5, EET),
                msgid=mid_gmail("ro06"), irt=inv.message_id, refs=inv.message_id, client_ip=66)
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    m.add_attachment(att.encode("windows-1250"), maintype="text", subtype="plain",
                     filename="raspunsuri.txt", params={"name": "raspunsuri.txt", "charset": "windows-1250"})
    set_boundaries(m, "ro06", "gmail")
    return Case("ro_attachment-raspunsuri-txt-win1250", "ro", m, inv.email, A, "ro",
                "Body only says 'Vă trimit răspunsurile în atașament'; answers are in raspunsuri.txt (text/plain; charset=windows-1250; name=..., base64, CRLF line ends, cedilla ş/ţ) under 'Intrebarea N' headings with the answer on the next line.",
                [1, 3, 5, 8, 9], flags=["from_attachment"], invitation=inv, invitation_mid=inv.message_id,
                token=inv.token, client="gmail")


@case
def c_ro_partial_android():
    inv = invite("ro", "Alexandra Dobrin", "alexandra.dobrin@gmail.example.com")
    A = {
        "1": "Pe Instagram si TikTok, cu video scurt. Serios, acolo sunt freelancerii",
        "3": "Nu, cei mai multi nu stiu nimic",
        "7": "Bani si vizibilitate. Si sa nu ceara 20 de documente pentru o bursa de 2000 lei",
    }
    text = (numbered(A, "{n}. ") + "\n\nTrimis de pe Android\n\n"
            f"În mar., 3 nov. 2020, 10:15 {inv.lab.sender_name} <{inv.lab.mailbox}> a scris:\n\n"
            + quote(inv.text()) + "\n")
    m = new_msg(key="ro07", from_=mailbox("Alexandra Dobrin", inv.email), to=inv.lab.mailbox,
                subject=subject_value("Re: " + inv.subject), date=reply_dt(3, 12, 31, EET, 9),
                msgid=mid_gmail("ro07"), irt=inv.message_id, refs=inv.message_id, client_ip=70)
    m.set_content(text, charset="utf-8", cte="base64")
    return Case("ro_partial-1-3-7-android", "ro", m, inv.email, A, "ro",
                "Mobile reply: only questions 1, 3 and 7 answered, no diacritics, 'Trimis de pe Android' footer, Android Gmail attribution (no 'la'); base64 body.",
                [1, 3, 5, 6, 8, 12], flags=["partial"], invitation=inv, invitation_mid=inv.message_id,
                token=inv.token, client="gmail")


@case
def c_ro_ooo_headers():
    inv = invite("ro", "Dan Ilie", "dan.ilie@univ-timisoara.example.ro")
    text = ("Bună ziua,\n\nSunt în concediu până la 16.11.2020, cu acces limitat la e-mail. Pentru probleme urgente "
            "legate de proiectele departamentului vă rog să o contactați pe colega mea, dna. Irina Sava "
            "(irina.sava@univ-timisoara.example.ro).\n\nVă mulțumesc,\nConf. dr. Dan Ilie\n")
    m = new_msg(key="ro08", from_=mailbox("Dan Ilie", inv.email), to=inv.lab.mailbox,
                subject=subject_value("Răspuns automat: " + inv.subject), date=reply_dt(3, 10, 15, EET, 31),
                msgid=mid_outlook("ro08"), irt=inv.message_id, refs=None, client_ip=75,
                extra=[("Auto-Submitted", "auto-replied"), ("X-Autoreply", "yes"),
                       ("X-Auto-Response-Suppress", "All"), ("Content-Language", "ro-RO")])
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case("ro_ooo-auto-submitted", "ro", m, inv.email, {}, "ro",
                "Out-of-office 'Sunt în concediu până la...' with Auto-Submitted: auto-replied and X-Autoreply: yes; In-Reply-To only, no quote.",
                [10], is_answer=False, flags=["auto_reply"], invitation=inv, invitation_mid=inv.message_id,
                client="outlook")


@case
def c_ro_unmapped_paragraph():
    inv = invite("ro", "Sorin Bălan", "sorin.balan@example.ro")
    essay = ("Sincer nu cred că problema e de comunicare sau de canale. Am participat și la consultările din 2017 și "
             "2018 și s-au spus aceleași lucruri: IMM-urile vor să fie tratate ca parteneri, nu ca sponsori, vor "
             "reguli clare și plăți la timp. Dacă programul ar avea un buget mic, dar sigur, pentru achiziții de la "
             "firme locale și l-ar anunța din timp, nu ar mai fi nevoie să ne convingeți cu campanii. Ne-ar interesa "
             "și ce se întâmplă după 2021, pentru că o investiție de un an nu se amortizează. Cam asta e părerea mea, "
             "pe scurt, la toate întrebările.")
    text = (f"Bună ziua,\n\n{essay}\n\nSorin Bălan\nSC Bălan Trans SRL\n\n{gmail_attr('ro', inv)}\n\n"
            + quote(inv.text()) + "\n")
    m = new_msg(key="ro10", from_=mailbox("Sorin Bălan", inv.email), to=mailbox("ECoC-SME Timișoara", inv.lab.mailbox),
                subject=subject_value("Re: " + inv.subject), date=reply_dt(10, 8, 12, EET),
                msgid=mid_gmail("ro10"), irt=inv.message_id, refs=inv.message_id, client_ip=80)
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case("ro_unmapped-single-paragraph", "ro", m, inv.email, {}, "ro",
                "One top-posted paragraph covering 'all the questions' with no structure: must be flagged unmapped for a human, not split.",
                [3, 5, 11], flags=["unmapped"], invitation=inv, invitation_mid=inv.message_id, token=inv.token,
                unmapped_text=essay, client="gmail")


@case
def c_ro_answer_later():
    inv = invite("ro", "Lavinia Roman", "lavinia.roman@hubcreativ.example.ro")
    text = ("Bună ziua,\n\nMulțumesc pentru invitație! Săptămâna asta suntem în plin festival, revin cu răspunsurile "
            "săptămâna viitoare, promit.\n\nLavinia\n\n" + gmail_attr("ro", inv) + "\n\n" + quote(inv.text()) + "\n")
    m = new_msg(key="ro11", from_=mailbox("Lavinia Roman", inv.email), to=mailbox("ECoC-SME Timișoara", inv.lab.mailbox),
                subject=subject_value("Re: " + inv.subject), date=reply_dt(4, 16, 3, EET),
                msgid=mid_gmail("ro11"), irt=inv.message_id, refs=inv.message_id, client_ip=82)
    m.set_content(text, charset="utf-8", cte="8bit")
    m.add_alternative(gmail_html(text.split("\n\n" + gmail_attr("ro", inv))[0], gmail_attr("ro", inv), inv.text()),
                      subtype="html", charset="utf-8", cte="quoted-printable")
    set_boundaries(m, "ro11", "gmail")
    return Case("ro_will-answer-next-week", "ro", m, inv.email, {}, "ro",
                "'revin cu răspunsurile săptămâna viitoare': a human reply that is not an answer (is_answer false, no flag); 8bit text part.",
                [3, 5, 11], is_answer=False, invitation=inv, invitation_mid=inv.message_id, token=inv.token,
                client="gmail")


@case
def c_ro_dash_na_nustiu():
    inv = invite("ro", "Florin Neagu", "florin.neagu@neagu-consulting.example.ro")
    A = {
        "1": "Prin consultanții și contabilii firmelor. Ei sunt cei în care antreprenorii au încredere și de la care află de finanțări.",
        "3": "nu știu. Depinde mult de domeniu.",
        "5": "Focus-grupuri pe sub-sectoare, organizate împreună cu agenția de dezvoltare regională și universitatea.",
        "7": "Scheme de finanțare nerambursabilă cu cofinanțare mică (5-10%) și decont rapid.",
    }
    body = (f"1. {A['1']}\n2. -\n3. {A['3']}\n4. N/A\n5. {A['5']}\n6.\n7. {A['7']}")
    text = ("Bună ziua,\n\nmai jos răspunsurile mele:\n\n" + body + "\n\nFlorin Neagu\nConsultant fonduri europene\n"
            "Neagu Consulting SRL\n\n" + gmail_attr("ro", inv, wrap=True) + "\n\n" + quote(inv.text()) + "\n")
    m = new_msg(key="ro12", from_=mailbox("Florin Neagu", inv.email), to=inv.lab.mailbox,
                subject=subject_value("Re: " + inv.subject), date=reply_dt(5, 7, 55, EET),
                msgid=mid_gmail("ro12"), irt=inv.message_id, refs=inv.message_id, client_ip=85)
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case("ro_dash-na-empty-nu-stiu", "ro", m, inv.email, A, "ro",
                "'2. -', '4. N/A' and an empty '6.' are NOT answers; '3. nu știu...' IS an answer; answers on consecutive lines; Gmail attribution wrapped after '<'.",
                [1, 3, 5, 12], flags=["partial"], invitation=inv, invitation_mid=inv.message_id, token=inv.token,
                client="gmail")


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
    text = ("Bună,\n\nRăspund pe scurt, că sunt pe fugă:\n\n" + numbered(A, "{n}. ")
            + "\n\nOana Țurcanu\nFestival Box SRL | logistică evenimente\n0700 000 321\n\n"
            + gmail_attr("ro", inv) + "\n\n" + quote(inv.text()) + "\n")
    m = new_msg(key="ro13", from_=mailbox("Oana Țurcanu", inv.email), to=inv.lab.mailbox,
                subject=subject_value("Re: " + inv.subject), date=reply_dt(11, 13, 37, EET),
                msgid=mid_gmail("ro13"), irt=inv.message_id, refs=inv.message_id, client_ip=88)
    m.set_content(text, charset="utf-8", cte="base64")
    return Case("ro_numbered-sublists-inside-answers", "ro", m, inv.email, A, "ro",
                "Top level '1.'..'7.' but answer 2 contains its own '1) 2) 3) 4)' list, answer 4 a dash list, and answer 7 starts with '3 lucruri:' and has a line starting with '2021': none of these start a new answer.",
                [1, 3, 5, 8, 12], invitation=inv, invitation_mid=inv.message_id, token=inv.token, client="gmail")


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
    text = ("Hi,\n\n" + numbered(A, "{n}) ") + "\n\nBest regards,\nJonas\n\nJonas Lindqvist\nFounder, Spark Robotics SRL\n\n"
            + gmail_attr("en", inv) + "\n\n" + quote(inv.text()) + "\n")
    m = new_msg(key="ro14", from_=mailbox("Jonas Lindqvist", inv.email), to=inv.lab.mailbox,
                subject=subject_value("Re: " + inv.subject), date=reply_dt(4, 20, 10, EET),
                msgid=mid_gmail("ro14"), irt=inv.message_id, refs=inv.message_id, client_ip=90)
    m.set_content(text, charset="utf-8", cte="7bit" if is_ascii(text) else "quoted-printable")
    return Case("ro_questionnaire-answered-in-english", "ro", m, inv.email, A, "en",
                "Romanian questionnaire, answers in English ('1)' numbering), English Gmail attribution above the Romanian quoted invitation.",
                [1, 3, 5, 12], flags=["different_language"], invitation=inv, invitation_mid=inv.message_id,
                token=inv.token, client="gmail")


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
    shown["2"] = "Instagram, podcasturi locale, grupurile de mămici antreprenoare (chiar \nexistă și sunt foarte active)."
    text = ("Buna ziua,\n\n" + numbered(shown, "Intrebarea {n}\n") + "\n\nPaula Dumitrescu\nHandmade by Paula (PFA)\n\n"
            "Pe 03.11.2020 10:15, ECoC-SME Timișoara a scris:\n" + quote(inv.text(), width=72) + "\n")
    m = new_msg(key="ro15", from_=mailbox("Paula Dumitrescu", inv.email), to=inv.lab.mailbox,
                subject=subject_value("Re: " + inv.subject), date=reply_dt(8, 21, 14, EET),
                msgid=mid_thunderbird("ro15", "yahoo.example.com"), client_ip=92,
                extra=[("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:78.0) Gecko/20100101 Thunderbird/78.4.0")])
    m.set_content(text, charset="utf-8", cte="8bit")
    m.set_param("format", "flowed")
    return Case("ro_no-in-reply-to-link-only-flowed", "ro", m, inv.email, A, "ro",
                "No In-Reply-To/References: match by the personal link in the quoted original; 'Intrebarea N' heading with the answer on the next line; text/plain format=flowed 8bit with a soft line break inside answer 2.",
                [1, 3, 5, 8, 13], invitation=inv, invitation_mid=None, token=inv.token, client="thunderbird")


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
    text = ("Bună ziua,\n\nNu mai găsesc mailul inițial, așa că vă scriu aici răspunsurile la chestionar.\n\n" + body
            + "\n\nCu stimă,\nVasile Oprea\nAdministrator, Oprea Mobila SRL\n")
    m = new_msg(key="ro16", from_=mailbox("Vasile Oprea", inv.email), to=inv.lab.mailbox,
                subject="Raspunsuri chestionar Lab 2", date=reply_dt(12, 15, 44, EET),
                msgid=mid_generic("ro16", "oprea-mobila.example.ro"), client_ip=94,
                extra=[("X-Mailer", "RoundCube Webmail/1.4.9")])
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case("ro_new-mail-question-repeated-sender-only", "ro", m, inv.email, A, "ro",
                "Not a reply: new mail, new subject, no In-Reply-To, no link; match by sender address only. Each number is followed by the full question (verbatim, mixed ş/ș) and the answer on the next line.",
                [1, 13], invitation=inv, invitation_mid=None, token=None)


@case
def c_ro_unsubscribe():
    inv = invite("ro", "Elena Stan", "elena.stan@example.ro")
    text = ("Vă rog să mă scoateți de pe lista de distribuție. Nu mai lucrez în domeniu de anul trecut.\n\n"
            "Elena Stan\n\n" + gmail_attr("ro", inv) + "\n\n" + quote(inv.text()) + "\n")
    m = new_msg(key="ro17", from_=mailbox("Elena Stan", inv.email), to=inv.lab.mailbox,
                subject=subject_value("Re: " + inv.subject), date=reply_dt(3, 10, 52, EET),
                msgid=mid_gmail("ro17"), irt=inv.message_id, refs=inv.message_id, client_ip=96)
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case("ro_unsubscribe-request", "ro", m, inv.email, {}, "ro",
                "'Vă rog să mă scoateți de pe lista de distribuție': an unsubscribe request, not an answer.",
                [3, 5, 11], is_answer=False, invitation=inv, invitation_mid=inv.message_id, token=inv.token,
                client="gmail")


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
    quoted = (f"Pe 3 nov. 2020, la 10:15, {inv.lab.sender_name} <{inv.lab.mailbox}> a scris:\n\n"
              "\ufeff" + inv.text())
    text = numbered(A, "Q{n}. ", sep="\n") + "\n\nTrimis de pe iPhone-ul meu\n\n" + quote(quoted) + "\n"
    m = new_msg(key="ro18", from_=mailbox("Bogdan Pavel", inv.email), to=mailbox("ECoC-SME Timișoara", inv.lab.mailbox),
                subject=subject_value("Re: " + inv.subject), date=reply_dt(3, 19, 2, EET),
                msgid=mid_apple("ro18", "icloud.example.com"), irt=inv.message_id, refs=inv.message_id, client_ip=98,
                extra=[("X-Mailer", "iPhone Mail (18A393)")])
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case("ro_q1-dot-iphone-quoted-attribution", "ro", m, inv.email, A, "ro",
                "'Q1.' numbering, no greeting; 'Trimis de pe iPhone-ul meu'; iOS Mail puts the attribution line itself inside the '>' quote and a U+FEFF before the quoted text; emoji in answer 4.",
                [1, 3, 5, 6], invitation=inv, invitation_mid=inv.message_id, token=inv.token, client="apple")


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
    out = (f'<p>{esc(label)}: <a href="{inv.link}">{inv.link}</a><br>{esc(expiry)}</p>'
           f"<p>{esc(thanks)}<br>{esc(team)}</p>")
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
        "1": "Keep it short and practical. Explain what the ECoC actually needs from businesses (venues, services, products, volunteers, money) and what they get back. Most SME owners I speak to think it's \"just for artists\".",
        "2": "LinkedIn, local business radio slots, the chamber's newsletter, and in-person breakfasts. Honestly the breakfasts work best.",
        "3": "Some do, most don't. The hospitality sector gets it; B2B companies much less so.",
        "4": "Sponsorship packages sized for small companies (not just the big \"main partner\" deals), supplier registers, joint marketing, and co-created projects where a business and an artist apply together.",
        "5": "Map the sector first – who is there, what they sell, who they sell to. Then run a few sector roundtables. We did something similar for the city's tourism strategy and it took about three months.",
        "6": "One website, one newsletter, one contact person. And translate the key calls into English for the international companies based here.",
        "7": "Make the first step very small: a one-page expression of interest instead of a full application.",
    }
    top = ("Hi there,\n\nHappy to help – answers below.\n\n" + numbered(A, "Q{n}: ")
           + "\n\nAll the best,\nSarah\n\n-- \nSarah Whitfield\nManaging Director, Brightlane Communications Ltd (example)\n"
           "+44 20 0000 0000 | +40 700 000 555\nwww.brightlane.example.com\n\n"
           "This email and any attachments are confidential and intended solely for the addressee. If you have "
           "received it in error, please notify the sender and delete it. Brightlane Communications Ltd is "
           "registered in England and Wales, company no. 00000000.")
    attr = gmail_attr("en", inv, wrap=True)
    text = f"{top}\n\n{attr}\n\n{quote(inv.text())}\n"
    m = new_msg(key="en20", from_=mailbox("Sarah Whitfield", inv.email), to=mailbox("ECoC-SME Platform", inv.lab.mailbox),
                subject=subject_value("Re: " + inv.subject), date=reply_dt(4, 8, 2, EET),
                msgid=mid_gmail("en20"), irt=inv.message_id, refs=inv.message_id, client_ip=110)
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    m.add_alternative(gmail_html(top, attr.replace("\n", " "), inv.text()), subtype="html", charset="utf-8",
                      cte="quoted-printable")
    set_boundaries(m, "en20", "gmail")
    return Case("en_q1-colon-gmail-wrapped-attribution", "en", m, inv.email, A, "en",
                "'Q1:' numbering; '-- ' signature followed by a confidentiality notice; the Gmail 'On ... wrote:' line is wrapped over two lines right after '<'.",
                [1, 3, 5, 6], invitation=inv, invitation_mid=inv.message_id, token=inv.token, client="gmail")


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
    text = "\n".join([
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
    ]) + "\n"
    m = new_msg(key="en21", from_=mailbox("Dario Conti", inv.email), to=inv.lab.mailbox,
                subject=subject_value("Re: " + inv.subject), date=reply_dt(5, 0, 34, EET),
                msgid=mid_gmail("en21"), irt=inv.message_id, refs=inv.message_id, client_ip=112)
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case("en_interleaved-unnumbered-quoted-questions", "en", m, inv.email, A, "en",
                "Inline answers under questions quoted WITHOUT their numbers (map by question text); question 5 deleted from the quote; answer 3 directly under the quote with no blank line; the short sign-off 'Dario' comes BEFORE the quote.",
                [2, 5, 12], flags=["partial"], invitation=inv, invitation_mid=inv.message_id, token=inv.token,
                client="gmail")


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
        body += f"<p class=\"MsoNormal\">{first}{rest}<o:p></o:p></p>\n" + mso_p("", charset)
    body += ("<p class=\"MsoNormal\">Kind regards,<br>\nHelen O&#8217;Brien<br>\nProgramme Manager | CultureWorks Trust (example)"
             "<br>\n<span style=\"color:#7F7F7F\">Registered charity no. 0000000</span><o:p></o:p></p>\n")
    body += mso_p("", charset)
    f_, s_, t_, subj_, date_ = OUTLOOK_LABELS["en"]
    body += ("<p class=\"MsoNormal\">-----Original Message-----<br>\n"
             f"{f_}: {html_chars(inv.lab.sender_name, charset)} &lt;{inv.lab.mailbox}&gt; <br>\n"
             f"{s_}: {date_}<br>\n{t_}: Helen O&#8217;Brien &lt;{inv.email}&gt;<br>\n"
             f"{subj_}: {html_chars(inv.subject, charset)}<o:p></o:p></p>\n")
    body += mso_p("", charset) + invitation_html(inv, charset)
    body += "</div>\n</body>\n</html>\n"
    m = new_msg(key="en22", from_=mailbox("Helen O'Brien", inv.email, quoted=True), to=inv.lab.mailbox,
                subject=subject_value("RE: " + inv.subject), date=reply_dt(6, 10, 11, GMT),
                msgid=mid_outlook("en22"), irt=inv.message_id, refs=inv.message_id, client_ip=114,
                extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "en-gb")])
    m.set_content(body, subtype="html", charset=charset, cte="quoted-printable")
    return Case("en_html-only-outlook-original-message-cp1252", "en", m, inv.email, A, "en",
                "HTML-only Outlook in windows-1252 QP: raw cp1252 bytes (é, €) mixed with &#8217;/&#8220; entities and &amp;; answer 6 has a <br> inside one <p>; '-----Original Message-----' block inside a <p> with <br>s.",
                [1, 3, 4, 6, 7, 8], flags=["html_only"], invitation=inv, invitation_mid=inv.message_id,
                token=inv.token, client="outlook")


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
        rows.append(f'<tr><td style="border:1px solid #999;padding:4px;vertical-align:top">{i}</td>'
                    f'<td style="border:1px solid #999;padding:4px;vertical-align:top">{html.escape(qs[i - 1])}</td>'
                    f'<td style="border:1px solid #999;padding:4px;vertical-align:top">{cell}</td></tr>')
    table = ('<table style="border-collapse:collapse;font-family:Arial,sans-serif;font-size:13px">'
             '<tr><th style="border:1px solid #999;padding:4px">#</th><th style="border:1px solid #999;padding:4px">'
             'Question</th><th style="border:1px solid #999;padding:4px">Our answer</th></tr>' + "".join(rows) + "</table>")
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
    m = new_msg(key="en23", from_=mailbox("Priya Raman", inv.email), to=inv.lab.mailbox,
                subject=subject_value("Re: " + inv.subject), date=reply_dt(9, 17, 26, EET),
                msgid=mid_gmail("en23"), irt=inv.message_id, refs=inv.message_id, client_ip=116)
    m.set_content(body, subtype="html", charset="utf-8", cte="base64")
    return Case("en_html-only-answers-in-table", "en", m, inv.email, A, "en",
                "HTML-only, answers in a <table> (number | question | answer); Q6 cell is &nbsp; (= not answered); answer 4 has a <br>; Gmail 'gmail_quote' div with the platform's HTML invitation, whose questions sit in a nested <blockquote><ol>.",
                [1, 3, 5, 7, 8, 12], flags=["html_only", "partial"], invitation=inv, invitation_mid=inv.message_id,
                token=inv.token, client="gmail")


@case
def c_en_iphone_partial():
    inv = invite("en", "Ben Carter", "ben.carter@example.com")
    A = {"1": "LinkedIn + local press", "3": "no, not really", "7": "money!!"}
    quoted = f"On 3 Nov 2020, at 10:15, {inv.lab.sender_name} <{inv.lab.mailbox}> wrote:\n\n\ufeff" + inv.text()
    text = (numbered(A, "{n}) ", sep="\n") + "\n\nWill send more when I'm back at my desk.\n\nSent from my iPhone\n\n"
            + quote(quoted) + "\n")
    m = new_msg(key="en24", from_=mailbox("Ben Carter", inv.email), to=mailbox("ECoC-SME Platform", inv.lab.mailbox),
                subject=subject_value("Re: " + inv.subject), date=reply_dt(3, 11, 48, GMT),
                msgid=mid_apple("en24", "example.com"), irt=inv.message_id, refs=inv.message_id, client_ip=118,
                extra=[("X-Mailer", "iPhone Mail (18A393)")])
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case("en_partial-iphone-short", "en", m, inv.email, A, "en",
                "Three one-liners '1) 3) 7)'; answer 1 really answers the channels question but must be mapped by its number; the line 'Will send more...' is a remark, not part of answer 7; 'Sent from my iPhone'.",
                [1, 3, 5, 6, 12], flags=["partial"], invitation=inv, invitation_mid=inv.message_id, token=inv.token,
                client="apple")


@case
def c_en_ooo_precedence():
    inv = invite("en", "Laura Mitchell", "laura.mitchell@eu-creative.example.org")
    text = ("Thank you for your email. I am out of the office until Monday 16 November with limited access to email.\n\n"
            "For urgent matters please contact info@eu-creative.example.org.\n\nKind regards,\nLaura Mitchell\n")
    html_body = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>"
                 "<div style=\"font-family:Calibri,Arial,Helvetica,sans-serif;font-size:12pt\">"
                 + text.strip().replace("\n\n", "<br><br>").replace("\n", "<br>") + "</div></body></html>\n")
    m = new_msg(key="en25", from_=mailbox("Laura Mitchell", inv.email), to=mailbox("ECoC-SME Platform", inv.lab.mailbox),
                subject=subject_value("Automatic reply: " + inv.subject), date=reply_dt(3, 10, 15, EET, 20),
                msgid=mid_outlook("en25"), irt=inv.message_id, refs=inv.message_id, client_ip=120,
                extra=[("Auto-Submitted", "auto-replied"), ("Precedence", "auto_reply"),
                       ("X-Auto-Response-Suppress", "All"), ("X-MS-Exchange-Inbox-Rules-Loop", inv.email)])
    m.set_content(text, charset="utf-8", cte="7bit")
    m.add_alternative(html_body, subtype="html", charset="utf-8", cte="7bit")
    set_boundaries(m, "en25", "outlook")
    return Case("en_ooo-auto-submitted-precedence", "en", m, inv.email, {}, "en",
                "Exchange 'Automatic reply:' with Auto-Submitted: auto-replied and Precedence: auto_reply; 'I am out of the office until...'.",
                [10], is_answer=False, flags=["auto_reply"], invitation=inv, invitation_mid=inv.message_id,
                client="outlook")


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
    return Case("en_bounce-mailer-daemon", "en", raw.encode("ascii"), "mailer-daemon@mx.platform.example.org", {}, "en",
                "Postfix bounce (multipart/report; report-type=delivery-status) for an invitation to a dead address; the invitation's Message-ID is only in the text/rfc822-headers part.",
                [10], is_answer=False, flags=["bounce"], invitation=inv, invitation_mid=inv.message_id)


@case
def c_en_answer_later_outlook_mobile():
    inv = invite("en", "James Holloway", "james@holloway-events.example.com")
    text = ("Thanks for this. Crazy week here with the rescheduling, I will answer next week.\n\nJames\n\n"
            "Get Outlook for Android\n\n" + outlook_block("en", inv, "James Holloway <" + inv.email + ">", underline=True)
            .replace("Tuesday, November 3, 2020 10:15 AM", "Tuesday, November 3, 2020 10:15:04 AM")
            + "\n\n" + inv.text() + "\n")
    m = new_msg(key="en27", from_=mailbox("James Holloway", inv.email), to=inv.lab.mailbox,
                subject=subject_value("Re: " + inv.subject), date=reply_dt(3, 17, 40, GMT),
                msgid=mid_outlook("en27"), irt=inv.message_id, refs=inv.message_id, client_ip=124)
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case("en_will-answer-next-week-outlook-mobile", "en", m, inv.email, {}, "en",
                "'I will answer next week' from Outlook for Android ('Get Outlook for Android', '____' line + From/Sent/To/Subject block): not an answer.",
                [3, 4, 6, 11], is_answer=False, invitation=inv, invitation_mid=inv.message_id, token=inv.token,
                client="outlook")


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
    text = (f"Dear colleagues,\n\n{essay}\n\nBest wishes,\nMark\n\nDr Mark Davies\nSenior Research Fellow\n"
            "Centre for Urban Creative Economies (example)\n\n"
            + outlook_block("en", inv, "Mark Davies <" + inv.email + ">") + "\n\n" + inv.text() + "\n")
    m = new_msg(key="en28", from_=mailbox("Mark Davies", inv.email),
                to=inv.lab.mailbox, subject=subject_value("RE: " + inv.subject), date=reply_dt(13, 16, 9, GMT),
                msgid=mid_outlook("en28"), irt=inv.message_id, refs=inv.message_id, client_ip=126,
                extra=[("X-Mailer", "Microsoft Outlook 16.0")])
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    return Case("en_free-essay-own-numbering", "en", m, inv.email, {}, "en",
                "A short essay with its OWN numbering (1. Context / 2. What we observed / 3. Recommendations, a)-d)) that does not match the 7 questions: unmapped, not answers 1-3.",
                [3, 4, 11, 12], flags=["unmapped"], invitation=inv, invitation_mid=inv.message_id, token=inv.token,
                unmapped_text=essay, client="outlook")


@case
def c_en_csv_attachment():
    inv = invite("en", "Tudor Iancu", "tudor.iancu@dataforge.example.com")
    A = {
        "1": "Tell them what's in it for them, with numbers. Our team suggested a short 'ECoC for business' explainer video about Timișoara.",
        "2": "LinkedIn; tech meetups; the city's startup newsletter",
        "3": "Mostly no",
        "4": "Open data challenges, visitor apps, co-working space for creative + tech teams, \"design sprints\" with artists",
        "5": "Survey + interviews; maybe analyse the applications to previous open calls",
        "6": "A single portal with filters (sector, budget, deadline)\nand email alerts",
        "7": "Fast, small grants; public recognition; access to venues for testing products",
    }
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(["question", "answer"])
    for k in sorted(A):
        w.writerow([k, A[k]])
    top = ("Hello,\n\nPlease find our answers attached as CSV – we collected them internally with a form, so it was "
           "easier to export. Let me know if you prefer another format.\n\nThanks,\nTudor")
    text = f"{top}\n\n{gmail_attr('en', inv)}\n\n{quote(inv.text())}\n"
    m = new_msg(key="en29", from_=mailbox("Tudor Iancu", inv.email), to=inv.lab.mailbox,
                subject=subject_value("Re: " + inv.subject), date=reply_dt(10, 14, 0, EET),
                msgid=mid_gmail("en29"), irt=inv.message_id, refs=inv.message_id, client_ip=128)
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    m.add_attachment(buf.getvalue(), subtype="csv", charset="utf-8", cte="quoted-printable",
                     filename="answers_lab2.csv")
    set_boundaries(m, "en29", "gmail")
    return Case("en_csv-attachment", "en", m, inv.email, A, "en",
                "Answers in answers_lab2.csv (text/csv, utf-8 QP): a header row, every field quoted, a doubled \"\" quote in answer 4 and a newline inside the quoted field of answer 6.",
                [3, 5, 9], flags=["from_attachment"], invitation=inv, invitation_mid=inv.message_id,
                token=inv.token, client="gmail")


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
        "7": "Grants with simple reporting, and a label \"Official supplier of Timișoara 2021\".",
    }
    top = ("Hello,\n\nPlease see our answers below. I have also attached our company presentation in case it is useful "
           "for the lab (it does not contain the answers).\n\n" + numbered(A, "{n} - ", sep="\n")
           + "\n\nKind regards,\nOlivia Grant\nHead of Partnerships\nNorthbridge Events Ltd (example)\n"
           "T: +44 161 000 0000")
    text = f"{top}\n\n{outlook_block('en', inv, inv.email, underline=True)}\n\n{inv.text()}\n"
    seed = hashlib.sha256(b"northbridge-docx").digest()
    blob = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + b"[Content_Types].xml" + b"".join(
        hashlib.sha256(seed + i.to_bytes(2, "big")).digest() for i in range(96))
    m = new_msg(key="en30", from_=mailbox("Olivia Grant", inv.email), to=inv.lab.mailbox,
                subject=subject_value("RE: " + inv.subject), date=reply_dt(12, 9, 30, GMT),
                msgid=mid_outlook("en30"), irt=None, refs=inv.message_id, client_ip=130,
                extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("X-MS-Has-Attach", "yes")])
    m.set_content(text, charset="utf-8", cte="quoted-printable")
    m.add_attachment(blob, maintype="application", subtype="octet-stream", filename="Northbridge_presentation_2020.docx")
    set_boundaries(m, "en30", "outlook")
    return Case("en_numbered-dash-docx-attachment-ignored", "en", m, inv.email, A, "en",
                "'1 -' numbering in the body; an application/octet-stream .docx attachment that must be ignored; 'I don't know...' is an answer; References but no In-Reply-To.",
                [1, 3, 4, 6, 9, 13], invitation=inv, invitation_mid=inv.message_id, token=inv.token, client="outlook")


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
    text = ("Dear ECoC-SME team,\n\nPlease find my answers below (I shortened the questions).\n\n" + body
            + "\n\nBest regards,\nGeorge Antonescu\nPartner | Transilvania Ventures (example)\nM +40 700 000 999\n\n"
            "CONFIDENTIALITY: This message may contain privileged information. If you are not the intended recipient, "
            "please delete it and notify the sender. Transilvania Ventures does not accept liability for any errors "
            "or omissions in the contents of this message.\n\n"
            + outlook_block("en", inv, f"George Antonescu <{inv.email}>") + "\n\n" + inv.text() + "\n")
    text = fit(text, charset)
    m = new_msg(key="en31", from_=mailbox("George Antonescu", inv.email), to=mailbox("ECoC-SME Platform", inv.lab.mailbox, "windows-1252"),
                subject=subject_value("RE: " + inv.subject), date=reply_dt(16, 11, 5, EET),
                msgid=mid_outlook("en31"), irt=inv.message_id, refs=inv.message_id, client_ip=132,
                extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "en-US")])
    m.set_content(text, charset=charset, cte="quoted-printable")
    return Case("en_repeated-shortened-questions-cp1252-crlf", "en", m, inv.email, A, "en",
                "Each number is followed by a SHORTENED paraphrase of the question and the answer on the next line; windows-1252 QP with curly quotes/en dash; file uses CRLF line ends; the quoted original lost 'ș' ('Timisoara') in cp1252.",
                [1, 3, 4, 6, 8], invitation=inv, invitation_mid=inv.message_id, token=inv.token, crlf=True,
                client="outlook")
