"""The back office's way in: "Manage" in the menu only for those with a role in a project (a
stakeholder's account would meet a refusal), and the dashboard leads to the profiles waiting
for the user's verification, with how many wait."""

import pytest

from ecocsme.accounts.factories import AdministratorFactory, UserFactory
from ecocsme.organisations.factories import ProfileFactory, RepresentativeFactory

pytestmark = pytest.mark.django_db
MANAGE_LINK = 'href="/en/manage/"'


def test_manage_is_in_the_menu_of_members_and_the_administrator_only(client, staff, coordinator):
    for user, shown in ((UserFactory(username="stakeholder"), False), (staff, True), (coordinator, True),
                        (AdministratorFactory(), True)):
        client.force_login(user)
        assert (MANAGE_LINK in client.get("/en/opportunities/").content.decode()) is shown, user.username
    client.logout()
    assert MANAGE_LINK not in client.get("/en/opportunities/").content.decode()


def test_the_dashboard_counts_the_profiles_waiting_for_verification(client, staff, partner):
    client.force_login(staff)
    page = client.get("/en/manage/").content.decode()
    assert 'href="/en/manage/organisations/verification/"' in page and "waiting" not in page
    for name in ("Example Kiln Studio (example)", "Example Loom Works (example)"):
        RepresentativeFactory(organisation=ProfileFactory(partner=partner, name=name))
    assert "2 waiting" in client.get("/en/manage/").content.decode()
