import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ecocsme.labs.models import Invitation, Lab
from ecocsme.organisations.models import Contact
from ecocsme.organisations.services import consent_set


@pytest.fixture
def staff(project, make_user):
    return make_user("t-staff", role="partner_staff", project=project, partner_number=6)


def lab_form(**extra):
    data = {"partner": "", "number": "3", "format": "online", "phases": ["legacy"],
            "theme_en": "Example theme (example)", "questions_en": "First question?\nSecond question?",
            "theme_ro": "Temă de exemplu", "questions_ro": "Prima întrebare?\nA doua întrebare?"}
    data.update(extra)
    return data


@pytest.mark.django_db
def test_a_partner_creates_a_lab_with_questions_in_two_languages(client, project, staff):
    client.force_login(staff)
    partner = project.partners.get(number=6)
    response = client.post("/en/manage/labs/new/", lab_form(partner=partner.pk))
    assert response.status_code == 302
    lab = Lab.objects.get(partner=partner, number=3)
    assert lab.languages == ["en", "ro"]
    assert [q.text for q in lab.questions.order_by("position")] == [
        {"en": "First question?", "ro": "Prima întrebare?"},
        {"en": "Second question?", "ro": "A doua întrebare?"}]


@pytest.mark.django_db
def test_uneven_questions_are_refused(client, project, staff):
    client.force_login(staff)
    partner = project.partners.get(number=6)
    response = client.post("/en/manage/labs/new/",
                           lab_form(partner=partner.pk, questions_ro="Doar una?"))
    assert response.status_code == 200
    assert "same number of questions" in response.content.decode()
    assert not Lab.objects.filter(number=3).exists()


@pytest.mark.django_db
def test_another_partners_staff_cannot_run_the_lab(client, project, make_user):
    lab = Lab.objects.get(partner__number=6, number=2)
    client.force_login(make_user("r", role="partner_staff", project=project, partner_number=5))
    assert client.get(f"/en/manage/labs/{lab.pk}/").status_code == 200  # reading is allowed
    assert client.get(f"/en/manage/labs/{lab.pk}/edit/").status_code == 403
    assert client.post(f"/en/manage/labs/{lab.pk}/closed/").status_code == 403
    lab.refresh_from_db()
    assert lab.status == "open"


@pytest.mark.django_db
def test_invite_send_close_from_the_lab_page(client, project, staff):
    lab = Lab.objects.get(partner__number=6, number=2)
    contact = Contact.objects.create(partner=lab.partner, name="Example Person", email="p@example.org",
                                     language="ro")
    consent_set(contact=contact, purpose="consultations", granted=True, source="staff")
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


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_lab_pages_keep_their_query_count(client, project, staff):
    lab = Lab.objects.get(partner__number=6, number=2)
    client.force_login(staff)

    def add(start, n):
        for i in range(start, start + n):
            contact = Contact.objects.create(partner=lab.partner, name=f"Example {i}",
                                             email=f"p{i}@example.org", language="ro")
            consent_set(contact=contact, purpose="consultations", granted=True, source="staff")
            Invitation.objects.create(lab=lab, contact=contact, language="ro", nonce="x",
                                      expires_at=lab.created_at, message_id=f"<m{i}@x>")

    add(0, 2)
    small = (queries(client, "/en/manage/labs/"), queries(client, f"/en/manage/labs/{lab.pk}/"))
    add(2, 30)
    assert (queries(client, "/en/manage/labs/"), queries(client, f"/en/manage/labs/{lab.pk}/")) == small


@pytest.mark.django_db
def test_answers_export_without_names(client, project, staff, make_user):
    import json

    from ecocsme.core.links import new_nonce
    from ecocsme.labs.services import response_save

    lab = Lab.objects.get(partner__number=6, number=2)
    contact = Contact.objects.create(partner=lab.partner, name="Secret Name", email="s@example.org",
                                     language="ro")
    invitation = Invitation.objects.create(lab=lab, contact=contact, language="ro", nonce=new_nonce(),
                                           expires_at=lab.created_at.replace(year=2100), message_id="<e@x>")
    response_save(invitation=invitation, texts={1: "Prin radio.", 2: "Facebook"}, submit=True)
    client.force_login(staff)
    rows = json.loads(client.get(f"/en/manage/labs/{lab.pk}/answers.json").content)
    assert [(r["question"], r["answer"]) for r in rows] == [(1, "Prin radio."), (2, "Facebook")]
    assert "Secret Name" not in json.dumps(rows)
    assert client.get(f"/en/manage/labs/{lab.pk}/answers.xlsx").content[:2] == b"PK"
    client.force_login(make_user("outsider"))
    assert client.get(f"/en/manage/labs/{lab.pk}/answers.csv").status_code == 404
