import datetime as dt
from decimal import Decimal

import pytest

from ecocsme.accounts.models import Membership
from ecocsme.partnerships.demo import demo_users_load, ecoc_sme_load
from ecocsme.partnerships.models import Partner


@pytest.mark.django_db
def test_the_project_as_the_documents_state_it(project):
    assert project.acronym == "ECoC-SME"
    assert project.programme == "Interreg Europe 2014-2020"
    assert project.total_budget == Decimal("1163171")
    assert (project.start_date, project.end_date) == (dt.date(2019, 8, 1), dt.date(2022, 7, 31))
    phases = list(project.phases.order_by("number"))
    assert [(p.start_date, p.end_date) for p in phases] == [
        (dt.date(2019, 8, 1), dt.date(2021, 7, 31)), (dt.date(2021, 8, 1), dt.date(2022, 7, 31))]
    assert project.periods.count() == 6


@pytest.mark.django_db
def test_seven_partners_with_cities_titles_and_instruments(project):
    partners = {p.city: p for p in project.partners.select_related("ecoc_title", "policy_instrument")}
    assert project.partners.count() == 7
    assert set(partners) == {"Joensuu", "Leeuwarden", "Matera", "Rijeka", "Timișoara", "Kaunas"}
    lead = project.partners.get(role=Partner.Role.LEAD)
    assert lead.name == "University of Eastern Finland – Karelian Institute"
    assert lead.ecoc_title is None and lead.policy_instrument is None
    timisoara = partners["Timișoara"]
    assert timisoara.budget == Decimal("118163")
    assert (timisoara.ecoc_title.year, timisoara.ecoc_title.original_year) == (2023, 2021)
    assert "Priority Axis 2" in timisoara.policy_instrument.priority_axis
    assert partners["Kaunas"].ecoc_title.year == 2022
    assert partners["Rijeka"].policy_instrument.kind == "local_strategy"
    leeuwarden = project.partners.filter(city="Leeuwarden")
    assert {p.policy_instrument_id for p in leeuwarden} == {leeuwarden[0].policy_instrument_id}


@pytest.mark.django_db
def test_demo_is_idempotent_and_keeps_edits_of_other_tables(project):
    counts = {name: model.objects.count() for name, model in
              [("partners", Partner), ("periods", project.periods.model), ("memberships", Membership)]}
    demo_users_load(ecoc_sme_load())
    assert {"partners": Partner.objects.count(), "periods": project.periods.count(),
            "memberships": Membership.objects.count()} == counts


@pytest.mark.django_db
def test_no_personal_data_in_the_demo(project):
    from ecocsme.accounts.models import User

    for user in User.objects.all():
        assert user.email.endswith("@example.org")
        assert "(example)" in user.last_name
