"""The stored synthesis of a lab: the background run, the staff's edits, the pages (LAB-4)."""

from collections import Counter

import pytest
from django.core.management import call_command
from django.utils import timezone

from ecocsme.accounts.factories import UserFactory
from ecocsme.labs.factories import answers_create
from ecocsme.labs.models import Answer, SynthesisRun, Theme, ThemeAnswer
from ecocsme.labs.services import themes as services
from ecocsme.testing.answers import TRANSLATED
from ecocsme.testing.queries import assert_num_queries

SYNTHESIS_PAGE_QUERIES = 11  # at any number of answers and themes


@pytest.fixture
def synthesised(lab, staff, labelled_answers):
    answers = answers_create(lab, labelled_answers)
    run = SynthesisRun.objects.create(lab=lab, requested_by=staff)
    services.synthesis_execute(run.pk)
    run.refresh_from_db()
    assert run.status == "done", run.error
    return answers


def theme_of(answer: Answer, scope: str = Theme.LAB_SCOPE) -> Theme:
    return ThemeAnswer.objects.get(answer=answer, scope=scope).theme


def translations() -> list[dict]:
    """Three ideas, each written in six languages (example answers), without vectors."""
    return [{"theme": theme, "lang": lang, "text": text, "respondent_type": "sme", "city": "Timișoara",
             "vector": None} for theme, lang, text in TRANSLATED]


@pytest.mark.django_db(transaction=True)
def test_the_run_happens_in_the_background_and_groups_answers_across_languages(client, lab, staff):
    rows = translations()
    answers = answers_create(lab, rows)
    client.force_login(staff)
    assert client.post(f"/en/manage/labs/{lab.pk}/synthesis/").status_code == 302
    run = SynthesisRun.objects.get()
    assert run.status == "queued" and not Theme.objects.exists()
    page = client.get(f"/en/manage/labs/{lab.pk}/synthesis/").content.decode()
    assert 'hx-trigger="every 2s"' in page and "<progress" in page  # the status updates itself

    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    run.refresh_from_db()
    assert (run.status, run.progress, run.answer_count) == ("done", 100, len(answers))
    assert Answer.objects.filter(embedding__isnull=True).count() == 0  # vectors kept
    # Every answer is in exactly one theme across the lab and one of its question.
    for scope in [Theme.LAB_SCOPE] + [str(q) for q in {a.question_id for a in answers}]:
        placed = Counter(ThemeAnswer.objects.filter(scope=scope).values_list("answer_id", flat=True))
        expected = {a.pk for a in answers if scope == Theme.LAB_SCOPE or str(a.question_id) == scope}
        assert set(placed) == expected and set(placed.values()) == {1}
    # Answers about the same idea, whatever their language, share a theme.
    truth = {a.pk: row["theme"] for a, row in zip(answers, rows, strict=True)}
    majority = 0
    for theme in Theme.objects.filter(scope=Theme.LAB_SCOPE):
        labels = Counter(truth[a] for a in theme.memberships.values_list("answer_id", flat=True))
        majority += labels.most_common(1)[0][1]
    assert majority / len(answers) >= 0.9
    assert ThemeAnswer.objects.filter(is_quote=True, scope=Theme.LAB_SCOPE).exists()
    assert all(t.keywords for t in Theme.objects.filter(scope=Theme.LAB_SCOPE, is_other=False))

    # The htmx poll now tells the page to reload.
    status = client.get(f"/en/manage/labs/{lab.pk}/synthesis/status/?active=1", HTTP_HX_REQUEST="true")
    assert status.status_code == 204 and status["HX-Refresh"] == "true"


@pytest.mark.django_db
def test_a_second_request_while_one_runs_is_the_same_run(lab, staff, labelled_answers):
    answers_create(lab, labelled_answers[:4])
    first = services.synthesis_request(actor=staff, lab=lab)
    assert services.synthesis_request(actor=staff, lab=lab).pk == first.pk
    assert SynthesisRun.objects.count() == 1


@pytest.mark.django_db
def test_no_answers_no_run(client, lab, staff):
    client.force_login(staff)
    page = client.post(f"/en/manage/labs/{lab.pk}/synthesis/", follow=True).content.decode()
    assert "no submitted answers" in page and not SynthesisRun.objects.exists()


@pytest.mark.django_db
def test_a_failed_run_leaves_the_synthesis_as_it_was(lab, staff, synthesised, monkeypatch):
    before = sorted(ThemeAnswer.objects.values_list("theme__label", "answer_id"))

    def broken(*args, **kwargs):
        raise MemoryError("example failure")

    monkeypatch.setattr(services, "find_themes", broken)
    run = SynthesisRun.objects.create(lab=lab, requested_by=staff)
    services.synthesis_execute(run.pk)
    run.refresh_from_db()
    assert run.status == "failed" and "example failure" in run.error
    assert sorted(ThemeAnswer.objects.values_list("theme__label", "answer_id")) == before


@pytest.mark.django_db
def test_an_interrupted_run_does_not_block_a_new_one(lab, staff, labelled_answers):
    answers_create(lab, labelled_answers[:4])
    stuck = SynthesisRun.objects.create(lab=lab, requested_by=staff, status="running")
    SynthesisRun.objects.filter(pk=stuck.pk).update(updated_at=timezone.now() - timezone.timedelta(hours=2))
    fresh = services.synthesis_request(actor=staff, lab=lab)
    stuck.refresh_from_db()
    assert fresh.pk != stuck.pk and stuck.status == "failed"


@pytest.mark.django_db
def test_staff_rename_merge_split_and_move(client, lab, staff, synthesised):
    client.force_login(staff)
    themes = list(Theme.objects.filter(scope=Theme.LAB_SCOPE, is_other=False))
    first, second = themes[0], themes[1]
    url = f"/en/manage/labs/{lab.pk}/themes/{first.pk}/"

    client.post(url, {"rename": "1", "label": "  One place to find   every call  "})
    first.refresh_from_db()
    assert first.label == "One place to find every call" and first.edited

    page = client.post(url, {"rename": "1", "label": " "}, follow=True).content.decode()
    assert "needs a label" in page
    first.refresh_from_db()
    assert first.label == "One place to find every call"

    moved = list(first.memberships.values_list("answer_id", flat=True)[:2])
    client.post(url, {"move": "1", "answers": moved, "target": "", "new_label": "Example new theme"})
    new = Theme.objects.get(label="Example new theme")
    assert set(new.memberships.values_list("answer_id", flat=True)) == set(moved)
    assert new.scope == Theme.LAB_SCOPE

    size = first.memberships.count() + second.memberships.count()
    client.post(f"/en/manage/labs/{lab.pk}/synthesis/merge/", {"themes": [first.pk, second.pk]})
    survivor = Theme.objects.get(pk__in=[first.pk, second.pk])
    assert survivor.memberships.count() == size

    parts_before = Theme.objects.filter(scope=Theme.LAB_SCOPE).count()
    page = client.post(f"/en/manage/labs/{lab.pk}/themes/{survivor.pk}/", {"split": "1", "parts": "2"},
                       follow=True).content.decode()
    assert "Split into 2 themes." in page
    assert not Theme.objects.filter(pk=survivor.pk).exists()
    assert Theme.objects.filter(scope=Theme.LAB_SCOPE).count() == parts_before + 1
    # Still exactly one theme per answer and scope.
    placed = Counter(ThemeAnswer.objects.filter(scope=Theme.LAB_SCOPE).values_list("answer_id", flat=True))
    assert set(placed.values()) == {1} and len(placed) == len(synthesised)


@pytest.mark.django_db
def test_choosing_quotes(client, lab, staff, synthesised):
    client.force_login(staff)
    theme = theme_of(synthesised[0])
    membership = theme.memberships.filter(is_quote=False).first()
    client.post(f"/en/manage/labs/{lab.pk}/themes/{theme.pk}/", {"quote": membership.answer_id})
    membership.refresh_from_db()
    assert membership.is_quote


@pytest.mark.django_db
def test_merging_across_questions_is_refused(client, lab, staff, synthesised):
    client.force_login(staff)
    across = Theme.objects.filter(scope=Theme.LAB_SCOPE).first()
    per_question = Theme.objects.exclude(scope=Theme.LAB_SCOPE).first()
    page = client.post(f"/en/manage/labs/{lab.pk}/synthesis/merge/",
                       {"themes": [across.pk, per_question.pk]}, follow=True).content.decode()
    assert "same question" in page
    assert Theme.objects.filter(pk__in=[across.pk, per_question.pk]).count() == 2


@pytest.mark.django_db
def test_another_partners_staff_reads_but_cannot_edit(client, lab, other_staff, synthesised):
    client.force_login(other_staff)
    theme = theme_of(synthesised[0])
    assert client.get(f"/en/manage/labs/{lab.pk}/synthesis/").status_code == 200
    assert client.post(f"/en/manage/labs/{lab.pk}/themes/{theme.pk}/",
                       {"rename": "1", "label": "Hijacked"}).status_code == 403
    assert client.post(f"/en/manage/labs/{lab.pk}/synthesis/").status_code == 403
    theme.refresh_from_db()
    assert theme.label != "Hijacked"


@pytest.mark.django_db
def test_outsiders_see_nothing(client, lab, synthesised):
    client.force_login(UserFactory(username="outsider"))
    assert client.get(f"/en/manage/labs/{lab.pk}/synthesis/").status_code == 404
    assert client.get(f"/en/manage/labs/{lab.pk}/report.pdf").status_code == 404


@pytest.mark.django_db
def test_new_answers_join_the_nearest_theme_without_losing_edits(client, lab, staff, synthesised,
                                                                 labelled_answers):
    client.force_login(staff)
    theme = theme_of(synthesised[0])
    services.theme_rename(actor=staff, theme=theme, label="Example edited label")
    late = answers_create(lab, [labelled_answers[1]])[0]  # a twin of an answer in that theme
    page = client.get(f"/en/manage/labs/{lab.pk}/synthesis/").content.decode()
    assert "1 answer arrived after the themes were found" in page
    page = client.post(f"/en/manage/labs/{lab.pk}/synthesis/place/", follow=True).content.decode()
    assert "1 new answer added to the nearest theme." in page
    assert theme_of(late) == theme_of(synthesised[1])
    assert Theme.objects.filter(label="Example edited label").exists()


@pytest.mark.django_db
def test_the_synthesis_page_shows_themes_charts_and_a_fixed_query_count(client, lab, staff, synthesised,
                                                                        labelled_answers):
    client.force_login(staff)
    url = f"/en/manage/labs/{lab.pk}/synthesis/"
    with assert_num_queries(SYNTHESIS_PAGE_QUERIES):
        page = client.get(url).content.decode()
    assert "<svg" in page and "Answers per theme" in page and "By respondent kind" in page
    assert "Timișoara" in page  # city breakdown
    answers_create(lab, labelled_answers)
    services.answers_place(actor=staff, lab=lab)
    with assert_num_queries(SYNTHESIS_PAGE_QUERIES):
        client.get(url)
    question = lab.questions.order_by("position").first()
    assert client.get(f"{url}?scope={question.pk}").status_code == 200


@pytest.mark.django_db
def test_reports_use_the_edited_synthesis(lab, staff, synthesised):
    import io
    import subprocess

    from docx import Document

    from ecocsme.labs import reports

    theme = theme_of(synthesised[0])
    services.theme_rename(actor=staff, theme=theme, label="Example edited label")
    quote = theme.memberships.filter(is_quote=True).select_related("answer").first().answer.text

    def built(fmt, language):  # as the worker builds it (test_report_builds.py: the requests)
        params = reports.report_params(staff, lab, fmt, language)
        return reports.LAB_REPORT.build(params, lambda done, of: None)

    docx = built("docx", "en")
    assert docx.content_type.startswith("application/vnd.openxmlformats")
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "Example edited label" in text and quote[:60] in text
    assert "Questions" in text and "Participation" in text

    pdf = built("pdf", "ro")
    assert pdf.content_type == "application/pdf" and pdf.content.startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf.content, capture_output=True,
                          check=True).stdout.decode()
    text = " ".join(text.split())
    assert "Example edited label" in text and "Participare" in text
    assert "Cum putem comunica eficient" in text  # the questions in Romanian


def test_the_report_gives_no_rate_when_mail_brought_more_answers_than_invitations():
    from ecocsme.labs.reports import _participation_sentence, response_rate

    assert (response_rate(4, 3), response_rate(4, 151), response_rate(0, 5)) == (75, None, None)
    assert _participation_sentence({"invited": 4, "answered": 3, "rate": 75}) == \
        "4 people invited, 3 responded (75%)."
    assert _participation_sentence({"invited": 4, "answered": 151, "rate": None}) == "151 responses."
