"""The whole lab in a real browser against a real SMTP server: create a lab, invite, answer
through the personal link in Romanian, import two e-mail replies, review one, find the themes
(the page follows the background run by itself) and download the PDF report."""

import re
import subprocess
from email.message import EmailMessage

import pytest

from ecocsme.labs.models import EmailReply, Invitation, Lab, Response
from ecocsme.organisations.factories import StakeholderFactory
from ecocsme.testing.a11y import assert_pages_accessible
from ecocsme.testing.browser import browser_login
from ecocsme.testing.mail import link_in
from ecocsme.testing.worker import run_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PEOPLE = [  # (name, address, language, kind, city) — example people
    ("Example Ioana", "ioana@example.org", "ro", "sme", "Timișoara"),
    ("Example Mark", "mark@example.org", "en", "ngo", "Lugoj"),
    ("Example Ana", "ana@example.org", "ro", "startup", "Timișoara"),
]


@pytest.fixture
def partner(project):
    """The demo's Timișoara, whose staff log in as "timisoara"."""
    return project.partners.get(number=6)


@pytest.fixture
def lab(project):
    """The demo's lab 2 of Timișoara."""
    return Lab.objects.get(partner__number=6, number=2)


def stakeholders(partner):
    for name, address, language, kind, city in PEOPLE:
        StakeholderFactory(partner=partner, name=name, email=address, language=language,
                           organisation__kind=kind, organisation__city=city, consents=["consultations"])


def reply(invitation: Invitation, body: str, number: int) -> bytes:
    message = EmailMessage()
    message["From"] = invitation.contact.email
    message["To"] = "lab@example.org"
    message["Subject"] = "Re: invitation"
    message["Message-ID"] = f"<walkthrough-reply-{number}@example.org>"
    message["In-Reply-To"] = invitation.message_id
    message.set_content(body)
    return bytes(message)


def personal_link(smtp_server, address: str) -> str:
    return link_in(next(m for m in smtp_server.messages if m["To"] == address), "/labs/answer/")


def test_a_lab_from_start_to_report(page, partner, smtp_server, settings, tmp_path):
    settings.ECOCSME_BASE_URL = page.base
    stakeholders(partner)
    browser_login(page, "timisoara")

    # Create the lab, in English and Romanian.
    page.goto(page.base + "/en/manage/labs/new/")
    page.get_by_label("Partner").select_option(str(partner.pk))
    page.get_by_label("Number in the series").fill("3")
    page.get_by_label("Theme (en)").fill("Example lab: reaching small firms")
    page.get_by_label("Questions, one per line (en)").fill(
        "How should the programme reach small firms?\nWhat support do firms need to take part?")
    page.locator("summary", has_text="Romanian").click()
    page.get_by_label("Theme (ro)").fill("Laborator de exemplu: cum ajungem la firmele mici")
    page.get_by_label("Questions, one per line (ro)").fill(
        "Cum ar trebui programul să ajungă la firmele mici?\nDe ce sprijin au nevoie firmele ca să participe?")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r".*/manage/labs/\d+/$"))
    lab = Lab.objects.get(partner__number=6, number=3)
    page.get_by_role("button", name="Open the lab").click()

    # Invite the three stakeholders and send the invitations through the worker.
    for name, *_rest in PEOPLE:
        page.get_by_label(name).check()
    page.get_by_role("button", name="Invite", exact=True).click()
    page.get_by_role("button", name="Send the invitations not sent yet").click()
    run_worker()
    assert sorted(m["To"] for m in smtp_server.messages) == sorted(p[1] for p in PEOPLE)

    # Ioana answers through her link, in Romanian.
    page.goto(personal_link(smtp_server, "ioana@example.org"))
    assert page.locator("html").get_attribute("lang") == "ro"
    assert page.get_by_text("Cum ar trebui programul să ajungă la firmele mici?").is_visible()
    boxes = page.locator("textarea")
    boxes.nth(0).fill("Prin camera de comerț și prin radioul local, cu mesaje scurte și concrete.")
    boxes.nth(1).fill("Au nevoie de un mentor și de reguli simple pentru licitații, în loturi mici.")
    page.locator("button[name=submit]").click()
    page.wait_for_load_state()
    ioana = Response.objects.get(invitation__contact__email="ioana@example.org")
    assert ioana.status == "submitted" and ioana.answers.count() == 2

    # Two replies by e-mail: one numbered (counted at once), one in prose (to review).
    invitations = {i.contact.email: i for i in lab.invitations.select_related("contact")}
    numbered = reply(invitations["mark@example.org"],
                     "1. Through the chamber of commerce and a monthly newsletter.\n"
                     "2. Mentoring and smaller tender lots.\n\nBest regards,\nMark", 1)
    prose = reply(invitations["ana@example.org"],
                  "Cred că cel mai bine ar merge printr-un grup local de antreprenori și prin "
                  "întâlniri informale, iar firmele ar avea nevoie de un mentor.", 2)
    (tmp_path / "mark.eml").write_bytes(numbered)
    (tmp_path / "ana.eml").write_bytes(prose)
    page.goto(page.base + f"/en/manage/labs/{lab.pk}/replies/")
    page.get_by_label("E-mail replies (.eml or .mbox files)").set_input_files(
        [str(tmp_path / "mark.eml"), str(tmp_path / "ana.eml")])
    page.get_by_role("button", name="Import").click()
    page.wait_for_load_state()
    assert page.get_by_text("Counted: 1. To review: 1.").is_visible()
    page.get_by_role("link", name="ana@example.org").click()
    page.locator("textarea").nth(0).fill("Printr-un grup local de antreprenori și întâlniri informale.")
    page.locator("textarea").nth(1).fill("Firmele ar avea nevoie de un mentor.")
    page.get_by_role("button", name="Count these answers").click()
    page.wait_for_load_state()
    assert EmailReply.objects.get(sender="ana@example.org").status == "counted"
    assert Response.objects.filter(lab=lab, status="submitted").count() == 3

    # Themes: the page shows the run's progress and reloads itself when the worker is done.
    page.goto(page.base + f"/en/manage/labs/{lab.pk}/synthesis/")
    page.get_by_role("button", name="Find the themes").click()
    page.wait_for_selector("progress")
    run_worker()
    page.wait_for_selector(".theme-card", timeout=30_000)
    assert page.get_by_text("Themes found on").is_visible()
    assert page.locator("svg.chart").count() >= 4
    page.screenshot(path=str(tmp_path / "synthesis.png"), full_page=True)

    # The PDF report, built by the worker while the page shows how far it is, then downloaded;
    # with the Romanian answer quoted or counted in it.
    page.get_by_role("link", name="PDF").click()
    page.wait_for_selector("#report-status-pdf progress")
    run_worker()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the report").click(timeout=30_000)
    pdf = (tmp_path / "report.pdf")
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
                    .stdout.decode().split())
    assert "Example lab: reaching small firms" in text
    assert "How should the programme reach small firms?" in text
    assert "3 people invited, 3 responded (100%)" in text


def test_lab_pages_are_accessible_on_a_phone_and_a_desktop(page, lab, labelled_answers):
    """The answer form (stakeholders, often on a phone) and the staff's lab, synthesis and theme
    pages: no serious axe-core violation, no sideways scrolling."""
    from ecocsme.labs.factories import InvitationFactory, answers_create
    from ecocsme.labs.models import SynthesisRun, Theme
    from ecocsme.labs.services import themes

    invitation = InvitationFactory(lab=lab, contact__language="ro")
    answers_create(lab, labelled_answers)
    run = SynthesisRun.objects.create(lab=lab)
    themes.synthesis_execute(run.pk)
    theme = Theme.objects.filter(scope="lab", is_other=False).first()

    assert_pages_accessible(page, [f"/ro/labs/answer/{invitation.token()}/"])
    browser_login(page, "timisoara")
    assert_pages_accessible(page, [f"/en/manage/labs/{lab.pk}/", f"/en/manage/labs/{lab.pk}/synthesis/",
                                   f"/en/manage/labs/{lab.pk}/themes/{theme.pk}/",
                                   f"/en/manage/labs/{lab.pk}/report.pdf"])  # the report's build, under way
