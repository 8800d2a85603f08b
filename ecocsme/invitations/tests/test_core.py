"""The invitation core, for every concrete kind of personal invitation: a new kind must be
added to ecocsme.testing.invitations.OWNERS, and then gets the same checks."""


import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory
from django.utils import timezone

from ecocsme.accounts.factories import PartnerStaffFactory
from ecocsme.core.audit import AuditEntry
from ecocsme.core.links import link_token
from ecocsme.core.models import OutgoingMail
from ecocsme.invitations.access import invitation_among, invitation_for_token, invitation_of
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
from ecocsme.organisations.factories import StakeholderFactory
from ecocsme.organisations.models import Contact
from ecocsme.partnerships.factories import PartnerFactory
from ecocsme.testing.invitations import OWNERS

KINDS = sorted(OWNERS)


def concrete_kinds() -> list[type[PersonalInvitation]]:
    return [model for model in apps.get_models() if issubclass(model, PersonalInvitation)]


def test_every_kind_is_covered_and_names_what_differs():
    kinds = concrete_kinds()
    assert {model._meta.label for model in kinds} == set(OWNERS)
    for model in kinds:
        for name in ("owner_field", "consent_purpose", "link_purpose", "answer_view", "change_permission",
                     "refusal"):
            assert getattr(model, name, None), (model, name)
        owner = model._meta.get_field(model.owner_field)
        assert owner.remote_field.related_name == "invitations", model  # owner.invitations
        assert not owner.null, model
    assert len({model.link_purpose for model in kinds}) == len(kinds)  # a lab link never opens an event
    assert len({model.mail_kind() for model in kinds}) == len(kinds)


@pytest.fixture
def partner(db):
    return PartnerFactory()


@pytest.fixture
def staff(partner):
    return PartnerStaffFactory(partner=partner)


@pytest.fixture
def people(partner):
    """Example contacts of the partner: one agrees to everything, one to nothing; one of another
    partner of the project."""
    elsewhere = PartnerFactory(project=partner.project)
    purposes = ("consultations", "event_invitations")
    return [StakeholderFactory(partner=partner, name="Example yes", email="yes@example.org", language="ro",
                               consents=dict.fromkeys(purposes, True)),
            StakeholderFactory(partner=partner, name="Example no", email="no@example.org", language="ro",
                               consents=dict.fromkeys(purposes, False)),
            StakeholderFactory(partner=elsewhere, name="Example far", email="far@example.org", language="ro",
                               consents=dict.fromkeys(purposes, True))]


def _model(label: str) -> type[PersonalInvitation]:
    return apps.get_model(label)


def _invite(label, partner, staff, contacts):
    model = _model(label)
    owner, extra = OWNERS[label](partner)
    return model, owner, invitations_create(actor=staff, model=model, owner=owner, contacts=contacts, **extra)


@pytest.mark.django_db
@pytest.mark.parametrize("label", KINDS)
def test_only_consenting_contacts_of_the_owner_partner_are_invited_once(label, partner, staff, people):
    model, owner, report = _invite(label, partner, staff, people)
    assert [i.contact for i in report.created] == people[:1]
    assert {contact.name: reason for contact, reason in report.skipped} == {
        "Example no": report.skipped[0][1], "Example far": "kept by another partner"}
    assert "consent" in report.skipped[0][1]
    invitation = report.created[0]
    assert invitation.owner == owner and invitation.language == "ro" and len(invitation.nonce) == 32
    assert invitation.message_id.startswith(f"<{model.owner_field}{owner.pk}.inv{people[0].pk}.")
    again = invitations_create(actor=staff, model=model, owner=owner, contacts=people[:1],
                               **OWNERS[label](partner)[1])
    assert not again.created and again.skipped[0][1] == "already invited"
    assert AuditEntry.objects.filter(action=f"{model._meta.app_label}.invitations.created").count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("label", KINDS)
def test_another_partner_may_not_invite(label, partner, staff, people):
    model = _model(label)
    owner, extra = OWNERS[label](partner)
    other = PartnerStaffFactory(partner=PartnerFactory(project=partner.project))
    with pytest.raises(PermissionDenied):
        invitations_create(actor=other, model=model, owner=owner, contacts=people, **extra)
    assert not model.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("label", KINDS)
def test_the_personal_link_opens_its_invitation_only(label, partner, staff, people):
    model, _owner, report = _invite(label, partner, staff, people[:1])
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
def test_mail_keys_addressing_and_reminders_counted_once(label, partner, staff, people):
    model, _owner, report = _invite(label, partner, staff, people[:1])
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
def test_a_failing_mail_is_listed_and_sent_again_once(label, partner, staff, people):
    model, owner, report = _invite(label, partner, staff, people[:1])
    invitation = report.created[0]
    assert invitation_retry(actor=staff, invitation=invitation) is False  # no mail yet
    invitation.mail = OutgoingMail.objects.create(
        key=invitation.mail_key("invite"), to="yes@example.org", subject="s", text="b", message_id="<m1@example.org>",
        status=OutgoingMail.Status.FAILED, contact_id=invitation.contact_id)
    invitation.save(update_fields=["mail"])
    assert failing_invitation_ids(model) == {invitation.pk}
    assert owners_with_failing_mail(model, type(owner).objects.all()) == [(owner, 1)]
    other = PartnerStaffFactory(partner=PartnerFactory(project=partner.project))
    with pytest.raises(PermissionDenied):
        invitation_retry(actor=other, invitation=invitation)
    assert invitation_retry(actor=staff, invitation=invitation) is True
    assert invitation_retry(actor=staff, invitation=invitation) is False  # queued already
    assert failing_invitation_ids(model) == set()
    assert AuditEntry.objects.filter(action=f"{model._meta.app_label}.invitation.retried").count() == 1


@pytest.mark.django_db
def test_the_unavailable_page_says_why_with_the_right_status(db):
    request = RequestFactory().get("/")
    request.user = None
    for state in LinkState:
        if state is LinkState.OPEN:
            continue
        response = link_unavailable(request, state, "invitations/link_unavailable.html")
        assert response.status_code == (404 if state is LinkState.INVALID else 410)
    body = link_unavailable(request, LinkState.INVALID, "invitations/link_unavailable.html").content.decode()
    assert "This link does not work" in body


@pytest.mark.django_db
@pytest.mark.parametrize("label", KINDS)
def test_staff_open_an_invitation_only_of_their_owner_and_of_people_they_see(label, partner, staff, people):
    from ecocsme.accounts.factories import AdministratorFactory, CoordinatorFactory

    _model, owner, report = _invite(label, partner, staff, people[:1])
    invitation = report.created[0]
    _other_model, _other_owner, other_report = _invite(label, partner, staff, people[:1])
    coordinator = CoordinatorFactory(project=partner.project)
    for user in (staff, coordinator, AdministratorFactory()):
        assert invitation_of(user, owner, invitation.pk) == invitation
    other_staff = PartnerStaffFactory(partner=PartnerFactory(project=partner.project))
    with pytest.raises(Http404):  # sees the lab or event, not the people the partner keeps
        invitation_of(other_staff, owner, invitation.pk)
    for wrong in (other_report.created[0].pk, None, 0, 10**9):  # only inside the owner
        with pytest.raises(Http404):
            invitation_of(staff, owner, wrong)
