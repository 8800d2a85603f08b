import pytest

from ecocsme.labs.models import Lab


@pytest.mark.django_db
def test_only_the_partners_staff_and_the_coordinator_change_a_lab(project, make_user):
    lab = Lab.objects.get(partner__number=6, number=2)
    timisoara = make_user("t", role="partner_staff", project=project, partner_number=6)
    rijeka = make_user("r", role="partner_staff", project=project, partner_number=5)
    coordinator = make_user("c", role="coordinator", project=project)
    outsider = make_user("o")
    assert timisoara.has_perm("labs.change_lab", lab)
    assert coordinator.has_perm("labs.change_lab", lab)
    assert not rijeka.has_perm("labs.change_lab", lab)
    assert rijeka.has_perm("labs.view_lab", lab)
    assert not outsider.has_perm("labs.view_lab", lab)
