#!/usr/bin/env python3
"""Build round three of the e-mail reply corpus: forwards and answers that name questions in words.

Run it after the other two generators (``build_corpus.py`` deletes every ``NNN_*`` file and
rewrites README.md; ``build_round2.py`` deletes every file numbered 054 or higher):

    python3 build_corpus.py && python3 build_round2.py && python3 build_round3.py

It (re)writes, deterministically:

* ``invitations_round3.json``  the invitations of round three (inv-0200 onwards);
* ``NNN_<lang>_<category>-<client>-<what>.eml`` and ``.expected.json`` from 200 onwards;
* the "Round three" section of ``README.md`` (between its two marker comments);

and then re-reads every file it wrote to check it. The bodies are composed here from a small tree
of nodes (own text, quotes, attribution lines, forward headers, Outlook header blocks) that every
client family renders in its own way, as text and as HTML; only the invitation text, the header
tables in the clients' languages and a few MIME helpers come from the earlier generators.

All people, organisations, addresses and phone numbers are invented; every mail carries an
``X-Example: true`` header. Only the standard library is used.
"""

from __future__ import annotations

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
import build_corpus as bc  # noqa: E402  (invitation text, labs, MIME helpers)
import build_round2 as r2  # noqa: E402  (header tables in the clients' languages, client headers)

FIRST_NUMBER = 200
FIRST_INVITATION = 200
CATEGORIES = r2.CATEGORIES
CLIENTS = r2.CLIENTS

# ############################################################################################
# Invitations of round three
# ############################################################################################

INVITATIONS: list[bc.Invitation] = []


def invite(lang: str, name: str, email: str) -> bc.Invitation:
    inv = bc.Invitation(f"inv-{FIRST_INVITATION + len(INVITATIONS):04d}", lang, name, email.lower())
    INVITATIONS.append(inv)
    return inv


@dataclass
class Person:
    name: str
    email: str

    @property
    def domain(self) -> str:
        return self.email.split("@")[1]

    @property
    def full(self) -> str:
        return f"{self.name} <{self.email}>"


def lab_person(inv: bc.Invitation) -> Person:
    return Person(inv.lab.sender_name, inv.lab.mailbox)


def me(inv: bc.Invitation) -> Person:
    return Person(inv.name, inv.email)


def when(lang: str, day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2020, 11, day, hour, minute, second, tzinfo=bc.LABS[lang].tz)


# ############################################################################################
# A body is a list of nodes; each client family renders them as text and as HTML
# ############################################################################################
# ("t", text, style)         what the sender typed; style None, "#RRGGBB" (a colour, HTML only), "b"
# ("q", nodes)               a quote: "> " in text, a blockquote in HTML
# ("attr", line, nodes)      "On ... wrote:" and the quoted nodes
# ("fwd", head, nodes, fam)  a forwarded message: the client's forward header (lines) and the
#                            message under it; fam is the family that wrote the header
# ("oh", rows, nodes, sep)   Outlook's From/Sent/To/Subject block (sep: the "____" line above) and
#                            the message under it, not quoted


def T(text: str, style: str | None = None) -> tuple:
    return ("t", text, style)


def Q(*nodes) -> tuple:
    return ("q", list(nodes))


def ATTR(line: str, *nodes) -> tuple:
    return ("attr", line, list(nodes))


def FWD(head: str, *nodes, fam: str = "gmail") -> tuple:
    return ("fwd", head, list(nodes), fam)


def OH(rows: list[tuple[str, str]], *nodes, sep: bool = False) -> tuple:
    return ("oh", rows, list(nodes), sep)


def family(client: str) -> str:
    return r2.family(client)


def plain_lines(nodes: list, fam: str) -> list[str]:
    out: list[str] = []
    for node in nodes:
        kind = node[0]
        if kind == "t":
            out += node[1].split("\n")
        elif kind == "q":
            inner = plain_lines(node[1], fam)
            if fam == "outlook":  # Outlook's text part shows a blockquote without markers
                out += inner
            else:
                out += [("> " + x) if x and not x.startswith(">") else (">" + x if x else ">") for x in inner]
        elif kind == "attr":
            out.append(node[1])
            if fam != "thunderbird":
                out.append("")
            out += plain_lines([Q(*node[2])], fam)
        elif kind == "fwd":
            head = [*node[1].split("\n"), "", *plain_lines(node[2], fam)]
            if node[3] == "apple" and fam == "apple":  # Apple Mail quotes what it forwards
                out += plain_lines([Q(T("\n".join(head)))], fam)
            else:
                out += head
        elif kind == "oh":
            if node[3]:
                out.append("_" * 32)
            out += [f"{k}: {v}" for k, v in node[1]]
            out.append("")
            out += plain_lines(node[2], fam)
        else:
            raise ValueError(kind)
    return out


def render_plain(nodes: list, client: str) -> str:
    return "\n".join(plain_lines(nodes, family(client))).rstrip("\n") + "\n"


def esc(text: str, charset: str) -> str:
    if charset.lower() != "utf-8":  # what the charset cannot hold degrades as in the text part
        text = bc.fit(text, charset)
    return bc.html_chars(text, charset).replace("\xa0", "&nbsp;")


def link(e: str) -> str:
    return re.sub(r"(https://[^\s<]+)", r'<a href="\1">\1</a>', e)


def html_text(text: str, style: str | None, fam: str, charset: str) -> str:
    out = []
    for line in text.split("\n"):
        e = link(esc(line, charset))
        if style == "b" and line.strip():
            e = f"<b>{e}</b>"
        elif style and line.strip():
            e = f'<span style="color:{style}">{e}</span>'
        if fam == "outlook":
            out.append(
                f"<p class=MsoNormal>{e}<o:p></o:p></p>\n"
                if line.strip()
                else "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n"
            )
        elif fam == "thunderbird":
            out.append(f"{e}<br>\n")
        elif fam == "apple":
            out.append(f"<div>{e}</div>" if line.strip() else "<div><br></div>")
        else:
            out.append(f"<div>{e}</div>" if line.strip() else "<div><br></div>")
    return "".join(out)


BLOCKQUOTE = {
    "gmail": '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">',
    "outlook": '<blockquote style="border:none;border-left:solid #CCCCCC 1.0pt;padding:0cm 0cm 0cm 6.0pt;margin-left:4.8pt;margin-right:0cm">',
    "apple": '<blockquote type="cite">',
    "thunderbird": '<blockquote type="cite">',
    "yahoo": '<blockquote style="border-left: 1px solid rgb(16, 16, 255); margin-left: 5px; padding-left: 5px;">',
    "proton": '<blockquote class="protonmail_quote" type="cite">',
    "samsung": "<blockquote>",
}


def html_nodes(nodes: list, fam: str, charset: str) -> str:
    out = []
    for node in nodes:
        kind = node[0]
        if kind == "t":
            out.append(html_text(node[1], node[2], fam, charset))
        elif kind == "q":
            out.append(BLOCKQUOTE[fam] + html_nodes(node[1], fam, charset) + "</blockquote>\n")
        elif kind == "attr":
            head = esc(node[1], charset)
            inner = html_nodes(node[2], fam, charset)
            if fam == "gmail":
                out.append(
                    f'<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">{head}<br></div>'
                    f"{BLOCKQUOTE['gmail']}{inner}</blockquote></div>\n"
                )
            elif fam == "thunderbird":
                out.append(
                    f'<div class="moz-cite-prefix">{head}<br></div>\n<blockquote type="cite">\n{inner}</blockquote>\n'
                )
            elif fam == "apple":
                out.append(
                    f'<div><br><blockquote type="cite"><div>{head}</div><br class="Apple-interchange-newline">{inner}</blockquote></div>\n'
                )
            elif fam == "yahoo":
                out.append(
                    f'<div id="yahoo_quoted_{int(bc.hid(head, n=8), 16)}" class="yahoo_quoted"><div style="font-family:\'Helvetica Neue\', Helvetica, Arial, sans-serif;font-size:13px;color:#26282a;">'
                    f"<div>{head}</div><div><br></div><div><br></div>{BLOCKQUOTE['yahoo']}{inner}</blockquote></div></div>\n"
                )
            elif fam == "proton":
                out.append(
                    f'<div class="protonmail_quote">{head}<br>{BLOCKQUOTE["proton"]}{inner}</blockquote><br></div>\n'
                )
            else:
                out.append(f"<div>{head}</div>{BLOCKQUOTE.get(fam, '<blockquote>')}{inner}</blockquote>\n")
        elif kind == "fwd":
            out.append(fwd_html(node[1], node[2], node[3], fam, charset))
        elif kind == "oh":
            inner = "<br>\n".join(f"<b>{esc(k, charset)}:</b> {esc(v, charset)}" for k, v in node[1])
            body = html_nodes(node[2], fam, charset)
            if fam == "outlook":
                out.append(
                    "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n"
                    + (
                        '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\n'
                        if not node[3]
                        else '<div class=MsoNormal align=center style="text-align:center"><hr size=2 width="98%" align=center></div>\n<div>\n'
                    )
                    + f"<p class=MsoNormal>{inner}<o:p></o:p></p>\n</div>\n"
                    + "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n"
                    + body
                )
            else:
                out.append(
                    '<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr">'
                    f'<font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">{inner}</font><div>&nbsp;</div></div>\n'
                    + body
                )
    return "".join(out)


def fwd_html(head: str, nodes: list, head_fam: str, fam: str, charset: str) -> str:
    lines = head.strip("\n").split("\n")
    body = html_nodes(nodes, fam, charset)
    if fam == "gmail":
        rows = []
        for line in lines:
            m = re.match(r"([^:]+): (.*?) <([^>]+)>$", line)
            if m and line != lines[0]:
                rows.append(
                    f'{esc(m.group(1), charset)}: <strong class="gmail_sendername" dir="auto">{esc(m.group(2), charset)}</strong> '
                    f'<span dir="auto">&lt;<a href="mailto:{m.group(3)}">{m.group(3)}</a>&gt;</span>'
                )
            else:
                rows.append(esc(line, charset))
        return f'<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">{"<br>".join(rows)}<br></div><br><br>{body}</div>\n'
    if fam == "apple":
        first, rest = lines[0], [x for x in lines[1:] if x.strip()]
        rows = "".join(
            '<div style="margin-top: 0px; margin-right: 0px; margin-bottom: 0px; margin-left: 0px;">'
            f'<span style="font-family: -webkit-system-font, Helvetica Neue, Helvetica, sans-serif; color:rgba(0, 0, 0, 1.0);"><b>{esc(x.split(": ", 1)[0], charset)}: </b></span>'
            f'<span style="font-family: -webkit-system-font, Helvetica Neue, Helvetica, sans-serif;">{esc(x.split(": ", 1)[1], charset)}<br></span></div>'
            for x in rest
        )
        return (
            f'<div><br><blockquote type="cite"><div>{esc(first, charset)}</div><br class="Apple-interchange-newline">'
            f"{rows}<br>{body}</blockquote></div>\n"
        )
    if fam == "thunderbird":
        rows = [x for x in lines if x.strip()]
        table = "".join(
            f'<tr><th valign="BASELINE" nowrap="nowrap" align="RIGHT">{esc(x.split(":", 1)[0], charset)}: </th>'
            f"<td>{esc(x.split(':', 1)[1].strip(), charset)}</td></tr>"
            for x in rows[1:]
        )
        return (
            f'<div class="moz-forward-container"><br><br>{esc(rows[0], charset)}\n'
            f'<table class="moz-email-headers-table" cellspacing="0" cellpadding="0" border="0"><tbody>{table}</tbody></table>\n<br>\n{body}</div>\n'
        )
    if fam == "outlook":
        return html_text(head.strip("\n"), None, fam, charset) + body
    inner = "<br>".join(esc(x, charset) for x in lines)
    if fam == "yahoo":
        return f'<div class="yahoo_quoted"><div>{inner}</div><div><br></div>{body}</div>\n'
    if fam == "proton":
        return f'<div class="protonmail_quote">{inner}<br>{BLOCKQUOTE["proton"]}{body}</blockquote></div>\n'
    return f'<div dir="auto"><br></div><div align="left" dir="auto" style="font-size:100%;color:#000000">{inner}</div><div>{body}</div>\n'


def render_html(nodes: list, client: str, charset: str) -> str:
    fam = family(client)
    body = html_nodes(nodes, fam, charset)
    if fam == "outlook" and client != "outlook_web":
        lang_attr = "EN-US"
        return (
            bc.OUTLOOK_HEAD.format(charset=charset, bodylang=lang_attr) + body + "</div>\n</body>\n</html>\n"
        )
    if fam == "outlook":
        return (
            f'<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
            '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\n</head>\n'
            f'<body dir="ltr">\n<div style="font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">\n{body}</div>\n</body>\n</html>\n'
        )
    if fam == "gmail":
        return f'<div dir="ltr">{body}</div>\n'
    if fam == "apple":
        return (
            f'<html><head><meta http-equiv="content-type" content="text/html; charset={charset}"></head>'
            f'<body style="word-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;" dir="auto">{body}</body></html>\n'
        )
    if fam == "thunderbird":
        return (
            f'<html>\n  <head>\n    <meta http-equiv="Content-Type" content="text/html; charset={charset}">\n  </head>\n'
            f"  <body>\n    <p>\n{body}    </p>\n  </body>\n</html>\n"
        )
    if fam == "yahoo":
        return f'<html><head></head><body><div class="ydp-body" style="font-family:Helvetica Neue, Helvetica, Arial, sans-serif;font-size:13px;">{body}</div></body></html>\n'
    return f"<html><head></head><body>{body}</body></html>\n"


# ############################################################################################
# Pieces: the invitation as nodes, forward headers, reply attributions
# ############################################################################################


def invitation_text(
    inv: bc.Invitation,
    *,
    drop_link: bool = False,
    greeting_name: str | None = None,
) -> str:
    text = inv.text()
    if drop_link:
        text = "\n".join(x for x in text.split("\n") if "/labs/answer/" not in x)
    if greeting_name:
        text = text.replace(inv.name, greeting_name, 1)
    return text


def invitation_with_answers(
    inv: bc.Invitation,
    answers: dict[str, str],
    *,
    prefix: str = "",
    style: str | None = None,
    drop_link: bool = False,
    blank_after: bool = True,
) -> list:
    """The invitation as nodes with the answers typed under their questions."""
    nodes: list = []
    buf: list[str] = []
    for line in invitation_text(inv, drop_link=drop_link).split("\n"):
        buf.append(line)
        m = re.match(r"(\d)\. ", line)
        if m and m.group(1) in answers:
            nodes.append(T("\n".join(buf)))
            nodes.append(T(prefix + answers[m.group(1)], style))
            buf = [""] if blank_after else []
    nodes.append(T("\n".join(buf)))
    return nodes


def fwd_head(
    client: str, ui: str, frm: Person, to: Person, subject: str, dt: datetime, cc: str | None = None
) -> str:
    """The forward header block `client` writes (its own words, the client's language)."""
    fam = family(client)
    if fam == "gmail":
        sep, f, _ = r2.GMAIL_FWD[ui]
        return f"{sep}\n{f}: {frm.full}\nDate: {r2.dfmt(r2.GMAIL_FWD_DATE[ui], dt, ui)}\nSubject: {subject}\nTo: {to.full}"
    if fam == "apple":
        sep, f, s, d, t, dt_t = r2.APPLE_FWD[ui]
        return f"{sep}\n\n{f}: {frm.full}\n{s}: {subject}\n{d}: {r2.dfmt(dt_t, dt, ui, tz=r2.TZ_NAME[ui])}\n{t}: {to.full}"
    if fam == "thunderbird":
        sep, s, d, f, t = r2.TB_FWD[ui]
        return f"\n{sep}\n{s}: \t{subject}\n{d}: \t{format_datetime(dt)}\n{f}: \t{frm.full}\n{t}: \t{to.full}"
    if fam == "yahoo":
        return (
            f"----- Forwarded Message -----\nFrom: {frm.full}\nTo: {to.full}\n"
            f"Sent: {r2.dfmt('{WD}, {d} {mon} 2020, {hms} {tz}', dt, 'en', tz=r2.TZ_NAME['en'])}\nSubject: {subject}"
        )
    if fam == "proton":
        return (
            "\u2010" * 7 + " Forwarded Message " + "\u2010" * 7 + "\n"
            f"From: {frm.name} <{frm.email}>\nDate: {r2.dfmt('On {WD}, {mon} {d}, 2020 {h12}:{mm} {ampm}', dt, 'en')}\n"
            f"Subject: {subject}\nTo: {to.full}"
        )
    if fam == "samsung":
        return r2.samsung_header(ui, frm.full, to.full, subject, dt)
    raise ValueError(client)


def outlook_rows(
    client: str, ui: str, frm: Person, to: Person | str, subject: str, dt: datetime, cc: str | None = None
):
    return r2.outlook_header(client, ui, frm.full, to.full if isinstance(to, Person) else to, subject, dt, cc)


def attr_line(client: str, ui: str, who: Person, dt: datetime) -> str:
    return r2.attribution(client, ui, who.name, who.email, dt)


def quoted_invitation(client: str, ui: str, inv: bc.Invitation, text: str | None = None) -> list:
    """What `client` puts under a reply to the invitation."""
    fam = family(client)
    text = text or inv.text()
    lab = lab_person(inv)
    if fam == "outlook":
        rows = outlook_rows(client, ui, lab, me(inv), inv.subject, inv.sent)
        return [T(""), OH(rows, T(text), sep=client != "outlook_windows")]
    if fam == "samsung":
        return [
            T(""),
            FWD(r2.samsung_header(ui, lab.full, me(inv).full, inv.subject, inv.sent), T(text), fam="samsung"),
        ]
    return [T(""), ATTR(attr_line(client, ui, lab, inv.sent), T(text))]


def fwd_prefix(client: str, ui: str) -> str:
    return r2.OUTLOOK_FWD_PREFIX[ui] if family(client) == "outlook" else "Fwd: "


def re_prefix(client: str, ui: str) -> str:
    return r2.OUTLOOK_RE_PREFIX[ui] if family(client) == "outlook" else "Re: "


def footer(client: str, ui: str) -> str:
    return r2.PHONE_FOOTER.get(client, {}).get(ui, "")


# ############################################################################################
# Messages
# ############################################################################################


@dataclass
class Case:
    lang: str
    category: str
    client: str
    what: str
    msg: EmailMessage
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


CASES: list[Case] = []


def mail(
    client: str,
    key: str,
    *,
    inv: bc.Invitation,
    sender: Person,
    subject: str,
    date: datetime,
    nodes: list,
    mode: str = "alt",
    charset: str = "utf-8",
    cte: str = "quoted-printable",
    irt: str | None = None,
    refs: str | None = None,
    to: str | None = None,
    cc: str | None = None,
    attachments: list[tuple[str, str, str, str]] = (),
    extra: list[tuple[str, str]] | None = None,
) -> EmailMessage:
    """One mail as `client` writes it. mode: "plain", "alt" (text + HTML) or "html"."""
    lab = inv.lab
    legacy = charset.lower() != "utf-8"
    hdr_cs = "UTF-8"
    m = bc.new_msg(
        key=key,
        from_=bc.mailbox(sender.name, sender.email, hdr_cs),
        to=to or bc.mailbox(lab.sender_name, lab.mailbox, hdr_cs),
        subject=bc.subject_value(subject),
        date=date,
        msgid=r2.client_mid(client, key, sender.domain),
        irt=irt,
        refs=refs,
        client_ip=int(bc.hid(key, "ip", n=2), 16) % 200 + 20,
        extra=r2.client_headers(client, key, inv.lang, subject) + (extra or []),
        cc=cc,
    )
    text = render_plain(nodes, client)
    page = render_html(nodes, client, charset)
    if legacy:
        text, page = bc.fit(text, charset), bc.fit(page, charset)
    if mode in ("plain", "alt"):
        m.set_content(text, charset=charset, cte=cte)
    if mode == "alt":
        m.add_alternative(page, subtype="html", charset=charset, cte=cte)
    elif mode == "html":
        m.set_content(page, subtype="html", charset=charset, cte=cte)
    for name, ctype, content, acs in attachments:
        if not m.is_multipart() or m.get_content_type() == "multipart/alternative":
            m.make_mixed()
        maintype, subtype = ctype.split("/")
        m.add_attachment(
            content.encode(acs), maintype=maintype, subtype=subtype, filename=name, params={"charset": acs}
        )
    bc.set_boundaries(m, key, r2.BOUNDARY.get(family(client), "generic"))
    return m


def add(c: Case) -> None:
    assert c.category in CATEGORIES and c.client in CLIENTS, (c.category, c.client)
    c.language = c.language or c.lang
    if c.is_answer and len(c.answers) < 7 and "partial" not in c.flags:
        c.flags.append("partial")
    if c.language != c.lang and "different_language" not in c.flags:
        c.flags.append("different_language")
    if c.msg.get_content_type() == "text/html" and "html_only" not in c.flags:
        c.flags.insert(0, "html_only")
    CASES.append(c)


def case(
    lang: str,
    category: str,
    client: str,
    what: str,
    m: EmailMessage,
    inv: bc.Invitation,
    answers: dict[str, str],
    notes: str,
    *,
    charset: str = "utf-8",
    **kw,
) -> None:
    """Register a case; the expected answers follow the message's charset, as its text does."""
    if charset.lower() != "utf-8":
        answers = {k: bc.fit(v, charset) for k, v in answers.items()}
    sender = parseaddr(str(m["From"]))[1]
    ids = f"{m.get('In-Reply-To', '')} {m.get('References', '')}"
    body = "\n".join(str(p.get_content()) for p in m.walk() if p.get_content_maintype() == "text")
    add(
        Case(
            lang,
            category,
            client,
            what,
            m,
            sender,
            dict(answers),
            notes,
            inv,
            invitation_mid=inv.message_id if inv.message_id in ids else None,
            token=inv.token if inv.token in body else None,
            **kw,
        )
    )


# ############################################################################################
# Shapes of forwards used in several languages
# ############################################################################################


def forward_of_colleague_reply(
    client: str,
    inner_client: str,
    key: str,
    inv: bc.Invitation,
    col: Person,
    *,
    note: str,
    fwd_note: str,
    reply_nodes: list,
    dates: tuple[datetime, datetime, datetime],
    threaded: bool = False,
    **kw,
) -> EmailMessage:
    """Variant (a): the invitee forwarded the invitation to a colleague, the colleague replied (the
    `reply_nodes`, built around the quoted forward), and the invitee forwards that reply to the lab.
    `reply_nodes` is a function of the quoted forward's nodes."""
    ui = inv.lang
    d_fwd, d_col, d_out = dates
    lab = lab_person(inv)
    inner_fwd = [
        T(fwd_note),
        T(""),
        *forward_nodes(inner_client, ui, lab, me(inv), inv.subject, inv.sent, [T(invitation_text(inv))]),
    ]
    col_subject = re_prefix(inner_client, ui) + fwd_prefix(inner_client, ui) + inv.subject
    body = reply_nodes(inner_fwd, d_fwd)
    nodes = [T(note), T(""), *forward_nodes(client, ui, col, me(inv), col_subject, d_col, body)]
    irt = refs = None
    if threaded:
        m_f, m_r = (
            r2.client_mid(inner_client, key + "f", inv.email.split("@")[1]),
            r2.client_mid(inner_client, key + "r", col.domain),
        )
        irt, refs = m_r, f"{inv.message_id} {m_f} {m_r}"
    return mail(
        client,
        key,
        inv=inv,
        sender=me(inv),
        subject=fwd_prefix(client, ui) + col_subject,
        date=d_out,
        nodes=nodes,
        irt=irt,
        refs=refs,
        **kw,
    )


def forward_nodes(
    client: str, ui: str, frm: Person, to: Person, subject: str, dt: datetime, body: list
) -> list:
    """A forwarded message as `client` shows it: its header block and the message, not quoted."""
    fam = family(client)
    if fam == "outlook":
        return [OH(outlook_rows(client, ui, frm, to, subject, dt), *body, sep=client != "outlook_windows")]
    return [FWD(fwd_head(client, ui, frm, to, subject, dt), *body, fam=fam)]


def reply_nodes_above(client: str, ui: str, who: Person, text: str) -> callable:
    """The colleague's reply with the answers on top of what he quotes."""

    def build(inner: list, d_fwd: datetime) -> list:
        if family(client) == "outlook":
            rows = outlook_rows(client, ui, who, "", "", d_fwd)
            return [T(text), T(""), OH(rows, *inner)]
        return [T(text), T(""), ATTR(attr_line(client, ui, who, d_fwd), *inner)]

    return build


# ############################################################################################
# Romanian questionnaire (Timișoara 2021)
# ############################################################################################


def ro_cases() -> None:
    lab = "ro"
    # --- forwarded: the colleague bottom-posted under the invitee's forward; Gmail keeps the thread
    inv = invite(lab, "Elena Dumitrescu", "elena.dumitrescu@atelier-tesatura.example.ro")
    col = Person("Radu Nistor", "radu.nistor@atelier-tesatura.example.ro")
    A = {
        "1": "Cel mai bine prin exemple concrete: câte comenzi a primit o firmă mică din Timișoara datorită programului. Oamenii nu citesc documente de strategie.",
        "2": "Grupurile de Facebook ale antreprenorilor din Banat, Camera de Comerț și, sincer, din vorbă în vorbă.",
        "3": "Puțin. Eu am auzit de Timișoara 2021 doar ca de un festival.",
        "4": "- comenzi de costume și decoruri pentru spectacole\n- ateliere deschise pentru vizitatori\n- produse cu marca Timișoara 2021 (genți, eșarfe)",
    }

    def radu(inner: list, d_fwd: datetime) -> list:
        return [
            ATTR(attr_line("gmail_web", lab, me(inv), d_fwd), *inner),
            T(""),
            T(r2.numbered(A, "{n}. ") + "\n\nRadu"),
        ]

    m = forward_of_colleague_reply(
        "gmail_web",
        "gmail_web",
        "r3ro01",
        inv,
        col,
        note="Bună ziua,\n\ncolegul meu Radu a răspuns la întrebările 1-4, pe celelalte le completez eu mai târziu.\n\nO zi bună,\nElena Dumitrescu\nAtelier Țesătura (example)",
        fwd_note="Radu, te uiți tu peste astea? Scrie direct dedesubt.",
        reply_nodes=radu,
        dates=(when(lab, 3, 11, 40), when(lab, 4, 9, 5), when(lab, 4, 12, 30)),
        threaded=True,
    )
    case(
        lab,
        "forwarded",
        "gmail_web",
        "colleague-bottom-posted-note-names-1-4",
        m,
        inv,
        A,
        "Variant (a): the colleague answered UNDER the quoted forward ('1.'..'4.' after the whole quote, then 'Radu'); the invitee's note "
        "'a răspuns la întrebările 1-4, pe celelalte le completez eu mai târziu' names questions but answers nothing; Gmail keeps the thread "
        "(References name the invitation); answer 4 is a dash list.",
    )

    # --- forwarded: the colleague typed "R:" under each question of the forwarded invitation and deleted the link
    inv = invite(lab, "Cristian Popa", "cristian.popa@popa-instalatii.example.ro")
    col = Person("Ioana Stanciu", "ioana.stanciu@popa-instalatii.example.ro")
    A = {
        "1": "Prin firmele care au lucrat deja cu Primăria, ele sunt cele mai credibile.",
        "2": "Emailuri de la Camera de Comerț Timiș, emisiunile de la radio local.",
        "3": "Nu prea. Pentru noi Capitala Culturală înseamnă trafic și șantiere.",
        "5": "Întâlniri pe cartiere, nu doar în centru.",
        "6": "Un număr de telefon unde răspunde cineva care știe.",
        "7": "Să fie plătite la timp. Firmele mici nu-și permit să aștepte banii 6 luni.",
    }
    ans_nodes = invitation_with_answers(inv, {**A, "4": "-"}, prefix="R: ", drop_link=True)
    inner = [
        T("Ioana, te rog să completezi tu chestionarul ăsta, eu nu am timp. Mulțumesc!\n\nCristian"),
        T(""),
        OH(outlook_rows("outlook_windows", lab, lab_person(inv), me(inv), inv.subject, inv.sent), *ans_nodes),
    ]
    nodes = [
        T(
            "Bună ziua,\n\nvă trimit răspunsurile noastre, sunt scrise cu R: sub fiecare întrebare.\n\nCu stimă,\nIoana Stanciu\nContabil șef\nPopa Instalații SRL\nTel. 0256 000 418"
        ),
        T(""),
        OH(
            outlook_rows("outlook_windows", lab, me(inv), col, "FW: " + inv.subject, when(lab, 3, 14, 2)),
            *inner,
        ),
    ]
    m = mail(
        "outlook_windows",
        "r3ro02",
        inv=inv,
        sender=col,
        subject="FW: FW: " + inv.subject,
        date=when(lab, 5, 10, 48),
        nodes=nodes,
        charset="windows-1250",
    )
    case(
        lab,
        "forwarded",
        "outlook_windows",
        "fw-fw-r-under-questions-link-deleted",
        m,
        inv,
        A,
        "Variant (b): the colleague answered with 'R: ' under each question of the twice-forwarded invitation (Outlook, original not quoted); "
        "'R: -' under question 4 is no answer; she deleted the personal link and Outlook started a new thread: the mail names the invitation "
        "only through the invitee's address in the inner 'De la:' line; windows-1250 QP (cedilla ş/ţ).",
        charset="windows-1250",
    )

    # --- forwarded: invitee -> colleague -> back to the invitee -> lab, three Thunderbird forward headers
    inv = invite(lab, "Andrei Vasilescu", "andrei.vasilescu@vasilescu-design.example.ro")
    col = Person("Mihaela Toma", "mihaela.toma@vasilescu-design.example.ro")
    A = {
        "1": "Mesaje scurte, cu un beneficiu clar pentru firmă. Nu «participați la cultură», ci «vindeți în 2021».",
        "2": "Instagram, LinkedIn și newsletterul ADETIM.",
        "3": "Designerii da, ceilalți mai puțin.",
        "4": "Identitate vizuală pentru evenimentele din cartiere, făcută de studiouri locale, nu de agenții din București.",
        "5": "Un sondaj anual și discuții cu asociațiile profesionale.",
        "7": "Concursuri de proiecte cu premii mici, dar multe.",
    }
    lab_p, inv_p = lab_person(inv), me(inv)
    level1 = FWD(
        fwd_head("thunderbird", lab, lab_p, inv_p, inv.subject, inv.sent), T(inv.text()), fam="thunderbird"
    )
    level2 = FWD(
        fwd_head("thunderbird", lab, inv_p, col, "Fwd: " + inv.subject, when(lab, 3, 10, 31)),
        T("Mihaela, poți răspunde tu? Tu știi mai bine partea de design."),
        T(""),
        level1,
        fam="thunderbird",
    )
    level3 = FWD(
        fwd_head("thunderbird", lab, col, inv_p, "Fwd: Fwd: " + inv.subject, when(lab, 4, 17, 12)),
        T(
            "Andrei,\n\nam scris răspunsurile aici, trimite-le tu mai departe:\n\n"
            + r2.numbered(A, "{n}) ")
            + "\n\nLa 6 nu am idee.\n\nM."
        ),
        T(""),
        level2,
        fam="thunderbird",
    )
    nodes = [
        T(
            "Bună ziua,\n\nvă trimit mai jos răspunsurile colegei mele Mihaela Toma.\n\nAndrei Vasilescu\nVasilescu Design (example)"
        ),
        T(""),
        level3,
    ]
    m = mail(
        "thunderbird",
        "r3ro03",
        inv=inv,
        sender=inv_p,
        subject="Fwd: Fwd: Fwd: " + inv.subject,
        date=when(lab, 5, 8, 55),
        nodes=nodes,
    )
    case(
        lab,
        "forwarded",
        "thunderbird",
        "three-forward-headers-there-and-back",
        m,
        inv,
        A,
        "Nested forwards invitee -> colleague -> invitee -> lab: three Thunderbird '-------- Mesaj redirecționat --------' tables (Subiect/Dată/De la/Către); "
        "the answers ('1)'..'7)', 6 missing) sit ABOVE the middle forward, written by the colleague; 'La 6 nu am idee.' is a remark, not an answer; "
        "no In-Reply-To: found by the link.",
    )

    # --- forwarded: a colleague on the phone forwards the invitation with the answers above it (Samsung)
    inv = invite(lab, "Gabriela Iordache", "gabriela.iordache@cafeneaua-veche.example.ro")
    col = Person("Vlad Munteanu", "vlad.munteanu@cafeneaua-veche.example.ro")
    A = {
        "1": "sa vina cineva sa vorbeasca cu noi, nu mailuri",
        "2": "whatsapp si facebook",
        "3": "nu",
        "7": "reduceri la taxa de terasa in 2021 pt cei care fac evenimente",
    }
    nodes = [
        T(
            "buna ziua, raspund eu in locul Gabrielei, e in concediu\n\n"
            + r2.numbered(A, "{n}. ", sep="\n")
            + "\n\nvlad\n\n"
            + footer("samsung_email", lab)
        ),
        T(""),
        FWD(
            r2.samsung_header(lab, lab_person(inv).full, me(inv).full, inv.subject, inv.sent),
            T(invitation_text(inv)),
            fam="samsung",
        ),
    ]
    m = mail(
        "samsung_email",
        "r3ro04",
        inv=inv,
        sender=col,
        subject="Fwd: " + inv.subject,
        date=when(lab, 6, 19, 3),
        nodes=nodes,
    )
    case(
        lab,
        "forwarded",
        "samsung_email",
        "phone-colleague-answers-above-forward",
        m,
        inv,
        A,
        "Variant (b) on a phone: a colleague (not the invitee) forwards the invitation with four lowercase answers without diacritics on "
        "consecutive lines above Samsung's '-------- Mesaj original --------' block; the mail footer follows the sign-off; found by the link.",
    )

    # --- ordinal prose: mid-paragraph after the greeting, "a doua", "cât despre a cincea", "ultima"
    inv = invite(lab, "Prof. Sorina Lazăr", "sorina.lazar@uvt-cercetare.example.ro")
    A = {
        "1": "cred că mesajul trebuie formulat în termeni economici: clienți, vizibilitate, contracte.",
        "2": "rețelele existente (clustere, asociații, incubatoare) sunt mai eficiente decât campaniile noi.",
        "5": "o cartografiere anuală a industriilor creative, cu date de la Registrul Comerțului și un chestionar scurt, ar oferi o bază de comparație pentru anii de moștenire.",
        "7": "recunoașterea publică (un logo, o mențiune în program) contează pentru firmele mici aproape la fel de mult ca banii.",
    }
    top = (
        "Stimată echipă, referitor la prima întrebare, " + A["1"] + "\n\n"
        "În ceea ce privește a doua întrebare: " + A["2"] + "\n\n"
        "Cât despre întrebarea a cincea, " + A["5"] + "\n\n"
        "În fine, la ultima întrebare: " + A["7"] + "\n\n"
        "Cu stimă,\nSorina Lazăr\nUniversitatea de Vest din Timișoara (example)"
    )
    nodes = [T(top), *quoted_invitation("outlook_web", lab, inv)]
    m = mail(
        "outlook_web",
        "r3ro05",
        inv=inv,
        sender=me(inv),
        subject="RE: " + inv.subject,
        date=when(lab, 4, 15, 20),
        nodes=nodes,
        irt=inv.message_id,
        refs=inv.message_id,
    )
    case(
        lab,
        "ordinal_prose",
        "outlook_web",
        "greeting-then-prima-a-doua-a-cincea-ultima",
        m,
        inv,
        A,
        "Prose: the first reference sits in the greeting's paragraph ('Stimată echipă, referitor la prima întrebare, cred că...'), then "
        "'În ceea ce privește a doua întrebare:', 'Cât despre întrebarea a cincea,', 'În fine, la ultima întrebare:' (= 7); Outlook on the web.",
    )

    # --- ordinal prose: several answers in one paragraph, "numărul șase", "ultima"
    inv = invite(lab, "Dan Crăciun", "dan.craciun@craciun-foto.example.ro")
    A = {
        "2": "Facebook și radioul local.",
        "3": "nu prea, cei mai mulți știu doar că „e ceva cu cultura”.",
        "6": "un singur site cu toate apelurile, cu termene clare și fără PDF-uri de 40 de pagini.",
        "7": "bani puțini, dar repede, și mai puțină hârtie.",
    }
    top = (
        "Bună ziua,\n\n"
        "Răspund pe scurt. La a doua întrebare: " + A["2"] + " La a treia: " + A["3"] + "\n\n"
        "În privința întrebării numărul șase, " + A["6"] + "\n\n"
        "Iar la ultima, " + A["7"] + "\n\n"
        "Dan Crăciun\nFotograf (example)"
    )
    nodes = [T(top), *quoted_invitation("yahoo", lab, inv)]
    m = mail(
        "yahoo",
        "r3ro06",
        inv=inv,
        sender=me(inv),
        subject="Re: " + inv.subject,
        date=when(lab, 7, 21, 44),
        nodes=nodes,
        irt=inv.message_id,
        refs=inv.message_id,
    )
    case(
        lab,
        "ordinal_prose",
        "yahoo",
        "two-answers-one-paragraph-numarul-sase",
        m,
        inv,
        A,
        "Prose with two answers in ONE paragraph ('La a doua întrebare: ... La a treia: ...': each answer ends where the next reference "
        "starts), 'În privința întrebării numărul șase,' (cardinal), 'Iar la ultima,' (= 7, no noun); Yahoo attribution in Romanian.",
    )


def interleave(
    quoted: str, answers: dict[str, str], *, marker: str = "> ", blank: bool = True, prefix: str = ""
) -> str:
    """Answers typed under the '> N.' lines of a plain-text quote."""
    out = []
    for line in quoted.split("\n"):
        out.append(line)
        m = re.match(re.escape(marker.strip()) + r"\s*(\d)\. ", line)
        if m and m.group(1) in answers:
            out += ["", prefix + answers[m.group(1)], ""] if blank else [prefix + answers[m.group(1)]]
    return "\n".join(out)


# ############################################################################################
# English questionnaire (Timișoara, international stakeholders)
# ############################################################################################


def en_cases() -> None:
    lab = "en"
    # --- forwarded: Outlook forward of a colleague's plain-text reply written between '>' questions
    inv = invite(lab, "Laura Bennett", "laura.bennett@bennett-okafor-print.example.co.uk")
    col = Person("Sam Okafor", "sam.okafor@bennett-okafor-print.example.co.uk")
    A = {
        "1": 'Honestly, by talking about customers rather than culture. Most owners I know switch off at the word "programme".',
        "2": "Local radio, the Chamber newsletter, and the business park's WhatsApp group. Not Twitter.",
        "3": "Some of the bigger ones are. The small ones mostly think it's a festival for artists.",
        "4": "Supplier days, where the ECoC team presents what it will need to buy in 2021, and a simple registration for local suppliers.",
    }
    laura_fwd = [
        T("Sam - could you have a go at these? No rush, end of month."),
        T(""),
        OH(
            outlook_rows("outlook_windows", lab, lab_person(inv), me(inv), inv.subject, inv.sent),
            T(inv.text()),
        ),
    ]
    quoted = "\n".join(plain_lines([Q(*laura_fwd)], "thunderbird"))
    sam_text = (
        "Laura,\n\nmy answers inline. I left 5-7 for you, they're more your area.\n\nSam\n\n"
        + "On 03/11/2020 11:02, Laura Bennett wrote:\n"
        + interleave(quoted, A)
    )
    nodes = [
        T(
            "Hello,\n\nforwarding Sam's answers below - he did 1-4; I'll send 5-7 once I've had a chance to think about them.\n\n"
            "Kind regards,\nLaura Bennett\nOperations Manager, Bennett & Okafor Print Ltd (example)"
        ),
        T(""),
        OH(
            outlook_rows(
                "outlook_windows", lab, col, me(inv), "RE: FW: " + inv.subject, when(lab, 4, 16, 40)
            ),
            T(sam_text),
        ),
    ]
    m = mail(
        "outlook_windows",
        "r3en01",
        inv=inv,
        sender=me(inv),
        subject="FW: RE: FW: " + inv.subject,
        date=when(lab, 5, 9, 12),
        nodes=nodes,
    )
    case(
        lab,
        "forwarded",
        "outlook_windows",
        "fw-colleague-interleaved-plain-reply",
        m,
        inv,
        A,
        "Variant (a), Outlook: the invitee forwards (original not quoted) a colleague's plain-text reply in which he typed answers between the "
        "'> 1.'..'> 4.' quoted questions ('>' kept as literal text, so the HTML part has '&gt; ' paragraphs); '> 5.'..'> 7.' are quoted with "
        "nothing under them; both notes name questions ('he did 1-4', 'I left 5-7 for you') and are not answers; no In-Reply-To: found by the link.",
    )

    # --- forwarded: the colleague typed CAPS answers inside Apple Mail's forwarded invitation
    inv = invite(lab, "Grace Lin", "grace.lin@lin-teahouse.example.co.uk")
    col = Person("Tom Hughes", "tom.hughes@lin-teahouse.example.co.uk")
    A = {
        "1": "TELL THEM WHAT THEY CAN SELL. NOBODY READS MISSION STATEMENTS.",
        "2": "LINKEDIN, LOCAL PAPERS, THE CHAMBER.",
        "3": "NO.",
        "5": "ASK THE TRADE ASSOCIATIONS, THEY ALREADY HAVE THE DATA.",
        "6": "ONE WEBSITE, ONE CONTACT PERSON, ANSWERS WITHIN A WEEK.",
    }
    inner = FWD(
        fwd_head("apple_mail", lab, lab_person(inv), me(inv), inv.subject, inv.sent),
        *invitation_with_answers(inv, A, blank_after=True),
        fam="apple",
    )
    outer = FWD(
        fwd_head("apple_mail", lab, me(inv), col, "Fwd: " + inv.subject, when(lab, 3, 12, 20)),
        T("Tom, can you deal with this one? x G"),
        T(""),
        inner,
        fam="apple",
    )
    nodes = [
        T(
            "Hello,\n\nplease find our answers in capitals under your questions.\n\nTom Hughes\nLin's Teahouse (example)"
        ),
        T(""),
        outer,
    ]
    m = mail(
        "apple_mail",
        "r3en02",
        inv=inv,
        sender=col,
        subject="Fwd: Fwd: " + inv.subject,
        date=when(lab, 4, 18, 7),
        nodes=nodes,
    )
    case(
        lab,
        "forwarded",
        "apple_mail",
        "caps-answers-inside-nested-apple-forward",
        m,
        inv,
        A,
        "Variant (b), Apple Mail: 'Begin forwarded message:' twice, the inner forward two quote levels deep ('>> ' in the text part, nested "
        "<blockquote type=cite> in HTML); the colleague typed CAPS answers under questions 1, 2, 3, 5, 6 inside the quote; From is the colleague.",
    )

    # --- forwarded: the colleague forwards the invitation on with the answers in a .txt attachment; threaded
    inv = invite(lab, "Owen Price", "owen.price@karim-price-consulting.example.co.uk")
    col = Person("Nadia Karim", "nadia.karim@karim-price-consulting.example.co.uk")
    A = {
        "1": "Through the intermediaries SMEs already trust: accountants, banks, the Chamber.",
        "2": "- accountants' newsletters\n- LinkedIn\n- a stand at the autumn business fair",
        "3": "Partly. They know the name, not the opportunities.",
        "4": "Procurement set-asides for local micro-enterprises, and co-branded products.",
        "6": "Translate the calls into plain English (and Romanian) and publish them in one place.",
        "7": "Make it easy to say yes: small grants, quick decisions, a named person to talk to.",
    }
    body = (
        "ECoC-SME Lab 2 - answers from Karim & Price Consulting (example)\r\n\r\n"
        + "\r\n\r\n".join(f"Q{k}\r\n{v.replace(chr(10), chr(13) + chr(10))}" for k, v in A.items())
        + "\r\n"
    )
    owen = [
        T("Nadia, over to you :)"),
        T(""),
        FWD(
            fwd_head("gmail_web", lab, lab_person(inv), me(inv), inv.subject, inv.sent),
            T(inv.text()),
            fam="gmail",
        ),
    ]
    nodes = [
        T(
            "Hi,\n\nour answers are in the attached file - I couldn't get the formatting right in the mail.\n\nBest,\nNadia"
        ),
        T(""),
        FWD(
            fwd_head("gmail_web", lab, me(inv), col, "Fwd: " + inv.subject, when(lab, 3, 17, 2)),
            *owen,
            fam="gmail",
        ),
    ]
    m_owen = r2.client_mid("gmail_web", "r3en03o", "x")
    m = mail(
        "gmail_web",
        "r3en03",
        inv=inv,
        sender=col,
        subject="Fwd: Fwd: " + inv.subject,
        date=when(lab, 6, 11, 30),
        nodes=nodes,
        irt=m_owen,
        refs=f"{inv.message_id} {m_owen}",
        attachments=[("answers_lab2.txt", "text/plain", body, "utf-8")],
    )
    case(
        lab,
        "forwarded",
        "gmail_web",
        "fwd-fwd-answers-in-txt-attachment",
        m,
        inv,
        A,
        "Variant (b) with the answers in answers_lab2.txt (text/plain utf-8 base64, CRLF, 'Qn' heading then the answer; answer 2 a dash "
        "list; 5 missing); the body only forwards the invitation; Gmail kept the thread, so References name the invitation; From is the colleague.",
        flags=["from_attachment"],
    )

    # --- non-answer: the invitee forwards the bare invitation to the lab by mistake
    inv = invite(lab, "Peter Walsh", "peter.walsh@walsh-joinery.example.co.uk")
    nodes = [
        T("Hi Jenny,\n\nFYI - can you answer this one? Deadline is the end of the month.\n\nThanks,\nPeter"),
        T(""),
        T(""),
        FWD(
            fwd_head("yahoo", lab, lab_person(inv), me(inv), inv.subject, inv.sent),
            T(inv.text()),
            fam="yahoo",
        ),
    ]
    m = mail(
        "yahoo",
        "r3en04",
        inv=inv,
        sender=me(inv),
        subject="Fwd: " + inv.subject,
        date=when(lab, 3, 13, 50),
        nodes=nodes,
    )
    case(
        lab,
        "non_answer",
        "yahoo",
        "fyi-forward-to-lab-by-mistake",
        m,
        inv,
        {},
        "A forward of the bare invitation ('FYI - can you answer this one?') meant for a colleague but sent to the lab address; Yahoo "
        "'----- Forwarded Message -----' block; the questions are there, the answers are not: not an answer.",
        is_answer=False,
    )

    # --- ordinal prose: mid-paragraph after the greeting, two answers in one paragraph, "question five", "the last question"
    inv = invite(lab, "Dr Hannah Reid", "hannah.reid@eastbrook-institute.example.ac.uk")
    A = {
        "1": "I think the key is to talk about customers and contracts rather than culture.",
        "2": "LinkedIn and the Chamber's newsletter.",
        "3": "not really, outside the creative industries.",
        "5": "I would ask the sector skills council; they already survey creative businesses every year, and adding three questions would cost nothing.",
        "7": "small, fast grants and public recognition.",
    }
    top = (
        "Hello, and thank you for including us. On the first question, " + A["1"] + "\n\n"
        "To the second: " + A["2"] + " To the third: " + A["3"] + "\n\n"
        "As for question five, " + A["5"] + "\n\n"
        "On the last question \u2014 " + A["7"] + "\n\n"
        "Best wishes,\nHannah\n\n--\nDr Hannah Reid | Eastbrook Institute for Regional Studies (example)"
    )
    nodes = [T(top), *quoted_invitation("outlook_mac", lab, inv)]
    m = mail(
        "outlook_mac",
        "r3en05",
        inv=inv,
        sender=me(inv),
        subject="Re: " + inv.subject,
        date=when(lab, 5, 14, 2),
        nodes=nodes,
        irt=inv.message_id,
        refs=inv.message_id,
    )
    case(
        lab,
        "ordinal_prose",
        "outlook_mac",
        "to-the-second-to-the-third-question-five-last",
        m,
        inv,
        A,
        "Prose: 'On the first question,' inside the greeting's paragraph; 'To the second: ... To the third: ...' two answers in one paragraph; "
        "'As for question five,' (cardinal); 'On the last question —' (= 7); Outlook for Mac (From/Date/To/Subject).",
    )

    # --- ordinal prose on a phone: no punctuation after the reference, lowercase, emoji
    inv = invite(lab, "Mike Duffy", "mike.duffy@duffy-bikes.example.co.uk")
    A = {
        "3": "i honestly dont know, maybe ask the chamber",
        "6": "one website with everything in english and romanian would help a lot",
        "7": "money \U0001f605 and less paperwork",
    }
    top = (
        "hi, quick thoughts from my phone\n\nthe third question "
        + A["3"]
        + "\n\nfor question six, "
        + A["6"]
        + "\n\nand the last one: "
        + A["7"]
        + "\n\nmike"
    )
    nodes = [T(top), *quoted_invitation("gmail_android", lab, inv)]
    m = mail(
        "gmail_android",
        "r3en06",
        inv=inv,
        sender=me(inv),
        subject="Re: " + inv.subject,
        date=when(lab, 8, 20, 16),
        nodes=nodes,
        irt=inv.message_id,
        refs=inv.message_id,
    )
    case(
        lab,
        "ordinal_prose",
        "gmail_android",
        "third-question-no-punctuation-phone",
        m,
        inv,
        A,
        "Phone prose, lowercase: 'the third question i honestly dont know' (no punctuation: the answer starts at 'i'), 'for question six,', "
        "'and the last one:' (= 7, 'one' not 'question'); emoji inside answer 7.",
    )


# ############################################################################################
# Italian questionnaire (Matera 2019)
# ############################################################################################


def it_cases() -> None:
    lab = "it"
    # --- forwarded: HTML-only Outlook, the colleague's answers told apart only by their colour
    inv = invite(lab, "Marco Rinaldi", "marco.rinaldi@rinaldi-arredi.example.it")
    col = Person("Chiara Ferri", "chiara.ferri@rinaldi-arredi.example.it")
    A = {
        "1": "Con esempi concreti di aziende lucane che hanno lavorato per Matera 2019.",
        "2": "Confartigianato, i consulenti del lavoro, la newsletter della Camera di Commercio.",
        "3": "Poco. Molti pensano che sia una cosa solo per il turismo.",
        "4": "Arredi per gli spazi degli eventi, forniture per le strutture ricettive, laboratori aperti.",
        "6": "Uno sportello unico, anche telefonico.",
        "7": "Bandi semplici e pagamenti puntuali.",
    }
    marco = [
        T("Chiara, ci pensi tu? Grazie.\nMarco"),
        OH(
            outlook_rows("outlook_windows", lab, lab_person(inv), me(inv), inv.subject, inv.sent),
            *invitation_with_answers(inv, A, style="#0070C0", blank_after=False),
        ),
    ]
    nodes = [
        T(
            "Buongiorno,\n\nle nostre risposte sono in blu sotto le domande.\n\nCordiali saluti\nChiara Ferri\nUfficio marketing \u2013 Rinaldi Arredi S.r.l. (example)"
        ),
        OH(
            outlook_rows("outlook_windows", lab, me(inv), col, "I: " + inv.subject, when(lab, 3, 11, 5)),
            *marco,
        ),
    ]
    m = mail(
        "outlook_windows",
        "r3it01",
        inv=inv,
        sender=col,
        subject="I: I: " + inv.subject,
        date=when(lab, 4, 15, 33),
        nodes=nodes,
        mode="html",
        charset="iso-8859-1",
    )
    case(
        lab,
        "forwarded",
        "outlook_windows",
        "html-only-blue-answers-under-questions",
        m,
        inv,
        A,
        'Variant (b), HTML-only Outlook in iso-8859-1: the colleague typed the answers as blue <span style="color:#0070C0"> paragraphs right '
        "under questions 1-4, 6, 7 of the twice-forwarded invitation, with no prefix and no blank line (only the colour tells them apart); "
        "Da/Inviato/A/Oggetto blocks; 'I: I:' subject.",
        charset="iso-8859-1",
    )

    # --- forwarded: the invitee forwards from her phone the colleague's top-posted reply; note names question 5
    inv = invite(lab, "Sara Colombo", "sara.colombo@colombo-viaggi.example.it")
    col = Person("Luca Gallo", "luca.gallo@colombo-viaggi.example.it")
    A = {
        "1": "Parlando di clienti e di fatturato, non di cultura.",
        "2": "Instagram e i gruppi WhatsApp delle associazioni di categoria.",
        "3": "Le agenzie di viaggio sì, gli altri no.",
        "4": "Pacchetti turistici con gli eventi, biglietteria condivisa.",
        "6": "Un calendario unico degli eventi, aggiornato, con i contatti degli organizzatori.",
    }
    m = forward_of_colleague_reply(
        "gmail_android",
        "gmail_web",
        "r3it02",
        inv,
        col,
        note="Buonasera,\n\nvi inoltro le risposte del mio collega Luca. Alla domanda 5 risponderò io a voce durante il workshop, la 7 la lasciamo in bianco.\n\nSara",
        fwd_note="Luca rispondi tu per favore",
        reply_nodes=reply_nodes_above(
            "gmail_web", lab, me(inv), "Ciao Sara, ecco:\n\n" + r2.numbered(A, "{n}) ", sep="\n") + "\n\nLuca"
        ),
        dates=(when(lab, 3, 12, 1), when(lab, 4, 10, 44), when(lab, 4, 19, 58)),
        threaded=True,
    )
    case(
        lab,
        "forwarded",
        "gmail_android",
        "phone-fwd-colleague-top-posted-note-names-5-7",
        m,
        inv,
        A,
        "Variant (a) from Gmail for Android: the colleague's '1)'..'6)' answers on consecutive lines (5 missing) above the quoted forward; the invitee's "
        "note 'Alla domanda 5 risponderò io a voce..., la 7 la lasciamo in bianco' names questions and answers none; threaded, so References name the invitation.",
    )

    # --- forwarded: Thunderbird, the colleague typed "-> " answers under the questions
    inv = invite(lab, "Giulia Bianchi", "giulia.bianchi@studio-bianchi.example.it")
    col = Person("Paolo De Luca", "paolo.deluca@studio-bianchi.example.it")
    A = {
        "1": "Con incontri brevi nei luoghi dove le imprese già vanno (CNA, banche, commercialisti).",
        "2": "Email mirate e il passaparola tra colleghi.",
        "4": "Co-progettazione di eventi nei quartieri, con imprese del posto come fornitori.",
        "6": "Schede di una pagina per ogni bando.",
        "7": "Dare visibilità alle imprese che partecipano, nel programma ufficiale e sui social.",
    }
    inner = FWD(
        fwd_head("thunderbird", lab, lab_person(inv), me(inv), inv.subject, inv.sent),
        *invitation_with_answers(inv, A, prefix="-> ", blank_after=False),
        fam="thunderbird",
    )
    outer = FWD(
        fwd_head("thunderbird", lab, me(inv), col, "Fwd: " + inv.subject, when(lab, 3, 15, 20)),
        T("Paolo, puoi rispondere tu sotto ogni domanda? Poi inoltralo a loro."),
        T(""),
        inner,
        fam="thunderbird",
    )
    nodes = [
        T(
            "Buongiorno,\n\nsu indicazione della collega Giulia Bianchi vi inoltro il questionario con le nostre risposte (righe con ->).\n\n"
            "Saluti\n-- \nPaolo De Luca\nStudio Bianchi Architetti (example)"
        ),
        outer,
    ]
    m = mail(
        "thunderbird",
        "r3it03",
        inv=inv,
        sender=col,
        subject="Fwd: Fwd: " + inv.subject,
        date=when(lab, 5, 9, 41),
        nodes=nodes,
    )
    case(
        lab,
        "forwarded",
        "thunderbird",
        "arrow-answers-under-questions-messaggio-inoltrato",
        m,
        inv,
        A,
        "Variant (b), Thunderbird: two '-------- Messaggio Inoltrato --------' tables (Oggetto/Data/Mittente/A); the answers are '-> ' lines "
        "directly under questions 1, 2, 4, 6, 7 (no blank line); the forwarder's '-- ' signature sits ABOVE the forwarded part.",
    )

    # --- forwarded: from an iPhone, a colleague's Outlook reply with "[DM]" answers inline and the link deleted
    inv = invite(lab, "Francesca Greco", "francesca.greco@greco-caseificio.example.it")
    col = Person("Davide Marini", "davide.marini@greco-caseificio.example.it")
    A = {
        "1": "Far vedere i numeri: quante presenze, quante vendite in più.",
        "3": "No, per niente. Noi lo abbiamo scoperto per caso.",
        "4": "Degustazioni durante gli eventi, prodotti tipici nei punti informativi.",
        "5": "Chiedendo alle associazioni di produttori.",
    }
    inv_text = invitation_text(inv, drop_link=True)
    davide_inner = [
        T("Davide, rispondi tu?"),
        T(""),
        OH(
            outlook_rows("outlook_windows", lab, lab_person(inv), me(inv), inv.subject, inv.sent),
            *[T(interleave(inv_text, A, marker="", blank=False, prefix="[DM] "))],
        ),
    ]
    davide = [
        T("Francesca, risposte in linea [DM].\nD."),
        T(""),
        OH(
            outlook_rows("outlook_windows", lab, me(inv), col, "I: " + inv.subject, when(lab, 3, 10, 58)),
            *davide_inner,
        ),
    ]
    fwd = FWD(
        fwd_head("iphone_mail", lab, col, me(inv), "R: I: " + inv.subject, when(lab, 4, 8, 30)),
        *davide,
        fam="apple",
    )
    nodes = [T("Ecco le risposte di Davide\n\n" + footer("iphone_mail", lab)), T(""), fwd]
    m = mail(
        "iphone_mail",
        "r3it04",
        inv=inv,
        sender=me(inv),
        subject="Fwd: R: I: " + inv.subject,
        date=when(lab, 4, 13, 12),
        nodes=nodes,
        mode="plain",
    )
    case(
        lab,
        "forwarded",
        "iphone_mail",
        "iphone-fwd-outlook-dm-inline-link-deleted",
        m,
        inv,
        A,
        "Variant (a) from an iPhone (text only): 'Inizio messaggio inoltrato:' with everything under it quoted '> '; inside, the colleague's "
        "Outlook reply whose answers are '[DM] ' lines under questions 1, 3, 4, 5 of the unquoted invitation; he deleted the personal link "
        "and nothing names the invitation except the invitee's own From.",
    )

    # --- ordinal prose: "Quanto alla prima", "Sulla quarta domanda direi", "domanda numero sei", "l'ultima"
    inv = invite(lab, "Prof.ssa Elena Russo", "elena.russo@unibas-ricerca.example.it")
    A = {
        "1": "credo che il messaggio debba partire dai vantaggi economici, non dalla cultura.",
        "2": "le associazioni di categoria e gli ordini professionali sono i canali più affidabili.",
        "4": "direi che la collaborazione più naturale è la fornitura di servizi agli eventi.",
        "6": "basterebbe un unico portale con tutti i bandi, aggiornato.",
        "7": "visibilità nel programma ufficiale e piccoli contributi rapidi.",
    }
    top = (
        "Gentili colleghi,\n\nQuanto alla prima domanda, "
        + A["1"]
        + "\n\nPer quanto riguarda la seconda: "
        + A["2"]
        + "\n\n"
        "Sulla quarta domanda " + A["4"] + "\n\nRiguardo alla domanda numero sei, " + A["6"] + "\n\n"
        "Infine, sull'ultima domanda: "
        + A["7"]
        + "\n\nCordiali saluti\nElena Russo\nUniversità della Basilicata (example)"
    )
    m = mail(
        "apple_mail",
        "r3it05",
        inv=inv,
        sender=me(inv),
        subject="Re: " + inv.subject,
        date=when(lab, 5, 18, 2),
        nodes=[T(top), *quoted_invitation("apple_mail", lab, inv)],
        irt=inv.message_id,
        refs=inv.message_id,
        mode="html",
    )
    case(
        lab,
        "ordinal_prose",
        "apple_mail",
        "quanto-alla-prima-sulla-quarta-numero-sei-ultima",
        m,
        inv,
        A,
        "Prose, HTML-only Apple Mail: 'Quanto alla prima domanda,', 'Per quanto riguarda la seconda:' (no noun), 'Sulla quarta domanda' "
        "(no punctuation: the answer starts at 'direi'), 'Riguardo alla domanda numero sei,' (cardinal), 'Infine, sull'ultima domanda:' (= 7).",
    )

    # --- ordinal prose: reference in the greeting's paragraph, "Alla quinta: ... Alla sesta: ..."
    inv = invite(lab, "Giorgio Conti", "giorgio.conti@conti-ceramiche.example.it")
    A = {
        "3": "le imprese artigiane ne sanno poco o nulla.",
        "5": "sì, con incontri nei laboratori.",
        "6": "con uno sportello unico in Comune.",
    }
    top = (
        "Buongiorno, in merito alla terza domanda, "
        + A["3"]
        + "\n\nAlla quinta: "
        + A["5"]
        + " Alla sesta: "
        + A["6"]
        + "\n\n"
        "Per il resto non saprei cosa aggiungere.\n\nDistinti saluti\nGiorgio Conti\nConti Ceramiche s.n.c. (example)"
    )
    m = mail(
        "outlook_windows",
        "r3it06",
        inv=inv,
        sender=me(inv),
        subject="R: " + inv.subject,
        date=when(lab, 6, 9, 27),
        nodes=[T(top), *quoted_invitation("outlook_windows", lab, inv)],
        irt=inv.message_id,
        refs=inv.message_id,
        charset="iso-8859-1",
    )
    case(
        lab,
        "ordinal_prose",
        "outlook_windows",
        "in-merito-alla-terza-alla-quinta-alla-sesta",
        m,
        inv,
        A,
        "Prose: 'Buongiorno, in merito alla terza domanda,' (greeting and reference in one paragraph), 'Alla quinta: ... Alla sesta: ...' two "
        "answers in one paragraph; 'Per il resto non saprei cosa aggiungere.' is no answer (not 'Non saprei' under a question); Outlook "
        "Da/Inviato/A/Oggetto in iso-8859-1.",
        charset="iso-8859-1",
    )


def interleaved_nodes(text: str, answers: dict[str, str], style: str | None = None) -> list:
    """A reply written between the pieces of the quote: quote, answer, quote, answer, ..."""
    nodes: list = []
    buf: list[str] = []
    for line in text.split("\n"):
        buf.append(line)
        m = re.match(r"(\d)\. ", line)
        if m and m.group(1) in answers:
            nodes += [Q(T("\n".join(buf))), T(""), T(answers[m.group(1)], style), T("")]
            buf = []
    return [*nodes, Q(T("\n".join(buf).strip("\n")))]


def invitee_forward(client: str, inv: bc.Invitation, note: str, *, drop_link: bool = False) -> list:
    """What the invitee sent the colleague: a note and the forwarded invitation (nodes)."""
    lab = lab_person(inv)
    return [
        T(note),
        T(""),
        *forward_nodes(
            client,
            inv.lang,
            lab,
            me(inv),
            inv.subject,
            inv.sent,
            [T(invitation_text(inv, drop_link=drop_link))],
        ),
    ]


# ############################################################################################
# Dutch questionnaire (Leeuwarden-Fryslân 2018)
# ############################################################################################


def nl_cases() -> None:
    lab = "nl"
    # --- forwarded: Outlook for Mac, "A:" under each question; "A: Weet ik niet." is an answer, a bare "A:" is not
    inv = invite(lab, "Annemieke de Vries", "annemieke.devries@devries-bakkerij.example.nl")
    col = Person("Joris Bakker", "joris.bakker@devries-bakkerij.example.nl")
    A = {
        "1": "Door ondernemers zelf aan het woord te laten: wat leverde 2018 hun op?",
        "2": "De lokale krant, Omrop Fryslân en de ondernemersvereniging.",
        "3": "Nauwelijks. Voor de meeste bakkers en winkeliers was het vooral drukte in de binnenstad.",
        "4": "Streekproducten in de programmering, lokale catering bij evenementen.",
        "5": "Weet ik niet.",
        "6": "Eén loket en één website, in gewone taal.",
    }
    inner = invitee_forward("outlook_mac", inv, "Joris, wil jij dit invullen? Groet, Annemieke")
    inner[-1] = OH(
        inner[-1][1], *invitation_with_answers(inv, {**A, "7": ""}, prefix="A: ", blank_after=False), sep=True
    )
    nodes = [
        T(
            "Goedemiddag,\n\nHierbij onze antwoorden, achter A: onder elke vraag.\n\nMet vriendelijke groet,\nJoris Bakker\nBakkerij De Vries (example)"
        ),
        T(""),
        *forward_nodes(
            "outlook_mac", lab, me(inv), col, "Doorst: " + inv.subject, when(lab, 3, 13, 7), inner
        ),
    ]
    m = mail(
        "outlook_mac",
        "r3nl01",
        inv=inv,
        sender=col,
        subject="Doorst: Doorst: " + inv.subject,
        date=when(lab, 5, 14, 25),
        nodes=nodes,
    )
    case(
        lab,
        "forwarded",
        "outlook_mac",
        "a-prefix-under-questions-weet-ik-niet",
        m,
        inv,
        A,
        "Variant (b), Outlook for Mac: answers as 'A: ...' lines under each question of the forwarded invitation (Van/Datum/Aan/Onderwerp "
        "blocks with the '____' line); 'A: Weet ik niet.' IS an answer, the bare 'A: ' under question 7 is not; From is the colleague.",
    )

    # --- forwarded: Gmail, the colleague answered between the quoted questions; the note says which are still open
    inv = invite(lab, "Pieter Hoekstra", "pieter.hoekstra@hoekstra-fietsen.example.nl")
    col = Person("Sanne Visser", "sanne.visser@hoekstra-fietsen.example.nl")
    A = {
        "1": "Laat zien wat het oplevert. Een fietsenmaker denkt niet in 'culturele hoofdstad' maar in klanten.",
        "2": "Nieuwsbrief van de gemeente en gewoon langskomen in de winkel.",
        "6": "Een overzicht per maand: welke evenementen, hoeveel bezoekers verwacht, wie je kunt bellen.",
    }
    fwd = invitee_forward("gmail_web", inv, "Sanne, kun jij hier even naar kijken?")
    quoted = "\n".join(plain_lines(fwd, "gmail"))
    sanne = [
        T("Hoi Pieter,\n\nik heb er een paar ingevuld, zie hieronder.\n\nSanne"),
        T(""),
        T(attr_line("gmail_web", lab, me(inv), when(lab, 3, 11, 50))),
        *interleaved_nodes(quoted, A),
    ]
    nodes = [
        T(
            "Goedemorgen,\n\nSanne heeft vraag 1, 2 en 6 beantwoord; 3 t/m 5 en 7 volgen nog van mijn kant.\n\nGroeten,\nPieter Hoekstra"
        ),
        T(""),
        FWD(
            fwd_head("gmail_web", lab, col, me(inv), "Re: Fwd: " + inv.subject, when(lab, 4, 9, 3)),
            *sanne,
            fam="gmail",
        ),
    ]
    m_f, m_r = r2.client_mid("gmail_web", "r3nl02f", "x"), r2.client_mid("gmail_web", "r3nl02r", "x")
    m = mail(
        "gmail_web",
        "r3nl02",
        inv=inv,
        sender=me(inv),
        subject="Fwd: Re: Fwd: " + inv.subject,
        date=when(lab, 4, 10, 17),
        nodes=nodes,
        irt=m_r,
        refs=f"{inv.message_id} {m_f} {m_r}",
    )
    case(
        lab,
        "forwarded",
        "gmail_web",
        "doorgestuurd-colleague-interleaved-note-names-open-ones",
        m,
        inv,
        A,
        "Variant (a), Gmail: 'Doorgestuurd bericht' block, then the colleague's reply written between the pieces of the quote (each piece its own "
        "gmail_quote blockquote in HTML, '> ' in text) under questions 1, 2 and 6; the note 'Sanne heeft vraag 1, 2 en 6 beantwoord; 3 t/m 5 en 7 "
        "volgen nog' answers nothing; References name the invitation.",
    )

    # --- non-answer: Proton forward of the bare invitation, to the lab by mistake
    inv = invite(lab, "Ruben Smit", "ruben.smit@smit-evenementen.example.nl")
    nodes = [
        T("Hoi Lotte,\n\nkun jij dit invullen? Jij weet meer van de evenementen in 2018 dan ik.\n\nRuben"),
        T(""),
        FWD(
            fwd_head("proton", lab, lab_person(inv), me(inv), inv.subject, inv.sent),
            T(inv.text()),
            fam="proton",
        ),
        T(""),
        T("Sent with ProtonMail Secure Email."),
    ]
    m = mail(
        "proton",
        "r3nl03",
        inv=inv,
        sender=me(inv),
        subject="Fwd: " + inv.subject,
        date=when(lab, 3, 16, 2),
        nodes=nodes,
    )
    case(
        lab,
        "non_answer",
        "proton",
        "forward-to-lab-by-mistake-kun-jij",
        m,
        inv,
        {},
        "The invitee meant to forward the invitation to a colleague ('kun jij dit invullen?') but sent it to the lab; Proton's "
        "'‐‐‐‐‐‐‐ Forwarded Message ‐‐‐‐‐‐‐' block (U+2010 hyphens) and the bare questions: not an answer.",
        is_answer=False,
    )

    # --- forwarded: Apple Mail forward of an iPhone reply that quotes the invitee's Apple forward (three quote levels)
    inv = invite(lab, "Wouter Jansen", "wouter.jansen@jansen-media.example.nl")
    col = Person("Femke Mulder", "femke.mulder@jansen-media.example.nl")
    A = {
        "2": "LinkedIn, Instagram en de netwerkborrels van VNO-NCW Noord.",
        "3": "De creatieve bedrijven wel, de rest nauwelijks.",
        "4": "Mediabedrijven kunnen content maken voor de evenementen, en dat ook na het jaar blijven doen.",
        "7": "Een klein fonds voor samenwerkingen tussen een ondernemer en een kunstenaar.",
    }
    inv_fwd = FWD(
        fwd_head("apple_mail", lab, lab_person(inv), me(inv), inv.subject, inv.sent),
        T(inv.text()),
        fam="apple",
    )
    femke = [
        T(r2.numbered(A, "{n}. ") + "\n\nFemke\n\n" + footer("iphone_mail", lab)),
        T(""),
        ATTR(
            attr_line("iphone_mail", lab, me(inv), when(lab, 3, 10, 40)),
            T("Femke, heb jij hier tijd voor?"),
            T(""),
            inv_fwd,
        ),
    ]
    nodes = [
        T(
            "Beste organisatie,\n\nHieronder de antwoorden van mijn collega Femke Mulder.\n\nWouter Jansen\nJansen Media (example)"
        ),
        T(""),
        FWD(
            fwd_head("apple_mail", lab, col, me(inv), "Re: Fwd: " + inv.subject, when(lab, 3, 22, 15)),
            *femke,
            fam="apple",
        ),
    ]
    m = mail(
        "apple_mail",
        "r3nl04",
        inv=inv,
        sender=me(inv),
        subject="Fwd: Re: Fwd: " + inv.subject,
        date=when(lab, 4, 8, 49),
        nodes=nodes,
    )
    case(
        lab,
        "forwarded",
        "apple_mail",
        "begin-doorgestuurd-bericht-iphone-reply-three-levels",
        m,
        inv,
        A,
        "Variant (a), Apple Mail: 'Begin doorgestuurd bericht:' quoted '> ', inside it the colleague's iPhone reply ('2.', '3.', '4.', '7.', "
        "'Verstuurd vanaf mijn iPhone') whose quote of the invitee's forward is '>> ' and the invitation itself '>>> ' deep; no In-Reply-To.",
    )

    # --- ordinal prose: "Wat betreft de eerste vraag", "Bij de derde vraag denk ik", "Wat de vijfde vraag betreft", "de laatste vraag"
    inv = invite(lab, "Marieke Dijkstra", "marieke.dijkstra@nhl-onderzoek.example.nl")
    A = {
        "1": "ik zou beginnen bij de vraag wat ondernemers nodig hebben, niet bij wat het programma nodig heeft.",
        "3": "denk ik dat het bewustzijn in 2018 groot was, maar vooral bij horeca en toerisme.",
        "5": "een jaarlijkse enquête onder creatieve bedrijven, samen met de Kamer van Koophandel, is goedkoop en geeft een nulmeting.",
        "7": "erkenning: zet de deelnemende bedrijven in het programmaboek.",
    }
    top = (
        "Beste projectteam,\n\nWat betreft de eerste vraag: "
        + A["1"]
        + "\n\nBij de derde vraag "
        + A["3"]
        + "\n\n"
        "Wat de vijfde vraag betreft, "
        + A["5"]
        + "\n\nEn op de laatste vraag: "
        + A["7"]
        + "\n\nMet vriendelijke groet,\nMarieke Dijkstra\nLectoraat Regionale Economie (example)"
    )
    m = mail(
        "gmail_web",
        "r3nl05",
        inv=inv,
        sender=me(inv),
        subject="Re: " + inv.subject,
        date=when(lab, 5, 11, 11),
        nodes=[T(top), *quoted_invitation("gmail_web", lab, inv)],
        irt=inv.message_id,
        refs=inv.message_id,
    )
    case(
        lab,
        "ordinal_prose",
        "gmail_web",
        "wat-betreft-bij-de-derde-vraag-laatste",
        m,
        inv,
        A,
        "Prose: 'Wat betreft de eerste vraag:', 'Bij de derde vraag' (no punctuation: the answer starts at 'denk'), 'Wat de vijfde vraag "
        "betreft,' (the noun inside the phrase), 'En op de laatste vraag:' (= 7); Gmail 'Op ... schreef ...:'.",
    )

    # --- ordinal prose: greeting and reference in one paragraph, "De derde: ... De vierde: ...", "vraag zes"
    inv = invite(lab, "Bart Kuipers", "bart.kuipers@kuipers-bouw.example.nl")
    A = {
        "2": "via de aannemersvereniging en de vakbladen.",
        "3": "nee.",
        "4": "bouwen en onderhouden van tijdelijke locaties, met lokale bedrijven.",
        "6": "zou ik zeggen: één aanspreekpunt bij de gemeente dat ook over vergunningen gaat.",
    }
    top = (
        "Beste mensen, op de tweede vraag antwoord ik: "
        + A["2"]
        + " Verder kort:\n\nDe derde: "
        + A["3"]
        + " De vierde: "
        + A["4"]
        + "\n\n"
        "Bij vraag zes " + A["6"] + "\n\nGroet,\nBart Kuipers\n-- \nKuipers Bouw B.V. (example)"
    )
    m = mail(
        "thunderbird",
        "r3nl06",
        inv=inv,
        sender=me(inv),
        subject="Re: " + inv.subject,
        date=when(lab, 6, 7, 58),
        nodes=[T(top), *quoted_invitation("thunderbird", lab, inv)],
        irt=inv.message_id,
        refs=inv.message_id,
    )
    case(
        lab,
        "ordinal_prose",
        "thunderbird",
        "op-de-tweede-de-derde-de-vierde-vraag-zes",
        m,
        inv,
        A,
        "Prose: 'Beste mensen, op de tweede vraag antwoord ik: ...' (reference inside the greeting's sentence; the answer ends with its full "
        "stop, before 'Verder kort:'); 'De derde: nee. De vierde: ...' two answers in one paragraph; 'Bij vraag zes zou ik zeggen:' (cardinal, "
        "no punctuation: the answer starts at 'zou'); Thunderbird.",
    )


# ############################################################################################
# Croatian questionnaire (Rijeka 2020)
# ############################################################################################


def hr_cases() -> None:
    lab = "hr"
    # --- forwarded: "Odg:" under each question, Outlook in windows-1250
    inv = invite(lab, "Tomislav Horvat", "tomislav.horvat@horvat-brodogradnja.example.hr")
    col = Person("Ivana Kovačić", "ivana.kovacic@horvat-brodogradnja.example.hr")
    A = {
        "1": "Kroz konkretne primjere: koliko je posla bilo za lokalne tvrtke.",
        "2": "HGK, Novi list, LinkedIn.",
        "3": "Uglavnom ne. Misle da je to samo za umjetnike.",
        "4": "Radionice u bivšim industrijskim prostorima, suradnja s brodogradilištem na programima o baštini.",
        "5": "Anketom i sastancima po sektorima.",
        "7": "Manji natječaji, jednostavnija prijava.",
    }
    inner = invitee_forward("outlook_windows", inv, "Ivana, molim te odgovori ti na ovo.\nT.")
    inner[-1] = OH(inner[-1][1], *invitation_with_answers(inv, A, prefix="Odg: ", blank_after=True))
    nodes = [
        T(
            "Poštovani,\n\nu nastavku su naši odgovori (Odg:).\n\nLijep pozdrav,\nIvana Kovačić\nHorvat brodogradnja d.o.o. (example)"
        ),
        *forward_nodes(
            "outlook_windows", lab, me(inv), col, "Proslijeđeno: " + inv.subject, when(lab, 3, 12, 12), inner
        ),
    ]
    m = mail(
        "outlook_windows",
        "r3hr01",
        inv=inv,
        sender=col,
        subject="Proslijeđeno: Proslijeđeno: " + inv.subject,
        date=when(lab, 5, 9, 30),
        nodes=nodes,
        charset="windows-1250",
    )
    case(
        lab,
        "forwarded",
        "outlook_windows",
        "odg-under-questions-proslijedeno-win1250",
        m,
        inv,
        A,
        "Variant (b), Outlook in windows-1250: 'Odg: ' answers under questions 1-5 and 7 of the twice-forwarded invitation (Od/Poslano/Prima/"
        "Predmet blocks, original not quoted); subject 'Proslijeđeno: Proslijeđeno:'; From is the colleague.",
        charset="windows-1250",
    )

    # --- forwarded: Gmail keeps the thread; the colleague's Outlook reply deleted the link
    inv = invite(lab, "Maja Babić", "maja.babic@babic-turizam.example.hr")
    col = Person("Luka Marić", "luka.maric@babic-turizam.example.hr")
    A = {
        "1": "Jednostavnim jezikom i brojkama.",
        "2": "Facebook grupe iznajmljivača, turistička zajednica.",
        "3": "Djelomično.",
        "4": "Paket-aranžmani s ulaznicama, smještaj za izvođače.",
    }
    luka_inner = invitee_forward("gmail_web", inv, "Luka, možeš li ti?", drop_link=True)
    luka = [
        T(
            "Bok Maja,\n\nevo mojih odgovora na prva četiri, ostalo ne znam.\n\n"
            + r2.numbered(A, "{n}. ", sep="\n")
            + "\n\nLuka"
        ),
        T(""),
        OH(
            outlook_rows("outlook_windows", lab, me(inv), col, "Fwd: " + inv.subject, when(lab, 3, 14, 0)),
            *luka_inner,
        ),
    ]
    nodes = [
        T(
            "Poštovani,\n\nprosljeđujem odgovore kolege Luke Marića (odgovorio je na pitanja 1-4).\n\nMaja Babić"
        ),
        T(""),
        FWD(
            fwd_head("gmail_web", lab, col, me(inv), "RE: Fwd: " + inv.subject, when(lab, 4, 11, 22)),
            *luka,
            fam="gmail",
        ),
    ]
    m_f, m_r = r2.client_mid("gmail_web", "r3hr02f", "x"), r2.client_mid("outlook_windows", "r3hr02r", "x")
    m = mail(
        "gmail_web",
        "r3hr02",
        inv=inv,
        sender=me(inv),
        subject="Fwd: RE: Fwd: " + inv.subject,
        date=when(lab, 4, 12, 5),
        nodes=nodes,
        irt=m_r,
        refs=f"{inv.message_id} {m_f} {m_r}",
    )
    case(
        lab,
        "forwarded",
        "gmail_web",
        "proslijedena-poruka-outlook-reply-link-deleted-threaded",
        m,
        inv,
        A,
        "Variant (a), Gmail 'Proslijeđena poruka' of the colleague's Outlook reply ('1.'..'4.' on consecutive lines, 'ostalo ne znam' is a remark) "
        "over Od/Poslano/Prima/Predmet; the colleague's reply dropped the personal link, but Gmail's References still name the invitation.",
    )

    # --- forwarded: Thunderbird, the colleague's answers above the forwarded invitation, a list inside one
    inv = invite(lab, "Ante Jurić", "ante.juric@juric-dizajn.example.hr")
    col = Person("Petra Novak", "petra.novak@juric-dizajn.example.hr")
    A = {
        "1": "Pokazati što se može prodati: usluge, proizvode, prostore.",
        "3": "Dizajneri znaju, ostali ne baš.",
        "4": "* dizajn vizualnog identiteta za kvartovske programe\n* suvenirske linije s lokalnim proizvođačima\n* zajednički štandovi na sajmovima",
        "6": "Jedan portal sa svim natječajima i rokovima.",
    }
    nodes = [
        T(
            "Poštovani,\n\nšaljem odgovore u ime kolege Ante Jurića, koji mi je proslijedio vaš upitnik:\n\n"
            + r2.numbered(A, "{n}) ")
            + "\n\nSrdačno,\nPetra Novak\nJurić dizajn (example)"
        ),
        FWD(
            fwd_head("thunderbird", lab, me(inv), col, "Fwd: " + inv.subject, when(lab, 3, 16, 45)),
            *invitee_forward("thunderbird", inv, "Petra, ovo je za tebe :)"),
            fam="thunderbird",
        ),
    ]
    m = mail(
        "thunderbird",
        "r3hr03",
        inv=inv,
        sender=col,
        subject="Fwd: Fwd: " + inv.subject,
        date=when(lab, 6, 10, 10),
        nodes=nodes,
    )
    case(
        lab,
        "forwarded",
        "thunderbird",
        "answers-above-two-proslijedena-poruka",
        m,
        inv,
        A,
        "Variant (b), Thunderbird: the colleague's '1)' answers ABOVE two '-------- Proslijeđena poruka --------' tables (Predmet/Datum/Od/Za); "
        "answer 4 is a '* ' list kept verbatim; From is the colleague; found by the link.",
    )

    # --- forwarded: Outlook on the web forwards a colleague's HTML reply written between the quoted questions (no markers in text)
    inv = invite(lab, "Dario Perić", "dario.peric@peric-gastro.example.hr")
    col = Person("Nina Blažević", "nina.blazevic@peric-gastro.example.hr")
    A = {
        "2": "Instagram i lokalni radio.",
        "3": "Ne, osim velikih hotela.",
        "5": "Razgovarati s udrugama ugostitelja.",
        "6": "Newsletter jednom mjesečno s pregledom događanja.",
    }
    quoted = "\n".join(plain_lines(invitee_forward("gmail_web", inv, "Nina, pogledaj molim te."), "gmail"))
    nina = [
        T("Bok Dario, odgovorila sam ispod pitanja, crvenom bojom.\nNina"),
        T(""),
        T(attr_line("gmail_web", lab, me(inv), when(lab, 3, 10, 33))),
        *interleaved_nodes(re.sub(r"(?m)^> ?", "", quoted), A, style="#C00000"),
    ]
    nodes = [
        T(
            "Poštovani,\n\nu prilogu odgovori naše voditeljice kuhinje.\n\nDario Perić\nPerić gastro (example)"
        ),
        T(""),
        *forward_nodes(
            "outlook_web", lab, col, me(inv), "Re: Fwd: " + inv.subject, when(lab, 4, 15, 2), nina
        ),
    ]
    m = mail(
        "outlook_web",
        "r3hr04",
        inv=inv,
        sender=me(inv),
        subject="FW: Re: Fwd: " + inv.subject,
        date=when(lab, 5, 16, 40),
        nodes=nodes,
    )
    case(
        lab,
        "forwarded",
        "outlook_web",
        "owa-fw-red-interleaved-no-markers",
        m,
        inv,
        A,
        "Variant (a), Outlook on the web: the forwarded colleague reply was written in red between the pieces of the quote; OWA's text part "
        "shows the blockquotes WITHOUT '>' markers, so questions and answers alternate as plain lines (answers under 2, 3, 5, 6); the HTML part "
        "keeps the blockquotes and the colour; the note 'u prilogu' mentions an attachment that is not there; no In-Reply-To: found by the link.",
    )

    # --- ordinal prose with Croatian cases
    inv = invite(lab, "dr. sc. Vesna Radić", "vesna.radic@uniri-istrazivanje.example.hr")
    A = {
        "1": "smatram da poduzetnicima treba govoriti o tržištu, a ne o kulturi.",
        "2": "najbolje rade postojeće mreže: komore, klasteri i inkubatori.",
        "3": "svijest je niska izvan kreativnog sektora.",
        "5": "predlažem godišnje mapiranje kreativne industrije.",
        "7": "javno priznanje i mali, brzi poticaji.",
    }
    top = (
        "Poštovani,\n\nŠto se tiče prvog pitanja, "
        + A["1"]
        + "\n\nNa drugo pitanje odgovaram ovako: "
        + A["2"]
        + "\n\n"
        "Vezano uz treće pitanje – "
        + A["3"]
        + "\n\nU vezi s petim pitanjem, "
        + A["5"]
        + "\n\nNa posljednje pitanje: "
        + A["7"]
        + "\n\n"
        "S poštovanjem,\nVesna Radić\nSveučilište u Rijeci (example)"
    )
    m = mail(
        "gmail_web",
        "r3hr05",
        inv=inv,
        sender=me(inv),
        subject="Re: " + inv.subject,
        date=when(lab, 5, 13, 13),
        nodes=[T(top), *quoted_invitation("gmail_web", lab, inv)],
        irt=inv.message_id,
        refs=inv.message_id,
    )
    case(
        lab,
        "ordinal_prose",
        "gmail_web",
        "sto-se-tice-prvog-na-drugo-u-vezi-s-petim",
        m,
        inv,
        A,
        "Croatian cases: 'Što se tiče prvog pitanja,' (genitive), 'Na drugo pitanje odgovaram ovako:' (accusative), 'Vezano uz treće pitanje –', "
        "'U vezi s petim pitanjem,' (instrumental), 'Na posljednje pitanje:' (= 7); Gmail 'je napisao:'.",
    )

    inv = invite(lab, "Goran Šimić", "goran.simic@simic-elektro.example.hr")
    A = {
        "2": "mislim da su to HOK i lokalni radio.",
        "4": "održavanje rasvjete i ozvučenja na događanjima.",
        "6": "jedna osoba u Gradu koja odgovara na pitanja.",
        "7": "plaćanje na vrijeme!",
    }
    top = (
        "Poštovani, u vezi s drugim pitanjem "
        + A["2"]
        + "\n\nNa četvrto: "
        + A["4"]
        + " Na šesto: "
        + A["6"]
        + "\n\n"
        "Pitanje broj sedam – " + A["7"] + "\n\nPozdrav\nGoran\n\n" + footer("samsung_email", lab)
    )
    m = mail(
        "samsung_email",
        "r3hr06",
        inv=inv,
        sender=me(inv),
        subject="Re: " + inv.subject,
        date=when(lab, 7, 18, 36),
        nodes=[T(top), *quoted_invitation("samsung_email", lab, inv)],
        irt=inv.message_id,
        refs=inv.message_id,
    )
    case(
        lab,
        "ordinal_prose",
        "samsung_email",
        "u-vezi-s-drugim-na-cetvrto-na-sesto-broj-sedam",
        m,
        inv,
        A,
        "Phone prose: 'Poštovani, u vezi s drugim pitanjem mislim da...' (reference in the greeting's sentence, no punctuation); 'Na četvrto: ... Na šesto: ...' two answers in one paragraph; 'Pitanje broj sedam –' (cardinal); "
        "Samsung Email with '-------- Izvorna poruka --------'.",
    )


# ############################################################################################
# Lithuanian questionnaire (Kaunas 2022)
# ############################################################################################


def lt_cases() -> None:
    lab = "lt"
    # --- forwarded: Outlook in iso-8859-13, the colleague's top-posted reply; the note names 1-5
    inv = invite(lab, "Rasa Jankauskienė", "rasa.jankauskiene@jankausko-baldai.example.lt")
    col = Person("Jonas Vaitkus", "jonas.vaitkus@jankausko-baldai.example.lt")
    A = {
        "1": "Per konkrečias naudas verslui: užsakymai, lankytojai, matomumas.",
        "2": "Kauno prekybos, pramonės ir amatų rūmai, LinkedIn.",
        "3": "Mažai. Daugelis mano, kad tai tik kultūros įstaigoms.",
        "4": "Baldai ir įranga renginių erdvėms, dirbtuvės lankytojams.",
        "5": "Klausti pačių įmonių per asociacijas.",
    }
    jonas = reply_nodes_above(
        "outlook_windows",
        lab,
        col,
        "Rasa,\n\n" + r2.numbered(A, "{n}. ") + "\n\nDėl 6 ir 7 neturiu nuomonės.\n\nJonas",
    )
    m = forward_of_colleague_reply(
        "outlook_windows",
        "outlook_windows",
        "r3lt01",
        inv,
        col,
        note="Laba diena,\n\npersiunčiu kolegos Jono atsakymus. Jis atsakė į 1–5 klausimus.\n\nPagarbiai\nRasa Jankauskienė\nJankausko baldai, UAB (example)",
        fwd_note="Jonai, gal gali atsakyti?",
        reply_nodes=jonas,
        dates=(when(lab, 3, 11, 30), when(lab, 4, 14, 10), when(lab, 5, 8, 20)),
        charset="iso-8859-13",
    )
    case(
        lab,
        "forwarded",
        "outlook_windows",
        "pd-re-pd-colleague-top-posted-iso885913",
        m,
        inv,
        A,
        "Variant (a), Outlook in iso-8859-13: 'PD: RE: PD:'; the colleague's '1.'..'5.' answers above Nuo/Išsiųsta/Kam/Tema blocks (original "
        "not quoted); 'Dėl 6 ir 7 neturiu nuomonės.' and the note 'Jis atsakė į 1–5 klausimus.' are remarks, not answers; found by the link.",
        charset="iso-8859-13",
    )

    # --- forwarded: Gmail, "Ats.:" under each question; threaded
    inv = invite(lab, "Tomas Kazlauskas", "tomas.kazlauskas@kazlausko-kava.example.lt")
    col = Person("Eglė Petrauskaitė", "egle.petrauskaite@kazlausko-kava.example.lt")
    A = {
        "1": "Trumpai ir aiškiai, su pavyzdžiais iš kitų miestų.",
        "2": "Instagram, Facebook ir vietinis radijas.",
        "3": "Ne.",
        "6": "Vienas puslapis su visais kvietimais ir terminais.",
        "7": "Mažos dotacijos ir pagalba pildant paraiškas.",
    }
    inner = invitee_forward("gmail_web", inv, "Egle, užpildyk, prašau.")
    inner[-1] = FWD(
        inner[-1][1],
        *invitation_with_answers(inv, {**A, "4": "-"}, prefix="Ats.: ", blank_after=True),
        fam="gmail",
    )
    nodes = [
        T("Laba diena,\n\nsiunčiu mūsų kavinės atsakymus (pažymėti „Ats.“).\n\nEglė"),
        T(""),
        *forward_nodes("gmail_web", lab, me(inv), col, "Fwd: " + inv.subject, when(lab, 3, 10, 55), inner),
    ]
    m_f = r2.client_mid("gmail_web", "r3lt02f", "x")
    m = mail(
        "gmail_web",
        "r3lt02",
        inv=inv,
        sender=col,
        subject="Fwd: Fwd: " + inv.subject,
        date=when(lab, 4, 17, 45),
        nodes=nodes,
        irt=m_f,
        refs=f"{inv.message_id} {m_f}",
    )
    case(
        lab,
        "forwarded",
        "gmail_web",
        "ats-under-questions-persiustas-threaded",
        m,
        inv,
        A,
        "Variant (b), Gmail: two 'Persiųstas laiškas' blocks; 'Ats.: ' answers under questions 1, 2, 3, 6, 7; 'Ats.: -' under 4 is no answer; "
        "'Ne.' IS an answer; From is the colleague; References name the invitation.",
    )

    # --- forwarded: iPhone forward of a colleague's interleaved plain reply (its '>' become '> >')
    inv = invite(lab, "Aistė Žukauskienė", "aiste.zukauskiene@zukausko-studija.example.lt")
    col = Person("Mindaugas Urbonas", "mindaugas.urbonas@zukausko-studija.example.lt")
    A = {
        "1": "Rodyti sėkmės istorijas.",
        "4": "Bendri projektai su muziejais, vaizdo turinys renginiams.",
        "5": "Apklausa kasmet.",
    }
    quoted = "\n".join(
        plain_lines(
            [Q(*invitee_forward("thunderbird", inv, "Mindaugai, atsakyk kai turėsi laiko."))], "thunderbird"
        )
    )
    mind = (
        "Atsakiau tarp eilučių.\n\n"
        + attr_line("thunderbird", lab, me(inv), when(lab, 3, 13, 5))
        + "\n"
        + interleave(quoted, A)
    )
    nodes = [
        T("Persiunčiu Mindaugo atsakymus.\n\n" + footer("iphone_mail", lab)),
        T(""),
        FWD(
            fwd_head("iphone_mail", lab, col, me(inv), "Re: Fwd: " + inv.subject, when(lab, 4, 9, 0)),
            T(mind),
            fam="apple",
        ),
    ]
    m = mail(
        "iphone_mail",
        "r3lt03",
        inv=inv,
        sender=me(inv),
        subject="Fwd: Re: Fwd: " + inv.subject,
        date=when(lab, 4, 12, 12),
        nodes=nodes,
    )
    case(
        lab,
        "forwarded",
        "iphone_mail",
        "iphone-pradzia-persiusto-interleaved-double-quote",
        m,
        inv,
        A,
        "Variant (a) from an iPhone: 'Pradžia persiųsto laiško:' and everything under it quoted '> '; inside, the colleague's plain reply with "
        "answers between '>> 1.'-style quoted questions (his quote became second level), answers 1, 4, 5 at the first level; no In-Reply-To.",
    )

    # --- forwarded: invitee -> colleague -> back -> lab, Thunderbird, "Atsakymas:" lines under the questions
    inv = invite(lab, "Darius Stankus", "darius.stankus@stankaus-spauda.example.lt")
    col = Person("Ieva Baranauskaitė", "ieva.baranauskaite@stankaus-spauda.example.lt")
    A = {
        "1": "Per spaustuvių ir leidėjų asociaciją.",
        "2": "Naujienlaiškiai, LinkedIn, renginiai verslui.",
        "4": "Spaudos darbai renginiams, vietinių dizainerių leidiniai.",
        "6": "Aiškūs terminai ir vienas kontaktas.",
        "7": "Užsakymai, o ne tik kvietimai dalyvauti.",
    }
    lab_p, inv_p = lab_person(inv), me(inv)
    level1 = FWD(
        fwd_head("thunderbird", lab, lab_p, inv_p, inv.subject, inv.sent),
        *invitation_with_answers(inv, A, prefix="Atsakymas: ", blank_after=False),
        fam="thunderbird",
    )
    level2 = FWD(
        fwd_head("thunderbird", lab, inv_p, col, "Fwd: " + inv.subject, when(lab, 3, 10, 20)),
        T("Ieva, peržiūrėk."),
        T(""),
        level1,
        fam="thunderbird",
    )
    level3 = FWD(
        fwd_head("thunderbird", lab, col, inv_p, "Fwd: Fwd: " + inv.subject, when(lab, 4, 15, 0)),
        T("Dariau, įrašiau atsakymus po klausimais. Išsiųsk tu."),
        T(""),
        level2,
        fam="thunderbird",
    )
    nodes = [T("Sveiki,\n\nsiunčiu užpildytą klausimyną.\n\nDarius Stankus"), level3]
    m = mail(
        "thunderbird",
        "r3lt04",
        inv=inv,
        sender=inv_p,
        subject="Fwd: Fwd: Fwd: " + inv.subject,
        date=when(lab, 5, 9, 9),
        nodes=nodes,
    )
    case(
        lab,
        "forwarded",
        "thunderbird",
        "there-and-back-atsakymas-under-questions",
        m,
        inv,
        A,
        "Nested forwards invitee -> colleague -> invitee -> lab in Thunderbird (three 'Persiųstas laiškas' tables); the answers are "
        "'Atsakymas: ' lines typed by the colleague directly under questions 1, 2, 4, 6, 7 of the innermost forward; From is the invitee.",
    )

    # --- ordinal prose with Lithuanian cases
    inv = invite(lab, "doc. dr. Rūta Mockutė", "ruta.mockute@vdu-tyrimai.example.lt")
    A = {
        "2": "efektyviausi yra esami verslo tinklai ir universitetų partnerystės.",
        "3": "atsakyčiau taip: kūrybinės įmonės žino, kitos – mažai.",
        "5": "reikėtų kasmetinio kūrybinių industrijų žemėlapio.",
        "7": "viešas pripažinimas ir greitos mažos dotacijos.",
    }
    top = (
        "Gerbiamieji,\n\nDėl antrojo klausimo: " + A["2"] + "\n\nĮ trečiąjį klausimą " + A["3"] + "\n\n"
        "Kalbant apie penktąjį klausimą, "
        + A["5"]
        + "\n\nPaskutinis klausimas – "
        + A["7"]
        + "\n\nPagarbiai\nRūta Mockutė\nVytauto Didžiojo universitetas (example)"
    )
    m = mail(
        "outlook_web",
        "r3lt05",
        inv=inv,
        sender=me(inv),
        subject="RE: " + inv.subject,
        date=when(lab, 6, 10, 2),
        nodes=[T(top), *quoted_invitation("outlook_web", lab, inv)],
        irt=inv.message_id,
        refs=inv.message_id,
    )
    case(
        lab,
        "ordinal_prose",
        "outlook_web",
        "del-antrojo-i-treciaji-penktaji-paskutinis",
        m,
        inv,
        A,
        "Lithuanian cases: 'Dėl antrojo klausimo:' (genitive), 'Į trečiąjį klausimą' (accusative, no punctuation: the answer starts at "
        "'atsakyčiau'), 'Kalbant apie penktąjį klausimą,', 'Paskutinis klausimas –' (nominative, = 7); Outlook on the web (Nuo/Išsiųsta/Kam/Tema).",
    )

    inv = invite(lab, "Karolis Jonaitis", "karolis.jonaitis@jonaicio-remontas.example.lt")
    A = {
        "1": "manau, kad reikia kalbėti apie užsakymus.",
        "4": "remonto darbai renginių vietose.",
        "6": "vienas telefono numeris.",
        "7": "greitas apmokėjimas.",
    }
    top = (
        "Laba diena, dėl pirmo klausimo "
        + A["1"]
        + "\n\nĮ ketvirtą: "
        + A["4"]
        + " Į šeštą: "
        + A["6"]
        + "\n\n"
        "Ir septintas klausimas: " + A["7"] + "\n\nKarolis"
    )
    m = mail(
        "gmail_android",
        "r3lt06",
        inv=inv,
        sender=me(inv),
        subject="Re: " + inv.subject,
        date=when(lab, 7, 19, 20),
        nodes=[T(top), *quoted_invitation("gmail_android", lab, inv)],
        irt=inv.message_id,
        refs=inv.message_id,
    )
    case(
        lab,
        "ordinal_prose",
        "gmail_android",
        "del-pirmo-i-ketvirta-i-sesta-septintas",
        m,
        inv,
        A,
        "Phone prose: 'Laba diena, dėl pirmo klausimo manau, kad...' (reference in the greeting's sentence, no punctuation); 'Į ketvirtą: ... Į šeštą: ...' two answers in one paragraph; 'Ir septintas klausimas:'.",
    )


# ############################################################################################
# Finnish questionnaire (Oulu 2026)
# ############################################################################################


def fi_cases() -> None:
    lab = "fi"
    # --- forwarded: Outlook in iso-8859-15, "V:" under each question; "En osaa sanoa." is an answer
    inv = invite(lab, "Jari Lehtonen", "jari.lehtonen@lehtosen-konepaja.example.fi")
    col = Person("Hanna Virtanen", "hanna.virtanen@lehtosen-konepaja.example.fi")
    A = {
        "1": "Konkreettisilla esimerkeillä: mitä yritys voi myydä tai tehdä vuonna 2026.",
        "2": "Oulun kauppakamari, Yrittäjät ja LinkedIn.",
        "3": "Eivät juuri. Moni ajattelee, että se koskee vain kulttuurilaitoksia.",
        "4": "Tapahtumarakenteiden valmistus, alihankinta ja yritysvierailut.",
        "5": "En osaa sanoa.",
        "6": "Yksi verkkosivu, jossa kaikki haut ja määräajat.",
        "7": "Pienet ja nopeat avustukset sekä näkyvyys ohjelmassa.",
    }
    inner = invitee_forward("outlook_windows", inv, "Hanna, voisitko vastata tähän? -Jari")
    inner[-1] = OH(inner[-1][1], *invitation_with_answers(inv, A, prefix="V: ", blank_after=True))
    nodes = [
        T(
            "Hei,\n\nohessa vastauksemme kysymysten alla (V:).\n\nYstävällisin terveisin\nHanna Virtanen\nLehtosen Konepaja Oy (example)"
        ),
        *forward_nodes(
            "outlook_windows", lab, me(inv), col, "VS: " + inv.subject, when(lab, 3, 12, 40), inner
        ),
    ]
    m = mail(
        "outlook_windows",
        "r3fi01",
        inv=inv,
        sender=col,
        subject="VS: VS: " + inv.subject,
        date=when(lab, 6, 8, 15),
        nodes=nodes,
        charset="iso-8859-15",
    )
    case(
        lab,
        "forwarded",
        "outlook_windows",
        "vs-vs-v-under-questions-iso885915",
        m,
        inv,
        A,
        "Variant (b), Outlook in iso-8859-15: 'V: ' answers under all seven questions of the twice-forwarded invitation (Lähettäjä/Lähetetty/"
        "Vastaanottaja/Aihe blocks, original not quoted); 'V: En osaa sanoa.' IS an answer, so nothing is partial; From is the colleague.",
        charset="iso-8859-15",
    )

    # --- forwarded: Gmail, the colleague answered under the whole quote; the note names 1-3
    inv = invite(lab, "Liisa Heikkinen", "liisa.heikkinen@heikkisen-matkat.example.fi")
    col = Person("Mikko Korhonen", "mikko.korhonen@heikkisen-matkat.example.fi")
    A = {
        "1": "Kertomalla, paljonko matkailijoita on tulossa ja mitä he tarvitsevat.",
        "2": "Visit Oulu, Facebook-ryhmät ja paikallislehti.",
        "3": "Osittain. Matkailuala tuntee hankkeen, muut eivät.",
    }

    def mikko(inner: list, d_fwd: datetime) -> list:
        return [
            ATTR(attr_line("gmail_web", lab, me(inv), d_fwd), *inner),
            T(""),
            T(r2.numbered(A, "{n}) ") + "\n\nt. Mikko"),
        ]

    m = forward_of_colleague_reply(
        "gmail_web",
        "gmail_web",
        "r3fi02",
        inv,
        col,
        note="Hei,\n\nMikko vastasi kysymyksiin 1–3, loput lähetän myöhemmin.\n\nTerveisin\nLiisa Heikkinen",
        fwd_note="Mikko, vastaisitko alle?",
        reply_nodes=mikko,
        dates=(when(lab, 3, 13, 20), when(lab, 4, 8, 2), when(lab, 4, 9, 30)),
        threaded=True,
    )
    case(
        lab,
        "forwarded",
        "gmail_web",
        "valitetty-viesti-colleague-under-quote-note-names-1-3",
        m,
        inv,
        A,
        "Variant (a), Gmail 'Välitetty viesti': the colleague's '1)'..'3)' answers come AFTER the whole quoted forward; the note "
        "'Mikko vastasi kysymyksiin 1–3, loput lähetän myöhemmin' names questions and answers none; References name the invitation.",
    )

    # --- forwarded: Apple Mail forward of a Gmail reply written between the quoted questions
    inv = invite(lab, "Antti Mäkinen", "antti.makinen@makisen-puutyo.example.fi")
    col = Person("Sari Niemi", "sari.niemi@makisen-puutyo.example.fi")
    A = {
        "2": "Yrittäjäyhdistys ja Instagram.",
        "4": "Puusta tehdyt näyttämörakenteet ja penkit tapahtumiin.",
        "6": "Selkeät ohjeet suomeksi ja englanniksi.",
    }
    quoted = "\n".join(plain_lines(invitee_forward("gmail_web", inv, "Sari, ehditkö?"), "gmail"))
    sari = [
        T("Moi, vastasin kolmeen.\nSari"),
        T(""),
        T(attr_line("gmail_web", lab, me(inv), when(lab, 3, 16, 0))),
        *interleaved_nodes(quoted, A),
    ]
    nodes = [
        T(
            "Hyvä vastaanottaja,\n\nvälitän työkaverini vastaukset.\n\nAntti Mäkinen\nMäkisen Puutyö (example)"
        ),
        T(""),
        FWD(
            fwd_head("apple_mail", lab, col, me(inv), "Re: Fwd: " + inv.subject, when(lab, 4, 7, 45)),
            *sari,
            fam="apple",
        ),
    ]
    m = mail(
        "apple_mail",
        "r3fi03",
        inv=inv,
        sender=me(inv),
        subject="Fwd: Re: Fwd: " + inv.subject,
        date=when(lab, 4, 10, 3),
        nodes=nodes,
    )
    case(
        lab,
        "forwarded",
        "apple_mail",
        "valitetty-viesti-alkaa-interleaved-gmail-reply",
        m,
        inv,
        A,
        "Variant (a), Apple Mail 'Välitetty viesti alkaa:' (Lähettäjä/Aihe/Päiväys/Vastaanottaja), everything under it quoted; inside, the "
        "colleague's Gmail reply written between the pieces of the quote, so the questions are '>> ' and the answers (2, 4, 6) '> '.",
    )

    # --- forwarded: Outlook for Android, the colleague forwards on with the answers above
    inv = invite(lab, "Pekka Salo", "pekka.salo@salon-sahko.example.fi")
    col = Person("Tiina Laine", "tiina.laine@salon-sahko.example.fi")
    A = {
        "1": "suoraan yrittäjille, ei virkakielellä",
        "3": "ei",
        "7": "rahaa ja vähemmän paperitöitä",
    }
    inner = invitee_forward("outlook_windows", inv, "Tiina, vastaatko sinä tähän?")
    nodes = [
        T(
            "Hei, vastaukset tässä:\n\n"
            + r2.numbered(A, "{n} - ", sep="\n")
            + "\n\nTiina\n\n"
            + footer("outlook_android", lab)
        ),
        T(""),
        *forward_nodes(
            "outlook_android", lab, me(inv), col, "VS: " + inv.subject, when(lab, 3, 11, 11), inner
        ),
    ]
    m = mail(
        "outlook_android",
        "r3fi04",
        inv=inv,
        sender=col,
        subject="VS: VS: " + inv.subject,
        date=when(lab, 5, 17, 30),
        nodes=nodes,
    )
    case(
        lab,
        "forwarded",
        "outlook_android",
        "phone-answers-above-two-outlook-blocks",
        m,
        inv,
        A,
        "Variant (b) from Outlook for Android: '1 - ', '3 - ', '7 - ' answers on consecutive lines above the '____' + Lähettäjä block of the "
        "forward and the invitee's own Outlook forward under it; 'Hanki Outlook for Android' footer; lowercase; found by the link.",
    )

    # --- ordinal prose with Finnish cases
    inv = invite(lab, "FT Maria Karjalainen", "maria.karjalainen@oy-tutkimus.example.fi")
    A = {
        "1": "viestinnän pitää lähteä yritysten tarpeista.",
        "2": "vastaan, että olemassa olevat verkostot toimivat parhaiten.",
        "4": "yhteistyö voisi olla yhteisiä tuotteita ja paikallisia hankintoja.",
        "6": "yksi palvelupiste riittäisi.",
        "7": "näkyvyys ja tunnustus.",
    }
    top = (
        "Hei,\n\nEnsimmäisestä kysymyksestä: "
        + A["1"]
        + "\n\nToiseen kysymykseen "
        + A["2"]
        + "\n\nNeljännen kysymyksen kohdalla "
        + A["4"]
        + "\n\nKuudenteen: "
        + A["6"]
        + "\n\nViimeiseen kysymykseen: "
        + A["7"]
        + "\n\nTerveisin\nMaria Karjalainen\nOulun yliopisto (example)"
    )
    m = mail(
        "thunderbird",
        "r3fi05",
        inv=inv,
        sender=me(inv),
        subject="Re: " + inv.subject,
        date=when(lab, 5, 12, 0),
        nodes=[T(top), *quoted_invitation("thunderbird", lab, inv)],
        irt=inv.message_id,
        refs=inv.message_id,
    )
    case(
        lab,
        "ordinal_prose",
        "thunderbird",
        "ensimmaisesta-toiseen-neljannen-kohdalla-viimeiseen",
        m,
        inv,
        A,
        "Finnish cases: 'Ensimmäisestä kysymyksestä:' (elative), 'Toiseen kysymykseen vastaan, että' (illative, no punctuation: the answer "
        "starts at 'vastaan'), 'Neljännen kysymyksen kohdalla' (genitive + postposition), 'Kuudenteen:' (no noun), 'Viimeiseen kysymykseen:' (= 7).",
    )

    inv = invite(lab, "Ville Rantanen", "ville.rantanen@rantasen-kahvila.example.fi")
    A = {
        "1": "sanoisin, että puhumalla asiakkaista eikä kulttuurista.",
        "2": "Facebook.",
        "3": "eivät tunne.",
        "5": "kysykää suoraan yrittäjiltä.",
    }
    top = (
        "Hei! Ensimmäiseen kysymykseen "
        + A["1"]
        + "\n\nToiseen: "
        + A["2"]
        + " Kolmanteen: "
        + A["3"]
        + "\n\n"
        "Kysymys viisi – " + A["5"] + "\n\nVille"
    )
    m = mail(
        "proton",
        "r3fi06",
        inv=inv,
        sender=me(inv),
        subject="Re: " + inv.subject,
        date=when(lab, 8, 9, 44),
        nodes=[T(top), *quoted_invitation("proton", lab, inv)],
        irt=inv.message_id,
        refs=inv.message_id,
    )
    case(
        lab,
        "ordinal_prose",
        "proton",
        "ensimmaiseen-toiseen-kolmanteen-kysymys-viisi",
        m,
        inv,
        A,
        "Prose: 'Hei! Ensimmäiseen kysymykseen sanoisin, että...' (greeting and reference in one paragraph, no punctuation after the "
        "reference); 'Toiseen: ... Kolmanteen: ...' two answers in one paragraph; 'Kysymys viisi –' (cardinal); Proton with an English "
        "'Original Message' header.",
    )


# ############################################################################################
# German questionnaire (Chemnitz 2025)
# ############################################################################################


def de_cases() -> None:
    lab = "de"
    # --- forwarded: Outlook in iso-8859-15, "=> " under the questions, the link deleted
    inv = invite(lab, "Uwe Schneider", "uwe.schneider@schneider-druck.example.de")
    col = Person("Katja Weber", "katja.weber@schneider-druck.example.de")
    A = {
        "1": "Mit Beispielen aus Chemnitz, nicht aus Brüssel.",
        "2": "IHK-Newsletter, Freie Presse, Unternehmerfrühstück.",
        "3": "Eher nicht.",
        "5": "Über die Verbände der Kreativwirtschaft.",
        "6": "Eine Ansprechperson bei der Stadt und eine Übersicht aller Ausschreibungen.",
    }
    inner = invitee_forward(
        "outlook_windows",
        inv,
        "Katja, bitte beantworten und direkt zurückschicken. Danke! Uwe",
        drop_link=True,
    )
    inner[-1] = OH(inner[-1][1], *invitation_with_answers(inv, A, prefix="=> ", drop_link=True))
    nodes = [
        T(
            "Sehr geehrte Damen und Herren,\n\nanbei unsere Antworten, jeweils mit => unter der Frage.\n\nMit freundlichen Grüßen\nKatja Weber\nSchneider Druck GmbH (example)\n\nSchneider Druck GmbH | Amtsgericht Chemnitz HRB 00000 (example)"
        ),
        *forward_nodes(
            "outlook_windows", lab, me(inv), col, "WG: " + inv.subject, when(lab, 3, 11, 48), inner
        ),
    ]
    m = mail(
        "outlook_windows",
        "r3de01",
        inv=inv,
        sender=col,
        subject="WG: WG: " + inv.subject,
        date=when(lab, 4, 13, 13),
        nodes=nodes,
        charset="iso-8859-15",
    )
    case(
        lab,
        "forwarded",
        "outlook_windows",
        "wg-wg-arrow-under-questions-link-deleted",
        m,
        inv,
        A,
        "Variant (b), Outlook in iso-8859-15: '=> ' answers under questions 1, 2, 3, 5, 6 of the twice-forwarded invitation; the personal link "
        "was deleted and Outlook started a new thread, so the mail names the invitation only through the invitee's address in the 'Von:' line; "
        "commercial-register line in the signature.",
        charset="iso-8859-15",
    )

    # --- forwarded: invitee -> colleague -> back -> lab with three Gmail "Weitergeleitete Nachricht" blocks
    inv = invite(lab, "Sabine Fischer", "sabine.fischer@fischer-events.example.de")
    col = Person("Jan Hoffmann", "jan.hoffmann@fischer-events.example.de")
    A = {
        "1": "Weniger Kulturbegriffe, mehr Geschäftssprache.",
        "2": "LinkedIn, Messen, der Newsletter der Wirtschaftsförderung.",
        "4": "Veranstaltungstechnik, Catering, Logistik für die großen Events.",
        "7": "Ausschreibungen in kleinen Losen, damit auch kleine Firmen mitbieten können.",
    }
    lab_p, inv_p = lab_person(inv), me(inv)
    level1 = FWD(fwd_head("gmail_web", lab, lab_p, inv_p, inv.subject, inv.sent), T(inv.text()), fam="gmail")
    level2 = FWD(
        fwd_head("gmail_web", lab, inv_p, col, "Fwd: " + inv.subject, when(lab, 3, 10, 40)),
        T("Jan, kannst du das machen?"),
        T(""),
        level1,
        fam="gmail",
    )
    level3 = FWD(
        fwd_head("gmail_web", lab, col, inv_p, "Fwd: Fwd: " + inv.subject, when(lab, 4, 16, 20)),
        T(
            "Hi Sabine,\n\nhier meine Antworten:\n\n"
            + r2.numbered(A, "{n}. ")
            + "\n\nBei 3, 5 und 6 bin ich unsicher, mach du das.\n\nJan"
        ),
        T(""),
        level2,
        fam="gmail",
    )
    nodes = [
        T(
            "Guten Tag,\n\nanbei die Antworten meines Kollegen Jan Hoffmann. Die Fragen 3, 5 und 6 lassen wir offen.\n\nViele Grüße\nSabine Fischer"
        ),
        T(""),
        level3,
    ]
    m = mail(
        "gmail_web",
        "r3de02",
        inv=inv,
        sender=inv_p,
        subject="Fwd: Fwd: Fwd: " + inv.subject,
        date=when(lab, 5, 8, 8),
        nodes=nodes,
    )
    case(
        lab,
        "forwarded",
        "gmail_web",
        "three-weitergeleitete-nachricht-there-and-back",
        m,
        inv,
        A,
        "Nested forwards invitee -> colleague -> invitee -> lab in Gmail (three 'Weitergeleitete Nachricht' blocks, nested gmail_quote divs); "
        "the colleague's '1.', '2.', '4.', '7.' answers sit above the middle forward; both his 'Bei 3, 5 und 6 bin ich unsicher' and the note "
        "'Die Fragen 3, 5 und 6 lassen wir offen' are remarks; no In-Reply-To: found by the link.",
    )

    # --- forwarded: Thunderbird inline forward of a colleague's plain reply written between '>' questions
    inv = invite(lab, "Matthias Koch", "matthias.koch@koch-software.example.de")
    col = Person("Lena Braun", "lena.braun@koch-software.example.de")
    A = {
        "1": "Über konkrete Aufträge. Start-ups wollen Kunden, keine Imagekampagnen.",
        "3": "Die Kreativen schon, die IT-Firmen kaum.",
        "4": "Apps und digitale Angebote für Besucher, entwickelt von lokalen Teams.",
        "7": "Hackathons mit echten Aufgaben der Kulturhauptstadt und einem Auftrag als Preis.",
    }
    quoted = "\n".join(
        plain_lines([Q(*invitee_forward("thunderbird", inv, "Lena, magst du antworten?"))], "thunderbird")
    )
    lena = (
        "Hallo Matthias,\n\nmeine Antworten stehen zwischen den Fragen.\n\n"
        + attr_line("thunderbird", lab, me(inv), when(lab, 3, 14, 14))
        + "\n"
        + interleave(quoted, A)
    )
    nodes = [
        T(
            "Hallo,\n\nhier die Antworten von Lena Braun aus unserem Team, ich schließe mich an.\n\nMatthias Koch"
        ),
        FWD(
            fwd_head("thunderbird", lab, col, me(inv), "Re: Fwd: " + inv.subject, when(lab, 4, 12, 30)),
            T(lena),
            fam="thunderbird",
        ),
    ]
    m = mail(
        "thunderbird",
        "r3de03",
        inv=inv,
        sender=me(inv),
        subject="Fwd: Re: Fwd: " + inv.subject,
        date=when(lab, 4, 17, 0),
        nodes=nodes,
    )
    case(
        lab,
        "forwarded",
        "thunderbird",
        "weitergeleitete-nachricht-interleaved-plain-reply",
        m,
        inv,
        A,
        "Variant (a), Thunderbird inline forward ('-------- Weitergeleitete Nachricht --------' table): the forwarded colleague reply has its "
        "answers between '> 1.'-style quoted questions (1, 3, 4, 7), its quote holding the invitee's own Thunderbird forward of the invitation; "
        "'ich schließe mich an' is no answer; no In-Reply-To: found by the link.",
    )

    # --- forwarded: HTML-only Outlook on the web, red answers under the questions
    inv = invite(lab, "Claudia Neumann", "claudia.neumann@neumann-mode.example.de")
    col = Person("Felix Wolf", "felix.wolf@neumann-mode.example.de")
    A = {
        "2": "Instagram, der Einzelhandelsverband, Schaufenster.",
        "3": "Nein.",
        "4": "Mode aus Chemnitz bei den Veranstaltungen zeigen, Pop-up-Läden in leeren Geschäften.",
        "5": "Runde Tische mit den Designerinnen und Designern der Stadt.",
        "6": "Ein monatlicher Newsletter mit allen Terminen.",
        "7": "Leerstand günstig vermieten.",
    }
    inner = invitee_forward("outlook_web", inv, "Felix, übernimmst du das?")
    inner[-1] = OH(
        inner[-1][1], *invitation_with_answers(inv, A, style="#FF0000", blank_after=False), sep=True
    )
    nodes = [
        T("Guten Tag,\n\ndie Antworten stehen in Rot unter den Fragen.\n\nGruß\nFelix Wolf"),
        T(""),
        *forward_nodes("outlook_web", lab, me(inv), col, "WG: " + inv.subject, when(lab, 3, 15, 55), inner),
    ]
    m = mail(
        "outlook_web",
        "r3de04",
        inv=inv,
        sender=col,
        subject="WG: WG: " + inv.subject,
        date=when(lab, 6, 11, 2),
        nodes=nodes,
        mode="html",
    )
    case(
        lab,
        "forwarded",
        "outlook_web",
        "html-only-owa-red-answers-under-questions",
        m,
        inv,
        A,
        "Variant (b), HTML-only Outlook on the web: the answers are red <span> lines directly under questions 2-7 of the twice-forwarded "
        "invitation (divRplyFwdMsg header blocks), no prefix; question 1 has none; From is the colleague.",
    )

    # --- ordinal prose: "Zur zweiten Frage:" as its own line, "Was die vierte Frage angeht", "Zu Frage sechs", "zur letzten Frage"
    inv = invite(lab, "Prof. Dr. Heike Zimmermann", "heike.zimmermann@tu-forschung.example.de")
    A = {
        "2": "Die IHK-Newsletter, die Gründernetzwerke an den Hochschulen und die regionale Presse.\nSoziale Medien eher ergänzend.",
        "4": "sehe ich vor allem Zulieferungen, gemeinsame Formate im öffentlichen Raum und Patenschaften.",
        "6": "eine zentrale Plattform mit Filter nach Branche.",
        "7": "Sichtbarkeit im offiziellen Programm wirkt oft stärker als Geld.",
    }
    top = (
        "Sehr geehrte Damen und Herren,\n\ngern beantworte ich einige Ihrer Fragen.\n\nZur zweiten Frage:\n"
        + A["2"]
        + "\n\n"
        "Was die vierte Frage angeht, "
        + A["4"]
        + "\n\nZu Frage sechs: "
        + A["6"]
        + "\n\nUnd zur letzten Frage noch: "
        + A["7"]
        + "\n\n"
        "Mit freundlichen Grüßen\nHeike Zimmermann\nTechnische Universität Chemnitz (example)"
    )
    m = mail(
        "outlook_mac",
        "r3de05",
        inv=inv,
        sender=me(inv),
        subject="AW: " + inv.subject,
        date=when(lab, 5, 15, 45),
        nodes=[T(top), *quoted_invitation("outlook_mac", lab, inv)],
        irt=inv.message_id,
        refs=inv.message_id,
    )
    case(
        lab,
        "ordinal_prose",
        "outlook_mac",
        "zur-zweiten-frage-own-line-was-die-vierte-letzte",
        m,
        inv,
        A,
        "Prose: 'Zur zweiten Frage:' on a line of its own (the answer is the two lines under it), 'Was die vierte Frage angeht,', 'Zu Frage "
        "sechs:' (cardinal), 'Und zur letzten Frage noch:' (= 7); 'gern beantworte ich einige Ihrer Fragen' is no answer; Outlook for Mac.",
    )

    inv = invite(lab, "Thomas Becker", "thomas.becker@becker-handwerk.example.de")
    A = {
        "1": "würde ich sagen, dass man mit den Handwerkskammern anfangen sollte.",
        "3": "ja, aber nur vom Namen her.",
        "5": "über die Kammern.",
    }
    top = (
        "Sehr geehrte Damen und Herren, bezüglich der ersten Frage "
        + A["1"]
        + "\n\nZur dritten: "
        + A["3"]
        + " Zur fünften: "
        + A["5"]
        + "\n\n"
        "Den Rest kann ich nicht beantworten.\n\nBeste Grüße\nThomas Becker\nBecker Handwerk (example)"
    )
    m = mail(
        "gmail_web",
        "r3de06",
        inv=inv,
        sender=me(inv),
        subject="Re: " + inv.subject,
        date=when(lab, 9, 8, 31),
        nodes=[T(top), *quoted_invitation("gmail_web", lab, inv)],
        irt=inv.message_id,
        refs=inv.message_id,
    )
    case(
        lab,
        "ordinal_prose",
        "gmail_web",
        "bezueglich-der-ersten-zur-dritten-zur-fuenften",
        m,
        inv,
        A,
        "Prose: 'Sehr geehrte Damen und Herren, bezüglich der ersten Frage würde ich sagen...' (reference in the greeting's sentence, no "
        "punctuation after it); 'Zur dritten: ... Zur fünften: ...' two answers in one paragraph; 'Den Rest kann ich nicht beantworten.' is no "
        "answer; Gmail 'Am ... schrieb ...:'.",
    )


# ############################################################################################
# Writing, checking, README
# ############################################################################################

EXPECTED_KEYS = [*bc.EXPECTED_KEYS, "category", "client"]
README_START = "<!-- round three: start (written by build_round3.py) -->"
README_END = "<!-- round three: end -->"
LANG_FUNCS = ["ro_cases", "en_cases", "it_cases", "nl_cases", "hr_cases", "lt_cases", "fi_cases", "de_cases"]


def slug(c: Case) -> str:
    return f"{c.lang}_{c.category}-{c.client}-{c.what}"


def expected_of(c: Case) -> dict:
    return {
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


def to_bytes(c: Case) -> bytes:
    data = c.msg.as_bytes(policy=policy.default.clone(linesep="\n"))
    if c.crlf:
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return data


QUOTE_MARK = re.compile(r"(?m)^[ \t]*(?:>[ \t]?)+")


def norm(s: str) -> str:
    return bc.norm(QUOTE_MARK.sub("", s.replace("\r\n", "\n")))


def check(stem: str, c: Case) -> dict:
    raw = (HERE / f"{stem}.eml").read_bytes()
    exp = json.loads((HERE / f"{stem}.expected.json").read_text(encoding="utf-8"))
    problems = []

    def need(cond, what):
        if not cond:
            problems.append(what)

    need(list(exp) == EXPECTED_KEYS, f"keys {list(exp)}")
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
    d = bc.decode_all(msg)
    need(bc.decoded_leaves(c.msg) == bc.decoded_leaves(msg), "decoded bodies differ from the built message")
    ids = f"{msg.get('In-Reply-To', '')} {msg.get('References', '')}"
    mid = exp["invitation"]["message_id"]
    if mid:
        need(mid in ids, "invitation message id")
    else:
        need("invitation-" not in ids, "no invitation id expected")
    everything = "\n".join(d.plain + d.html + d.attachments + d.other)
    tok = exp["invitation"]["token"]
    if tok:
        need(tok in everything, "token in text")
    else:
        need("/labs/answer/" not in everything, "no link expected")
    need(("html_only" in exp["flags"]) == (not d.plain and bool(d.html)), "html_only flag")
    if "from_attachment" in exp["flags"]:
        sources = ["\n".join(d.attachments)]
    else:
        sources = [s for s in ("\n".join(d.plain), "\n".join(d.html)) if s]
    for src in sources:  # every answer is in the text part AND in the HTML part
        s = norm(src)
        for k, v in exp["answers"].items():
            need(norm(v) in s, f"answer {k} not found in decoded text: {v[:50]!r}")
    if not exp["is_answer"]:
        need(not exp["answers"], "non-answer with answers")
        need(exp["category"] == "non_answer", "non-answer category")
    else:
        need(bool(exp["answers"]), "answer without answers")
        need(("partial" in exp["flags"]) == (len(exp["answers"]) < 7), "partial flag")
    need(("different_language" in exp["flags"]) == (exp["language"] != c.lang), "different_language flag")
    if problems:
        raise AssertionError(f"{stem}: " + "; ".join(problems))
    return {"leaves": d.leaves}


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
    (HERE / "invitations_round3.json").write_text(bc.dump_json(data), encoding="utf-8")


README_TEXT = """
## Round three: forwards and questions named in words (200 onwards)

Written by `build_round3.py` (run it last: `python3 build_corpus.py && python3 build_round2.py &&
python3 build_round3.py`; round two's generator deletes every file numbered 054 or higher). Its
invitations are in `invitations_round3.json` (inv-0200 onwards). Same file shape as round two
(`category`, `client`). A different hand wrote these mails, mostly `forwarded` and `ordinal_prose`,
to keep the parser from fitting one generator's habits.

Conventions added in this round:

* A forwarder's own lines that name questions ("X answered 1-4, I'll do the rest later", "La 6 nu am
  idee") are never answers, and neither is anything the invitee wrote when forwarding the invitation
  to a colleague.
* Answers typed under the questions of a forwarded invitation lose their marker (`R: `, `-> `,
  `=> `, `Odg: `, `A: `, `V: `, `Ats.: `, `Atsakymas: `, `[DM] `); CAPS stay as typed; a marker
  followed by `-` or nothing is no answer. In an
  HTML-only mail whose answers are told apart only by their colour, the answer is the coloured text.
* Answers in a `.txt` attachment of a forward carry `from_attachment`.
* A forward of the bare invitation to the lab by mistake ("can you answer this?") answers nothing:
  `non_answer`, `is_answer: false`.
* Ordinal prose: several references in one paragraph ("La a doua întrebare: ... La a treia: ...")
  split it, each answer ending where the next reference starts; "the last question" / "ultima" /
  "viimeiseen" is 7; cardinal forms ("question five", "întrebarea numărul șase") count like ordinals;
  a reference inside the greeting's paragraph ("Stimată echipă, referitor la prima întrebare, ...")
  starts the answer after its punctuation.
* `invitation` is what the mail lets you find: `null`/`null` when the colleague deleted the link and
  the forward started a new thread (then only the invitee's address inside the forwarded header
  tells whose invitation it was).

"""


def readme_section(rows: list[dict]) -> str:
    out = [README_START, "\n", README_TEXT]
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
        text = head + section + rest.split(README_END, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main() -> int:
    for fn in LANG_FUNCS:
        if fn in globals():
            globals()[fn]()
    for old in HERE.glob("[0-9][0-9][0-9]_*"):
        if int(old.name[:3]) >= FIRST_NUMBER:
            old.unlink()
    write_invitations()
    written = []
    for i, c in enumerate(CASES, FIRST_NUMBER):
        stem = f"{i:03d}_{slug(c)}"
        (HERE / f"{stem}.eml").write_bytes(to_bytes(c))
        (HERE / f"{stem}.expected.json").write_text(bc.dump_json(expected_of(c)), encoding="utf-8")
        written.append((f"{i:03d}", stem, c))
    rows = [{"n": n, "stem": stem, "case": c, **check(stem, c)} for n, stem, c in written]
    write_readme(rows)
    print(f"{len(rows)} round-three mails written and checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
