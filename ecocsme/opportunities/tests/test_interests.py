"""Expressions of interest (OPP-3): a representative of a verified organisation says "we are
interested" with a message, once per organisation (saying it again corrects the message until
someone answers, and joins the thread after); the poster's side
answers in the thread and sets the status; each side is told by mail in its language; nobody
else sees an interest (a second organisation's representative, another partner's staff); bad
input changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from ecocsme.accounts.factories import AdministratorFactory, UserFactory
from ecocsme.core.models import AuditEntry, OutgoingMail
from ecocsme.opportunities.access import interest_for, interests_visible_to
from ecocsme.opportunities.factories import OpportunityFactory, in_days, representative, verified_organisation
from ecocsme.opportunities.models import Interest, InterestMessage
from ecocsme.opportunities.services.interests import (
    interest_express,
    interest_reply,
    interest_set_status,
    interest_withdraw,
)
from ecocsme.organisations.factories import OrganisationFactory
from ecocsme.testing.access import assert_visible_is_the_rule, fresh

pytestmark = pytest.mark.django_db
MESSAGE = "We bring a sound crew of four and two mixing desks (example)."


@pytest.fixture
def opportunity(partner, title, staff):
    """Published by Timișoara's staff for their partner, who moderate it."""
    staff.language = "ro"
    staff.save(update_fields=["language"])
    return OpportunityFactory(partner=partner, posted_by=staff, ecoc_title=title, title="Sound crew (example)")


@pytest.fixture
def colleague(organisation):
    """A second representative of the same organisation."""
    return representative(organisation, UserFactory(username="colleague", language="lt"))


@pytest.fixture
def stranger(other_partner):
    """The representative of another verified organisation."""
    return representative(verified_organisation(partner=other_partner, name="Other Studio (example)"),
                          UserFactory(username="stranger"))


def _mails(prefix="opportunities.interest:"):
    return list(OutgoingMail.objects.filter(key__startswith=prefix).order_by("pk"))


def test_a_representative_says_it_and_the_poster_is_told_in_their_language(rep, organisation, opportunity, staff):
    interest = interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=MESSAGE)
    assert (interest.status, interest.created_by, interest.message) == ("interested", rep, MESSAGE)
    (mail,) = _mails()
    assert mail.to == staff.email and mail.language == "ro"
    assert organisation.name in mail.subject and MESSAGE in mail.text
    assert f"/ro/opportunities/interests/{interest.pk}/" in mail.text
    assert "unsubscribe" not in mail.text.lower()  # a conversation they started: no subscription
    entry = AuditEntry.objects.get(action="opportunities.interest.expressed")
    assert entry.actor == rep and MESSAGE not in str(entry.data) and rep.username not in entry.object_repr


def test_once_per_organisation_a_second_time_changes_the_message(rep, colleague, organisation, opportunity):
    first = interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=MESSAGE)
    again = interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=MESSAGE)
    assert again.pk == first.pk and len(_mails()) == 1  # a double click: nothing new, nobody mailed
    changed = interest_express(actor=colleague, opportunity=opportunity, organisation=organisation,
                               message="Three technicians instead (example).")
    assert changed.pk == first.pk and Interest.objects.count() == 1
    assert Interest.objects.get().message == "Three technicians instead (example)."
    assert len(_mails()) == 2 and ":changed:" in _mails()[-1].key  # in the recipient's language


@pytest.mark.parametrize("message, problem", [
    ("", "Write a few words"), ("   \n ", "Write a few words"), ("x" * 2001, "at most 2,000 are allowed")])
def test_an_empty_or_huge_message_is_refused_and_changes_nothing(rep, organisation, opportunity, message, problem):
    with pytest.raises(ValidationError) as refused:
        interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=message)
    assert problem in " ".join(refused.value.messages)
    assert not Interest.objects.exists() and not _mails()


def test_a_message_of_exactly_the_limit_is_taken(rep, organisation, opportunity):
    interest = interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message="y" * 2000)
    assert len(interest.message) == 2000


@pytest.mark.parametrize("changes, problem", [
    ({"status": "draft", "published_at": None}, "Only a published opportunity"),
    ({"status": "in_review", "published_at": None}, "Only a published opportunity"),
    ({"status": "closed"}, "Only a published opportunity"),
    ({"deadline": in_days(-1)}, "The deadline has passed"),
])
def test_no_interest_in_a_draft_or_closed_opportunity(rep, organisation, opportunity, changes, problem):
    type(opportunity).objects.filter(pk=opportunity.pk).update(**changes)
    opportunity.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=MESSAGE)
    assert problem in " ".join(refused.value.messages) and not Interest.objects.exists()


def test_only_the_representatives_of_a_verified_organisation_say_it(rep, organisation, opportunity, staff,
                                                                     partner):
    unverified = OrganisationFactory(partner=partner, verified_at=None)
    newcomer = representative(unverified, UserFactory(username="newcomer"))
    for actor, organisation_said in ((newcomer, unverified), (staff, organisation), (rep, unverified)):
        with pytest.raises(PermissionDenied):
            interest_express(actor=actor, opportunity=opportunity, organisation=organisation_said, message=MESSAGE)
    own = OpportunityFactory(partner=partner, organisation=organisation, posted_by=rep)
    with pytest.raises(ValidationError, match="Your organisation posted"):
        interest_express(actor=rep, opportunity=own, organisation=organisation, message=MESSAGE)
    assert not Interest.objects.exists()


def test_an_organisation_that_does_not_wish_to_be_found_may_still_say_it(rep, organisation, opportunity):
    organisation.findable = False
    organisation.save()
    assert interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=MESSAGE).pk


def test_the_thread_each_side_is_told_and_a_double_submission_counts_once(
        rep, colleague, organisation, opportunity, staff):
    interest = interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=MESSAGE)
    answer = interest_reply(actor=staff, interest=interest, body="When can you start (example)?")
    assert answer.side == InterestMessage.Side.POSTER
    told = _mails()[1:]
    assert {m.to for m in told} == {rep.email, colleague.email}  # the whole interested side
    assert {m.to: m.language for m in told}[colleague.email] == "lt"
    again = interest_reply(actor=staff, interest=interest, body="When can you start (example)?")
    assert again.pk == answer.pk and interest.messages.count() == 1
    reply = interest_reply(actor=colleague, interest=interest, body="In May (example).")
    assert reply.side == InterestMessage.Side.INTERESTED
    assert _mails()[-1].to == staff.email and "In May (example)." in _mails()[-1].text
    for body in ("", "z" * 2001):
        with pytest.raises(ValidationError):
            interest_reply(actor=rep, interest=interest, body=body)
    assert interest.messages.count() == 2
    assert AuditEntry.objects.filter(action="opportunities.interest.replied").count() == 2


def test_the_status_is_the_poster_sides_and_contracted_has_a_date(rep, organisation, opportunity, staff,
                                                                  coordinator, other_staff):
    interest = interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=MESSAGE)
    for outsider in (rep, other_staff):
        with pytest.raises(PermissionDenied):
            interest_set_status(actor=outsider, interest=interest, status="contracted")
    with pytest.raises(ValidationError):
        interest_set_status(actor=staff, interest=interest, status="hired")
    interest = interest_set_status(actor=staff, interest=interest, status="contracted")
    assert interest.status == "contracted" and interest.contracted_at is not None
    assert _mails()[-1].to == rep.email and "Contracted" in _mails()[-1].text
    interest = interest_set_status(actor=coordinator, interest=interest, status="in_talks")
    assert interest.contracted_at is None
    with pytest.raises(ValidationError, match="contracted"):  # not withdrawn any more, and told why
        interest_withdraw(actor=rep, interest=interest_set_status(actor=staff, interest=interest,
                                                                  status="contracted"))


def test_withdrawing_keeps_the_thread_readable_and_saying_it_again_takes_it_back(
        rep, organisation, opportunity, staff):
    interest = interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=MESSAGE)
    with pytest.raises(PermissionDenied):
        interest_withdraw(actor=staff, interest=interest)
    interest = interest_withdraw(actor=rep, interest=interest)
    assert interest.is_withdrawn and _mails()[-1].to == staff.email and ":withdrawn:" in _mails()[-1].key
    assert interest_for(fresh(staff), interest.pk) == interest
    for actor in (rep, staff):
        with pytest.raises(ValidationError, match="withdrew its interest"):  # told why, not a bare refusal
            interest_reply(actor=actor, interest=interest, body="Still there (example)?")
    with pytest.raises(ValidationError, match="withdrew its interest"):
        interest_set_status(actor=staff, interest=interest, status="in_talks")
    back = interest_express(actor=rep, opportunity=opportunity, organisation=organisation,
                            message="We are free again after all (example).")
    assert back.pk == interest.pk and not back.is_withdrawn and back.status == "interested"
    assert back.message == MESSAGE  # the first message as it was read
    assert [m.body for m in back.messages.all()] == ["We are free again after all (example)."]
    assert _mails()[-1].to == staff.email and ":said:" in _mails()[-1].key


def test_not_retained_is_not_undone_by_withdrawing_and_saying_it_again(rep, organisation, opportunity, staff):
    interest = interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=MESSAGE)
    interest_set_status(actor=staff, interest=interest, status="not_retained")
    interest_withdraw(actor=rep, interest=interest)
    back = interest_express(actor=rep, opportunity=opportunity, organisation=organisation,
                            message="Please look again (example).")
    assert not back.is_withdrawn and Interest.objects.get().status == "not_retained"


def test_once_answered_a_new_message_joins_the_thread_and_rewrites_nothing(rep, organisation, opportunity,
                                                                            staff):
    interest = interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=MESSAGE)
    interest_reply(actor=staff, interest=interest, body="Can you bring six? (example)")
    again = interest_express(actor=rep, opportunity=opportunity, organisation=organisation,
                             message="Yes, six technicians (example).")
    assert again.message == MESSAGE
    assert [(m.side, m.body) for m in again.messages.order_by("pk")] == [
        ("poster", "Can you bring six? (example)"), ("interested", "Yes, six technicians (example).")]
    assert _mails()[-1].to == staff.email and ":message:" in _mails()[-1].key
    assert not AuditEntry.objects.filter(action="opportunities.interest.changed").exists()


def test_the_administrator_is_held_to_the_state_and_the_side(rep, organisation, opportunity, staff, client):
    """The model backend grants a superuser every permission; the services and the page ask the
    rules themselves."""
    admin = AdministratorFactory()
    interest = interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=MESSAGE)
    with pytest.raises(PermissionDenied):  # not the interested side
        interest_withdraw(actor=admin, interest=interest)
    client.force_login(admin)
    page = client.get(f"/en/opportunities/interests/{interest.pk}/")
    assert page.status_code == 200 and "Withdraw our interest" not in page.content.decode()
    interest_set_status(actor=admin, interest=interest, status="contracted")  # the poster's side may
    with pytest.raises(ValidationError, match="contracted"):
        interest_withdraw(actor=rep, interest=interest)
    interest_set_status(actor=admin, interest=interest, status="in_talks")
    interest_withdraw(actor=rep, interest=interest)
    for attempt in (lambda: interest_reply(actor=admin, interest=interest, body="Hello (example)"),
                    lambda: interest_set_status(actor=admin, interest=interest, status="contracted")):
        with pytest.raises(ValidationError, match="withdrew its interest"):
            attempt()
    page = client.get(f"/en/opportunities/interests/{interest.pk}/").content.decode()
    assert "Save the status" not in page and "Send</button>" not in page
    refused = client.post(f"/en/opportunities/interests/{interest.pk}/", {"body": "Hello again (example)"})
    assert refused.status_code == 200 and "withdrew its interest" in refused.content.decode()
    assert not InterestMessage.objects.exists()


@pytest.mark.parametrize("typed, kept", [
    ("Line one (example)\r\nline two", "Line one (example)\nline two"),
    ("\u200b\u200b\ufeff", None), ("\u202eexample reversed", "example reversed"),
    ("bell\x07 (example)", "bell (example)")])
def test_messages_are_cleaned_like_the_posts(rep, organisation, opportunity, typed, kept):
    if kept is None:
        with pytest.raises(ValidationError, match="Write a few words"):
            interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=typed)
        assert not Interest.objects.exists()
    else:
        interest = interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=typed)
        assert interest.message == kept


def test_a_browsers_line_ends_count_once_against_the_limit(rep, organisation, opportunity):
    typed = ("x" * 9 + "\r\n") * 200  # 2,000 characters as the form counts them, 2,200 as sent
    interest = interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=typed)
    assert len(interest.message) == 1999  # the last line end trimmed


def test_who_sees_an_interest(rep, colleague, stranger, organisation, opportunity, staff, other_staff,
                              coordinator, partner):
    """The two sides, the coordinators and the administrator; not a second organisation's
    representative, not another partner's staff, not a user without a role."""
    admin = AdministratorFactory()
    nobody = UserFactory(username="nobody")
    interest = interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=MESSAGE)
    theirs = interest_express(actor=stranger, opportunity=opportunity,
                              organisation=stranger.representing.get().organisation, message=MESSAGE)
    posted_by_rep = OpportunityFactory(partner=partner, organisation=organisation, posted_by=rep)
    on_reps_post = interest_express(actor=stranger, opportunity=posted_by_rep,
                                    organisation=stranger.representing.get().organisation, message=MESSAGE)
    interests = list(Interest.objects.select_related("opportunity__partner"))
    expected = {
        rep: {interest.pk, on_reps_post.pk}, colleague: {interest.pk, on_reps_post.pk},
        stranger: {theirs.pk, on_reps_post.pk}, staff: {interest.pk, theirs.pk, on_reps_post.pk},
        other_staff: set(), nobody: set(), coordinator: {i.pk for i in interests}, admin: {i.pk for i in interests},
    }
    for user, seen in expected.items():
        user = fresh(user)
        assert assert_visible_is_the_rule(interests_visible_to(user), user, "opportunities.view_interest",
                                          interests) == seen, user.username
    for user in (other_staff, nobody):
        with pytest.raises(Http404):
            interest_for(fresh(user), interest.pk)
    with pytest.raises(PermissionDenied):
        interest_for(fresh(stranger), on_reps_post.pk, "opportunities.set_interest_status")


def test_the_pages(client, rep, colleague, stranger, organisation, opportunity, staff, other_staff, coordinator):
    client.force_login(rep)
    page = client.get(f"/en/opportunities/{opportunity.pk}/").content.decode()
    assert "We are interested" in page and "Your message" in page
    response = client.post(f"/en/opportunities/{opportunity.pk}/interest/",
                           {"organisation": organisation.pk, "message": ""})
    assert response.status_code == 200 and "Write a few words" in response.content.decode()
    assert not Interest.objects.exists()
    response = client.post(f"/en/opportunities/{opportunity.pk}/interest/",
                           {"organisation": organisation.pk, "message": MESSAGE})
    interest = Interest.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/opportunities/interests/{interest.pk}/"
    page = client.get(f"/en/opportunities/{opportunity.pk}/").content.decode()
    assert "Change our message" in page and "The thread with the opportunity" in page
    assert "Sound crew (example)" in client.get("/en/opportunities/interests/").content.decode()
    export = client.get("/en/opportunities/interests/?format=csv")
    assert MESSAGE in b"".join(export.streaming_content).decode()

    client.force_login(staff)
    page = client.get(f"/en/opportunities/{opportunity.pk}/").content.decode()
    assert "1 organisation is interested." in page and "We are interested" not in page
    listed = client.get(f"/en/opportunities/{opportunity.pk}/interests/").content.decode()
    assert organisation.name in listed and MESSAGE in listed
    client.post(f"/en/opportunities/interests/{interest.pk}/", {"body": "Welcome (example)."})
    client.post(f"/en/opportunities/interests/{interest.pk}/status/", {"status": "in_talks"})
    interest.refresh_from_db()
    assert interest.status == "in_talks" and interest.messages.get().body == "Welcome (example)."
    thread = client.get(f"/en/opportunities/interests/{interest.pk}/").content.decode()
    assert "Welcome (example)." in thread and "s side</strong>" in thread
    assert rep.get_full_name() not in thread and rep.email not in thread  # organisations speak, not people

    client.force_login(colleague)
    assert client.get(f"/en/opportunities/interests/{interest.pk}/").status_code == 200
    assert client.post(f"/en/opportunities/interests/{interest.pk}/status/",
                       {"status": "contracted"}).status_code == 403
    for outsider in (stranger, other_staff):
        client.force_login(outsider)
        assert client.get(f"/en/opportunities/interests/{interest.pk}/").status_code == 404
        assert client.post(f"/en/opportunities/interests/{interest.pk}/", {"body": "x"}).status_code == 404
        assert client.get(f"/en/opportunities/{opportunity.pk}/interests/").status_code == 403
    client.force_login(coordinator)
    assert client.get(f"/en/opportunities/interests/{interest.pk}/").status_code == 200
    client.force_login(colleague)
    client.post(f"/en/opportunities/interests/{interest.pk}/withdraw/")
    interest.refresh_from_db()
    assert interest.is_withdrawn and interest.messages.count() == 1


def test_a_coordinator_of_another_project_sees_no_interest_and_no_match(client, rep, organisation, opportunity,
                                                                         coordinator):
    from ecocsme.accounts.factories import CoordinatorFactory
    from ecocsme.partnerships.factories import ProjectFactory

    interest = interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=MESSAGE)
    stranger = CoordinatorFactory(project=ProjectFactory())
    assert not interests_visible_to(stranger).exists() and interests_visible_to(coordinator).exists()
    with pytest.raises(Http404):
        interest_for(stranger, interest.pk)
    client.force_login(stranger)
    assert client.get(f"/en/opportunities/interests/{interest.pk}/").status_code == 404
    assert client.get(f"/en/opportunities/{opportunity.pk}/interests/").status_code == 403
    assert client.get(f"/en/opportunities/{opportunity.pk}/matches/").status_code == 403
    client.force_login(coordinator)  # the coordinator of the moderating partner's project
    assert client.get(f"/en/opportunities/interests/{interest.pk}/").status_code == 200


def test_once_the_status_moved_a_new_message_joins_the_thread(rep, organisation, opportunity, staff):
    interest = interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=MESSAGE)
    interest_set_status(actor=staff, interest=interest, status="contracted")
    again = interest_express(actor=rep, opportunity=opportunity, organisation=organisation,
                             message="Something else entirely (example).")
    assert again.message == MESSAGE and again.messages.get().body == "Something else entirely (example)."


@pytest.mark.parametrize("typed", ["\u3164\u3164", "\u2800", "\u115f ", "\u2062\u00ad"])
def test_a_message_of_blank_looking_characters_is_empty(rep, organisation, opportunity, typed):
    with pytest.raises(ValidationError, match="Write a few words"):
        interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=typed)


def test_invisible_operators_are_taken_out(rep, organisation, opportunity):
    interest = interest_express(actor=rep, opportunity=opportunity, organisation=organisation,
                                message="a\u2062b (example)")
    assert interest.message == "ab (example)"


def test_a_representative_of_two_organisations_is_not_offered_the_first_ones_message(
        client, rep, organisation, opportunity, partner):
    second = verified_organisation(partner=partner, name="Second Studio (example)")
    representative(second, rep)
    interest_express(actor=rep, opportunity=opportunity, organisation=organisation, message=MESSAGE)
    client.force_login(rep)
    page = client.get(f"/en/opportunities/{opportunity.pk}/interest/").content.decode()
    assert MESSAGE not in page.split("<form")[1] and "Change our message" not in page


def test_a_former_representative_is_no_longer_on_the_posters_side(client, rep, organisation, partner, title,
                                                                  stranger):
    post = OpportunityFactory(partner=partner, ecoc_title=title, posted_by=rep, organisation=organisation,
                              title="Our call for sound (example)")
    from ecocsme.organisations.models import Representative

    Representative.objects.filter(user=rep).delete()
    other = Interest.objects.get(pk=interest_express(
        actor=stranger, opportunity=post, organisation=stranger.representing.get().organisation,
        message=MESSAGE).pk)
    assert rep.email not in {mail.to for mail in _mails()}
    client.force_login(rep)
    assert client.get(f"/en/opportunities/interests/{other.pk}/").status_code == 404
    with pytest.raises(Http404):
        interest_for(fresh(rep), other.pk)
