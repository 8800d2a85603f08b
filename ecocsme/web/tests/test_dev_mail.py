"""The development mail viewer: on only with ECOCSME_MAIL_VIEWER, mail to the contacts a user
may see, the HTML part in a sandboxed frame under its own policy, links clickable."""

import pytest
from django.utils.html import escape

from ecocsme.accounts.factories import AdministratorFactory, CoordinatorFactory, PartnerStaffFactory
from ecocsme.accounts.models import User
from ecocsme.core.models import OutgoingMail
from ecocsme.core.outbox import mail_queue
from ecocsme.organisations.factories import ContactFactory
from ecocsme.organisations.models import Contact
from ecocsme.partnerships.factories import PartnerFactory
from ecocsme.testing.people import ROLES, USERNAMES, forbidden_people, response_text

LINK = "http://127.0.0.1:8080/ro/events/answer/7.example-personal-link/"


@pytest.fixture
def viewer_on(settings):
    settings.ECOCSME_MAIL_VIEWER = True


@pytest.fixture
def partners(db) -> dict:
    """Timișoara and Rijeka, partners of one project, with their staff ("timisoara", "rijeka"),
    its coordinator ("coordinator") and an administrator ("admin")."""
    timisoara = PartnerFactory(city="Timișoara", country="RO")
    rijeka = PartnerFactory(project=timisoara.project, city="Rijeka", country="HR")
    PartnerStaffFactory(username="timisoara", partner=timisoara)
    PartnerStaffFactory(username="rijeka", partner=rijeka)
    CoordinatorFactory(username="coordinator", project=timisoara.project)
    AdministratorFactory(username="admin")
    return {"timisoara": timisoara, "rijeka": rijeka}


@pytest.fixture
def mails(partners) -> dict[str, OutgoingMail]:
    """Mail to a contact of Timișoara, one of Rijeka and an address that is nobody's contact
    (a test mail)."""
    made = {}
    for name in ("timisoara", "rijeka", "nobody"):
        address = f"{name}-person@example.org"
        contact = ContactFactory(partner=partners[name], name=f"Example {name}", email=address,
                                 language="en") if name in partners else None
        made[name] = mail_queue(key=f"example:{name}", to=address, template="core/mail/test_message",
                                context={"note": f"Your answer: {LINK}"}, language="en",
                                contact_id=contact.pk if contact else None)
    return made


def login(client, username: str) -> None:
    client.force_login(User.objects.get(username=username))


def urls(mail: OutgoingMail) -> list[str]:
    return ["/en/manage/mail/", f"/en/manage/mail/{mail.pk}/", f"/en/manage/mail/{mail.pk}/body.html"]


@pytest.mark.django_db
def test_switched_off_every_address_is_not_found(client, mails):
    for url in urls(mails["timisoara"]):
        assert client.get(url).status_code == 404
    login(client, "admin")
    for url in urls(mails["timisoara"]):
        assert client.get(url).status_code == 404
    assert "/manage/mail/" not in client.get("/en/manage/").content.decode()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client, viewer_on, mails):
    for url in urls(mails["timisoara"]):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/?next=")


@pytest.mark.django_db
def test_partner_staff_see_the_mail_to_their_own_contacts_only(client, viewer_on, mails):
    login(client, "timisoara")
    page = client.get("/en/manage/mail/").content.decode()
    assert "timisoara-person@example.org" in page
    assert "rijeka-person@example.org" not in page and "nobody-person@example.org" not in page
    for other in (mails["rijeka"], mails["nobody"]):
        for url in urls(other)[1:]:
            assert client.get(url).status_code == 404
    assert client.get(urls(mails["timisoara"])[1]).status_code == 200


@pytest.mark.django_db
def test_the_coordinator_sees_every_partners_contacts_and_the_administrator_all(client, viewer_on, mails):
    login(client, "coordinator")
    page = client.get("/en/manage/mail/").content.decode()
    assert "timisoara-person@example.org" in page and "rijeka-person@example.org" in page
    assert "nobody-person@example.org" not in page
    login(client, "admin")
    page = client.get("/en/manage/mail/").content.decode()
    positions = [page.index(f"{name}-person@example.org") for name in ("nobody", "rijeka", "timisoara")]
    assert positions == sorted(positions)  # newest first


@pytest.mark.django_db
def test_a_user_without_a_role_sees_no_mail(client, viewer_on, mails):
    from ecocsme.accounts.factories import UserFactory

    client.force_login(UserFactory(username="no-role"))
    page = client.get("/en/manage/mail/").content.decode()
    assert "example.org" not in page and "No mail yet." in page


@pytest.mark.django_db
def test_the_list_finds_mail_by_address_or_subject(client, viewer_on, mails):
    login(client, "admin")
    page = client.get("/en/manage/mail/", {"q": "rijeka-"}).content.decode()
    assert "rijeka-person@example.org" in page and "timisoara-person@example.org" not in page


@pytest.mark.django_db
def test_a_mail_shows_its_text_with_clickable_links_and_its_html_in_a_sandbox(client, viewer_on, mails):
    mail = mails["timisoara"]
    login(client, "timisoara")
    response = client.get(f"/en/manage/mail/{mail.pk}/")
    page = response.content.decode()
    assert f'<a href="{LINK}"' in page
    assert f'src="/en/manage/mail/{mail.pk}/body.html"' in page
    assert 'sandbox="allow-popups allow-popups-to-escape-sandbox"' in page
    assert escape(f"Message-ID: {mail.message_id}") in page and mail.subject in page
    assert "script-src 'self'" in response["Content-Security-Policy"]  # the site's own policy

    body = client.get(f"/en/manage/mail/{mail.pk}/body.html")
    policy = body["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "sandbox allow-popups" in policy
    assert "script-src" not in policy and "frame-ancestors 'self'" in policy
    assert body["X-Frame-Options"] == "SAMEORIGIN" and "no-cache" in body["Cache-Control"]
    html = body.content.decode()
    assert '<head><base target="_blank">' in html and f'{LINK}' in html


@pytest.mark.django_db
def test_the_mail_body_keeps_its_script_from_running(client, viewer_on, mails):
    """Whatever a mail's HTML holds, the frame runs no script: policy and sandbox say so."""
    mail = mails["nobody"]
    OutgoingMail.objects.filter(pk=mail.pk).update(html="<p>Hello</p><script>alert(1)</script>")
    login(client, "admin")
    body = client.get(f"/en/manage/mail/{mail.pk}/body.html")
    assert body.content.decode().startswith('<base target="_blank"><p>Hello</p>')
    policy = body["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy  # no script source at all
    assert "allow-scripts" not in policy


@pytest.mark.django_db
def test_the_dashboard_links_the_viewer_when_it_is_on(client, viewer_on, mails):
    login(client, "timisoara")
    assert 'href="/en/manage/mail/"' in client.get("/en/manage/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_mail_sent_directly_is_listed_too(client, viewer_on, partners, smtp_server):
    from ecocsme.core.outbox import send_templated_mail

    send_templated_mail(to=["someone@example.org"], template="core/mail/test_message", context={},
                        language="de")
    login(client, "admin")
    assert "someone@example.org" in client.get("/en/manage/mail/").content.decode()


# --- switched on, in the permission matrix (test_permission_matrix.py), on the demo ----------------------
LIST = (302, 200, 200, 200, 200)
KEEPERS_MAIL = (302, 404, 200, 200, 200)  # mail to a person Timișoara keeps
OTHERS_MAIL = (302, 200, 404, 200, 200)  # mail to a person Rijeka keeps
NOBODYS_MAIL = (302, 404, 404, 404, 200)  # mail to an address that is no contact


@pytest.mark.django_db
def test_the_viewer_in_the_permission_matrix(client, viewer_on, people_demo):
    demo = people_demo
    iva = Contact.objects.get(email="iva@example.org")
    mails = [(OutgoingMail.objects.filter(to=demo.ana.email).first(), KEEPERS_MAIL),
             (mail_queue(key="example:iva", to=iva.email, contact_id=iva.pk, template="core/mail/test_message",
                         context={"note": iva.name}, language="hr"), OTHERS_MAIL),
             (mail_queue(key="example:stranger", to="stranger@example.org",
                         template="core/mail/test_message", context={}, language="en"), NOBODYS_MAIL)]
    requests = [("/en/manage/mail/", LIST)] + [(url, statuses) for mail, statuses in mails
                                               for url in urls(mail)[1:]]
    problems = []
    for index, role in enumerate(ROLES):
        client.logout()
        if role != "anonymous":
            client.force_login(User.objects.get(username=USERNAMES[role]))
        for url, statuses in requests:
            response = client.get(url)
            if response.status_code != statuses[index]:
                problems.append(f"{role} {url}: {response.status_code}, expected {statuses[index]}")
                continue
            text = response_text(response).lower()
            for person in forbidden_people(demo, role):
                shown = [v for v in (person.email, person.name.removesuffix(" (example)")) if v.lower() in text]
                if shown:
                    problems.append(f"{role} {url} shows {shown}")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_a_shared_address_does_not_open_another_partners_mail(client, viewer_on, partners, mails):
    """Rijeka keeps a contact with the same address as Timișoara's: it still sees none of the mail
    Timișoara sent, which follows the contact, not the address."""
    ContactFactory(partner=partners["rijeka"], name="Example same address", email="timisoara-person@example.org",
                   language="hr")
    login(client, "rijeka")
    assert "timisoara-person@example.org" not in client.get("/en/manage/mail/").content.decode()
    assert client.get(f"/en/manage/mail/{mails['timisoara'].pk}/").status_code == 404
