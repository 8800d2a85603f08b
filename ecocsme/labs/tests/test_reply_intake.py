"""Mail intake that cannot be used to stall the server: large uploads read by the worker, imports
whole or not at all, and From addresses not trusted. (The reader's own bounds and linear time
are tested with it, in ecocsme/text/tests/test_mail_bounds.py.)"""

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import DataError
from django.urls import reverse
from django.utils import timezone

from ecocsme.core.links import new_nonce
from ecocsme.labs.models import EmailReply, Invitation, Lab, ReplyImport, Response
from ecocsme.labs.services import replies as reply_import
from ecocsme.labs.services.replies import files_pack, replies_import, replies_upload, reply_import_execute
from ecocsme.organisations.models import Contact
from ecocsme.text.languages import BY_CODE, CODES


# --- what labs give the text engines ----------------------------------------------------------------
def test_the_platforms_languages_are_the_text_engines():
    assert [code for code, _name in settings.LANGUAGES] == list(CODES)
    assert [str(name) for _code, name in settings.LANGUAGES] == [BY_CODE[code].name for code in CODES]


def test_the_personal_link_pattern_finds_the_answer_pages_token():
    url = reverse("labs:answer", kwargs={"token": "abcdefghijklmnop:12-x_y.z"})
    assert reply_import.ANSWER_LINK_RE.findall(f"see https://example.org{url} today") == [
        "abcdefghijklmnop:12-x_y.z"]


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
    monkeypatch.setattr(reply_import, "parse_reply", lambda raw, questions, **options: 1 / 0)
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

