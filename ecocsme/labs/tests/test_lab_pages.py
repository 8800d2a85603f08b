import pytest

from ecocsme.accounts.factories import UserFactory
from ecocsme.labs.factories import InvitationFactory, ResponseFactory
from ecocsme.labs.models import Invitation, Lab
from ecocsme.organisations.factories import ContactFactory
from ecocsme.testing.queries import assert_num_queries


def lab_form(**extra):
    data = {"partner": "", "number": "3", "format": "online", "phases": ["legacy"],
            "theme_en": "Example theme (example)", "questions_en": "First question?\nSecond question?",
            "theme_ro": "Temă de exemplu", "questions_ro": "Prima întrebare?\nA doua întrebare?"}
    data.update(extra)
    return data


@pytest.mark.django_db
def test_a_partner_creates_a_lab_with_questions_in_two_languages(client, partner, staff):
    client.force_login(staff)
    response = client.post("/en/manage/labs/new/", lab_form(partner=partner.pk))
    assert response.status_code == 302
    lab = Lab.objects.get(partner=partner, number=3)
    assert lab.languages == ["en", "ro"]
    assert [q.text for q in lab.questions.order_by("position")] == [
        {"en": "First question?", "ro": "Prima întrebare?"},
        {"en": "Second question?", "ro": "A doua întrebare?"}]


@pytest.mark.django_db
def test_uneven_questions_are_refused(client, partner, staff):
    client.force_login(staff)
    response = client.post("/en/manage/labs/new/",
                           lab_form(partner=partner.pk, questions_ro="Doar una?"))
    assert response.status_code == 200
    assert "same number of questions" in response.content.decode()
    assert not Lab.objects.filter(number=3).exists()


@pytest.mark.django_db
def test_another_partners_staff_cannot_run_the_lab(client, lab, other_staff):
    client.force_login(other_staff)
    assert client.get(f"/en/manage/labs/{lab.pk}/").status_code == 200  # reading is allowed
    assert client.get(f"/en/manage/labs/{lab.pk}/edit/").status_code == 403
    assert client.post(f"/en/manage/labs/{lab.pk}/closed/").status_code == 403
    lab.refresh_from_db()
    assert lab.status == "open"


@pytest.mark.django_db
def test_invite_send_close_from_the_lab_page(client, lab, staff):
    contact = ContactFactory(partner=lab.partner, name="Example Person", language="ro", consents=["consultations"])
    client.force_login(staff)
    page = client.get(f"/en/manage/labs/{lab.pk}/")
    assert "Example Person" in page.content.decode()  # offered for invitation
    client.post(f"/en/manage/labs/{lab.pk}/invite/", {"contacts": [contact.pk]})
    assert Invitation.objects.filter(lab=lab, contact=contact).exists()
    client.post(f"/en/manage/labs/{lab.pk}/send/")
    assert Invitation.objects.get().mail is not None
    client.post(f"/en/manage/labs/{lab.pk}/closed/")
    lab.refresh_from_db()
    assert lab.status == "closed" and not lab.is_open


# The lab list and the lab page, at any number of invitations, responses and contacts offered.
LIST_QUERIES, PAGE_QUERIES = 5, 9


@pytest.mark.django_db
def test_lab_pages_keep_their_query_count(client, lab, staff):
    client.force_login(staff)

    def add(n):
        for invitation in InvitationFactory.create_batch(n, lab=lab, contact__language="ro"):
            ResponseFactory(invitation=invitation, answers={1: "Prin radio (example)."})
        ContactFactory.create_batch(n, partner=lab.partner, consents=["consultations"])  # offered

    add(2)
    for _size in ("small", "larger"):
        with assert_num_queries(LIST_QUERIES, label="lab list"):
            assert client.get("/en/manage/labs/").status_code == 200
        with assert_num_queries(PAGE_QUERIES, label="lab page"):
            assert client.get(f"/en/manage/labs/{lab.pk}/").status_code == 200
        add(30)


@pytest.mark.django_db
def test_answers_export_without_names(client, lab, staff):
    import json

    from ecocsme.labs.services.answers import response_save

    invitation = InvitationFactory(lab=lab, contact__name="Secret Name", contact__language="ro",
                                   contact__organisation=None)
    response_save(invitation=invitation, texts={1: "Prin radio.", 2: "Facebook"}, submit=True)
    client.force_login(staff)
    rows = json.loads(client.get(f"/en/manage/labs/{lab.pk}/answers.json").content)
    assert [(r["question"], r["answer"]) for r in rows] == [(1, "Prin radio."), (2, "Facebook")]
    assert "Secret Name" not in json.dumps(rows)
    assert client.get(f"/en/manage/labs/{lab.pk}/answers.xlsx").content[:2] == b"PK"
    client.force_login(UserFactory(username="outsider"))
    assert client.get(f"/en/manage/labs/{lab.pk}/answers.csv").status_code == 404
