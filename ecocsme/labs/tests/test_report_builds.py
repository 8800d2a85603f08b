"""The lab report built by the worker (LAB-5, issue 14): asked for from the lab and synthesis
pages, its progress shown (htmx, or a page that refreshes itself), the file kept until the
synthesis changes in any way the report shows, and only ever served to readers who see the same."""

import io
import subprocess
import threading

import pytest
from django.db import connection
from django.test import Client
from django_tasks_db.models import DBTaskResult

from ecocsme.accounts.factories import UserFactory
from ecocsme.core.models import BuiltFile
from ecocsme.labs import reports
from ecocsme.labs.factories import answers_create
from ecocsme.labs.models import Lab, SynthesisRun, Theme, ThemeAnswer
from ecocsme.labs.services import themes as services
from ecocsme.testing.queries import assert_num_queries
from ecocsme.testing.worker import run_worker

SERVED_QUERIES = 16  # a kept report served, whatever the number of answers


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def synthesised(lab, staff, labelled_answers):
    answers = answers_create(lab, labelled_answers)
    run = SynthesisRun.objects.create(lab=lab, requested_by=staff)
    services.synthesis_execute(run.pk)
    return answers


def url(lab, fmt="pdf", status=False, language="en"):
    return f"/{language}/manage/labs/{lab.pk}/report.{fmt}" + ("/status/" if status else "")


def builds_queued() -> int:
    return DBTaskResult.objects.filter(task_path__endswith="build_file", status="READY").count()


def pdf_text(content: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True).stdout
    return " ".join(out.decode().split())


def lab_theme(lab) -> Theme:
    return Theme.objects.filter(lab=lab, scope=Theme.LAB_SCOPE, is_other=False).order_by("id").first()


@pytest.mark.django_db(transaction=True)
def test_the_report_is_built_once_and_kept_until_the_synthesis_changes(client, lab, staff, synthesised):
    client.force_login(staff)
    asked = client.get(url(lab))
    page = asked.content.decode()
    assert asked.status_code == 200 and asked["Content-Type"].startswith("text/html")
    assert "Building the report (PDF)" in page and "<progress" in page
    assert 'http-equiv="refresh"' in page and url(lab, status=True) in page  # works without JavaScript
    assert client.get(url(lab)).status_code == 200
    assert BuiltFile.objects.count() == 1 and builds_queued() == 1  # asked twice, built once

    run_worker()
    status = client.get(url(lab, status=True)).content.decode()
    assert "The report (PDF) is ready." in status and f'href="{url(lab)}"' in status
    with assert_num_queries(SERVED_QUERIES):  # the fingerprint's reads, no build
        served = client.get(url(lab))
    assert served["Content-Type"] == "application/pdf"
    assert served["Content-Disposition"] == f'attachment; filename="lab-{lab.pk}-report.pdf"'
    first = b"".join(served.streaming_content)
    assert first.startswith(b"%PDF")
    b"".join(client.get(url(lab)).streaming_content)
    assert BuiltFile.objects.count() == 1 and builds_queued() == 0  # served from the file

    services.theme_rename(actor=staff, theme=lab_theme(lab), label="Example renamed theme")
    assert "Building the report" in client.get(url(lab)).content.decode()  # a new build
    assert builds_queued() == 1
    run_worker()
    text = pdf_text(b"".join(client.get(url(lab)).streaming_content))
    assert "Example renamed theme" in text
    assert BuiltFile.objects.count() == 1  # the old file is gone


@pytest.mark.django_db(transaction=True)
def test_the_page_shows_the_progress_with_htmx_and_then_a_download_link(client, lab, staff, synthesised):
    client.force_login(staff)
    lab_page = client.get(f"/en/manage/labs/{lab.pk}/").content.decode()
    assert f'hx-get="{url(lab)}"' in lab_page and 'hx-target="#report-status-pdf"' in lab_page
    synthesis_page = client.get(f"/en/manage/labs/{lab.pk}/synthesis/").content.decode()
    assert f'hx-get="{url(lab, "docx")}"' in synthesis_page

    part = client.get(url(lab, "docx"), HTTP_HX_REQUEST="true").content.decode()
    assert part.startswith('<div id="report-status-docx"') and "<html" not in part
    assert 'hx-trigger="every 2s"' in part and url(lab, "docx", status=True) in part
    assert "Building the report (DOCX)… 0%" in part
    BuiltFile.objects.update(status="running", progress=40)
    part = client.get(url(lab, "docx", status=True), HTTP_HX_REQUEST="true").content.decode()
    assert "Building the report (DOCX)… 40%" in part and 'value="40"' in part
    BuiltFile.objects.update(status="queued", progress=0)

    run_worker()
    part = client.get(url(lab, "docx", status=True), HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in part and "Download the report" in part  # polling stops
    clicked = client.get(url(lab, "docx"), HTTP_HX_REQUEST="true")  # kept: the browser downloads it
    assert clicked["HX-Redirect"] == url(lab, "docx")
    from docx import Document

    document = Document(io.BytesIO(b"".join(client.get(url(lab, "docx")).streaming_content)))
    assert "Participation" in "\n".join(p.text for p in document.paragraphs)


@pytest.mark.django_db
def test_every_change_the_report_shows_changes_its_fingerprint(lab, staff, synthesised, labelled_answers):
    params = reports.report_params(staff, lab, "pdf", "en")

    def version():
        return reports.report_version(Lab.objects.select_related("partner", "project").get(pk=lab.pk), params)

    seen = [version()]

    def changed():
        seen.append(version())
        return seen[-1] != seen[-2]

    assert not changed()  # the same data, the same fingerprint
    theme = lab_theme(lab)
    services.theme_rename(actor=staff, theme=theme, label="Example label")
    assert changed()
    member = theme.memberships.filter(is_quote=False).first()
    services.quote_set(actor=staff, theme=theme, answer_id=member.answer_id, is_quote=True)
    assert changed()
    member.answer.text = "Example answer, corrected."
    member.answer.save()
    assert changed()  # a quote's text
    others = list(Theme.objects.filter(lab=lab, scope=Theme.LAB_SCOPE).order_by("id")[:2])
    merged = services.themes_merge(actor=staff, themes=others)
    assert changed()
    services.theme_edit_undo(actor=staff, edit=merged.lab.theme_edits.get())
    assert changed()
    answers_create(lab, labelled_answers[:1])
    assert changed()  # an answer more counted
    Lab.objects.filter(pk=lab.pk).update(theme={"en": "Example new title"})
    assert changed()
    lab.questions.filter(position=1).update(text={"en": "Example new question?"})
    assert changed()
    ThemeAnswer.objects.filter(theme__lab=lab).delete()
    Theme.objects.filter(lab=lab).delete()
    assert changed()  # themes found anew (here: none)

    other = {**params, "language": "ro"}
    assert reports.report_key(other) != reports.report_key(params)
    assert reports.report_version(lab, other) != reports.report_version(lab, params)


@pytest.mark.django_db(transaction=True)
def test_readers_who_see_different_people_never_share_a_file(client, lab, staff, other_staff, coordinator,
                                                              synthesised):
    keys = {}
    for user in (staff, coordinator, other_staff):
        client.force_login(user)
        assert client.get(url(lab)).status_code == 200
        keys[user.username] = BuiltFile.objects.latest("id").key
    assert keys["t-staff"] == keys["coord"] == f"labs.report:{lab.pk}:pdf:en:names"
    assert keys["r-staff"] == f"labs.report:{lab.pk}:pdf:en:counts"  # another partner's staff
    assert BuiltFile.objects.count() == 2

    client.force_login(staff)
    client.get(url(lab, language="ro"))
    assert BuiltFile.objects.filter(key=f"labs.report:{lab.pk}:pdf:ro:names").exists()

    run_worker()
    client.force_login(other_staff)
    served = client.get(url(lab))  # the names-free file, built for readers like them
    assert served["Content-Type"] == "application/pdf"

    client.force_login(UserFactory(username="outsider"))
    assert client.get(url(lab)).status_code == 404
    assert client.get(url(lab, status=True)).status_code == 404
    client.logout()
    assert client.get(url(lab)).status_code == 302
    assert client.get(url(lab, "html")).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_two_clicks_at_once_queue_one_build(lab, staff, synthesised):
    barrier, statuses = threading.Barrier(2), []

    def click():
        try:
            reader = Client()
            reader.force_login(staff)
            barrier.wait()
            statuses.append(reader.get(url(lab)).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200, 200]
    assert BuiltFile.objects.count() == 1 and builds_queued() == 1


@pytest.mark.django_db(transaction=True)
def test_a_failed_build_shows_an_error_and_can_be_tried_again(client, lab, staff, synthesised, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("example: no room left on the device")

    client.force_login(staff)
    client.get(url(lab))
    monkeypatch.setattr(reports, "report_pdf", broken)
    run_worker()
    page = client.get(url(lab, status=True)).content.decode()
    assert "The report (PDF) could not be made." in page and "The file could not be built." in page
    assert "Try again" in page and "no room left" not in page  # the details stay in the log

    monkeypatch.undo()
    assert "Building the report (PDF)" in client.get(url(lab)).content.decode()  # asked again
    assert builds_queued() == 1
    run_worker()
    assert client.get(url(lab))["Content-Type"] == "application/pdf"


@pytest.mark.django_db
def test_the_status_of_a_report_not_asked_for_offers_to_make_it(client, lab, staff, synthesised):
    client.force_login(staff)
    page = client.get(url(lab, status=True)).content.decode()
    assert "Make the report (PDF)" in page and "hx-trigger" not in page
    assert client.post(url(lab)).status_code == 405 and client.post(url(lab, status=True)).status_code == 405
    assert client.get(url(lab, "html", status=True)).status_code == 404


@pytest.mark.django_db
def test_the_builders_tell_their_progress_section_by_section(lab, synthesised):
    steps = {"pdf": [], "docx": []}
    reports.report_pdf(lab, "en", lambda done, of: steps["pdf"].append((done, of)))
    reports.report_docx(lab, "en", lambda done, of: steps["docx"].append((done, of)))
    assert steps["pdf"] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    sections = Theme.objects.filter(lab=lab).order_by().values("scope").distinct().count() + 2
    assert steps["docx"] == [(done, sections) for done in range(1, sections + 1)]
