"""Mail intake that cannot be used to stall the server: parsing in linear time on hostile input,
large uploads read by the worker, imports whole or not at all, and From addresses not trusted."""

import base64
import io
import json
import random
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import DataError
from django.utils import timezone

from ecocsme.core.links import new_nonce
from ecocsme.labs import replies, reply_import
from ecocsme.labs.htmltext import html_to_text
from ecocsme.labs.models import EmailReply, Invitation, Lab, ReplyImport, Response
from ecocsme.labs.replies import parse_reply
from ecocsme.labs.reply_import import files_pack, replies_import, replies_upload, reply_import_execute
from ecocsme.organisations.models import Contact

CORPUS = Path(__file__).parent / "corpus" / "replies"
QUESTIONS = json.loads((CORPUS / "questions.en.json").read_text(encoding="utf-8"))
HEAD = ("From: Example Sender <sender@example.org>\nTo: lab@example.org\nSubject: Re: consultation\n"
        "Message-ID: <hostile@example.org>\n")


# --- hostile input --------------------------------------------------------------------------------
def _repeat(unit: str, size: int) -> str:
    return unit * (size // len(unit))


def _noise(size: int) -> str:
    rng = random.Random(size)
    return "".join(rng.choices("abc xyz>1.:-\n\t<>&;#*_|?!0123456789ăîșț ", k=size))


TEXTS = {  # plain-text bodies
    "noise": _noise,
    "one_line": lambda size: _repeat("word ", size),  # no newline at all
    "short_lines": lambda size: _repeat("ab\n", size),
    "quote_markers": lambda size: ">" * (size // 2) + "\n" + _repeat("> " * 40 + "1. x\n", size // 2),
    "digits": lambda size: _repeat("1. 2.3 45 . 6 ", size),
    "numbered": lambda size: _repeat("1.\n", size),
}
HTMLS = {  # HTML-only bodies
    "nested_html": lambda size: _repeat("<div><blockquote><ol><li>", size) + "1. x",
    "html_brackets": lambda size: _repeat("<a <!-- </ <![CDATA[ 3 < 4 ", size),
}


def hostile_mail(kind: str, size: int) -> bytes:
    """A message of about `size` bytes made to find super-linear steps in the parser."""
    if kind in TEXTS:
        return (HEAD + "Content-Type: text/plain; charset=utf-8\n\n" + TEXTS[kind](size)).encode()
    if kind in HTMLS:
        return (HEAD + "Content-Type: text/html; charset=utf-8\n\n" + HTMLS[kind](size)).encode()
    if kind == "base64":  # a text body and a huge attachment, both base64
        text = base64.encodebytes(_repeat("1. answer\n2. more\n", size // 2).encode()).decode()
        binary = base64.encodebytes(random.Random(1).randbytes(size // 3)).decode()
        return (HEAD + "Content-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/plain\n"
                "Content-Transfer-Encoding: base64\n\n" + text + "--B\nContent-Type: application/pdf\n"
                "Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=a.pdf\n\n"
                + binary + "--B--\n").encode()
    if kind == "parts":
        return (HEAD + "Content-Type: multipart/mixed; boundary=B\n\n"
                + _repeat("--B\nContent-Type: text/plain\n\n1. x\n", size) + "--B--\n").encode()
    if kind == "headers":  # what the email package's header parsers take worst
        return ("From: " + '"' * (size // 2) + "\nContent-Type: text/plain; " + _repeat("a=b; ", size // 2)
                + "\n\n1. Yes\n").encode()
    raise KeyError(kind)


LINEAR_KINDS = [*TEXTS, *HTMLS, "base64"]  # linear in what is read, however much that is
KINDS = [*LINEAR_KINDS, "parts", "headers"]  # these two are linear thanks to the bounds


def seconds(raw: bytes) -> float:
    """The shortest of a few parses (one when it is slow), to keep noise out of the ratios."""
    times: list[float] = []
    while len(times) < 3 and sum(times) < 0.3:
        started = time.perf_counter()
        parse_reply(raw, QUESTIONS)
        times.append(time.perf_counter() - started)
    return min(times)


def grows_linearly(small: float, large: float) -> bool:
    """Ten times the input takes under twenty times as long (a quadratic step would take a
    hundred times); times under 20 ms are all alike."""
    return large < 20 * max(small, 0.02)


@pytest.mark.parametrize("kind", LINEAR_KINDS)
def test_parsing_takes_time_linear_in_what_is_read(kind, monkeypatch):
    for bound in ("MAX_TEXT_CHARS", "MAX_TEXT_LINES", "MAX_HTML_CHARS"):
        monkeypatch.setattr(replies, bound, 10**9)  # read everything
    small, large = seconds(hostile_mail(kind, 40_000)), seconds(hostile_mail(kind, 400_000))
    assert grows_linearly(small, large), (kind, small, large)


@pytest.mark.parametrize("kind", KINDS)
def test_a_2_mb_hostile_mail_is_parsed_quickly(kind):
    small, large = seconds(hostile_mail(kind, 200_000)), seconds(hostile_mail(kind, 2_000_000))
    assert large < 10, (kind, large)
    assert grows_linearly(small, large), (kind, small, large)


def test_the_best_run_of_markers_is_the_one_a_plain_search_finds():
    """_best_sequence is linear; this is the quadratic search it replaces, on random markers."""
    rng = random.Random(3)
    styles = ["|.|0", "q|:|0", "|)|2", "ad|)|0"]
    for _case in range(1500):
        markers = [replies._Marker(line, str(rng.randint(1, 7)), rng.choice(styles), "", "number")
                   for line in range(rng.randint(1, 15))]
        assert replies._best_sequence(markers) == _plain_best_sequence(markers)


def _plain_best_sequence(markers):
    count = {m.style: sum(1 for n in markers if n.style == m.style) for m in markers}
    best = []
    for i, marker in enumerate(markers):  # in twentieths, as _best_sequence counts
        best.append((20 + 2 * count[marker.style] + (10 if marker.number == "1" else 0) - 12 * i, -1))
        for j in range(i):
            if int(markers[j].number) < int(marker.number):
                total = (best[j][0] + 20 + 2 * count[marker.style]
                         + (6 if markers[j].style == marker.style else 0)
                         - (int(marker.number) - int(markers[j].number) - 1) - 4 * (i - j - 1))
                if total > best[i][0]:
                    best[i] = (total, j)
    end, chosen = max(range(len(markers)), key=lambda k: best[k][0]), []
    while end != -1:
        chosen.append(markers[end])
        end = best[end][1]
    return chosen[::-1]


def test_a_long_ordinary_reply_is_read_whole():
    quoted = "\n".join(f"> Line {n} of an earlier message, quoted in full by the mail program." for n in range(5000))
    answers = "\n\n".join(f"{n}. " + "A long and considered answer. " * 300 for n in QUESTIONS)
    raw = (HEAD + "In-Reply-To: <inv@example.org>\n\n" + answers + "\n\nBest regards,\nAna\n\n"
           + "On Tue, 3 Nov 2020 at 10:15, Lab <lab@example.org> wrote:\n" + quoted + "\n").encode()
    assert len(raw) > 400_000
    reply = parse_reply(raw, QUESTIONS)
    assert replies.TRUNCATED not in reply.flags
    assert set(reply.answers) == set(QUESTIONS)
    assert reply.answers["7"].endswith("A long and considered answer.")


def test_beyond_the_bounds_only_the_beginning_is_read_and_flagged():
    raw = (HEAD + "\n1. Radio\n2. Newsletters\n" + "filler line\n" * (replies.MAX_TEXT_LINES + 10)).encode()
    reply = parse_reply(raw, QUESTIONS)
    assert replies.TRUNCATED in reply.flags
    assert reply.answers["1"] == "Radio"


def test_stray_brackets_in_html_stay_text():
    assert html_to_text("<p>3 < 4 and <b>bold</b></p><p>x <y") == "3 < 4 and bold\n\nx <y"
    assert html_to_text("<!-- note --><p>a</p><!-- never closed <p>b</p>") == "a\n<!-- never closed\nb"


# --- imports ----------------------------------------------------------------------------------------
@pytest.fixture
def lab(project):
    return Lab.objects.get(partner__number=6, number=2)


@pytest.fixture
def staff(project, make_user):
    return make_user("intake-staff", role="partner_staff", project=project, partner_number=6)


@pytest.fixture
def invitation(lab):
    contact = Contact.objects.create(partner=lab.partner, name="Example Person", email="p@example.org",
                                     language="en")
    return Invitation.objects.create(lab=lab, contact=contact, language="en", nonce=new_nonce(),
                                     expires_at=lab.created_at.replace(year=2100),
                                     message_id="<inv-p@example.org>")


def mail(number: int, *, sender: str = "p@example.org", headers: str = "In-Reply-To: <inv-p@example.org>\n",
         body: str = "1. Radio\n2. Newsletters\n") -> bytes:
    return (f"From: {sender}\nSubject: Re: consultation\nMessage-ID: <reply-{number}@example.org>\n"
            f"{headers}\n{body}").encode()


def mbox(*messages: bytes) -> bytes:
    return b"".join(b"From example@example.org Mon Jan  1 00:00:00 2024\n" + m.replace(b"\nFrom ", b"\n>From ")
                    + b"\n" for m in messages)


def upload(name: str, data: bytes) -> io.BytesIO:
    file = io.BytesIO(data)
    file.name = name
    return file


# From is easy to forge.
@pytest.mark.django_db
def test_a_reply_matched_only_by_its_address_waits_for_a_person(client, lab, staff, invitation):
    report = replies_import(actor=staff, lab=lab, files=[("r.eml", mail(1, headers=""))])
    reply = EmailReply.objects.get()
    assert (reply.invitation, reply.match, reply.status) == (invitation, "address", "to_review")
    assert reply_import.ADDRESS_ONLY in reply.flags and report.to_review == 1 and report.counted == 0
    assert not Response.objects.exists()
    client.force_login(staff)
    page = client.get(f"/en/manage/labs/{lab.pk}/replies/").content.decode()
    assert "Matched only by the sender" in page


@pytest.mark.django_db
def test_replies_matched_by_their_headers_still_count(lab, staff, invitation):
    report = replies_import(actor=staff, lab=lab, files=[("r.eml", mail(1, sender="other@example.org"))])
    reply = EmailReply.objects.get()
    assert (reply.match, reply.status, report.counted) == ("headers", "counted", 1)
    assert Response.objects.get(invitation=invitation).status == "submitted"


# All or nothing.
@pytest.mark.django_db
def test_values_too_long_for_their_columns_are_cut_or_left_out(lab, staff, invitation):
    raw = (f"From: {'x' * 300}@example.org\nSubject: Re\x00 {'s' * 500}\nMessage-ID: <{'m' * 400}@example.org>\n"
           "In-Reply-To: <inv-p@example.org>\n\n1. Ra\x00dio\n2. Yes\n").encode()
    report = replies_import(actor=staff, lab=lab, files=[("r.eml", raw)])
    reply = EmailReply.objects.get()
    assert reply.sender == "" and len(reply.subject) == 300 and len(reply.message_id) == 255
    assert reply.subject.startswith("Re s") and reply.answers["1"] == "Radio"
    assert report.counted == 1 and report.errors == []


@pytest.mark.django_db
def test_an_error_on_one_message_saves_nothing_of_the_upload(client, lab, staff, invitation, monkeypatch):
    save = EmailReply.save

    def refused_for_the_second(reply, *args, **kwargs):  # as PostgreSQL refuses a bad value
        if reply.message_id == "<reply-2@example.org>":
            raise DataError("value too long for type character varying(254)")
        return save(reply, *args, **kwargs)

    monkeypatch.setattr(EmailReply, "save", refused_for_the_second)
    data = mbox(mail(1), mail(2), mail(3))
    report = replies_import(actor=staff, lab=lab, files=[("r.mbox", data)])
    assert report.errors and "nothing was saved" in report.errors[0]
    assert not EmailReply.objects.exists() and not Response.objects.exists()
    invitation.refresh_from_db()
    assert invitation.status != "answered"
    client.force_login(staff)
    page = client.post(f"/en/manage/labs/{lab.pk}/replies/", {"files": [upload("r.mbox", data)]}, follow=True)
    assert "nothing was saved" in page.content.decode() and "Counted:" not in page.content.decode()
    assert not EmailReply.objects.exists()


@pytest.mark.django_db
def test_replies_imported_before_or_twice_are_counted_as_such(lab, staff, invitation):
    replies_import(actor=staff, lab=lab, files=[("r.eml", mail(1))])
    report = replies_import(actor=staff, lab=lab, files=[("r.mbox", mbox(mail(1), mail(2), mail(2)))])
    assert (report.duplicates, report.to_review + report.counted, report.errors) == (2, 1, [])
    assert EmailReply.objects.count() == 2


# Large uploads in the background.
def test_large_or_many_messages_go_to_the_worker():
    assert not reply_import.runs_in_background([("r.eml", mail(1))])
    assert reply_import.runs_in_background([("r.eml", mail(1) + b"x" * (1024 * 1024))])
    assert reply_import.runs_in_background([("r.mbox", mbox(*(mail(n) for n in range(21))))])
    assert not reply_import.runs_in_background([("r.mbox", b"x" * (51 * 1024 * 1024))])  # refused


@pytest.mark.django_db(transaction=True)
def test_a_large_upload_is_imported_by_the_worker(client, lab, staff, invitation):
    client.force_login(staff)
    messages = [mail(n) for n in range(25)]
    page = client.post(f"/en/manage/labs/{lab.pk}/replies/", {"files": [upload("r.mbox", mbox(*messages))]},
                       follow=True)
    job = ReplyImport.objects.get()
    assert job.status == "queued" and bytes(job.upload) and not EmailReply.objects.exists()
    assert "read in the background" in page.content.decode()
    status_url = f"/en/manage/labs/{lab.pk}/replies/?part=import_status"
    fragment = client.get(status_url).content.decode()
    assert 'hx-trigger="every 2s"' in fragment and "Waiting for the background worker" in fragment

    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    job.refresh_from_db()
    assert (job.status, job.progress, bytes(job.upload)) == ("done", 100, b"")
    assert (job.counted, job.to_review) == (1, 24)  # the first answers the invitation
    assert EmailReply.objects.count() == 25 and Response.objects.filter(status="submitted").count() == 1
    finished = client.get(status_url + "&active=1", HTTP_HX_REQUEST="true")
    assert finished.status_code == 204 and finished["HX-Refresh"] == "true"
    fragment = client.get(status_url).content.decode()
    assert "every 2s" not in fragment and "counted 1, to review 24" in fragment


@pytest.mark.django_db
def test_the_worker_imports_nothing_when_a_message_fails_and_drops_the_upload(lab, staff, invitation,
                                                                              monkeypatch):
    monkeypatch.setattr(reply_import, "parse_reply", lambda raw, questions: 1 / 0)
    job = ReplyImport.objects.create(lab=lab, requested_by=staff, language="en",
                                     upload=files_pack([("r.mbox", mbox(mail(1), mail(2)))]))
    reply_import_execute(job.pk)
    job.refresh_from_db()
    assert (job.status, bytes(job.upload)) == ("failed", b"") and "nothing was saved" in job.error
    assert not EmailReply.objects.exists()
    reply_import_execute(job.pk)  # run twice by the worker: nothing happens
    assert ReplyImport.objects.get().finished_at == job.finished_at


@pytest.mark.django_db
def test_an_import_whose_uploader_lost_the_right_fails_and_drops_the_upload(lab, make_user, invitation):
    former = make_user("former-staff")  # no membership any more
    job = ReplyImport.objects.create(lab=lab, requested_by=former, upload=files_pack([("r.eml", mail(1))]))
    reply_import_execute(job.pk)
    job.refresh_from_db()
    assert (job.status, bytes(job.upload)) == ("failed", b"") and "partner's staff" in job.error
    assert not EmailReply.objects.exists()


@pytest.mark.django_db
def test_an_interrupted_import_is_given_up_and_its_upload_dropped(client, lab, staff):
    job = ReplyImport.objects.create(lab=lab, requested_by=staff, upload=files_pack([("r.eml", mail(1))]),
                                     status="running")
    ReplyImport.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    client.force_login(staff)
    page = client.get(f"/en/manage/labs/{lab.pk}/replies/").content.decode()
    job.refresh_from_db()
    assert (job.status, bytes(job.upload)) == ("failed", b"")
    assert "were not imported" in page


@pytest.mark.django_db
def test_the_upload_is_kept_packed_for_the_worker(lab, staff):
    files = [("a.eml", mail(1)), ("b\nc.mbox", mbox(mail(2), mail(3)))]
    assert reply_import.files_unpack(files_pack(files)) == files
    report = replies_upload(actor=staff, lab=lab, files=[("r.mbox", mbox(*(mail(n) for n in range(21))))])
    assert report.queued is not None and report.queued.size > 0 and not EmailReply.objects.exists()


@pytest.mark.django_db
def test_an_upload_over_50_mb_is_refused_before_it_is_read(client, lab, staff):
    client.force_login(staff)
    big = upload("big.mbox", b"x" * (50 * 1024 * 1024 + 1))
    page = client.post(f"/en/manage/labs/{lab.pk}/replies/", {"files": [big]})
    assert page.status_code == 200 and "larger than 50 MB" in page.content.decode()
    assert not ReplyImport.objects.exists() and not EmailReply.objects.exists()

