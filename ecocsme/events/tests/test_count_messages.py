"""The event page's messages count invitations, reminders and the participants told of a
cancellation in the plural form of their number ("1 participant is told", "2 participants are
told"), never as "participant(s)"."""

import pytest

from ecocsme.events.factories import EventFactory
from ecocsme.events.models import EventInvitation
from ecocsme.events.services.answers import answer_save

pytestmark = pytest.mark.django_db


def said(client, url: str, data: dict | None = None) -> list[str]:
    """The messages the page shows after the action."""
    response = client.post(url, data or {}, follow=True)
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


def test_invitations_and_reminders_are_counted_in_words_that_agree(client, staff, partner, people):
    ioana, mark, ana, _no_consent = people
    event = EventFactory(partner=partner)
    client.force_login(staff)
    url = f"/en/manage/events/{event.pk}"

    assert said(client, f"{url}/invite/", {"contacts": [ioana.pk]}) == ["1 invitation created."]
    assert said(client, f"{url}/send/") == ["1 invitation is being sent."]
    assert said(client, f"{url}/remind/") == ["1 reminder is being sent."]

    assert said(client, f"{url}/invite/", {"contacts": [mark.pk, ana.pk]}) == ["2 invitations created."]
    assert said(client, f"{url}/send/") == ["2 invitations are being sent."]
    assert said(client, f"{url}/remind/") == ["3 reminders are being sent."]


@pytest.mark.parametrize(("yes", "told"), [
    (1, "The event is cancelled; 1 participant is told."),
    (2, "The event is cancelled; 2 participants are told."),
])
def test_a_cancellation_counts_the_participants_told(client, staff, partner, people, yes, told):
    event = EventFactory(partner=partner)
    client.force_login(staff)
    said(client, f"/en/manage/events/{event.pk}/invite/", {"everyone": "on"})
    said(client, f"/en/manage/events/{event.pk}/send/")
    for contact in people[:yes]:
        answer_save(invitation=EventInvitation.objects.get(event=event, contact=contact), answer="yes")
    assert said(client, f"/en/manage/events/{event.pk}/cancel/", {"message": "Example reason."}) == [told]
