"""Finding the answers to a lab's questions in e-mail replies (LAB-3).

Pure computation on bytes and plain data: `parse_reply(raw, questions)` takes one message as
received (.eml bytes) and the questions as {"1": "question text", ...}, and returns what the
person answered to each question, with flags for what a person should look at. It knows the
common reply styles: numbered answers ("1.", "1)", "Q1:", "Întrebarea 1"), answers under
quoted questions, top-posting above a quoted original, Outlook and Gmail quote headers in
the platform's languages, signatures and disclaimers, HTML-only mails, any charset and
transfer encoding, and answers sent as a text attachment.
"""

import email
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import getaddresses, parseaddr
from functools import lru_cache

from ecocsme.core.language import detect_language

from .htmltext import html_to_text

# Flags a reply can carry.
AUTO_REPLY = "auto_reply"
BOUNCE = "bounce"
UNMAPPED = "unmapped"
PARTIAL = "partial"
FROM_ATTACHMENT = "from_attachment"
HTML_ONLY = "html_only"
DIFFERENT_LANGUAGE = "different_language"
MALFORMED = "malformed"
TRUNCATED = "truncated"  # only the beginning of a very long message was read

# What is read of a message. A reply, its quoted original included, is far shorter; a hostile
# upload is not, and every step below must stay linear in what is read.
MAX_TEXT_CHARS = 500_000  # of the text looked at for answers (and of text attachments together)
MAX_TEXT_LINES = 20_000
MAX_HTML_CHARS = 2_000_000  # of HTML bodies together, before conversion to text
MAX_PART_LINES = 200  # lines starting with "--" (boundaries): the email package is slow per part
MAX_HEADER_LINES = 1_000
MAX_HEADER_CHARS = 1_000  # its address and parameter parsers are worse than linear
MAX_REFERENCES_CHARS = 16_000  # message ids of a long thread; the first is the invitation's

NO_ANSWER = {"", "-", "--", "—", "–", "n/a", "na", "n.a.", "/", ".", "...", "…", "x"}
TOKEN_RE = re.compile(r"/labs/answer/([A-Za-z0-9_\-:.]{16,200})/?")

# --- what starts the quoted original -------------------------------------------------------
_WROTE = (r"wrote|a scris|ha scritto|schreef|schrieb|je napisao|je napisala|napisao je|"
          r"napisala je|napisa|kirjoitti|rašė|escribió|a écrit|skrev|написал")
GMAIL_HEADER_RE = re.compile(
    # "\s*(?::\s*)?" rather than "\s*:?\s*": two runs of the same spaces backtrack quadratically
    r"^\s*(on|în|in|pe|il|op|am|le|el|den|dne|\w{2,4}[.,]|\d{1,4}[./-])\b.{0,200}?(" + _WROTE
    + r")\s*(?::\s*)?$",
    re.IGNORECASE,
)
GMAIL_HEADER_END_RE = re.compile(r"(" + _WROTE + r")\s*:\s*$", re.IGNORECASE)
ORIGINAL_MESSAGE_RE = re.compile(
    r"^\s*-{2,}\s*(original message|mesaj(ul)? original|messaggio originale|oorspronkelijk bericht|"
    r"originalnachricht|ursprüngliche nachricht|izvorna poruka|izvorna poruka|originali žinutė|"
    r"alkuperäinen viesti|forwarded message|mesaj redirecționat|messaggio inoltrato|"
    r"doorgestuurd bericht|weitergeleitete nachricht)\s*-{2,}\s*$",
    re.IGNORECASE,
)
SEPARATOR_RE = re.compile(r"^\s*_{10,}\s*$")
FROM_RE = re.compile(r"^\s*\*?(from|de la|de|da|van|von|od|lähettäjä|nuo|feladó)\*?\s*:", re.IGNORECASE)
SENT_RE = re.compile(
    r"^\s*\*?(sent|date|trimis|data|inviato|verzonden|datum|gesendet|poslano|lähetetty|"
    r"išsiųsta|to|către|a|aan|an|prima|vastaanottaja|kam|subject|subiect|oggetto|onderwerp|"
    r"betreff|predmet|aihe|tema)\*?\s*:",
    re.IGNORECASE,
)

# --- signatures and disclaimers -------------------------------------------------------------
SIGN_OFF_RE = re.compile(
    r"^\s*(cu (stimă|stima|respect|drag|bine)|cu deosebită stimă|toate cele bune|mulțumesc|mulțumim|"
    r"numai bine|o zi (bună|frumoasă)|pe curând|salutări( din .{1,40})?|all the best|best|br|kind wishes|"
    r"greetings( from .{1,40})?|saluti da .{1,40}|groeten uit .{1,40}|grüße aus .{1,40}|"
    r"pozdrav iz .{1,40}|linkėjimai iš .{1,40}|terveisin .{1,40}|"
    r"multumesc|o zi bună|best( regards| wishes)?|kind regards|regards|warm regards|many thanks|"
    r"thanks?( you)?( and regards)?|cheers|sincerely|yours( sincerely| faithfully)?|"
    r"cordiali saluti|distinti saluti|saluti|un (caro )?saluto|grazie|buona giornata|"
    r"met (vriendelijke|hartelijke) groet(en)?|groet(en|jes)?|mvg|vriendelijke groet(en)?|"
    r"mit freundlichen grüßen|mit freundlichen gruessen|viele grüße|beste grüße|liebe grüße|mfg|"
    r"freundliche grüße|s poštovanjem|srdačan pozdrav|lijep pozdrav|pozdrav|hvala|"
    r"pagarbiai|su pagarba|geros dienos|ačiū|linkėjimai|ystävällisin terveisin|"
    r"terveisin|parhain terveisin|kiittäen|kiitos)\b[\s,.!]*$",
    re.IGNORECASE,
)
SENT_FROM_RE = re.compile(
    r"^\s*(sent from my|trimis de pe|trimis din|inviato da|verzonden vanaf|verstuurd vanaf|"
    r"von meinem|gesendet von|poslano s|poslano sa|išsiųsta iš|lähetetty)\b",
    re.IGNORECASE,
)
DISCLAIMER_RE = re.compile(
    r"(confidential|confidențial|confidential|riservat|vertrouwelijk|vertraulich|povjerljiv|"
    r"konfidencial|luottamuksellinen|this (e-?mail|message) and any attach|"
    r"acest (e-?mail|mesaj).{0,40}(confiden|destinat)|il presente messaggio|"
    r"dieses e-?mail|deze e-?mail|ova poruka|šis laiškas|tämä viesti|disclaimer|"
    r"please consider the environment|gândiți-vă la mediu)",
    re.IGNORECASE,
)

REGISTER_RE = re.compile(
    r"(sitz der gesellschaft|amtsgericht|handelsregister|registergericht|kvk[- ]nummer|"
    r"nr\. ?reg\. ?com|j\d{2}/\d+/\d{4}|cui:? ?ro|p\. ?iva|partita iva|oib:|vat (no|number))",
    re.IGNORECASE,
)
CLOSING_RE = re.compile(
    r"(hope (this|it|that) helps|will send (you )?more|more (details )?(later|soon)|let me know|"
    r"happy to (help|talk|discuss)|feel free to|sper (că|ca|sa|să) (v-|vă |va )?|"
    r"rămân la dispoziți|ramân la dispoziți|resto a disposizione|restiamo a disposizione|spero (che|di) |"
    r"ik hoop|hopelijk|ich hoffe|für rückfragen|stehe ich gerne|nadam se|stojim na raspolaganju|"
    r"tikiuosi|mielai atsakysiu|toivottavasti|vastaan mielelläni|good luck|mult succes|buona fortuna|"
    r"veel succes|viel erfolg|sretno|sėkmės|onnea|the rest|den rest|restul|il resto|de rest|"
    r"ostatak|likusius|loput)",
    re.IGNORECASE,
)

# --- auto-replies and bounces ---------------------------------------------------------------
AUTO_SUBJECT_RE = re.compile(
    r"(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|automatische antwort|"
    r"abwesenheit|răspuns automat|raspuns automat|risposta automatica|fuori ufficio|"
    r"automatisch antwoord|afwezig|automatski odgovor|odsutnost|izvan ureda|"
    r"automatinis atsakymas|nebuvimas|poissaolo|automaattinen vastaus|lomalla|vacation)",
    re.IGNORECASE,
)
AUTO_BODY_RE = re.compile(
    r"(out of (the )?office|i am (currently )?away|i('| a)m on (annual )?leave|on holiday until|"
    r"limited access to (my )?e-?mail|sunt (plecat|plecată|în concediu|in concediu)|"
    r"(sunt|voi fi) în afara biroului|revin (la birou )?(în|pe|după)|sono fuori (ufficio|sede)|"
    r"sarò assente|sono in ferie|ben (afwezig|met vakantie)|ik ben (niet|afwezig)|"
    r"bin (bis|ab|vom).{0,40}(nicht im büro|abwesend|im urlaub)|nicht im büro|"
    r"bin ich (nicht erreichbar|abwesend)|izvan ureda|na godišnjem odmoru|odsutan|odsutna|"
    r"nebūsiu|atostogose|esu išvykęs|esu išvykusi|olen (lomalla|poissa)|poissa toimistolta)",
    re.IGNORECASE,
)
BOUNCE_SUBJECT_RE = re.compile(
    r"(undeliver|delivery (status notification|failure|has failed)|returned mail|"
    r"mail delivery failed|failure notice|non remis|nicht zustellbar|onbestelbaar)",
    re.IGNORECASE,
)
UNSUBSCRIBE_RE = re.compile(
    r"(unsubscribe|remove me|take me off|no longer (wish|want) to receive|dezabon|nu mai doresc|"
    r"scoateți-mă|mă scoateți|scoateti-ma|ma scoateti|lista de distribuți|cancellatemi|"
    r"non desidero più ricevere|rimuovetemi|afmelden|niet meer ontvangen|abbestellen|austragen|"
    r"keine weiteren|odjav|ne želim (više )?primati|atsisakyti|nebenoriu gauti|"
    r"poistakaa minut|en halua enää)",
    re.IGNORECASE,
)
LATER_RE = re.compile(
    r"(will (answer|reply|respond|get back|send)|next week|later this week|"
    r"(voi|o să) (răspunde|reveni|trimite)|revin (cu|săptămâna|mâine)|săptămâna viitoare|"
    r"risponderò|la prossima settimana|ik (antwoord|reageer|stuur) .{0,30}(later|volgende week)|"
    r"volgende week|(antworte|melde mich) .{0,30}(später|nächste woche)|nächste woche|"
    r"odgovorit ću|sljedeći tjedan|sljedećeg tjedna|atsakysiu|kitą savaitę|vastaan .{0,20}myöhemmin|"
    r"ensi viikolla)",
    re.IGNORECASE,
)
OWN_STRUCTURE_RE = re.compile(
    r"(rather than answering|instead of answering|not answer(ing)? (the questions )?one by one|"
    r"în loc să răspund|anziché rispondere|in plaats van .{0,30}beantwoorden|statt .{0,40}beantworten|"
    r"umjesto odgovora|užuot atsakęs|sen sijaan että vastaisin)",
    re.IGNORECASE,
)

# --- answer markers -------------------------------------------------------------------------
_MARKER_WORDS = (
    r"q|question|answer|ans|a|re|întrebarea|intrebarea|întrebare|intrebare|răspuns(?:ul)?|"
    r"raspuns(?:ul)?|r|domanda|risposta|vraag|antwoord|pitanje|odgovor|klausimas|atsakymas|"
    r"frage|antwort|kysymys|vastaus|ad|punctul|punct|pct|nr|no|n"
)
ANSWER_WORD_RE = re.compile(
    r"^\s*(?:answer|răspuns|raspuns|risposta|antwoord|odgovor|atsakymas|antwort|vastaus|r|a)\s*:\s*",
    re.IGNORECASE,
)
MARKER_RE = re.compile(  # no two runs of spaces next to each other: see GMAIL_HEADER_RE
    r"^\s*(?:[*_#]+\s*)?(?:(?P<word>" + _MARKER_WORDS + r")\.?\s*(?:(?:nr\.?|no\.?|n\.|#)\s*)?)?"
    r"(?P<num>\d{1,2})\s*(?P<punct>[.):\-–—/|]|\.\)|:)?(?:[*_]+)?(?=\s|$)(?P<rest>.*)$",
    re.IGNORECASE,
)


@dataclass
class ParsedReply:
    sender: str = ""
    subject: str = ""
    message_id: str = ""
    in_reply_to: list[str] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)
    is_answer: bool = True
    answers: dict[str, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    language: str = ""
    text: str = ""  # the person's own text, quotes and signature removed

    def as_json(self, file: str = "") -> dict:
        return {"file": file, "is_answer": self.is_answer, "sender": self.sender,
                "answers": self.answers, "flags": self.flags, "language": self.language,
                "message_id": self.message_id, "in_reply_to": self.in_reply_to,
                "tokens": self.tokens}


@dataclass
class _Body:
    text: str
    html_only: bool
    attachments: list[str]
    full: str  # everything, quotes included, to look for links
    truncated: bool = False


class _BoundedPolicy(EmailPolicy):
    """policy.default reading only the beginning of a very long header."""

    def header_fetch_parse(self, name, value):
        limit = MAX_REFERENCES_CHARS if name.lower() in ("references", "in-reply-to") else MAX_HEADER_CHARS
        if not hasattr(value, "name") and len(value) > limit:
            value = value[:limit]
        return super().header_fetch_parse(name, value)


POLICY = _BoundedPolicy()
PART_LINE_RE = re.compile(rb"\n--")
HEADER_LINES_RE = re.compile(rb"(?:(?:From |[\x21-\x39\x3b-\x7e]*:|[\t ])[^\n]*\n)*")  # as email.feedparser


# ---------------------------------------------------------------------------------------------
def parse_reply(raw: bytes, questions: dict[str, str]) -> ParsedReply:
    reply = ParsedReply()
    raw, cut = _within_limits(raw)
    try:
        message = email.message_from_bytes(raw, policy=POLICY)
    except Exception:  # the email package rarely raises, but a truncated file may surprise it
        reply.is_answer = False
        reply.flags.append(MALFORMED)
        return reply
    reply.sender = _sender(message)
    reply.subject = _header(message, "subject")
    reply.message_id = _header(message, "message-id").strip()
    reply.in_reply_to = _message_ids(_header(message, "in-reply-to") + " " + _header(message, "references"))
    if _is_bounce(message, reply):
        reply.is_answer = False
        reply.flags.append(BOUNCE)
        return reply
    body = _body(message)
    reply.tokens = sorted(set(TOKEN_RE.findall(body.full)))
    if body.html_only:
        reply.flags.append(HTML_ONLY)
    if cut or body.truncated:
        reply.flags.append(TRUNCATED)
    own = _own_text(body.text)
    answers, interleaved_text = _answers(body.text, own, questions)
    if not answers and body.attachments:
        for attachment in body.attachments:
            answers = _table_answers(attachment, questions)
            if not answers:
                answers, _ = _answers(attachment, _strip_signature(attachment), questions)
            if answers:
                reply.flags.append(FROM_ATTACHMENT)
                own = (own + "\n\n" + attachment).strip()
                break
    _strip_names_from_last_answer(answers, _sender_names(message, reply.sender))
    reply.text = (interleaved_text or own).strip()
    if _is_auto_reply(message, reply.subject, reply.text, answers):
        reply.is_answer = False
        reply.flags.append(AUTO_REPLY)
        return reply
    if not answers and _is_non_answer(reply.text):
        reply.is_answer = False
        return reply
    reply.answers = answers
    if not answers:
        reply.flags.append(UNMAPPED)
    elif len(answers) < len(questions):
        reply.flags.append(PARTIAL)
    reply.language = detect_language(" ".join(answers.values()) or reply.text)
    questions_language = detect_language(" ".join(questions.values()))
    if reply.language and questions_language and reply.language != questions_language:
        reply.flags.append(DIFFERENT_LANGUAGE)
    return reply


# --- headers ----------------------------------------------------------------------------------
def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name, "")
        return str(value or "")
    except Exception:  # undecodable header
        raw = message.get_all(name, failobj=[""])
        return " ".join(str(v) for v in raw)


def _sender(message: EmailMessage) -> str:
    for name in ("from", "sender", "return-path"):
        address = parseaddr(_header(message, name))[1]
        if address:
            return address.strip().lower()
    return ""


def _sender_names(message: EmailMessage, address: str) -> set[str]:
    display = parseaddr(_header(message, "from"))[0]
    words = re.split(r"[\s,._\-]+", f"{display} {address.split('@')[0]}")
    return {_normalise(w) for w in words if len(w) >= 3}


def _strip_names_from_last_answer(answers: dict[str, str], names: set[str]) -> None:
    """Drop a trailing name block ("Mantas", "Florin Neagu / Consultant / Firm") from the last
    answer: a short paragraph whose first line names the sender."""
    if not answers or not names:
        return
    key = next(reversed(answers))
    paragraphs = re.split(r"\n\s*\n", answers[key])
    if len(paragraphs) < 2:
        return
    lines = [line for line in paragraphs[-1].split("\n") if line.strip()]
    first = set(_normalise(lines[0]).split()) if lines else set()
    if lines and len(lines) <= 5 and all(len(line) <= 90 for line in lines) and first & names:
        answers[key] = "\n\n".join(paragraphs[:-1]).strip()


def _message_ids(value: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r"<[^<>\s]+>", value)))


def _is_bounce(message: EmailMessage, reply: ParsedReply) -> bool:
    content_type = message.get_content_type()
    if content_type == "multipart/report" and "delivery-status" in message.get_param("report-type", ""):
        return True
    if reply.sender.split("@")[0] in ("mailer-daemon", "postmaster"):
        return True
    return bool(BOUNCE_SUBJECT_RE.search(reply.subject)) and not reply.in_reply_to


def _is_auto_reply(message: EmailMessage, subject: str, text: str, answers: dict) -> bool:
    auto = _header(message, "auto-submitted").strip().lower()
    if auto and auto != "no":
        return True
    if _header(message, "x-autoreply") or _header(message, "x-autorespond"):
        return True
    if _header(message, "precedence").strip().lower() in ("auto_reply", "junk"):
        return True
    if any(_header(message, h) for h in ("x-ms-exchange-inbox-rules-loop",)):
        return True
    if answers:
        return False
    if AUTO_SUBJECT_RE.search(subject):
        return True
    return len(text) < 700 and bool(AUTO_BODY_RE.search(text))


def _is_non_answer(text: str) -> bool:
    """Short notes that answer nothing: unsubscribe requests, "I will answer later", empty."""
    stripped = text.strip()
    if not stripped:
        return True
    return len(stripped) < 400 and bool(UNSUBSCRIBE_RE.search(stripped) or LATER_RE.search(stripped))


# --- bodies -----------------------------------------------------------------------------------
def _decode(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, AssertionError, ValueError):
        payload = part.get_payload(decode=True) or b""
        charset = part.get_content_charset() or "utf-8"
        for candidate in (charset, "utf-8", "cp1250", "cp1252"):
            try:
                return payload.decode(candidate)
            except (LookupError, UnicodeDecodeError):
                continue
        return payload.decode("utf-8", errors="replace")
    if isinstance(content, bytes):
        return content.decode(part.get_content_charset() or "utf-8", errors="replace")
    return content if isinstance(content, str) else ""


TEXT_ATTACHMENT_TYPES = ("text/plain", "text/csv", "text/markdown", "text/x-markdown")


def _body(message: EmailMessage) -> _Body:
    plain, html, attachments = [], [], []
    for part in message.walk():
        if part.is_multipart():
            continue
        content_type = part.get_content_type()
        disposition = part.get_content_disposition()
        filename = (part.get_filename() or "").lower()
        if disposition == "attachment" or (filename and disposition != "inline"):
            if content_type in TEXT_ATTACHMENT_TYPES or filename.endswith((".txt", ".md", ".csv")):
                attachments.append(_decode(part).replace("\r\n", "\n"))
            continue
        if content_type == "text/plain":
            plain.append(_decode(part))
        elif content_type == "text/html":
            html.append(_decode(part))
    if plain:
        text, html_cut = "\n".join(plain), False
    else:
        markups, html_cut = _within(html, MAX_HTML_CHARS)
        text = "\n".join(html_to_text(markup) for markup in markups)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    full = text + "\n" + "\n".join(html) + "\n".join(attachments)
    text, text_cut = _bounded(text)
    attachments, attachments_cut = _within(attachments, MAX_TEXT_CHARS)
    attachments = [_bounded(attachment)[0] for attachment in attachments]
    return _Body(text=text, html_only=bool(html) and not plain, attachments=attachments, full=full,
                 truncated=html_cut or text_cut or attachments_cut)


def _within_limits(raw: bytes) -> tuple[bytes, bool]:
    """The message with its first MAX_HEADER_LINES header lines and up to its MAX_PART_LINES-th
    line starting with "--", and whether it was cut: the email package looks through every
    header for each one asked for, and spends a millisecond on each part; a hostile mail may
    hold a hundred thousand of either."""
    cut = False
    head_end = HEADER_LINES_RE.match(raw).end()
    if raw.count(b"\n", 0, head_end) > MAX_HEADER_LINES:
        kept = -1
        for _line in range(MAX_HEADER_LINES):
            kept = raw.find(b"\n", kept + 1)
        raw, cut = raw[:kept + 1] + raw[head_end:], True
    for count, match in enumerate(PART_LINE_RE.finditer(raw), start=1):
        if count > MAX_PART_LINES:
            return raw[:match.start() + 1], True
    return raw, cut


def _within(texts: list[str], limit: int) -> tuple[list[str], bool]:
    """The texts cut to at most `limit` characters together, and whether any was cut."""
    kept = []
    for text in texts:
        kept.append(text[:max(limit, 0)])
        limit -= len(text)
    return kept, limit < 0


def _bounded(text: str) -> tuple[str, bool]:
    """The beginning of a text that is read for answers, and whether it is less than all."""
    cut = text[:MAX_TEXT_CHARS]
    lines = cut.split("\n", MAX_TEXT_LINES)
    if len(lines) > MAX_TEXT_LINES:
        cut = "\n".join(lines[:MAX_TEXT_LINES])
    return cut, len(cut) < len(text)


# --- separating the person's text from the quoted original --------------------------------------
def _quote_start(lines: list[str]) -> int | None:
    """Index of the line where the quoted original begins, if any."""
    for i, line in enumerate(lines):
        if line.startswith(">"):
            continue  # already quoted: removed anyway, and never the header of the quote
        if ORIGINAL_MESSAGE_RE.match(line) or SEPARATOR_RE.match(line):
            return i
        if GMAIL_HEADER_RE.match(line) and len(line) < 260:
            return i
        if _wrapped_gmail_header(lines, i):
            return i
        if FROM_RE.match(line) and _is_header_block(lines, i):
            return i
    return None


def _wrapped_gmail_header(lines: list[str], i: int) -> bool:
    """ "On Tue, 3 Nov 2020 at 10:15, Name <addr>" / "wrote:" split over two lines."""
    if i + 1 >= len(lines) or not lines[i + 1].rstrip().endswith(":"):
        return False
    if not GMAIL_HEADER_END_RE.search(lines[i + 1]):
        return False
    starts = re.match(r"^\s*(on|în|in|pe|il|op|am|le|\d{1,4}[./-])", lines[i], re.IGNORECASE)
    return bool(starts) and len(lines[i] + lines[i + 1]) < 300 and not lines[i].lstrip().startswith(">")


def _is_header_block(lines: list[str], start: int) -> bool:
    following = [line for line in lines[start + 1:start + 6] if line.strip()]
    return sum(1 for line in following if SENT_RE.match(line)) >= 2


def _own_text(text: str) -> str:
    lines = text.split("\n")
    start = _quote_start(lines)
    if start is not None:
        lines = lines[:start]
    lines = [line for line in lines if not line.lstrip().startswith(">")]
    return _strip_signature("\n".join(lines))


def _strip_signature(text: str) -> str:
    lines = text.rstrip().split("\n")
    cut = len(lines)
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped in ("--", "—", "__") or line == "-- " or SENT_FROM_RE.match(stripped):
            cut = i
            break
    lines = _strip_disclaimer("\n".join(lines[:cut])).split("\n")
    lines = lines[:_sign_off_line(lines)]
    return _strip_closing_remark("\n".join(lines)).strip()


def _sign_off_line(lines: list[str]) -> int:
    """The last sign-off ("Best regards") followed by at most 12 short lines, else len(lines).
    One pass from the end, so that a text of many sign-offs is read once."""
    content_after, long_after = 0, False
    for i in range(len(lines) - 1, -1, -1):
        if content_after > 12 or long_after:
            break  # no earlier sign-off can be followed by a short signature
        stripped = lines[i].strip()
        if SIGN_OFF_RE.match(stripped):
            return i
        if stripped:
            content_after += 1
            long_after = long_after or len(lines[i]) >= 200
    return len(lines)


def _strip_closing_remark(text: str) -> str:
    """A short last paragraph such as "Hope this helps" or "Will send more later"."""
    paragraphs = re.split(r"\n\s*\n", text.rstrip())
    if len(paragraphs) > 1 and len(paragraphs[-1]) < 160 and CLOSING_RE.search(paragraphs[-1]):
        paragraphs.pop()
    return "\n\n".join(paragraphs)


def _strip_disclaimer(text: str) -> str:
    paragraphs = re.split(r"\n\s*\n", text.rstrip())
    while len(paragraphs) > 1 and (DISCLAIMER_RE.search(paragraphs[-1]) or
                                   REGISTER_RE.search(paragraphs[-1])):
        paragraphs.pop()
    return "\n\n".join(paragraphs)


# --- finding the answers -------------------------------------------------------------------------
@dataclass
class _Marker:
    line: int
    number: str
    style: str
    rest: str
    source: str  # "number" or "question"


def _normalise(text: str) -> str:
    if text.isascii():  # nothing to decompose
        return re.sub(r"[^\w]+", " ", text.lower()).strip()
    text = text.replace("ş", "ș").replace("ţ", "ț").replace("Ş", "Ș").replace("Ţ", "Ț")
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", " ", text).strip()


@lru_cache(maxsize=1024)
def _asked(question: str) -> str:
    """A question normalised once, not once per line compared with it."""
    return _normalise(question)


def _question_similarity(line: str, question: str) -> float:
    return _similarity(_normalise(line), _asked(question))


def _similarity(line: str, question: str) -> float:
    """How much a normalised line reads as a normalised question."""
    if not line or not question or len(line) < 0.4 * len(question):
        return 0.0
    if question in line:
        return 1.0
    return _ratio(line[: len(question) + 20], question)


def _ratio(a: str, b: str) -> float:
    """SequenceMatcher's ratio, or 0.0 when its cheap upper bounds are under 0.5: every caller
    asks for 0.5 or more, and the bounds spare the quadratic comparison of unlike texts."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < 0.5 or matcher.quick_ratio() < 0.5:
        return 0.0
    return matcher.ratio()


def _numbered_markers(lines: list[str], questions: dict[str, str]) -> list[_Marker]:
    markers = []
    for i, line in enumerate(lines):
        if line.lstrip().startswith(">"):
            continue
        match = MARKER_RE.match(line)
        if not match or match.group("num") not in questions:
            continue
        word = (match.group("word") or "").lower()
        punct = match.group("punct") or ""
        rest = match.group("rest").strip()
        if not word and not punct:
            continue  # "2020 was…" or a bare number starting a sentence
        if not word and punct in "-–—/" and not rest:
            continue
        indent = len(line) - len(line.lstrip())
        markers.append(_Marker(i, match.group("num"), f"{word}|{punct}|{min(indent, 4)}", rest, "number"))
    return markers


def _question_markers(lines: list[str], questions: dict[str, str]) -> list[_Marker]:
    """Lines that repeat a question (quoted or not), whole, shortened or cut by wrapping."""
    markers = []
    asked = {number: _asked(question) for number, question in questions.items()}
    for i, line in enumerate(lines):
        content = line.lstrip("> ").strip()
        if len(content) < 12:
            continue
        match = MARKER_RE.match(content)
        candidate = match.group("rest").strip() if match and match.group("rest").strip() else content
        numbered = match.group("num") if match and match.group("num") in questions else None
        normalised = _normalise(candidate)
        best, score = None, 0.0
        for number, question in asked.items():
            similarity = max(_similarity(normalised, question), _prefix_similarity(normalised, question))
            if similarity > score:
                best, score = number, similarity
        if numbered and line.lstrip().startswith(">") and (
                (best == numbered and score >= 0.5) or _shares_words(candidate, questions[numbered])):
            markers.append(_Marker(i, numbered, "question", "", "question"))
        elif best and score >= 0.78:
            markers.append(_Marker(i, best, "question", "", "question"))
    return markers


def _prefix_similarity(line: str, question: str) -> float:
    """How well a partly quoted question matches the start of the question (both normalised)."""
    if len(line) < 20:
        return 0.0
    return _ratio(line, question[: len(line)])


def _table_answers(text: str, questions: dict[str, str]) -> dict[str, str]:
    """Answers in a CSV attachment: one row per question, its number (or text) in the first
    column and the answer in the last non-empty one."""
    import csv
    import io

    sample = text[:2000]
    if not any(sep in sample for sep in (",", ";", "\t")):
        return {}
    delimiter = max((",", ";", "\t"), key=sample.count)
    answers = {}
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:
        return {}
    for row in rows:
        cells = [cell.strip() for cell in row]
        if len(cells) < 2 or not cells[0]:
            continue
        key = re.sub(r"^(q|question|întrebarea|domanda|vraag|frage|pitanje|klausimas|kysymys)\s*",
                     "", cells[0], flags=re.IGNORECASE).rstrip(".):")
        if key not in questions:
            key = next((n for n, q in questions.items() if _question_similarity(cells[0], q) >= 0.78), "")
        answer = next((c for c in reversed(cells[1:]) if c), "")
        if key and answer and answer.lower() not in NO_ANSWER:
            answers[key] = _clean_answer(answer, questions[key])
    return answers


def _explicit_markers(markers: list[_Marker]) -> list[_Marker]:
    """Markers that name what they answer ("Ad 3)", "Q5:", "Frage 2") may come in any order."""
    by_style: dict[str, list[_Marker]] = defaultdict(list)
    for marker in markers:
        if not marker.style.startswith("|"):
            by_style[marker.style].append(marker)
    for group in sorted(by_style.values(), key=len, reverse=True):
        numbers = [m.number for m in group]
        if len(group) >= 2 and len(set(numbers)) == len(numbers) and numbers != sorted(numbers, key=int):
            return group
    return []


def _own_numbering(markers: list[_Marker], questions: dict[str, str], lines: list[str]) -> bool:
    """The person numbered their own headings ("1. Context" and a paragraph under it)."""
    ends = [m.line for m in markers[1:]] + [len(lines)]
    headings = [m for m, end in zip(markers, ends, strict=True)
                if m.rest and len(m.rest.split()) <= 6
                and not m.rest.rstrip().endswith((".", "?", "!", ":", ";", ","))
                and any(line.strip() for line in lines[m.line + 1:end])]
    return len(headings) == len(markers) >= 2 and not any(
        _shares_words(m.rest, questions[m.number]) for m in headings)


def _best_sequence(markers: list[_Marker]) -> list[_Marker]:
    """The longest run of markers whose numbers rise, preferring one consistent style, so that
    a numbered list inside an answer is not taken for the next answers.

    Scores are counted in twentieths, so that equal scores are equal. What a marker adds to a
    run depends on the run's last marker only through its score, number, place and style, so
    the best run to extend is looked up per (number) and (number, style): linear in the
    markers, however many a hostile mail holds.
    """
    if not markers:
        return []
    styles = Counter(marker.style for marker in markers)
    numbers = sorted({int(marker.number) for marker in markers})
    best: list[tuple[int, int]] = []  # (score, index of the previous marker in the run or -1)
    by_number: dict[int, tuple[int, int]] = {}  # number -> (best key, earliest index with it)
    by_style: dict[tuple[int, str], tuple[int, int]] = {}
    for i, marker in enumerate(markers):
        number, gain = int(marker.number), 20 + 2 * styles[marker.style]
        # A run that skips the first markers of the text must explain them away.
        choice = (gain + (10 if marker.number == "1" else 0) - 12 * i, -1)
        # Continuing from marker j adds gain - (number - its number - 1) - 4 × (i - j - 1),
        # + 6 for the same style: that is its key (score + number + 4 × j) + base.
        base = gain + 1 + 4 - number - 4 * i
        candidates = []
        for lower in numbers:
            if lower >= number:
                break
            if lower in by_number:
                key, j = by_number[lower]
                candidates.append((key + base, -j))
            if (lower, marker.style) in by_style:
                key, j = by_style[(lower, marker.style)]
                candidates.append((key + base + 6, -j))  # same style
        if candidates:
            total, j = max(candidates)  # the earliest of the best, as a scan in order finds
            if total > choice[0]:
                choice = (total, -j)
        best.append(choice)
        key = choice[0] + number + 4 * i
        for table, slot in ((by_number, number), (by_style, (number, marker.style))):
            if slot not in table or key > table[slot][0]:
                table[slot] = (key, i)
    end = max(range(len(markers)), key=lambda k: best[k][0])
    chosen = []
    while end != -1:
        chosen.append(markers[end])
        end = best[end][1]
    return list(reversed(chosen))


def _answers(full_text: str, own_text: str, questions: dict[str, str]) -> tuple[dict[str, str], str]:
    """Answers by number, and the person's own text when it was interleaved with quotes."""
    own_lines = own_text.split("\n")
    if OWN_STRUCTURE_RE.search(own_text):
        return {}, ""
    candidates = _numbered_markers(own_lines, questions)
    numbered = _explicit_markers(candidates) or _best_sequence(candidates)
    if numbered and _own_numbering(numbered, questions, own_lines):
        return {}, ""
    if len(numbered) >= 2 or (numbered and len(questions) == 1):
        return _cut(own_lines, numbered, questions), ""
    # Answers written under the quoted (or repeated) questions.
    lines = _interleaved_lines(full_text)
    by_question = _best_sequence(_question_markers(lines, questions))
    if by_question:
        answers = _cut(lines, by_question, questions, skip_quoted=True)
        if answers:
            own = "\n".join(line for line in lines if not line.lstrip().startswith(">"))
            return answers, own
    if len(numbered) == 1:
        return _cut(own_lines, numbered, questions), ""
    own_markers = _best_sequence(_question_markers(own_lines, questions))
    if own_markers:
        return _cut(own_lines, own_markers, questions), ""
    return {}, ""


def _interleaved_lines(text: str) -> list[str]:
    """The body up to the end of the person's text, keeping quoted questions between answers.

    Lines after the last unquoted text are the untouched original and are dropped; a
    quote header just before the first quoted line is dropped too.
    """
    lines = text.split("\n")
    start = _quote_start(lines)
    if start is not None and not any(line.lstrip().startswith(">") for line in lines[start:]):
        lines = lines[:start]  # Outlook style: the original is not marked with ">" at all
    last_own = max((i for i, line in enumerate(lines)
                    if line.strip() and not line.lstrip().startswith(">")
                    and not GMAIL_HEADER_RE.match(line)), default=-1)
    lines = lines[: last_own + 1]
    kept = [line for line in lines if not GMAIL_HEADER_RE.match(line)]
    return _strip_signature("\n".join(kept)).split("\n")


def _cut(lines: list[str], markers: list[_Marker], questions: dict[str, str], *,
         skip_quoted: bool = False) -> dict[str, str]:
    answers: dict[str, str] = {}
    for index, marker in enumerate(markers):
        end = markers[index + 1].line if index + 1 < len(markers) else len(lines)
        body = lines[marker.line + 1:end]
        if skip_quoted:
            body = [line for line in body if not line.lstrip().startswith(">")]
        first = _drop_question(marker.rest, questions[marker.number]) if marker.source == "number" else ""
        text = _clean_answer("\n".join([first, *body]) if first else "\n".join(body),
                             questions[marker.number])
        if text and _normalise(text) not in NO_ANSWER and text.strip().lower() not in NO_ANSWER:
            answers[marker.number] = text
    return answers


def _drop_question(rest: str, question: str) -> str:
    """Remove the question when the person repeated it after the number."""
    rest = rest.strip()
    if " | " in rest:  # a table row: number | question | answer
        cells = [cell.strip() for cell in rest.split(" | ")]
        answer_cells = [c for c in cells if _question_similarity(c, question) < 0.7]
        return " ".join(answer_cells).strip()
    if not rest:
        return ""
    words = rest.split()
    end = _question_words(words, _asked(question))
    if end:
        return " ".join(words[end:]).lstrip(" :-–—").strip()
    match = re.match(r"^(.{15,400}?\?)\s*(.*)$", rest, re.DOTALL)
    if match and _question_similarity(match.group(1), question) > 0.7:
        return match.group(2).strip()
    if rest.endswith("?") and len(rest) < 300 and _shares_words(rest, question):
        return ""  # a shortened restatement of the question; the answer follows below
    return rest


def _question_words(words: list[str], question: str) -> int:
    """How many leading words repeat the (normalised) question: the most whose normalised text
    is over 85 % like it, or 0.

    The normalised head of n words is its normalised words joined, so heads are measured
    without building them; a head 23/17 times as long as the question cannot be 85 % like it,
    so only the words up to there are read.
    """
    limit = 23 * len(question)
    kept: list[str] = []
    heads: list[tuple[int, int]] = []  # (length, words kept) of the head ending at each word
    length = 0
    for word in words:
        if 17 * length >= limit:
            break
        normalised = _normalise(word)
        if normalised:
            length += len(normalised) + (1 if kept else 0)
            kept.append(normalised)
        heads.append((length, len(kept)))
    compared = None
    for end in range(len(heads), 0, -1):
        length, count = heads[end - 1]
        if count != compared:  # heads that differ only by empty words read the same
            compared = count
            if length and 17 * length < limit and SequenceMatcher(
                    None, " ".join(kept[:count]), question).ratio() > 0.85:
                return end
        if length < 0.6 * len(question):
            return 0
    return 0


def _shares_words(text: str, question: str) -> bool:
    words = {w for w in _normalise(text).split() if len(w) > 3}
    asked = {w for w in _normalise(question).split() if len(w) > 3}
    return len(words & asked) >= max(1, len(words) // 3)


def _clean_answer(text: str, question: str) -> str:
    lines = [line.rstrip() for line in text.split("\n")]
    lines = lines[next((i for i, line in enumerate(lines) if line.strip()), len(lines)):]
    if lines and _question_similarity(lines[0], question) >= 0.78:
        lines = lines[1:]  # the question repeated on its own line
    if lines:
        lines[0] = ANSWER_WORD_RE.sub("", lines[0])
    text = "\n".join(lines).strip()
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def addresses(value: str) -> list[str]:
    return [address.lower() for _name, address in getaddresses([value]) if address]
