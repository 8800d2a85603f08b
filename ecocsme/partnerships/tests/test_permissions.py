from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ecocsme.accounts.factories import CoordinatorFactory, PartnerStaffFactory, UserFactory
from ecocsme.core.models import AuditEntry
from ecocsme.partnerships.factories import PartnerFactory, ProjectFactory
from ecocsme.partnerships.services import partner_update


@pytest.fixture
def project(db):
    """A project with seven partners; Rijeka is the fifth, Timișoara the sixth."""
    project = ProjectFactory()
    for city, country in [("Leeuwarden", "NL"), ("Matera", "IT"), ("Joensuu", "FI"), ("Kaunas", "LT")]:
        PartnerFactory(project=project, city=city, country=country)
    PartnerFactory(project=project, city="Rijeka", country="HR")
    PartnerFactory(project=project, city="Timișoara", country="RO", budget=Decimal("118163"))
    PartnerFactory(project=project, city="Example Town", country="RO")
    return project


@pytest.fixture
def staff(project):
    return {
        "timisoara": PartnerStaffFactory(username="t-staff", partner=partner(project, 6)),
        "coordinator": CoordinatorFactory(username="coord", project=project),
        "stakeholder": UserFactory(username="someone"),
    }


def partner(project, number):
    return project.partners.get(number=number)


@pytest.mark.django_db
def test_rules(project, staff):
    timisoara, rijeka = partner(project, 6), partner(project, 5)
    assert staff["timisoara"].has_perm("partnerships.change_partner", timisoara)
    assert not staff["timisoara"].has_perm("partnerships.change_partner", rijeka)
    assert not staff["timisoara"].has_perm("partnerships.change_project", project)
    assert staff["coordinator"].has_perm("partnerships.change_partner", rijeka)
    assert staff["coordinator"].has_perm("partnerships.change_project", project)
    assert not staff["stakeholder"].has_perm("partnerships.change_partner", timisoara)
    assert staff["stakeholder"].has_perm("partnerships.view_project", project)


@pytest.mark.django_db
def test_partner_staff_cannot_change_another_partner_by_service(project, staff):
    rijeka = partner(project, 5)
    with pytest.raises(PermissionDenied):
        partner_update(actor=staff["timisoara"], partner=rijeka, values={"budget": Decimal(1)})
    rijeka.refresh_from_db()
    assert rijeka.budget is None
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_partner_staff_cannot_change_another_partner_by_page(client, project, staff):
    rijeka = partner(project, 5)
    client.force_login(staff["timisoara"])
    url = reverse("web:partner_edit", args=[rijeka.pk])
    assert client.get(url).status_code == 403
    response = client.post(url, {"name": "Taken over", "city": "Rijeka", "budget": "1"})
    assert response.status_code == 403
    rijeka.refresh_from_db()
    assert (rijeka.name, rijeka.budget) == ("Municipality of Rijeka", None)


@pytest.mark.django_db
def test_partner_staff_change_their_own_partner_and_it_is_audited(client, project, staff):
    timisoara = partner(project, 6)
    client.force_login(staff["timisoara"])
    url = reverse("web:partner_edit", args=[timisoara.pk])
    response = client.post(url, {"name_en": timisoara.name, "name_ro": "Primăria Municipiului Timișoara",
                                 "short_name": "Timișoara",
                                 "city": "Timișoara", "budget": "118163.00", "erdf_rate": "85",
                                 "website": "https://example.org/timisoara"})
    assert response.status_code == 302
    timisoara.refresh_from_db()
    assert timisoara.website == "https://example.org/timisoara"
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor) == ("partnerships.partner.changed", staff["timisoara"])
    assert entry.data["changes"]["website"] == ["", "https://example.org/timisoara"]
    assert timisoara.name_translations == {"ro": "Primăria Municipiului Timișoara"}


@pytest.mark.django_db
def test_bad_input_is_refused_and_nothing_changes(client, project, staff):
    timisoara = partner(project, 6)
    client.force_login(staff["timisoara"])
    response = client.post(reverse("web:partner_edit", args=[timisoara.pk]),
                           {"name_en": "", "name_ro": "Primăria", "city": "Timișoara", "budget": "-5",
                            "erdf_rate": "150"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name_en", "budget", "erdf_rate"}
    timisoara.refresh_from_db()
    assert timisoara.budget == Decimal("118163")


@pytest.mark.django_db
def test_coordinator_may_change_any_partner_of_the_project(client, project, staff):
    rijeka = partner(project, 5)
    client.force_login(staff["coordinator"])
    assert client.get(reverse("web:partner_edit", args=[rijeka.pk])).status_code == 200


@pytest.mark.django_db
def test_anonymous_is_sent_to_log_in(client, project):
    response = client.get(reverse("web:partner_edit", args=[partner(project, 5).pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_dashboard_lists_only_editable_partners(client, project, staff):
    client.force_login(staff["timisoara"])
    response = client.get(reverse("web:manage"))
    assert [p.number for p in response.context["dashboard"].partners] == [6]
    client.force_login(staff["stakeholder"])
    assert client.get(reverse("web:manage")).status_code == 403


@pytest.mark.django_db
def test_selector_and_rule_agree(project, staff):
    from ecocsme.partnerships.access import partners_changeable_by

    for user in staff.values():
        by_rule = {p.pk for p in project.partners.all()
                   if user.has_perm("partnerships.change_partner", p)}
        assert {p.pk for p in partners_changeable_by(user)} == by_rule


@pytest.mark.django_db
def test_unpublished_project_is_hidden_from_outsiders(client, project, staff):
    project.is_published = False
    project.save()
    url = reverse("web:partner_list", args=[project.code])
    assert client.get(url).status_code == 404
    client.force_login(staff["stakeholder"])
    assert client.get(url).status_code == 404
    client.force_login(staff["timisoara"])
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_admin_applies_the_same_rules(client, project, staff):
    timisoara, rijeka = partner(project, 6), partner(project, 5)
    user = staff["timisoara"]
    user.is_staff = True
    user.save()
    client.force_login(user)
    own = client.get(reverse("admin:partnerships_partner_change", args=[timisoara.pk]))
    assert own.context["has_change_permission"] is True
    other = client.get(reverse("admin:partnerships_partner_change", args=[rijeka.pk]))
    assert other.context["has_change_permission"] is False  # shown read-only
    response = client.post(reverse("admin:partnerships_partner_change", args=[rijeka.pk]),
                           {"name": "Taken over"})
    assert response.status_code == 403
    rijeka.refresh_from_db()
    assert rijeka.name == "Municipality of Rijeka"
