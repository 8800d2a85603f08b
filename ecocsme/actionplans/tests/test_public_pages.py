"""The plan's public pages and files, and the members' files (AP-3): the public list, page, PDF
and DOCX show only plans their partners endorsed and published, and of them only the endorsed
version — never later text; every other plan is a 404 on every channel, for everyone. The
members' files give the project's members (and the administrator) the current text or any
version; anyone else gets the 404 of a plan that does not exist."""

import io
import subprocess

import pytest
from django.urls import reverse

from ecocsme.accounts.factories import CoordinatorFactory
from ecocsme.actionplans.models import ActionPlan, PlanVersion
from ecocsme.practices.factories import PracticeFactory
from ecocsme.testing.access import ROLES, kinds_of_user
from ecocsme.testing.queries import assert_num_queries

from .document_plans import ACTION_RO, CONTEXT_RO, SIGNATORY, TITLE_RO, draft_plan, endorse, retitle

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MEMBERS = {"staff_a", "staff_b", "coordinator", "admin"}


def docx_text(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    return "\n".join([p.text for p in doc.paragraphs]
                     + [cell.text for table in doc.tables for row in table.rows for cell in row.cells])


def pdf_text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


@pytest.fixture
def world(db):
    kinds = kinds_of_user()
    users = kinds.users
    practice = PracticeFactory(partner=kinds.partner_b, slug="open-design-school-example")
    draft = draft_plan(users["staff_a"], kinds.partner_a)
    retitle(draft, users["staff_a"], {"ro": "Titlul de acum al schiței (exemplu)"})
    published = draft_plan(users["staff_b"], kinds.partner_b, inspirations=[
        {"kind": "practice", "id": practice.pk, "label": "Open Design School", "note": {}}])
    published = endorse(published, users["staff_b"], users["coordinator"])
    hidden = draft_plan(users["staff_elsewhere"], kinds.elsewhere)
    hidden = endorse(hidden, users["staff_elsewhere"], CoordinatorFactory(project=kinds.elsewhere.project),
                     publish=False)
    return {"users": users, "draft": draft, "published": published, "hidden": hidden, "kinds": kinds}


def get(client, user, url):
    client.logout()
    if getattr(user, "is_authenticated", False):
        client.force_login(user)
    return client.get(url)


def test_the_public_channels_show_only_published_plans_to_everyone(client, world):
    for role in ROLES:
        user = world["users"][role]
        listed = get(client, user, reverse("actionplans:public_list"))
        assert listed.status_code == 200
        assert [plan.pk for plan in listed.context["plans"]] == [world["published"].pk], role
        for plan, expected in ((world["published"], 200), (world["draft"], 404), (world["hidden"], 404)):
            urls = [reverse("actionplans:public_detail", args=[plan.pk])] + [
                reverse("actionplans:public_export", args=[plan.pk, fmt]) for fmt in ("pdf", "docx")]
            for url in urls:
                assert get(client, user, url).status_code == expected, (role, url)
    assert client.get(reverse("actionplans:public_detail", args=[10**12])).status_code == 404
    assert client.get(reverse("actionplans:public_export", args=[world["published"].pk, "xlsx"])).status_code == 404


def test_the_members_files_are_for_the_projects_members_only(client, world):
    for role in ROLES:
        user = world["users"][role]
        for plan in (world["draft"], world["published"]):
            for url in (reverse("actionplans:export", args=[plan.pk, "pdf"]),
                        reverse("actionplans:version_export", args=[plan.pk, 1, "docx"])):
                response = get(client, user, url)
                assert response.status_code == (200 if role in MEMBERS else 404), (role, url)
        # the other project's plan, not published: only its own members (and the administrator)
        response = get(client, user, reverse("actionplans:export", args=[world["hidden"].pk, "docx"]))
        assert response.status_code == (200 if role in ("staff_elsewhere", "admin") else 404), role


def test_a_member_gets_the_current_draft_or_the_version_asked_for(client, world):
    client.force_login(world["users"]["staff_b"])  # another partner of the project reads it too
    draft = world["draft"]
    response = client.get(reverse("actionplans:export", args=[draft.pk, "docx"]), {"language": "en"})
    assert response["Content-Type"] == DOCX and response["Cache-Control"] == "private, no-store"
    latest = draft.versions.order_by("-number").first().number
    assert response["Content-Disposition"].endswith(f'-action-plan-v{latest}.docx"')
    text = docx_text(response.content)
    assert "Titlul de acum al schiței (exemplu)" in text and TITLE_RO not in text
    assert f"Version {latest}, draft, not endorsed" in text
    first = docx_text(client.get(reverse("actionplans:version_export", args=[draft.pk, 1, "docx"])).content)
    assert TITLE_RO in first and ACTION_RO not in first  # version 1: no action yet
    pdf = client.get(reverse("actionplans:version_export", args=[draft.pk, latest, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf" and "Titlul de acum al schiței" in pdf_text(pdf.content)
    assert client.get(reverse("actionplans:version_export", args=[draft.pk, 999, "pdf"])).status_code == 404
    assert client.get(reverse("actionplans:export", args=[draft.pk, "odt"])).status_code == 404


def test_the_endorsed_version_is_shown_not_later_text(client, world):
    plan = world["published"]
    endorsed = plan.endorsed_version
    # text that came later: the plan changed behind the services' back, and a later version
    ActionPlan.objects.filter(pk=plan.pk).update(title={"ro": "Text ulterior (exemplu)"})
    later = {**endorsed.snapshot, "title": {"ro": "Text ulterior (exemplu)"}, "actions": []}
    PlanVersion.objects.create(plan=plan, number=endorsed.number + 1, change=PlanVersion.Change.MONITORING,
                               snapshot=later)
    page = client.get(f"/ro/action-plans/{plan.pk}/").content.decode()
    assert TITLE_RO in page and ACTION_RO in page and "Text ulterior" not in page
    for fmt, read in (("pdf", pdf_text), ("docx", docx_text)):
        response = client.get(reverse("actionplans:public_export", args=[plan.pk, fmt]))
        text = read(response.content)
        assert TITLE_RO in text.replace("\n", " ") or TITLE_RO[:40] in text, fmt
        assert "Text ulterior" not in text and SIGNATORY in text, fmt
        assert response["Content-Disposition"].endswith(f'-action-plan-v{endorsed.number}.{fmt}"')
        assert "no-store" not in response.get("Cache-Control", "")


def test_the_public_page_reads_as_the_template(client, world):
    plan = world["published"]
    response = client.get(reverse("actionplans:public_detail", args=[plan.pk]))
    html = response.content.decode()
    for part in ("Part I – General information", "Part II – Policy context",
                 "Part III – Details of the actions envisaged", "1. The background", "2. Action",
                 "3. Players involved", "4. Timeframe", "5. Costs", "6. Funding sources", "Endorsement"):
        assert part in html, part
    assert html.index("Part I –") < html.index("Part II –") < html.index("Part III –") < html.rindex(SIGNATORY)
    assert CONTEXT_RO in html and "€15,500.50" in html and "15 June 2021" in html
    assert 'href="/en/practices/open-design-school-example/"' in html
    assert f'href="/en/action-plans/{plan.pk}/plan.pdf?language=en"' in html  # headings in the reader's language
    ro = client.get(f"/ro/action-plans/{plan.pk}/").content.decode()
    assert "15.500,50" in ro and "?language=" not in ro  # the plan's own language: one pair of files


def test_the_files_labels_follow_the_language_asked(client, world):
    url = reverse("actionplans:public_export", args=[world["published"].pk, "docx"])
    assert client.get(url)["Content-Language"] == "ro"
    assert client.get(url + "?language=de")["Content-Language"] == "de"
    assert client.get(url + "?language=xx")["Content-Language"] == "ro"


def test_the_list_filters_by_project_and_country(client, world):
    url = reverse("actionplans:public_list")
    code = world["published"].project.code
    assert len(client.get(url, {"project": code}).context["plans"]) == 1
    assert len(client.get(url, {"country": "RO"}).context["plans"]) == 1
    response = client.get(url, {"country": "HR", "project": code})
    assert response.status_code == 200 and "country" in response.context["form"].errors
    assert len(response.context["plans"]) == 1  # an unknown value is said and left out
    assert len(client.get(url, {"project": "NOPE"}).context["plans"]) == 1


def test_query_counts_of_the_public_pages(client, world, django_assert_num_queries):
    plan = world["published"]
    with assert_num_queries(2, label="public list"):
        client.get(reverse("actionplans:public_list"))
    with assert_num_queries(2, label="public page"):
        client.get(reverse("actionplans:public_detail", args=[plan.pk]))



def test_a_plan_taken_off_the_site_is_gone_from_every_public_channel(client, world):
    from ecocsme.actionplans.services.plans import plan_publish

    plan = plan_publish(actor=world["users"]["staff_b"], plan=world["published"], published=False)
    assert client.get(reverse("actionplans:public_list")).context["plans"] == []
    for url in (reverse("actionplans:public_detail", args=[plan.pk]),
                reverse("actionplans:public_export", args=[plan.pk, "pdf"]),
                reverse("actionplans:public_export", args=[plan.pk, "docx"])):
        assert client.get(url).status_code == 404
    assert "No action plan has been published yet." in client.get(reverse("actionplans:public_list")).content.decode()


def test_a_file_is_made_once_and_a_reader_who_has_it_gets_304(client, world, django_assert_num_queries):
    from django.core.cache import cache

    cache.clear()
    url = reverse("actionplans:public_export", args=[world["published"].pk, "pdf"])
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"] and first["Cache-Control"] == "public, no-cache"
    again = client.get(url)
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    other = client.get(url, {"language": "de"})
    assert other["ETag"] != first["ETag"] and other.content != first.content
