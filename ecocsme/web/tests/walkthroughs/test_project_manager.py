"""A partner's project manager (the demo's "timisoara") on a laptop, and for the check-in on a
phone: the dashboard says what needs doing; a lab is created, stakeholders invited (mail to a
real SMTP server), its answers read, filtered and searched, its themes found by the worker,
renamed, merged and unmerged, an answer moved, the report downloaded; a two-session workshop is
created with a capacity, its answers and places left read, people checked in per session, and
its attendance sheet printed with one signature column per session."""

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone

from ecocsme.events.models import Event
from ecocsme.events.services.answers import answer_save
from ecocsme.labs.factories import answers_create
from ecocsme.labs.models import Lab, Theme
from ecocsme.labs.services.answers import response_save
from ecocsme.organisations.factories import StakeholderFactory
from ecocsme.testing.mail import mails_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PEOPLE = [  # (name, address, language, kind) — example people
    ("Example Ioana", "ioana@example.org", "ro", "sme"),
    ("Example Mark", "mark@example.org", "en", "ngo"),
    ("Example Ana", "ana@example.org", "ro", "startup"),
]
CORPUS = Path(__file__).resolve().parents[3] / "labs" / "tests" / "corpus" / "answers" / "labelled_a.jsonl"


@pytest.fixture
def partner(project):
    """The demo's Timișoara, whose staff log in as "timisoara"."""
    return project.partners.get(number=6)


@pytest.fixture
def people(partner):
    return [StakeholderFactory(partner=partner, name=name, email=address, language=language,
                               organisation__kind=kind, organisation__city="Timișoara",
                               consents=["consultations", "event_invitations"])
            for name, address, language, kind in PEOPLE]


def example_answers(per_theme: int = 6) -> list[dict]:
    """Answers of four known themes, in several languages (the labs' labelled corpus)."""
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    themes = ("one_stop_info", "funding_microgrants", "legacy_continuity", "skills_training")
    return [row for theme in themes for row in [r for r in rows if r["theme"] == theme][:per_theme]]


def pdf_text(path: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
                    .stdout.decode().split())


def stakeholders_answer(lab: Lab) -> None:
    """What the invited people send through their links (the stakeholder's walk-through clicks it)."""
    lab.refresh_from_db()  # opened in the browser meanwhile
    first, second = lab.questions.order_by("position")
    texts = {"ioana@example.org": ("Prin camera de comerț și radioul local (exemplu).",
                                   "Un mentor și loturi mici la licitații (exemplu)."),
             "mark@example.org": ("Through the chamber of commerce and a newsletter (example).",
                                  "Mentoring and smaller tender lots (example).")}
    for invitation in lab.invitations.select_related("contact"):
        if invitation.contact.email in texts:
            one, two = texts[invitation.contact.email]
            response_save(invitation=invitation, texts={first.pk: one, second.pk: two}, submit=True)


def test_a_project_manager_runs_a_lab(page, tour, partner, people, smtp_server, settings, run_worker_now):
    settings.ECOCSME_BASE_URL = page.base
    manager = tour(page, "manager-lab")

    manager.task("Log in, read the dashboard")
    manager.log_in("timisoara")
    page.wait_for_url("**/en/manage/")
    assert page.get_by_role("heading", name="What needs doing").is_visible()
    labs = page.locator("section.partner-work table").first
    assert labs.get_by_role("link", name="Timișoara · lab 2").is_visible()
    assert re.search(r"/manage/labs/\d+/answers/$", labs.locator("td a").first.get_attribute("href"))
    assert page.get_by_label("Partner").count() == 0  # one partner: nothing to choose
    manager.shot("dashboard")

    manager.task("Create the lab")
    manager.click(page.get_by_role("main").get_by_role("link", name="New lab"))
    manager.select(page.get_by_label("Partner"), label="Timișoara")
    manager.fill(page.get_by_label("Number in the series"), "3")
    manager.fill(page.get_by_label("Theme (en)"), "Example lab: reaching small firms")
    manager.fill(page.get_by_label("Questions, one per line (en)"),
                 "How should the programme reach small firms?\nWhat support do firms need to take part?")
    manager.click(page.locator("summary", has_text="Romanian"))
    manager.fill(page.get_by_label("Theme (ro)"), "Laborator de exemplu: cum ajungem la firmele mici")
    manager.fill(page.get_by_label("Questions, one per line (ro)"),
                 "Cum ar trebui programul să ajungă la firmele mici?\nDe ce sprijin au nevoie firmele?")
    manager.shot("lab-form")
    manager.click(page.get_by_role("button", name="Save"))
    page.wait_for_url(re.compile(r".*/manage/labs/\d+/$"))
    lab = Lab.objects.get(partner=partner, number=3)
    manager.click(page.get_by_role("button", name="Open the lab"))

    manager.task("Invite stakeholders")
    for name, *_rest in PEOPLE:
        manager.check(page.get_by_label(name))
    manager.click(page.get_by_role("button", name="Invite", exact=True))
    manager.click(page.get_by_role("button", name="Send the invitations not sent yet"))
    page.wait_for_load_state()
    run_worker_now()
    assert sorted(m["To"] for m in smtp_server.messages) == sorted(p[1] for p in PEOPLE)
    manager.shot("lab-invited")
    stakeholders_answer(lab)
    answers_create(lab, example_answers())  # answers entered from a paper questionnaire

    manager.task("Find the themes")
    page.reload()
    manager.click(page.get_by_role("link", name="Synthesis and report"))
    manager.click(page.get_by_role("button", name="Find the themes"))
    page.wait_for_selector("progress")
    run_worker_now()
    page.wait_for_selector(".theme-card", timeout=60_000)
    assert page.get_by_text("Themes found on").is_visible()
    manager.shot("themes-found")

    manager.task("Read, filter and search the answers")
    manager.click(page.get_by_role("main").get_by_role("link", name="Timișoara · lab 3"))
    manager.click(page.get_by_role("link", name=re.compile(r"Read the answers")))
    figures = page.locator(".answers-summary .figures")
    assert " ".join(figures.inner_text().split()) == "26 responses"
    manager.select(page.get_by_role("combobox", name="Language"), label="Romanian")
    manager.click(page.get_by_role("button", name="Show"))
    page.wait_for_url("**language=ro**")
    assert re.fullmatch(r"26 responses, \d+ match(es)?", " ".join(figures.inner_text().split()))
    manager.shot("answers-romanian")
    manager.task("Move an answer to another theme")
    move = page.locator("form.move-answer").first
    targets = move.locator("option").all_inner_texts()
    manager.select(move.locator("select"), label=targets[-1])
    manager.click(move.get_by_role("button", name="Move"))
    assert page.locator(".answer-theme .message").first.inner_text().startswith("Moved to")
    manager.shot("answer-moved")

    manager.task("Rename a theme of a question")
    manager.click(page.get_by_role("link", name=lab.theme["en"]).first)
    manager.click(page.get_by_role("link", name="Synthesis and report"))
    manager.click(page.get_by_role("link", name="Question 1", exact=True))
    cards = page.locator(".theme-card:not(.other)")
    themes_before = page.locator(".theme-card").count()
    assert cards.count() >= 2
    manager.click(cards.first.get_by_role("heading").get_by_role("link"))
    manager.fill(page.get_by_label("Label", exact=True), "Example: one place for all the information")
    manager.click(page.get_by_role("button", name="Rename"))
    assert page.get_by_role("heading", level=1, name="Example: one place for all the information").is_visible()
    manager.shot("theme-renamed")

    manager.task("Merge two themes, then undo")
    manager.click(page.get_by_role("link", name=re.compile(r"^Synthesis: Question 1")))
    boxes = page.locator(".theme-card:not(.other) input[data-bulk-item]")
    manager.check(boxes.nth(0))
    manager.check(boxes.nth(1))
    merge = page.locator(".bulk-bar button[data-bulk-submit]")
    assert merge.inner_text() == "Merge 2 themes"
    manager.shot("merge-chosen")
    manager.click(merge)
    assert page.get_by_text(re.compile(r"Themes merged at")).is_visible()
    assert page.locator(".theme-card").count() == themes_before - 1
    manager.shot("merged")
    manager.click(page.locator(".undo-bar").get_by_role("button", name="Undo"))
    page.wait_for_load_state()
    assert page.locator(".theme-card").count() == themes_before
    assert page.get_by_role("link", name="Example: one place for all the information").is_visible()
    manager.shot("merge-undone")

    manager.task("Download the report")
    manager.click(page.get_by_role("link", name="PDF"))
    page.wait_for_selector("#report-status-pdf progress")
    run_worker_now()
    with page.expect_download() as download:
        manager.click(page.get_by_role("link", name="Download the report"))
    report = Path(manager.folder) / "manager-lab-report.pdf"
    download.value.save_as(report)
    text = pdf_text(report)
    assert "Example lab: reaching small firms" in text
    assert "Example: one place for all the information" in text
    assert Theme.objects.filter(lab=lab, label="Example: one place for all the information").exists()


def test_a_project_manager_runs_a_two_session_workshop(page, tour, partner, people, smtp_server, settings,
                                                        run_worker_now, tmp_path):
    settings.ECOCSME_BASE_URL = page.base
    manager = tour(page, "manager-workshop")
    first_day = timezone.localdate() + dt.timedelta(days=30)

    manager.task("Create the workshop")
    manager.log_in("timisoara")
    manager.click(page.get_by_role("navigation", name="Main").get_by_role("link", name="Events"))
    page.wait_for_url("**/manage/events/**")
    manager.click(page.get_by_role("link", name="New event"))
    manager.select(page.get_by_label("Organising partner"), label="Timișoara")
    manager.select(page.get_by_label("Kind"), "partner_workshop")
    manager.select(page.get_by_label("Working language"), "en")
    manager.select(page.get_by_label("Time zone of the times below"), "Europe/Bucharest")
    manager.fill(page.get_by_label("City"), "Timișoara")
    manager.fill(page.get_by_label("Places"), "2")
    manager.fill(page.get_by_label("Answer by (last day)"), (first_day - dt.timedelta(days=7)).isoformat())
    for number, day in enumerate((first_day, first_day + dt.timedelta(days=1))):
        manager.fill(page.locator(f"#id_sessions-{number}-day"), day.isoformat())
        manager.fill(page.locator(f"#id_sessions-{number}-start"), "10:00")
        manager.fill(page.locator(f"#id_sessions-{number}-end"), "13:00")
        manager.fill(page.locator(f"#id_sessions-{number}-title"), f"Part {number + 1}")
    manager.fill(page.get_by_label("Title (en)"), "Example workshop: local suppliers")
    manager.shot("workshop-form")
    manager.click(page.get_by_role("button", name="Save"))
    page.wait_for_url(re.compile(r".*/manage/events/\d+/$"))
    event = Event.objects.get(title__en="Example workshop: local suppliers")
    assert event.sessions.count() == 2

    manager.task("Publish and invite")
    manager.click(page.get_by_role("button", name="Publish"))
    for name, *_rest in PEOPLE:
        manager.check(page.get_by_label(name))
    manager.click(page.get_by_role("button", name="Invite", exact=True))
    manager.click(page.get_by_role("button", name="Send the invitations not sent yet"))
    page.wait_for_load_state()
    run_worker_now()
    assert len(mails_to(smtp_server, "ioana@example.org")) == 1
    for address in ("ioana@example.org", "mark@example.org"):
        answer_save(invitation=event.invitations.get(contact__email=address), answer="yes")

    manager.task("Read the answers and places left")
    manager.click(page.get_by_role("navigation", name="Main").get_by_role("link", name="Manage"))
    row = page.locator("table tr", has=page.get_by_role("link", name="Example workshop: local suppliers"))
    assert row.locator('td[data-label="Places left"]').inner_text().strip() == "0 of 2"
    assert row.locator('td[data-label="Answers pending"]').inner_text().strip() == "1"
    manager.shot("dashboard-workshop")
    manager.click(row.get_by_role("link", name="Example workshop: local suppliers"))
    assert page.get_by_text("2 confirmed of 2 places").is_visible()
    manager.shot("workshop-answers")

    manager.task("Check in on a phone")
    manager.on_phone()
    manager.click(page.get_by_role("link", name="Check-in"))
    assert page.locator("#present-count-1").inner_text() == "0 of 2 present at session 1"
    manager.fill(page.get_by_label("Find a participant"), "ioana")
    page.get_by_text("1 of 2 participants match.").wait_for()
    assert page.get_by_text("Example Mark").count() == 0
    manager.shot("check-in-search")
    manager.click(page.get_by_role("button", name="Check in Example Ioana"))
    page.get_by_role("button", name="Undo the check-in of Example Ioana").wait_for()
    page.locator("#present-count-1", has_text="1 of 2 present at session 1").wait_for()
    manager.shot("check-in-session-1")
    manager.click(page.get_by_role("link", name=re.compile(r"Session 2")))
    manager.fill(page.get_by_label("Find a participant"), "")
    for name in ("Example Ioana", "Example Mark"):
        manager.click(page.get_by_role("button", name=f"Check in {name}"))
        page.get_by_role("button", name=f"Undo the check-in of {name}").wait_for()
    page.locator("#present-count-2", has_text="2 of 2 present at session 2").wait_for()
    assert page.locator("#present-count-1").inner_text() == "1 of 2 present at session 1"
    manager.shot("check-in-session-2")

    manager.task("Print the attendance sheet")
    manager.on_laptop()
    manager.click(page.get_by_role("link", name="Example workshop: local suppliers"))
    sheet = manager.save_link(page.get_by_role("link", name="Attendance sheet (PDF)"), tmp_path / "attendance.pdf")
    text = pdf_text(sheet)
    assert text.count("Signature") == 2
    assert "Session 1" in text and "Session 2" in text
    assert "Logo" not in text
    assert "Example Ioana" in text and "Example Mark" in text and "Example Ana" not in text
