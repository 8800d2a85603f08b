"""The invitation core, for every concrete kind of personal invitation: a new kind must be
added to OWNERS below, and then gets the same checks."""

from datetime import time, timedelta

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.utils import timezone

from ecocsme.core.audit import AuditEntry
from ecocsme.core.links import link_token
from ecocsme.core.models import OutgoingMail
from ecocsme.invitations.access import invitation_among, invitation_for_token
from ecocsme.invitations.models import PersonalInvitation
from ecocsme.invitations.selectors import failing_invitation_ids, owners_with_failing_mail
from ecocsme.invitations.services import (
    invitation_retry,
    invitations_create,
    links_revoke,
    mail_addressing,
    reminder_counted,
)
from ecocsme.invitations.states import LinkState
from ecocsme.invitations.views import link_unavailable
from ecocsme.organisations.models import Contact, Organisation
from ecocsme.organisations.services import consent_set


def _lab(project, staff):
    from ecocsme.labs.models import Lab

    return Lab.objects.get(partner__number=6, number=2)


def _event(project, staff):
    from ecocsme.events.services.events import SessionInput, event_publish, event_save

    day = timezone.now().date() + timedelta(days=30)
    event = event_save(actor=staff, event=None, partner=project.partners.get(number=6), values={
        "title": {"en": "Example workshop"}, "kind": "partner_workshop", "language": "en",
        "time_zone": "Europe/Bucharest", "city": "Timișoara"},
        sessions=[SessionInput(day=day, start=time(10), end=time(12))])
    event_publish(actor=staff, event=event)
    return event


OWNERS = {"labs.Invitation": _lab, "events.EventInvitation": _event}
KINDS = sorted(OWNERS)


def concrete_kinds() -> list[type[PersonalInvitation]]:
    return [model for model in apps.get_models() if issubclass(model, PersonalInvitation)]


def test_every_kind_is_covered_and_names_what_differs():
    kinds = concrete_kinds()
    assert {model._meta.label for model in kinds} == set(OWNERS)
    for model in kinds:
        for name in ("owner_field", "consent_purpose", "link_purpose", "answer_view", "change_permission"):
            assert getattr(model, name, None), (model, name)
    assert len({model.link_purpose for model in kinds}) == len(kinds)  # a lab link never opens an event
    assert len({model.mail_kind() for model in kinds}) == len(kinds)


@pytest.fixture
def staff(project, make_user):
    return make_user("t-staff", role="partner_staff", project=project, partner_number=6)


@pytest.fixture
def people(project):
    """Example contacts of Timișoara: one agrees to everything, one to nothing; one of Rijeka."""
    timisoara, rijeka = project.partners.get(number=6), project.partners.get(number=5)
    organisation = Organisation.objects.create(name="Example SRL (example)", kind="sme", city="Timișoara",
                                               country="RO", partner=timisoara)
    made = []
    for name, partner, consent in (("yes", timisoara, True), ("no", timisoara, False), ("far", rijeka, True)):
        contact = Contact.objects.create(partner=partner, organisation=organisation, name=f"Example {name}",
                                         email=f"{name}@example.org", language="ro")
        for purpose in ("consultations", "event_invitations"):
            consent_set(contact=contact, purpose=purpose, granted=consent, source="staff")
        made.append(contact)
    return made


def _model(label: str) -> type[PersonalInvitation]:
    return apps.get_model(label)


def _invite(label, project, staff, contacts):
    model = _model(label)
    owner = OWNERS[label](project, staff)
    extra = {"expires_at": timezone.now() + timedelta(days=9)} if label == "labs.Invitation" else {}
    return model, owner, invitations_create(actor=staff, model=model, owner=owner, contacts=contacts, **extra)


@pytest.mark.django_db
@pytest.mark.parametrize("label", KINDS)
def test_only_consenting_contacts_of_the_owner_partner_are_invited_once(label, project, staff, people):
    model, owner, report = _invite(label, project, staff, people)
    assert [i.contact for i in report.created] == people[:1]
    assert {contact.name: reason for contact, reason in report.skipped} == {
        "Example no": report.skipped[0][1], "Example far": "kept by another partner"}
    assert "consent" in report.skipped[0][1]
    invitation = report.created[0]
    assert invitation.owner == owner and invitation.language == "ro" and len(invitation.nonce) == 32
    assert invitation.message_id.startswith(f"<{model.owner_field}{owner.pk}.inv{people[0].pk}.")
    again = invitations_create(actor=staff, model=model, owner=owner, contacts=people[:1],
                               **({"expires_at": invitation.expires_at} if label == "labs.Invitation" else {}))
    assert not again.created and again.skipped[0][1] == "already invited"
    assert AuditEntry.objects.filter(action=f"{model._meta.app_label}.invitations.created").count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("label", KINDS)
def test_another_partner_may_not_invite(label, project, staff, people, make_user):
    model = _model(label)
    owner = OWNERS[label](project, staff)
    rijeka = make_user("t-rijeka", role="partner_staff", project=project, partner_number=5)
    with pytest.raises(PermissionDenied):
        invitations_create(actor=rijeka, model=model, owner=owner, contacts=people)
    assert not model.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("label", KINDS)
def test_the_personal_link_opens_its_invitation_only(label, project, staff, people):
    model, _owner, report = _invite(label, project, staff, people[:1])
    invitation = report.created[0]
    token = invitation.token()
    assert invitation_for_token(model.objects.all(), token) == invitation
    assert invitation_among([invitation], ["junk", token]) == invitation
    assert invitation.answer_url().endswith(f"/{token}/")
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    other_kind = link_token("ecocsme.other.invitation", invitation.pk, invitation.nonce)
    for bad in (forged, other_kind, "", "x.y", f"{invitation.pk}", "9" * 200):
        assert invitation_for_token(model.objects.all(), bad) is None, bad
        assert invitation_among([invitation], [bad]) is None
    links_revoke([invitation])
    assert invitation_for_token(model.objects.all(), token) is None
    fresh = invitation.token()
    assert invitation_for_token(model.objects.all(), fresh) == invitation
    Contact.objects.filter(pk=invitation.contact_id).update(erased_at=timezone.now())
    assert invitation_for_token(model.objects.all(), fresh) is None  # the person was erased


@pytest.mark.django_db
@pytest.mark.parametrize("label", KINDS)
def test_mail_keys_addressing_and_reminders_counted_once(label, project, staff, people):
    model, _owner, report = _invite(label, project, staff, people[:1])
    invitation = report.created[0]
    assert invitation.mail_key("reminder", 1) == f"{model.mail_kind()}:{invitation.pk}:reminder:1"
    addressing, headers = mail_addressing(invitation)
    assert addressing["to"] == "yes@example.org" and addressing["language"] == "ro"
    assert addressing["contact_id"] == invitation.contact_id
    assert headers["List-Unsubscribe"].strip("<>") == addressing["unsubscribe_url"]
    assert (reminder_counted(invitation), reminder_counted(invitation)) == (1, 2)
    assert model.objects.get(pk=invitation.pk).reminders_sent == 2


@pytest.mark.django_db
@pytest.mark.parametrize("label", KINDS)
def test_a_failing_mail_is_listed_and_sent_again_once(label, project, staff, people, make_user):
    model, owner, report = _invite(label, project, staff, people[:1])
    invitation = report.created[0]
    assert invitation_retry(actor=staff, invitation=invitation) is False  # no mail yet
    invitation.mail = OutgoingMail.objects.create(
        key=invitation.mail_key("invite"), to="yes@example.org", subject="s", text="b", message_id="<m1@example.org>",
        status=OutgoingMail.Status.FAILED, contact_id=invitation.contact_id)
    invitation.save(update_fields=["mail"])
    assert failing_invitation_ids(model) == {invitation.pk}
    assert owners_with_failing_mail(model, type(owner).objects.all()) == [(owner, 1)]
    rijeka = make_user("t-rijeka", role="partner_staff", project=project, partner_number=5)
    with pytest.raises(PermissionDenied):
        invitation_retry(actor=rijeka, invitation=invitation)
    assert invitation_retry(actor=staff, invitation=invitation) is True
    assert invitation_retry(actor=staff, invitation=invitation) is False  # queued already
    assert failing_invitation_ids(model) == set()
    assert AuditEntry.objects.filter(action=f"{model._meta.app_label}.invitation.retried").count() == 1


@pytest.mark.django_db
def test_the_unavailable_page_says_why_with_the_right_status(project):
    request = RequestFactory().get("/")
    request.user = None
    for state in LinkState:
        if state is LinkState.OPEN:
            continue
        response = link_unavailable(request, state, "invitations/link_unavailable.html")
        assert response.status_code == (404 if state is LinkState.INVALID else 410)
    body = link_unavailable(request, LinkState.INVALID, "invitations/link_unavailable.html").content.decode()
    assert "This link does not work" in body
