"""One profile per stakeholder's account, also when "create" is clicked twice: one after the other,
at the same moment (two threads, each its own database connection), and the account's row is
locked before the check (FOR UPDATE on PostgreSQL), so that the second request waits for the
first and finds its profile."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ecocsme.accounts.factories import UserFactory
from ecocsme.organisations.models import Organisation, Representative
from ecocsme.organisations.services import profile_create
from ecocsme.reference.models import NaceDivision

FORM = {"name": "Example Double Click SRL (example)", "kind": "sme", "size_class": "micro", "sectors": ["18"],
        "city": "Timișoara", "country": "RO", "languages": ["ro"], "description": "We print (example).",
        "capabilities": "Posters", "website": "", "findable": "on"}


@pytest.mark.django_db
def test_two_posts_one_after_the_other_make_one_profile(client, nace, partner):
    client.force_login(UserFactory(username="clicker"))
    for _click in range(2):
        response = client.post("/en/my/organisation/new/", FORM)
        assert response.status_code == 302 and response["Location"].endswith("/my/organisation/")
    assert Organisation.objects.count() == 1 and Representative.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_posts_at_the_same_moment_make_one_profile(partner):
    from ecocsme.reference.services import nace_load

    nace_load()
    user = UserFactory(username="clicker")
    start, answers = threading.Barrier(2), []

    def click():
        client = Client(raise_request_exception=False)
        client.force_login(user)
        start.wait()
        answers.append(client.post("/en/my/organisation/new/", FORM).status_code)
        connection.close()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [302, 302]
    assert Organisation.objects.count() == 1 and Representative.objects.filter(user=user).count() == 1


@pytest.mark.django_db
def test_the_accounts_row_is_locked_before_the_check(nace, partner):
    user = UserFactory(username="clicker")
    values = {name: FORM[name] for name in ("name", "kind", "size_class", "city", "country", "languages",
                                            "description", "capabilities", "website")}
    with CaptureQueriesContext(connection) as queries:
        profile_create(actor=user, values={**values, "findable": True},
                       sectors=NaceDivision.objects.filter(code="18"))
    sql = [query["sql"] for query in queries.captured_queries]
    lock = next(i for i, q in enumerate(sql) if q.startswith("SELECT") and '"accounts_user"' in q.split("WHERE")[0]
                and f'"accounts_user"."id" = {user.pk}' in q)
    check = next(i for i, q in enumerate(sql) if 'FROM "organisations_representative"' in q)
    created = next(i for i, q in enumerate(sql) if q.startswith('INSERT INTO "organisations_organisation"'))
    assert lock < check < created
    if connection.features.has_select_for_update:  # PostgreSQL
        assert "FOR UPDATE" in sql[lock]
