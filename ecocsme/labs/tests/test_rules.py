import pytest

from ecocsme.accounts.factories import UserFactory


@pytest.mark.django_db
def test_only_the_partners_staff_and_the_coordinator_change_a_lab(lab, staff, other_staff, coordinator):
    outsider = UserFactory(username="o")
    assert staff.has_perm("labs.change_lab", lab)
    assert coordinator.has_perm("labs.change_lab", lab)
    assert not other_staff.has_perm("labs.change_lab", lab)
    assert other_staff.has_perm("labs.view_lab", lab)
    assert not outsider.has_perm("labs.view_lab", lab)
