"""A change through the web forms is saved whatever field it touches: a representative who only
unticks "wish to be found", only rewrites the description or only changes the website, and a
partner's staff who only rewrite the description in the back office. Each change is audited with
what changed, and a change of what the profile's vector is made of queues its task."""

import pytest
from django_tasks_db.models import DBTaskResult

from ecocsme.core.models import AuditEntry, OutgoingMail
from ecocsme.organisations.factories import ProfileFactory, RepresentativeFactory
from ecocsme.organisations.models import Organisation

FORM = {"name": "Example Print Lab (example)", "kind": "sme", "size_class": "small", "staff_headcount": "",
        "annual_turnover": "", "balance_sheet_total": "", "sectors": ["18"], "city": "Timișoara",
        "country": "RO", "nuts_region": "", "languages": ["en"],
        "description": "We print posters and programmes for festivals (example).",
        "capabilities": "Posters\nProgrammes", "website": "https://print.example.org", "findable": "on"}


@pytest.fixture
def represented(nace, partner):
    organisation = ProfileFactory(partner=partner, name=FORM["name"], size_class="small", city="Timișoara",
                                  country="RO", languages=["en"], description=FORM["description"],
                                  capabilities=FORM["capabilities"], website=FORM["website"], findable=True,
                                  verified=True)
    organisation.sectors.set(["18"])
    return RepresentativeFactory(organisation=organisation)


def _embed_tasks() -> int:
    return DBTaskResult.objects.filter(task_path__endswith="embed_profile").count()


def _last_change(action: str) -> dict:
    return AuditEntry.objects.filter(action=action).order_by("pk").last().data


def _edit(client, link, **changes):
    client.force_login(link.user)
    data = {**FORM, **changes}
    for name in [name for name, value in data.items() if value is None]:
        del data[name]
    response = client.post(f"/en/my/organisation/{link.organisation.pk}/edit/", data, follow=True)
    assert response.status_code == 200 and "Saved" in response.content.decode()
    return Organisation.objects.get(pk=link.organisation.pk)


def test_unticking_wish_to_be_found_alone_is_saved_and_takes_the_public_page_away(client, represented):
    assert client.get(f"/en/organisations/{represented.organisation.pk}/").status_code == 200
    organisation = _edit(client, represented, findable=None)
    assert not organisation.findable
    assert _last_change("organisations.profile.changed")["changes"] == {"findable": ["True", "False"]}
    client.logout()
    assert client.get(f"/en/organisations/{organisation.pk}/").status_code == 404


def test_a_new_description_alone_is_saved_audited_and_embedded_again(
        client, represented, django_capture_on_commit_callbacks):
    before = _embed_tasks()
    with django_capture_on_commit_callbacks(execute=True):
        organisation = _edit(client, represented, description="We bind books by hand (example).")
    assert organisation.description == "We bind books by hand (example)."
    assert organisation.is_verified  # a description does not withdraw the verification
    assert set(_last_change("organisations.profile.changed")["changes"]) == {"description"}
    assert _embed_tasks() == before + 1


def test_a_new_website_alone_is_saved_and_waits_for_verification_again(
        client, represented, django_capture_on_commit_callbacks):
    client.force_login(represented.user)
    page = client.get(f"/en/my/organisation/{represented.organisation.pk}/edit/").content.decode()
    assert "the country or the website, it waits for verification" in page
    before = _embed_tasks()
    with django_capture_on_commit_callbacks(execute=True):
        organisation = _edit(client, represented, website="https://bindery.example.org")
    assert organisation.website == "https://bindery.example.org"
    assert not organisation.is_verified  # the staff verified it with the other website
    entry = _last_change("organisations.profile.changed")
    assert set(entry["changes"]) == {"website"} and entry["unverified"]
    assert _embed_tasks() == before  # the website is not part of the vector
    client.logout()
    assert client.get(f"/en/organisations/{organisation.pk}/").status_code == 404


def test_a_verified_profiles_new_description_is_told_to_its_keepers_once_a_day(
        client, represented, staff, other_staff):
    _edit(client, represented, description="We bind books by hand (example).")
    told = OutgoingMail.objects.filter(key__startswith="organisations.profile_changed:")
    assert [mail.to for mail in told] == [staff.email]  # the keeping partner's staff only
    assert represented.organisation.name in told.get().text and "stays verified" in told.get().text
    assert f"/manage/organisations/{represented.organisation.pk}/verification/" in told.get().text
    _edit(client, represented, description="We bind books by hand, and restore them (example).",
          capabilities="Binding\nRestoring")
    assert told.count() == 1  # once a day
    Organisation.objects.filter(pk=represented.organisation.pk).update(verified_at=None)
    OutgoingMail.objects.all().delete()
    _edit(client, represented, description="Waiting for verification anyway (example).")
    assert not OutgoingMail.objects.filter(key__startswith="organisations.profile_changed:").exists()


def test_the_staff_form_saves_audits_and_embeds_a_new_description(
        client, nace, partner, staff, django_capture_on_commit_callbacks):
    organisation = ProfileFactory(partner=partner, name="Example Bindery (example)", kind="sme",
                                  languages=["ro"], findable=True, verified=True)
    client.force_login(staff)
    before = _embed_tasks()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/manage/organisations/{organisation.pk}/", {
            "name": organisation.name, "kind": "sme", "city": organisation.city, "country": "RO",
            "languages": ["ro"], "description": "Completely new: we bind books with robots (example).",
            "findable": "on"})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.description == "Completely new: we bind books with robots (example)."
    assert set(_last_change("organisations.organisation.changed")["changes"]) == {"description"}
    assert _embed_tasks() == before + 1


def test_the_staff_form_saves_an_unticked_wish_to_be_found(client, nace, partner, staff):
    organisation = ProfileFactory(partner=partner, name="Example Bindery (example)", kind="sme",
                                  languages=["ro"], findable=True, verified=True)
    client.force_login(staff)
    response = client.post(f"/en/manage/organisations/{organisation.pk}/", {
        "name": organisation.name, "kind": "sme", "city": organisation.city, "country": "RO",
        "languages": ["ro"], "description": organisation.description})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert not organisation.findable
    assert _last_change("organisations.organisation.changed")["changes"] == {"findable": ["True", "False"]}
