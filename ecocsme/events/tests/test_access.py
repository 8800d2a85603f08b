"""events.access against the rules: `events_visible_to(user)` is exactly the events for which
`user.has_perm("events.view_event", event)` holds; `public_events()` exactly those anyone may see
(`is_public_event`), and the public page opens those or, to members, their project's; the
fetchers answer 404 to whoever may not see a thing and 403 to whoever sees it but may not do what
was asked — for each kind of user of ecocsme.testing.access (the staff of the organising partner
A, of another partner B of the project, of an unpublished project, its coordinator…), on two
projects with two partners each."""

from dataclasses import dataclass

import pytest
from django.http import Http404
from django.utils import timezone

from ecocsme.events.access import (
    contact_for_calendar_token,
    event_for,
    events_visible_to,
    invitation_for_token,
    is_public_event,
    public_event_for,
    public_events,
    published_project,
)
from ecocsme.events.factories import EventFactory, EventInvitationFactory
from ecocsme.events.models import Event
from ecocsme.testing.access import (
    CHANGING_WHAT_A_KEEPS,
    ROLES,
    assert_answers,
    assert_fetches_by_the_rules,
    assert_visible_is_the_rule,
    fresh,
    kinds_of_user,
    seen_by_each,
)


@dataclass
class World:
    users: dict
    project: object
    unpublished: object
    event_a: Event  # published and public, organised by partner A
    event_b: Event  # published and public, organised by partner B of the same project
    invitation_a: object
    invitation_b: object


@pytest.fixture
def world(db) -> World:
    kinds = kinds_of_user(elsewhere_published=False)
    partner_a, partner_b, elsewhere = kinds.partner_a, kinds.partner_b, kinds.elsewhere
    event_a, event_b = EventFactory(partner=partner_a), EventFactory(partner=partner_b)
    EventFactory(partner=partner_a, status=Event.Status.DRAFT)
    EventFactory(partner=partner_a, status=Event.Status.CANCELLED)
    EventFactory(partner=partner_b, is_public=False)
    EventFactory(partner=elsewhere)  # public, but its project is not published
    EventFactory(partner=elsewhere, status=Event.Status.DRAFT)
    return World(users=kinds.users, project=partner_a.project, unpublished=elsewhere.project, event_a=event_a,
                 event_b=event_b, invitation_a=EventInvitationFactory(event=event_a, answer="yes"),
                 invitation_b=EventInvitationFactory(event=event_b))


def all_events():
    return list(Event.objects.select_related("partner", "project"))


@pytest.mark.parametrize("role", ROLES)
def test_events_visible_to_is_the_view_event_rule(world, role):
    user = fresh(world.users[role])
    assert_visible_is_the_rule(events_visible_to(user), user, "events.view_event", all_events())


def test_who_sees_which_events_in_the_back_office(world):
    ours = {e.pk for e in all_events() if e.project_id == world.project.pk}
    seen = seen_by_each(events_visible_to, world.users)
    assert seen["anonymous"] == seen["no_role"] == set()
    assert seen["staff_a"] == seen["staff_b"] == seen["coordinator"] == ours  # drafts and private ones too
    assert seen["staff_elsewhere"] == {e.pk for e in all_events() if e.project_id == world.unpublished.pk}
    assert seen["admin"] == {e.pk for e in all_events()}


def test_public_events_are_the_public_rule(world):
    events = all_events()
    assert {e.pk for e in public_events()} == {e.pk for e in events if is_public_event(e)}
    # public, not a draft, of a published project: the two published ones and the cancelled one
    assert len(public_events()) == 3
    assert {e.pk for e in public_events(world.project)} == {e.pk for e in public_events()}
    assert not public_events(world.unpublished).exists()


@pytest.mark.parametrize("role", ROLES)
def test_the_public_page_opens_public_events_and_members_their_projects(world, role):
    user = fresh(world.users[role])
    for event in all_events():
        if is_public_event(event) or user.has_perm("events.view_event", event):
            assert public_event_for(user, event.pk) == event
        else:
            with pytest.raises(Http404):
                public_event_for(user, event.pk)
    with pytest.raises(Http404):
        public_event_for(user, 10**9)


def test_published_project(world):
    assert published_project(world.project.code) == world.project
    for code in (world.unpublished.code, "NO-SUCH-CODE"):
        with pytest.raises(Http404):
            published_project(code)


@pytest.mark.parametrize("role", ROLES)
def test_event_for_opens_what_the_rules_allow(world, role):
    """Not 403 to a stranger: whoever may not see an event does not learn that it exists."""
    assert_fetches_by_the_rules(event_for, fresh(world.users[role]), all_events(), view="events.view_event",
                                perms=("events.view_event", "events.change_event"))


@pytest.mark.parametrize(("role", "outcome"), CHANGING_WHAT_A_KEEPS)
def test_event_for_with_a_permission(world, role, outcome):
    user = fresh(world.users[role])
    assert_answers(outcome or world.event_a, event_for, user, world.event_a.pk, "events.change_event")
    if outcome is None:
        assert event_for(user, world.event_a.pk, "events.change_event").confirmed_count == 1  # with its figures


def test_invitation_for_token(world):
    invitation = world.invitation_a
    token = invitation.token()
    assert invitation_for_token(token) == invitation
    assert invitation_for_token(token[:-2] + "xx") is None
    invitation.contact.erased_at = timezone.now()
    invitation.contact.save(update_fields=["erased_at"])
    assert invitation_for_token(token) is None


def test_contact_for_calendar_token(world):
    from ecocsme.events.services.mail import personal_calendar_url

    contact = world.invitation_a.contact
    token = personal_calendar_url(contact.pk).rsplit("/", 1)[1].removesuffix(".ics")
    assert contact_for_calendar_token(token) == contact
    assert contact_for_calendar_token(token[:-2] + "xx") is None
    assert contact_for_calendar_token("not-a-token") is None
    contact.erased_at = timezone.now()
    contact.save(update_fields=["erased_at"])
    assert contact_for_calendar_token(token) is None
