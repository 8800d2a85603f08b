"""A stakeholder without an account, on a phone, answering by the personal links in their mail
(a real SMTP server): a lab in Romanian, then a full workshop (told before answering that a yes
goes to the waiting list), then a changed answer that removes the earlier note. The partner's
side is made with factories and services; the stakeholder only clicks and types."""

import pytest
from django.utils import translation

from ecocsme.events.factories import EventFactory
from ecocsme.events.models import EventInvitation
from ecocsme.events.services import answers as event_answers
from ecocsme.events.services import invitations as event_invitations
from ecocsme.labs.factories import LabFactory
from ecocsme.labs.models import Response
from ecocsme.labs.services import invitations as lab_invitations
from ecocsme.organisations.factories import StakeholderFactory
from ecocsme.testing.mail import link_in, mails_to
from ecocsme.testing.walkthrough import PHONE
from ecocsme.testing.worker import run_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADDRESS = "ioana@example.org"


def ro(msgid: str) -> str:
    """The catalogue's Romanian, so the walk-through follows what translators write."""
    with translation.override("ro"):
        return translation.gettext(msgid)


@pytest.fixture
def ioana(partner):
    return StakeholderFactory(partner=partner, name="Example Ioana", email=ADDRESS, language="ro",
                              organisation__kind="sme", consents=["consultations", "event_invitations"])


@pytest.fixture
def invited(partner, staff, ioana, smtp_server, settings, bare_page):
    """Ioana invited to a lab and to a workshop whose one place another person took."""
    settings.ECOCSME_BASE_URL = bare_page.base
    lab = LabFactory(partner=partner)
    lab_invitations.invitations_create(actor=staff, lab=lab, contacts=[ioana])
    lab_invitations.invitations_send(actor=staff, lab=lab)
    event = EventFactory(partner=partner, capacity=1,
                         title={"en": "Example workshop on local suppliers", "ro": "Atelier de exemplu: furnizori locali"})
    first = StakeholderFactory(partner=partner, name="Example Mark", consents=["event_invitations"])
    event_invitations.invitations_create(actor=staff, event=event, contacts=[first, ioana])
    event_answers.answer_save(invitation=event.invitations.get(contact=first), answer="yes")
    event_invitations.invitations_send(actor=staff, event=event)
    run_worker()
    return lab, event


def assert_confirmation_on_top(page):
    """What was saved shows first on the phone's screen, and the focus is on it."""
    box = page.locator("#answer-saved")
    assert box.is_visible()
    assert box.bounding_box()["y"] + box.bounding_box()["height"] <= PHONE["height"]
    assert page.evaluate("document.activeElement.id") == "answer-saved"


def test_a_stakeholder_answers_a_lab_and_a_full_workshop_on_a_phone(bare_page, tour, invited, smtp_server):
    lab, event = invited
    page = bare_page
    page.set_viewport_size(PHONE)
    person = tour(page, "stakeholder")
    lab_mail, event_mail = sorted(mails_to(smtp_server, ADDRESS), key=lambda m: "/events/" in str(m))

    person.task("Answer the lab")
    person.open(link_in(lab_mail, "/labs/answer/"))
    assert page.locator("html").get_attribute("lang") == "ro"
    assert page.get_by_role("heading", level=1).inner_text().strip()
    person.shot("lab-in-romanian")
    person.fill(page.get_by_label("Cum ar trebui programul să ajungă la firmele mici?", exact=False),
                "Prin camera de comerț și prin radioul local, cu mesaje scurte (exemplu).")
    person.fill(page.get_by_label("De ce sprijin au nevoie firmele ca să participe?", exact=False),
                "Un mentor și reguli simple pentru licitații, în loturi mici (exemplu).")
    person.click(page.get_by_role("button", name=ro("Submit my answers")))
    page.wait_for_load_state()
    assert page.get_by_text(ro("Thank you: your answers are submitted. You can still change them until the "
                               "consultation closes.")).is_visible()
    assert_confirmation_on_top(page)
    person.shot("lab-submitted")
    assert Response.objects.get(lab=lab).status == "submitted"

    person.task("Answer the full workshop")
    link = link_in(event_mail, "/events/answer/")
    person.open(link)
    assert page.locator("html").get_attribute("lang") == "ro"
    notice = page.locator("#waiting-list")
    assert notice.is_visible()
    assert ro("The event is full: if you answer yes, you will be on the waiting list.") in notice.inner_text()
    person.shot("workshop-full-notice")
    person.check(page.get_by_label(ro("Yes, I will take part")))
    person.fill(page.locator("textarea[name=note]"), "Aș vrea să prezint atelierul nostru de tipar (exemplu).")
    person.click(page.get_by_role("button", name=ro("Send my answer")))
    page.wait_for_load_state()
    assert_confirmation_on_top(page)
    assert ro("The event is full: you are on the waiting list. If a place becomes free, it is given to you in "
              "turn and we write to you at once.") in page.locator("#answer-saved").inner_text()
    person.shot("workshop-waiting")

    person.task("Change the answer")
    person.open(link)
    earlier = page.locator(".earlier-note")
    assert "Aș vrea să prezint atelierul nostru de tipar (exemplu)." in earlier.inner_text()
    person.check(page.get_by_label(ro("No, I cannot take part")))
    person.check(page.get_by_label(ro("Remove my earlier note and needs")))
    person.shot("workshop-change")
    person.click(page.get_by_role("button", name=ro("Send my answer")))
    page.wait_for_load_state()
    assert_confirmation_on_top(page)
    assert page.locator(".earlier-note").count() == 0
    assert page.get_by_text("atelierul nostru de tipar").count() == 0
    person.shot("workshop-changed")
    invitation = EventInvitation.objects.get(event=event, contact__email=ADDRESS)
    assert (invitation.answer, invitation.place, invitation.note) == ("no", "", "")
