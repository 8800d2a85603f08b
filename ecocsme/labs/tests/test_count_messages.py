"""The lab page's messages count invitations and reminders in the plural form of their number
("1 invitation created.", "2 invitations created."), never as "invitation(s)"."""

import pytest

from ecocsme.organisations.factories import ContactFactory

pytestmark = pytest.mark.django_db


def said(client, url: str, data: dict | None = None) -> list[str]:
    """The messages the page shows after the action."""
    response = client.post(url, data or {}, follow=True)
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


def test_invitations_and_reminders_are_counted_in_words_that_agree(client, lab, staff):
    first, *others = ContactFactory.create_batch(3, partner=lab.partner, consents=["consultations"])
    client.force_login(staff)
    url = f"/en/manage/labs/{lab.pk}"

    assert said(client, f"{url}/invite/", {"contacts": [first.pk]}) == ["1 invitation created."]
    assert said(client, f"{url}/send/") == ["1 invitation is being sent."]
    assert said(client, f"{url}/remind/") == ["1 reminder is being sent."]

    assert said(client, f"{url}/invite/", {"contacts": [c.pk for c in others]}) == ["2 invitations created."]
    assert said(client, f"{url}/send/") == ["2 invitations are being sent."]
    assert said(client, f"{url}/remind/") == ["3 reminders are being sent."]
    assert said(client, f"{url}/send/") == ["0 invitations are being sent."]
