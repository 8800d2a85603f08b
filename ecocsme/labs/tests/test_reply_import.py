"""Uploading e-mail replies: matching to invitations, counting, review, bounces, duplicates."""

import json
import mailbox
from pathlib import Path

import pytest

from ecocsme.labs.factories import InvitationFactory
from ecocsme.labs.models import Answer, EmailReply, Response
from ecocsme.labs.services.replies import replies_import, reply_count

CORPUS = Path(__file__).parent / "corpus" / "replies"


@pytest.fixture
def corpus_invitations(lab):
    """The invitations the Romanian corpus replies answer, with their Message-IDs and invitees."""
    made = {}
    for item in json.loads((CORPUS / "invitations.json").read_text(encoding="utf-8")):
        if item["questions"] != "questions.ro.json":
            continue
        made[item["id"]] = InvitationFactory(
            lab=lab, contact__name="Example invitee", contact__email=item["invitee_email"],
            contact__language="ro", message_id=item["message_id"])
    return made


def corpus_files(prefix: str = "") -> list[tuple[str, bytes]]:
    files = []
    for expected in sorted(CORPUS.glob("*.expected.json")):
        if json.loads(expected.read_text())["questions"] == "questions.ro.json":
            eml = expected.with_name(expected.name.replace(".expected.json", ".eml"))
            files.append((eml.name, eml.read_bytes()))
    return files


@pytest.mark.django_db
def test_romanian_corpus_is_matched_counted_or_kept_for_review(lab, staff, corpus_invitations):
    files = corpus_files()
    report = replies_import(actor=staff, lab=lab, files=files)
    assert report.counted + report.to_review + report.ignored == len(files)
    assert report.counted >= 8
    for reply in EmailReply.objects.all():
        expected = json.loads((CORPUS / _expected_name(reply, files)).read_text())
        if "auto_reply" in expected["flags"] or not expected["is_answer"]:
            assert reply.status in ("ignored", "to_review")
        if "unmapped" in expected["flags"]:
            assert reply.status == "to_review"
        if reply.status == "counted":
            answers = {a.question.position: a.text for a in reply.response.answers.all()}
            assert {str(k) for k in answers} == set(expected["answers"])
    assert Response.objects.filter(channel="email", status="submitted").count() == report.counted


def _expected_name(reply, files):
    for name, raw in files:
        if reply.message_id and reply.message_id.encode() in raw:
            return name.replace(".eml", ".expected.json")
    raise AssertionError(reply)


@pytest.mark.django_db
def test_the_same_reply_twice_is_imported_once(lab, staff, corpus_invitations):
    files = corpus_files()[:5]
    replies_import(actor=staff, lab=lab, files=files)
    again = replies_import(actor=staff, lab=lab, files=files)
    assert again.duplicates == 5 and again.counted == again.to_review == 0
    assert EmailReply.objects.count() == 5


@pytest.mark.django_db
def test_an_mbox_and_a_reply_matched_by_its_link(lab, staff, tmp_path):
    invitation = InvitationFactory(lab=lab, contact__email="x@example.org", message_id="<inv-x@example.org>")
    link = f"https://platform.example.org/en/labs/answer/{invitation.token()}/"
    raw = (f"From: Someone Else <other@example.org>\nSubject: answers\nMessage-ID: <r1@example.org>\n\n"
           f"1. Radio\n2. Newsletters\n\n> Your link: {link}\n").encode()
    box = mailbox.mbox(str(tmp_path / "r.mbox"))
    box.add(raw)
    box.flush()
    report = replies_import(actor=staff, lab=lab, files=[("r.mbox", (tmp_path / "r.mbox").read_bytes())])
    reply = EmailReply.objects.get()
    assert (reply.invitation, reply.match, reply.status) == (invitation, "link", "counted")
    assert report.counted == 1


@pytest.mark.django_db
def test_an_unmatched_reply_waits_for_a_person(lab, staff):
    raw = b"From: stranger@example.org\nMessage-ID: <r2@example.org>\nSubject: x\n\n1. Radio\n2. Yes\n"
    replies_import(actor=staff, lab=lab, files=[("r.eml", raw)])
    reply = EmailReply.objects.get()
    assert reply.status == "to_review" and "not_matched" in reply.flags
    assert not Response.objects.exists()
    with pytest.raises(ValueError):
        reply_count(reply=reply, answers=reply.answers)


@pytest.mark.django_db
def test_only_the_labs_staff_import(lab, other_staff):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        replies_import(actor=other_staff, lab=lab, files=[("r.eml", b"From: a@b.c\n\n1. x")])
    assert not EmailReply.objects.exists()


@pytest.mark.django_db
def test_truncated_and_oversized_uploads(lab, staff):
    report = replies_import(actor=staff, lab=lab, files=[("cut.eml", b"From: a@example.org\nSubject: cu")])
    assert EmailReply.objects.get().status in ("to_review", "ignored")
    big = replies_import(actor=staff, lab=lab, files=[("big.mbox", b"x" * (51 * 1024 * 1024))])
    assert big.errors and "50 MB" in big.errors[0]
    assert report.errors == []


@pytest.mark.django_db
def test_a_20_mb_mbox_is_read_whole(lab, staff, tmp_path):
    """A partner's whole reply folder exported as one mbox: every message is kept for review."""
    box = mailbox.mbox(str(tmp_path / "folder.mbox"))
    quoted = "\n".join(f"> {line}" for line in ["Original question text, quoted in full."] * 900)
    for number in range(500):
        message = mailbox.mboxMessage()
        message["From"] = f"person{number}@example.org"
        message["Subject"] = "Re: consultation"
        message["Message-ID"] = f"<big-{number}@example.org>"
        message.set_payload(f"1. Answer number {number}.\n2. Yes.\n\n{quoted}\n", charset="utf-8")
        box.add(message)
    box.close()
    data = (tmp_path / "folder.mbox").read_bytes()
    assert 19 * 1024 * 1024 < len(data) < 50 * 1024 * 1024
    report = replies_import(actor=staff, lab=lab, files=[("folder.mbox", data)])
    assert report.errors == [] and EmailReply.objects.count() == 500
    assert report.to_review == 500  # no invitation matches these senders


def _split_pair(group: str) -> list[tuple[str, bytes, dict]]:
    pairs = []
    for expected_path in sorted(CORPUS.glob("*.expected.json")):
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        if (expected.get("split") or {}).get("group") == group:
            eml = expected_path.with_name(expected_path.name.replace(".expected.json", ".eml"))
            pairs.append((eml.name, eml.read_bytes(), expected))
    return sorted(pairs, key=lambda pair: pair[2]["split"]["part"])


def _invitation_for(lab, expected):
    item = next(i for i in json.loads((CORPUS / "invitations_round2.json").read_text(encoding="utf-8"))
                if i["message_id"] == expected["invitation"]["message_id"])
    language = expected["questions"].split(".")[1]
    return InvitationFactory(lab=lab, contact__name="Example invitee", contact__email=item["invitee_email"],
                             contact__language=language, language=language, message_id=item["message_id"])


@pytest.mark.django_db
@pytest.mark.parametrize("separately", [True, False], ids=["two-uploads", "one-upload"])
@pytest.mark.parametrize("group", ["en-inv-0118", "ro-inv-0108"])  # the lab asks in both
def test_answers_split_over_two_replies_make_one_response(lab, staff, separately, group):
    """The second reply adds the questions the first left open; one that answers a question
    again with other words waits for a person, the rest of the response kept."""
    pair = _split_pair(group)
    assert len(pair) == 2
    invitation = _invitation_for(lab, pair[0][2])
    uploads = [[(name, raw)] for name, raw, _e in pair] if separately else [[(n, r) for n, r, _e in pair]]
    for files in uploads:
        replies_import(actor=staff, lab=lab, files=files)
    first, second = (EmailReply.objects.get(message_id__in=_ids(raw)) for _n, raw, _e in pair)
    assert first.status == "counted", first.flags
    merged = pair[1][2]["split"]["merged"]
    answers = {str(a.question.position): a.text for a in invitation.response.answers.all()}
    if second.status == "counted":
        assert "completes_answer" in second.flags
        assert set(answers) == set(merged)
    else:  # part two answered a question again, differently
        assert second.status == "to_review" and "already_answered" in second.flags
        assert set(answers) == set(pair[0][2]["answers"])
    assert Response.objects.filter(invitation=invitation).count() == 1


def _ids(raw: bytes) -> list[str]:
    from email import message_from_bytes

    return [message_from_bytes(raw)["Message-ID"].strip()]


@pytest.mark.django_db
def test_a_colleagues_forward_without_the_link_is_matched_to_the_invitee_for_a_person_to_confirm(lab, staff):
    """The colleague deleted the personal link and wrote from their own address: only the
    forwarded header names the invitee, a weak match a person confirms."""
    name, raw, expected = next(pair for pair in _cases("forwarded") if "link-deleted" in pair[0]
                               and pair[2]["questions"] == "questions.ro.json")
    import email
    import re

    text = next(part.get_content() for part in email.message_from_bytes(raw, policy=email.policy.default).walk()
                if part.get_content_type() == "text/plain")
    invitee = re.search(r"^De la: [^<\n]*<([^>]+)>", text, re.MULTILINE).group(1)  # who forwarded it on
    invitation = InvitationFactory(lab=lab, contact__name="Example invitee", contact__email=invitee,
                                   contact__language="ro", language="ro", message_id="<other@example.org>")
    replies_import(actor=staff, lab=lab, files=[(name, raw)])
    reply = EmailReply.objects.get()
    assert reply.invitation == invitation and reply.match == "address"
    assert reply.status == "to_review" and "forwarded" in reply.flags
    assert set(reply.answers) == set(expected["answers"])


def _cases(category: str) -> list[tuple[str, bytes, dict]]:
    found = []
    for path in sorted(CORPUS.glob("*.expected.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        if expected.get("category") == category:
            eml = path.with_name(path.name.replace(".expected.json", ".eml"))
            found.append((eml.name, eml.read_bytes(), expected))
    return found


@pytest.mark.django_db
def test_importing_the_same_mbox_again_adds_nothing_even_without_message_ids(lab, staff, corpus_invitations,
                                                                             tmp_path):
    box = mailbox.mbox(str(tmp_path / "replies.mbox"))
    for index, (_name, raw) in enumerate(corpus_files()[:12]):
        if index % 2:  # some mail programs and exports leave the Message-ID out
            raw = b"\n".join(line for line in raw.split(b"\n") if not line.lower().startswith(b"message-id:"))
        box.add(raw)
    box.flush()
    data = (tmp_path / "replies.mbox").read_bytes()
    first = replies_import(actor=staff, lab=lab, files=[("replies.mbox", data)])
    stored = (EmailReply.objects.count(), Response.objects.count(), Answer.objects.count())
    again = replies_import(actor=staff, lab=lab, files=[("replies.mbox", data)])
    assert first.errors == again.errors == [] and first.duplicates == 0
    assert again.duplicates == 12 and again.counted == again.to_review == again.ignored == 0
    assert (EmailReply.objects.count(), Response.objects.count(), Answer.objects.count()) == stored == (
        12, stored[1], stored[2])


@pytest.mark.django_db
def test_two_replies_in_one_upload_never_overwrite_each_other_without_a_person(lab, staff):
    """The response is read again when each reply is saved: the second reply, answering the
    first question again with other words, waits for a person, also beside a web draft."""
    invitation = InvitationFactory(lab=lab, contact__name="Example invitee", contact__email="inv@example.org",
                                   message_id="<inv-two@example.org>")
    Response.objects.create(invitation=invitation, lab=lab, channel="web", status="draft")
    replies = [(f"r{n}.eml", (f"From: inv@example.org\nMessage-ID: <two-{n}@example.org>\n"
                              f"In-Reply-To: <inv-two@example.org>\nSubject: Re: lab\n\n"
                              f"1. {text}\n2. Newsletters of the chamber\n").encode())
               for n, text in ((1, "Radio and the local papers"), (2, "Only personal visits work"))]
    replies_import(actor=staff, lab=lab, files=replies)
    first, second = EmailReply.objects.order_by("message_id")
    assert first.status == "counted" and second.status == "to_review" and "already_answered" in second.flags
    assert invitation.response.answers.get(question__position=1).text == "Radio and the local papers"


@pytest.mark.django_db
def test_answers_typed_into_an_unquoted_original_wait_for_a_person(lab, staff):
    invitation = InvitationFactory(lab=lab, contact__name="Example invitee", contact__email="inv@example.org",
                                   message_id="<inv-orig@example.org>")
    questions = [q.localized_text("en")[0] for q in lab.questions.order_by("position")]
    original = "\n".join(f"{n}. {q}\nAnswer {n} typed under its question (example).\n"
                         for n, q in enumerate(questions, start=1))
    raw = (f"From: inv@example.org\nMessage-ID: <orig-1@example.org>\nIn-Reply-To: <inv-orig@example.org>\n"
           f"Subject: RE: lab\n\nSee my answers below.\n\n________________________________\n"
           f"From: Lab team <lab@example.org>\nSent: Tuesday\nTo: Example invitee\nSubject: lab\n\n"
           f"Dear invitee,\n\n{original}\n").encode()
    replies_import(actor=staff, lab=lab, files=[("r.eml", raw)])
    reply = EmailReply.objects.get()
    assert reply.invitation == invitation and "in_original" in reply.flags and reply.status == "to_review"
    assert len(reply.answers) == len(questions)
