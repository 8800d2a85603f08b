"""Posting an opportunity and its moderation (OPP-1), through the pages as posters and moderators
use them: draft → review → published (or returned with a note, closed, withdrawn); who moderates
(the poster's partner, the organisation's keeper, a partner of the ECoC title, else the
coordinators); staff publishing their own post directly; the audit log; closing after the
deadline, by the task and, before it runs, in every public list."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ecocsme.accounts.factories import CoordinatorFactory, PartnerStaffFactory, UserFactory
from ecocsme.core.models import AuditEntry
from ecocsme.opportunities.access import open_opportunities
from ecocsme.opportunities.factories import OpportunityFactory, in_days, representative, verified_organisation
from ecocsme.opportunities.models import Opportunity
from ecocsme.opportunities.services import (
    Send,
    moderating_partner,
    opportunities_close_past_deadline,
    opportunity_save,
)
from ecocsme.partnerships.factories import PartnerFactory, ProjectFactory

from .posting import form_data, values

pytestmark = pytest.mark.django_db


def actions(opportunity) -> list[str]:
    return list(AuditEntry.objects.filter(object_id=str(opportunity.pk), action__startswith="opportunities.")
                .order_by("at", "id").values_list("action", flat=True))


def test_a_representative_posts_and_the_keeping_partners_staff_publish(client, title, sectors, rep,
                                                                        organisation, staff, other_staff):
    client.force_login(rep)
    response = client.post(reverse("opportunities:add"), form_data(title, organisation=organisation.pk))
    opportunity = Opportunity.objects.get()
    assert response.status_code == 302 and response.url == reverse("opportunities:detail", args=[opportunity.pk])
    assert opportunity.status == Opportunity.Status.DRAFT
    assert opportunity.organisation == organisation and opportunity.posted_by == rep
    assert opportunity.partner == organisation.partner  # its keeper moderates it
    assert opportunity.sector_codes == ["59", "90"]
    assert opportunity.language == "en"  # recognised from the text
    assert (opportunity.city, opportunity.country.code) == ("Timișoara", "RO")  # the title's
    # A draft is the poster's: visitors and the moderators do not see it yet.
    client.logout()
    assert client.get(reverse("opportunities:detail", args=[opportunity.pk])).status_code == 404
    client.force_login(staff)
    assert client.get(reverse("opportunities:detail", args=[opportunity.pk])).status_code == 404

    client.force_login(rep)
    client.post(reverse("opportunities:action", args=[opportunity.pk, "submit"]))
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.IN_REVIEW
    # The poster cannot publish; nor can another partner's staff, who do not even see it.
    assert client.post(reverse("opportunities:action", args=[opportunity.pk, "publish"])).status_code == 403
    client.force_login(other_staff)
    assert client.post(reverse("opportunities:action", args=[opportunity.pk, "publish"])).status_code == 404
    client.force_login(staff)
    page = client.get(reverse("opportunities:detail", args=[opportunity.pk])).content.decode()
    assert "Publish" in page and "Return to the poster" in page
    client.post(reverse("opportunities:action", args=[opportunity.pk, "publish"]))
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.PUBLISHED and opportunity.moderated_by == staff
    client.logout()
    listed = client.get(reverse("opportunities:list")).content.decode()
    assert "Sound crew for the open-air concerts" in listed
    assert actions(opportunity) == ["opportunities.opportunity.created", "opportunities.opportunity.submitted",
                                    "opportunities.opportunity.published"]


def test_returned_with_a_note_changed_and_sent_again(client, title, sectors, rep, organisation, staff):
    opportunity = OpportunityFactory(posted_by=rep, organisation=organisation, partner=organisation.partner,
                                     ecoc_title=title, status=Opportunity.Status.IN_REVIEW, published_at=None)
    client.force_login(staff)
    # A return needs a note.
    client.post(reverse("opportunities:action", args=[opportunity.pk, "return"]), {"note": "  "})
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.IN_REVIEW
    client.post(reverse("opportunities:action", args=[opportunity.pk, "return"]),
                {"note": "Say how many concerts there are (example)."})
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.RETURNED
    client.force_login(rep)
    page = client.get(reverse("opportunities:detail", args=[opportunity.pk])).content.decode()
    assert "Say how many concerts there are" in page
    response = client.post(reverse("opportunities:edit", args=[opportunity.pk]),
                           form_data(title, description="Four open-air concerts in June need a sound crew "
                                                        "and a mixing desk (example).", send="review"))
    assert response.status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.IN_REVIEW and opportunity.description.startswith("Four")
    # While it waits, the poster cannot change it.
    assert client.get(reverse("opportunities:edit", args=[opportunity.pk])).status_code == 403
    entry = AuditEntry.objects.get(action="opportunities.opportunity.changed", object_id=str(opportunity.pk))
    assert "description" in entry.data["changes"]
    assert "programme.office" not in str(entry.data)  # the contact point is not repeated in the log


def test_partner_staff_may_publish_their_own_post_at_once(client, title, sectors, staff, partner):
    client.force_login(staff)
    page = client.get(reverse("opportunities:add")).content.decode()
    assert "without a review" in page and "Save and publish now" in page
    client.post(reverse("opportunities:add"), form_data(title, send="publish"))
    opportunity = Opportunity.objects.get()
    assert opportunity.status == Opportunity.Status.PUBLISHED and opportunity.partner == partner
    assert opportunity.organisation is None
    entry = AuditEntry.objects.get(action="opportunities.opportunity.published")
    assert entry.data == {"without_review": True}


def test_by_default_staff_posts_go_through_review_too(client, title, sectors, staff):
    client.force_login(staff)
    client.post(reverse("opportunities:add"), form_data(title, send="review"))
    assert Opportunity.objects.get().status == Opportunity.Status.IN_REVIEW


def test_a_representative_cannot_publish_at_once(client, title, sectors, rep, organisation):
    client.force_login(rep)
    page = client.get(reverse("opportunities:add")).content.decode()
    assert "Save and publish now" not in page
    client.post(reverse("opportunities:add"), form_data(title, organisation=organisation.pk, send="publish"))
    assert Opportunity.objects.get().status == Opportunity.Status.DRAFT


def test_only_representatives_of_a_verified_organisation_post(client, title, sectors, partner):
    from ecocsme.organisations.factories import OrganisationFactory

    unverified = OrganisationFactory(partner=partner)
    user = representative(unverified, UserFactory(username="waiting"))
    client.force_login(user)
    assert client.get(reverse("opportunities:add")).status_code == 403
    assert client.post(reverse("opportunities:add"),
                       form_data(title, organisation=unverified.pk)).status_code == 403
    page = client.get(reverse("opportunities:mine")).content.decode()
    assert "Once the organisation you represent is verified" in page
    # Nor may anyone post for an organisation they do not represent.
    other = verified_organisation(partner=partner)
    verified_user = representative(verified_organisation(partner=partner), UserFactory(username="verified"))
    client.force_login(verified_user)
    response = client.post(reverse("opportunities:add"), form_data(title, organisation=other.pk))
    assert response.status_code == 200 and not Opportunity.objects.exists()
    assert client.get(reverse("opportunities:add")).status_code == 200
    client.logout()
    assert client.get(reverse("opportunities:add")).status_code == 302  # to the login


def test_who_moderates(title, partner, other_partner, organisation):
    staff = PartnerStaffFactory(partner=other_partner)
    # The poster's own partner, when they are its staff.
    assert moderating_partner(staff, partner=other_partner, ecoc_title=title) == other_partner
    # Else the partner that keeps the organisation.
    assert moderating_partner(UserFactory(), organisation=organisation, ecoc_title=title) == partner
    # Else a partner whose city holds the ECoC title: one of the coordinator's project first.
    elsewhere = PartnerFactory(project=ProjectFactory(), ecoc_title=title)
    coordinator_elsewhere = CoordinatorFactory(project=elsewhere.project)
    assert moderating_partner(coordinator_elsewhere, ecoc_title=title) == elsewhere
    assert moderating_partner(CoordinatorFactory(project=partner.project), ecoc_title=title) == partner
    # Else nobody: the coordinators moderate.
    from ecocsme.reference.factories import EcocTitleFactory

    assert moderating_partner(UserFactory(), ecoc_title=EcocTitleFactory()) is None


def test_the_coordinators_moderate_what_no_partner_does(client, sectors, partner, coordinator, staff):
    from ecocsme.reference.factories import EcocTitleFactory

    unheld = EcocTitleFactory(city="Example Town", year=2031)
    user = representative(verified_organisation(partner=None, city="Example Town", country="FR"),
                          UserFactory(username="unkept"))
    opportunity = opportunity_save(actor=user, opportunity=None, values=values(unheld), sectors=[],
                                   organisation=user.representing.get().organisation, send=Send.REVIEW)
    assert opportunity.partner is None and opportunity.status == Opportunity.Status.IN_REVIEW
    client.force_login(staff)  # a partner's staff: not theirs to moderate
    assert client.post(reverse("opportunities:action", args=[opportunity.pk, "publish"])).status_code == 404
    other_coordinator = CoordinatorFactory(project=ProjectFactory())
    client.force_login(other_coordinator)  # any coordinator
    client.post(reverse("opportunities:action", args=[opportunity.pk, "publish"]))
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.PUBLISHED


def test_a_coordinator_sees_their_projects_and_moderates_the_partners_of_their_project(
        client, title, sectors, coordinator, other_partner):
    draft = OpportunityFactory(partner=other_partner, status=Opportunity.Status.DRAFT, published_at=None)
    waiting = OpportunityFactory(partner=other_partner, status=Opportunity.Status.IN_REVIEW, published_at=None)
    foreign = OpportunityFactory(status=Opportunity.Status.IN_REVIEW, published_at=None)  # another project
    client.force_login(coordinator)
    listed = client.get(reverse("opportunities:manage_list")).content.decode()
    assert draft.title in listed and waiting.title in listed and foreign.title not in listed
    assert client.get(reverse("opportunities:edit", args=[draft.pk])).status_code == 403  # not theirs to write
    client.post(reverse("opportunities:action", args=[waiting.pk, "publish"]))
    assert client.get(reverse("opportunities:detail", args=[foreign.pk])).status_code == 404  # not yet public
    assert client.post(reverse("opportunities:action", args=[foreign.pk, "publish"])).status_code == 404
    waiting.refresh_from_db()
    foreign.refresh_from_db()
    assert waiting.status == Opportunity.Status.PUBLISHED and foreign.status == Opportunity.Status.IN_REVIEW


def test_moderators_close_and_posters_withdraw(client, title, staff, rep, organisation, partner):
    published = OpportunityFactory(partner=partner, posted_by=rep, organisation=organisation, ecoc_title=title)
    other = OpportunityFactory(partner=partner, posted_by=rep, organisation=organisation, ecoc_title=title)
    client.force_login(rep)
    assert client.post(reverse("opportunities:action", args=[published.pk, "close"])).status_code == 403
    client.post(reverse("opportunities:action", args=[other.pk, "withdraw"]))
    client.force_login(staff)
    client.post(reverse("opportunities:action", args=[published.pk, "close"]))
    published.refresh_from_db()
    other.refresh_from_db()
    assert published.status == Opportunity.Status.CLOSED and published.closed_at is not None
    assert other.status == Opportunity.Status.WITHDRAWN
    client.logout()
    assert client.get(reverse("opportunities:detail", args=[published.pk])).status_code == 200  # closed, readable
    assert "no longer taken" in client.get(reverse("opportunities:detail", args=[published.pk])).content.decode()
    assert client.get(reverse("opportunities:detail", args=[other.pk])).status_code == 404  # withdrawn
    assert not open_opportunities().exists()
    # Withdrawn is for good; closed cannot be withdrawn.
    client.force_login(rep)
    assert client.post(reverse("opportunities:action", args=[other.pk, "withdraw"])).status_code == 403
    assert client.post(reverse("opportunities:action", args=[published.pk, "withdraw"])).status_code == 403
    assert client.post(reverse("opportunities:action", args=[published.pk, "nonsense"])).status_code == 404


def test_a_past_deadline_is_closed_in_every_list_before_the_task_runs(client, title, partner):
    passed = OpportunityFactory(partner=partner, title="Passed deadline call", deadline=in_days(-1))
    today = OpportunityFactory(partner=partner, title="Deadline today call", deadline=in_days(0))
    assert list(open_opportunities()) == [today]
    assert passed.is_closed and not today.is_closed
    listed = client.get(reverse("opportunities:list")).content.decode()
    feed = client.get(reverse("opportunities:feed")).content.decode()
    api = client.get("/api/v1/opportunities").json()
    for shown in (listed, feed, str(api)):
        assert "Deadline today call" in shown and "Passed deadline call" not in shown
    csv = b"".join(client.get(reverse("opportunities:list"), {"format": "csv"}).streaming_content).decode()
    assert "Deadline today call" in csv and "Passed deadline call" not in csv
    assert client.get(f"/api/v1/opportunities/{passed.pk}").json()["status"] == "closed"

    assert opportunities_close_past_deadline() == 1
    passed.refresh_from_db()
    today.refresh_from_db()
    assert passed.status == Opportunity.Status.CLOSED and passed.closed_at is not None
    assert today.status == Opportunity.Status.PUBLISHED
    entry = AuditEntry.objects.get(action="opportunities.opportunity.closed")
    assert entry.actor is None and entry.data == {"deadline_passed": passed.deadline.isoformat()}
    assert opportunities_close_past_deadline() == 0


@pytest.mark.django_db(transaction=True)
def test_the_worker_closes_them_when_the_command_queues_the_task(title, partner):
    from ecocsme.testing.worker import run_worker

    passed = OpportunityFactory(partner=partner, deadline=timezone.localdate() - dt.timedelta(days=3))
    call_command("close-opportunities")
    passed.refresh_from_db()
    assert passed.status == Opportunity.Status.PUBLISHED  # queued, not yet run
    run_worker()
    passed.refresh_from_db()
    assert passed.status == Opportunity.Status.CLOSED


def test_a_published_opportunity_returned_leaves_the_lists(client, title, staff, partner):
    opportunity = OpportunityFactory(partner=partner, title="Taken back call")
    client.force_login(staff)
    client.post(reverse("opportunities:action", args=[opportunity.pk, "return"]), {"note": "Wrong budget (example)."})
    client.logout()
    assert "Taken back call" not in client.get(reverse("opportunities:list")).content.decode()
    assert client.get(reverse("opportunities:detail", args=[opportunity.pk])).status_code == 404


def test_my_opportunities(client, title, rep, organisation, partner):
    colleague = representative(organisation, UserFactory(username="colleague"))
    mine = OpportunityFactory(partner=partner, posted_by=rep, organisation=organisation, title="Mine (example)")
    ours = OpportunityFactory(partner=partner, posted_by=colleague, organisation=organisation,
                              status=Opportunity.Status.DRAFT, published_at=None, title="Colleague's draft")
    OpportunityFactory(partner=partner, title="Someone else's (example)")
    client.force_login(rep)
    page = client.get(reverse("opportunities:mine")).content.decode()
    assert "Mine (example)" in page and "Colleague&#x27;s draft" in page and "Someone else" not in page
    # Representatives of the same organisation edit its drafts together.
    assert client.get(reverse("opportunities:edit", args=[ours.pk])).status_code == 200
    assert mine.pk != ours.pk
