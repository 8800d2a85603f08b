"""Test events, sessions and invitations (factory_boy).

An event's sessions are given as local times in its zone and stored as `event_save` stores
them (UTC instants through `events.times`, the event's `starts_at`/`ends_at` from them):
`EventFactory(sessions=[(day, time(13, 15), time(15, 30)), (day2, None, None)])` — a session
without times lasts the whole local day. By default one session 13:15–15:30 a month ahead.

An invitation is made as the invitation core makes it (invitations.factories);
`EventInvitationFactory(answer="yes")` has answered and holds a place ("confirmed", or
`place="waiting"`), without the mail `answer_save` would send.
"""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from ecocsme.invitations.factories import PersonalInvitationFactory
from ecocsme.organisations.factories import StakeholderFactory
from ecocsme.partnerships.factories import PartnerFactory

from .models import Event, EventInvitation, Session
from .times import overall_bounds, session_span, zone_named


def sessions_in(days: int, start: dt.time | None = dt.time(13, 15),
                end: dt.time | None = dt.time(15, 30)) -> list[tuple]:
    """One session `days` from today (13:15–15:30 local unless given), for `sessions=`."""
    return [(timezone.now().date() + dt.timedelta(days=days), start, end)]


class EventFactory(DjangoModelFactory):
    """A published public online workshop of `partner` in Timișoara's zone."""

    class Meta:
        model = Event

    partner = factory.SubFactory(PartnerFactory)
    project = factory.SelfAttribute("partner.project")
    kind = Event.Kind.PARTNER_WORKSHOP
    title = factory.Sequence(lambda n: {"en": f"Example workshop {n}", "ro": f"Atelier de exemplu {n}"})
    description = factory.LazyFunction(lambda: {"en": "An example workshop (example)."})
    language = "en"
    time_zone = "Europe/Bucharest"
    city = "Timișoara"
    country = "RO"
    online_url = "https://meeting.example.org/x"
    rsvp_deadline = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=20))
    status = Event.Status.PUBLISHED
    is_public = True
    contact_name = "Project team (example)"
    contact_email = "team@example.org"
    sessions = factory.LazyFunction(lambda: sessions_in(30))

    @classmethod
    def _create(cls, model_class, *args, sessions=(), **kwargs):
        zone = zone_named(kwargs["time_zone"])
        spans = [session_span(day, start, end, zone) for day, start, end, *_title in sessions]
        kwargs["starts_at"], kwargs["ends_at"] = overall_bounds(spans, zone)
        event = super()._create(model_class, *args, **kwargs)
        Session.objects.bulk_create([
            Session(event=event, position=position, day=span.day, starts_at=span.starts_at,
                    ends_at=span.ends_at, title=item[3] if len(item) > 3 else {})
            for position, (span, item) in enumerate(zip(spans, sessions, strict=True), start=1)])
        return event


class EventInvitationFactory(PersonalInvitationFactory):
    """An invitation of a contact of the organiser who agreed to event invitations."""

    class Meta:
        model = EventInvitation

    event = factory.SubFactory(EventFactory)
    contact = factory.SubFactory(StakeholderFactory, partner=factory.SelfAttribute("..event.partner"),
                                 consents=[EventInvitation.consent_purpose])
    answer = ""
    answered_at = factory.LazyAttribute(lambda i: timezone.now() if i.answer else None)
    answer_count = factory.LazyAttribute(lambda i: 1 if i.answer else 0)
    place = factory.LazyAttribute(lambda i: EventInvitation.Place.CONFIRMED if i.answer == "yes" else "")
    waiting_since = factory.LazyAttribute(
        lambda i: i.answered_at if i.place == EventInvitation.Place.WAITING else None)
