"""events.access against the rules: `events_visible_to(user)` is exactly the events for which
`user.has_perm("events.view_event", event)` holds; `public_events()` exactly those anyone may see
(`is_public_event`), and the public page opens those or, to members, their project's; the
fetchers answer 404 to whoever may not see a thing and 403 to whoever sees it but may not do what
was asked — for the anonymous visitor, the staff of the organising partner (A) and of another
partner (B) of the project, its coordinator, a user without a role and the administrator, on two
projects with two partners each."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from ecocsme.accounts.factories import (
    AdministratorFactory,
    CoordinatorFactory,
    PartnerStaffFactory,
    UserFactory,
)
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
from ecocsme.partnerships.factories import PartnerFactory, ProjectFactory

ROLES = ("anonymous", "staff_a", "staff_b", "coordinator", "no_role", "admin")


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
    partner_a = PartnerFactory(city="Timișoara", name="Municipality of Timișoara")
    partner_b = PartnerFactory(project=partner_a.project, city="Rijeka", name="Municipality of Rijeka")
    unpublished = ProjectFactory(is_published=False)
    elsewhere = PartnerFactory(project=unpublished)
    PartnerFactory(project=unpublished)
    event_a, event_b = EventFactory(partner=partner_a), EventFactory(partner=partner_b)
    EventFactory(partner=partner_a, status=Event.Status.DRAFT)
    EventFactory(partner=partner_a, status=Event.Status.CANCELLED)
    EventFactory(partner=partner_b, is_public=False)
    EventFactory(partner=elsewhere)  # public, but its project is not published
    EventFactory(partner=elsewhere, status=Event.Status.DRAFT)
    users = {
        "anonymous": AnonymousUser(),
        "staff_a": PartnerStaffFactory(username="staff-a", partner=partner_a),
        "staff_b": PartnerStaffFactory(username="staff-b", partner=partner_b),
        "coordinator": CoordinatorFactory(username="coord", project=partner_a.project),
        "no_role": UserFactory(username="no-role"),
        "admin": AdministratorFactory(username="admin-x"),
    }
    return World(users=users, project=partner_a.project, unpublished=unpublished, event_a=event_a,
                 event_b=event_b, invitation_a=EventInvitationFactory(event=event_a, answer="yes"),
                 invitation_b=EventInvitationFactory(event=event_b))


def fresh(user):
    """The user as a new request would have it (memberships and people scope read again)."""
    for cached in ("_ecocsme_memberships", "_ecocsme_people_scope"):
        if hasattr(user, cached):
            delattr(user, cached)
    return user


def all_events():
    return list(Event.objects.select_related("partner", "project"))


@pytest.mark.parametrize("role", ROLES)
def test_events_visible_to_is_the_view_event_rule(world, role):
    user = fresh(world.users[role])
    expected = {e.pk for e in all_events() if user.has_perm("events.view_event", e)}
    assert {e.pk for e in events_visible_to(user)} == expected


def test_who_sees_which_events_in_the_back_office(world):
    ours = {e.pk for e in all_events() if e.project_id == world.project.pk}
    seen = {role: {e.pk for e in events_visible_to(fresh(world.users[role]))} for role in ROLES}
    assert seen["anonymous"] == seen["no_role"] == set()
    assert seen["staff_a"] == seen["staff_b"] == seen["coordinator"] == ours  # drafts and private ones too
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
    user = fresh(world.users[role])
    for event in all_events():
        if user.has_perm("events.view_event", event):
            assert event_for(user, event.pk) == event
        else:
            with pytest.raises(Http404):
                event_for(user, event.pk)
            with pytest.raises(Http404):  # not 403: a stranger does not learn that the event exists
                event_for(user, event.pk, "events.change_event")


@pytest.mark.parametrize(("role", "outcome"), [
    ("anonymous", Http404), ("no_role", Http404), ("staff_b", PermissionDenied),
    ("staff_a", None), ("coordinator", None), ("admin", None)])
def test_event_for_with_a_permission(world, role, outcome):
    user = fresh(world.users[role])
    if outcome is None:
        event = event_for(user, world.event_a.pk, "events.change_event")
        assert event == world.event_a and event.confirmed_count == 1  # with its figures
    else:
        with pytest.raises(outcome):
            event_for(user, world.event_a.pk, "events.change_event")


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
