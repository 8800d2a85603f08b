"""The back office's forms explain their less obvious fields, and every help text is tied to its
field (aria-describedby names an element that exists), in the forms rendered by the site's field
templates (web/_form_fields.html, core/_plain_fields.html, core/_translated_fields.html)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

FORMS = {
    "labs:lab_add": ["id_reply_to_helptext", "id_closes_at_helptext"],
    "events:manage_add": ["id_capacity_helptext", "id_rsvp_deadline_helptext"],
    "practices:add": ["id_nuts_region_helptext", "id_transfer_potential_en_helptext"],
    "opportunities:add": ["id_kind_helptext"],
    "organisations:contact_add": ["id_partner_helptext", "id_language_helptext"],
}


def described_but_missing(html: str) -> set[str]:
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    described = {name for value in re.findall(r'aria-describedby="([^"]+)"', html) for name in value.split()}
    return described - ids


@pytest.mark.parametrize(("name", "helps"), FORMS.items())
def test_a_form_explains_its_fields_and_ties_each_help_to_its_field(client, staff, name, helps):
    client.force_login(staff)
    html = client.get(reverse(name)).content.decode()
    for help_id in helps:
        assert f'id="{help_id}"' in html, help_id
        assert re.search(rf'aria-describedby="[^"]*\b{help_id}\b', html), help_id
    assert not described_but_missing(html)


def test_the_partner_form_explains_the_rates(client, staff, partner):
    client.force_login(staff)
    html = client.get(reverse("web:partner_edit", args=[partner.pk])).content.decode()
    assert 'id="id_erdf_rate_helptext"' in html and not described_but_missing(html)
