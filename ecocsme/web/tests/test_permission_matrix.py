"""The permission matrix (ORG-5): every URL pattern of the site × {anonymous, staff of another
partner, staff of the keeping partner, coordinator, administrator}, on the demo with people in
every object. Each answer has the expected status, and no body (page, export, PDF, API answer)
shows the name or address of a person the viewer may not see. A URL pattern without an entry
here fails the test: decide who may open it before it ships."""

import re
from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.urls import URLResolver, get_resolver, reverse

from ecocsme.accounts.models import User
from ecocsme.testing.people import ROLES, USERNAMES, PeopleDemo, forbidden_people, response_text


@dataclass
class Entry:
    statuses: tuple[int, int, int, int, int]  # in the order of ROLES
    kwargs: object = dict  # demo -> dict, or a list of dicts for several variants
    query: str = ""
    owner: str = ""  # the person a personal link belongs to: their own data may show to its holder


def same(status: int) -> tuple:
    return (status,) * 5


MEMBERS = (302, 200, 200, 200, 200)  # any member of a project (and the administrator)
KEEPERS = (302, 403, 200, 200, 200)  # the partner that keeps the record, the coordinator, the admin
POST_ONLY = (302, 405, 405, 405, 405)
LAB = lambda d: {"pk": d.lab.pk}  # noqa: E731
EVENT = lambda d: {"pk": d.event.pk}  # noqa: E731
FORMATS = ("csv", "xlsx", "json")
GUIDE = lambda d: {"slug": d.guideline.slug}  # noqa: E731
DRAFT = lambda d: {"slug": d.guideline.slug, "number": "1.1"}  # noqa: E731


PLAN = lambda d: {"pk": d.plan.pk}  # noqa: E731
PLAN_ACTION = lambda d: {"pk": d.plan.pk, "action_id": d.plan.actions.first().pk}  # noqa: E731
PUBLISHED_PLAN = lambda d: {"pk": d.published_plan.pk}  # noqa: E731
PROJECT_CODE = lambda d: {"code": d.project.code}  # noqa: E731
KEEPER_OF_VALUE = lambda d: {"code": d.project.code, "partner_id": d.value.partner_id}  # noqa: E731
PLAN_WRITERS = (302, 403, 200, 403, 200)  # the plan's partner's staff and the administrator
COORDINATORS = (302, 403, 403, 200, 200)
MEMBERS_FILES = (404, 200, 200, 200, 200)  # a file answers a visitor as if it did not exist
NO_FILE = (302, 404, 404, 404, 404)  # evidence given as a link: there is no file to fetch


def _draft_version(demo):
    return demo.guideline.versions.get(number="1.1")


def _draft_recommendation(demo):
    return _draft_version(demo).recommendations.get(key="start-early")


def _draft_evidence(demo):
    return _draft_recommendation(demo).evidence.order_by("position").first()

MATRIX = {
    # public pages and calendars
    "web:home": Entry(same(200)),
    "web:ecoc_timeline": Entry(same(200)),
    "web:project_list": Entry(same(200)),
    "web:project_detail": Entry(same(200), lambda d: {"code": d.project.code}),
    "web:partner_list": Entry(same(200), lambda d: {"code": d.project.code}),
    "web:partners": Entry(same(302)),  # to the featured project
    "events:featured_list": Entry(same(302)),  # to the featured project's events
    "events:event_list": Entry(same(200), lambda d: {"code": d.project.code}, "?when=past"),
    "events:event_list_export": Entry(same(200), lambda d: [{"code": d.project.code, "fmt": f}
                                                            for f in FORMATS], "?when=past"),
    "events:event_detail": Entry(same(200), EVENT),
    "events:event_ics": Entry(same(200), EVENT),
    "calendar_project": Entry(same(200), lambda d: {"code": d.project.code}),
    "web:ecoc_title": Entry(same(200), lambda d: {"year": 2023, "city": "timisoara"}),
    "practices:library": Entry(same(200), query=["", "?q=prison&country=nl", "?format=csv", "?format=json"]),
    "practices:feed": Entry(same(200)),
    "practices:detail": Entry(same(200), lambda d: {"slug": d.practice.slug}),
    "practices:attachment": Entry(same(404), lambda d: {"slug": d.practice.slug, "pk": 1, "name": "x.png"}),
    "guidelines:list": Entry(same(200)),
    "guidelines:latest": Entry(same(302), lambda d: {"slug": d.guideline.slug}),
    "guidelines:version": Entry(same(200), lambda d: {"slug": d.guideline.slug, "number": "1.0"}),
    "guidelines:file": Entry(same(200), lambda d: [{"slug": d.guideline.slug, "number": "1.0", "fmt": f}
                                                   for f in ("pdf", "docx")]),
    "guidelines:changes": Entry(same(200), lambda d: {"slug": d.guideline.slug, "number": "1.0"}),
    # personal links: whoever holds one sees that person's own answer, and nobody else's
    "labs:answer": Entry(same(200), lambda d: {"token": d.lab_token}, owner="ana@example.org"),
    "events:answer": Entry(same(410), lambda d: {"token": d.event_token}, owner="ana@example.org"),
    "organisations:unsubscribe": Entry(same(200), lambda d: {"token": d.unsubscribe_token},
                                       owner="ana@example.org"),
    "calendar_person": Entry(same(200), lambda d: {"token": d.calendar_token}, owner="ana@example.org"),
    # accounts
    "accounts:login": Entry((200, 302, 302, 302, 302)),
    "accounts:logout": Entry(same(405)),
    # the back office
    "web:manage": Entry(MEMBERS),
    "web:partner_edit": Entry(KEEPERS, lambda d: {"pk": d.lab.partner_id}),
    "organisations:organisation_list": Entry(MEMBERS, query="?format=csv"),
    "organisations:organisation_add": Entry(MEMBERS),
    # Ana's organisation does not wish to be found: another partner's staff do not see it.
    "organisations:organisation_edit": Entry((302, 404, 200, 200, 200), lambda d: {"pk": d.ana.organisation_id}),
    "organisations:organisation_delete": Entry(POST_ONLY, lambda d: {"pk": d.ana.organisation_id}),
    "organisations:contact_list": Entry(MEMBERS, query=["", "?format=csv", "?format=xlsx"]),
    "organisations:contact_add": Entry(MEMBERS),
    "organisations:contact_import": Entry(MEMBERS),
    "organisations:contact_edit": Entry((302, 404, 200, 200, 200), lambda d: {"pk": d.ana.pk}),
    "organisations:contact_personal_data": Entry((302, 404, 200, 200, 200), lambda d: {"pk": d.ana.pk}),
    "organisations:contact_erase": Entry((302, 404, 200, 200, 200), lambda d: {"pk": d.ana.pk}),
    "labs:lab_list": Entry(MEMBERS),
    "labs:lab_add": Entry(MEMBERS),
    "labs:lab_detail": Entry(MEMBERS, LAB),
    "labs:lab_edit": Entry(KEEPERS, LAB),
    "labs:lab_answers": Entry(MEMBERS, lambda d: [{"pk": d.lab.pk, "fmt": f} for f in FORMATS]),
    "labs:lab_answers_browse": Entry(MEMBERS, LAB, query=["", "?scope=lab", "?view=question&q=funding"]),
    "labs:lab_answer_move": Entry(POST_ONLY, LAB),
    "labs:lab_replies": Entry(KEEPERS, LAB),
    "labs:lab_reply": Entry(KEEPERS, lambda d: {"pk": d.lab.pk, "reply_pk": d.reply.pk}),
    "labs:lab_mailbox": Entry(KEEPERS, LAB),
    "labs:lab_mailbox_status": Entry(KEEPERS, LAB),
    "labs:lab_mailbox_action": Entry(POST_ONLY, lambda d: [{"pk": d.lab.pk, "action": a}
                                                           for a in ("fetch", "unlink")]),
    "labs:synthesis": Entry(MEMBERS, LAB),
    "labs:synthesis_status": Entry(MEMBERS, LAB),
    "labs:synthesis_place": Entry(POST_ONLY, LAB),
    "labs:themes_merge": Entry(POST_ONLY, LAB),
    "labs:theme_edit_undo": Entry(POST_ONLY, lambda d: {"pk": d.lab.pk, "edit_pk": 1}),
    "labs:quote_draft": Entry(POST_ONLY, lambda d: {"pk": d.lab.pk,
                                                    "answer_pk": d.theme.memberships.first().answer_id}),
    "labs:theme_detail": Entry(MEMBERS, lambda d: {"pk": d.lab.pk, "theme_pk": d.theme.pk}),
    "labs:lab_report": Entry(MEMBERS, lambda d: [{"pk": d.lab.pk, "fmt": f} for f in ("pdf", "docx")]),
    "labs:lab_report_status": Entry(MEMBERS, lambda d: [{"pk": d.lab.pk, "fmt": f} for f in ("pdf", "docx")]),
    "labs:lab_action": Entry(POST_ONLY, lambda d: [{"pk": d.lab.pk, "action": a}
                                                   for a in ("invite", "send", "remind", "retry", "open")]),
    "events:manage_list": Entry(MEMBERS, query="?when=past"),
    "events:manage_list_export": Entry(MEMBERS, lambda d: [{"fmt": f} for f in FORMATS], "?when=past"),
    "events:participation_export": Entry(MEMBERS, lambda d: [{"fmt": f} for f in FORMATS]),
    "events:manage_add": Entry(MEMBERS),
    "events:manage_detail": Entry(MEMBERS, EVENT),
    "events:manage_edit": Entry(KEEPERS, EVENT),
    "events:check_in": Entry(KEEPERS, EVENT),
    "events:attendance_sheet": Entry(KEEPERS, EVENT),
    "events:participants_export": Entry(KEEPERS, lambda d: [{"pk": d.event.pk, "fmt": f} for f in FORMATS]),
    "events:manage_action": Entry(POST_ONLY, lambda d: [{"pk": d.event.pk, "action": a}
                                                        for a in ("invite", "retry", "calendar", "cancel")]),
    "practices:manage_list": Entry(MEMBERS, query=["", "?format=csv"]),
    "practices:add": Entry(MEMBERS),
    "practices:edit": Entry(KEEPERS, lambda d: {"slug": d.draft_practice.slug}),
    "practices:attachments": Entry(KEEPERS, lambda d: {"slug": d.draft_practice.slug}),
    "practices:assessment": Entry(POST_ONLY, lambda d: {"slug": d.practice.slug}),
    "practices:action": Entry(POST_ONLY, lambda d: [{"slug": d.draft_practice.slug, "action": a}
                                                    for a in ("submit", "publish", "return", "delete")]),
    "web:ecoc_notes_edit": Entry((302, 403, 403, 200, 200), lambda d: {"year": 2023, "city": "timisoara"}),
    "guidelines:manage_list": Entry(MEMBERS),
    "guidelines:add": Entry((302, 403, 403, 200, 200)),
    "guidelines:edit": Entry(MEMBERS, GUIDE),
    "guidelines:version_new": Entry(POST_ONLY, GUIDE),
    "guidelines:draft": Entry(MEMBERS, DRAFT),
    "guidelines:publish": Entry((302, 403, 403, 200, 200), DRAFT),
    "guidelines:discard": Entry(POST_ONLY, DRAFT),
    "guidelines:chapter_edit": Entry(MEMBERS, lambda d: {**DRAFT(d), "pk": _draft_version(d).chapters.first().pk}),
    "guidelines:recommendation_add": Entry(MEMBERS, DRAFT),
    "guidelines:recommendation_edit": Entry(MEMBERS, lambda d: {**DRAFT(d), "pk": _draft_recommendation(d).pk}),
    "guidelines:evidence_add": Entry(POST_ONLY, lambda d: {**DRAFT(d), "pk": _draft_recommendation(d).pk}),
    "guidelines:recommendation_action": Entry(POST_ONLY, lambda d: [
        {**DRAFT(d), "pk": _draft_recommendation(d).pk, "action": a} for a in ("up", "down", "delete")]),
    "guidelines:evidence_edit": Entry(MEMBERS, lambda d: {**DRAFT(d), "pk": _draft_evidence(d).pk}),
    "guidelines:evidence_remove": Entry(POST_ONLY, lambda d: {**DRAFT(d), "pk": _draft_evidence(d).pk}),
    # organisation profiles, self-service and verification (issue 11)
    "accounts:signup": Entry((200, 302, 302, 302, 302)),
    "accounts:signup_resend": Entry(same(200)),
    "accounts:signup_confirm": Entry(same(404), lambda d: {"uidb64": "MQ", "token": "no-such-token"}),
    "accounts:password_reset": Entry(same(200)),
    "accounts:password_reset_done": Entry(same(200)),
    "accounts:password_reset_confirm": Entry(same(200), lambda d: {"uidb64": "MQ", "token": "no-such-token"}),
    "accounts:password_reset_complete": Entry(same(200)),
    "organisations:profile": Entry(same(200), lambda d: {"pk": d.public_profile.pk}),
    "organisations:my_organisation": Entry(MEMBERS),
    "organisations:profile_add": Entry((302, 403, 403, 403, 200)),  # the administrator holds every permission
    "organisations:profile_edit": Entry((302, 404, 404, 404, 200), lambda d: {"pk": d.represented.pk}),
    "organisations:verification_list": Entry(MEMBERS, query=["", "?q=atelier", "?format=csv"]),
    "organisations:organisation_verify": Entry((302, 404, 200, 200, 200), lambda d: {"pk": d.represented.pk}),
    # an account's own data: My account, its owner's copy of it and (a stakeholder's) its deletion
    "organisations:my_account": Entry(MEMBERS),
    "organisations:my_account_data": Entry(MEMBERS),
    # opportunities, their moderation, feeds and exports (issue 11)
    "opportunities:list": Entry(same(200), query=[
        "", "?sector=56&city=Timi%C8%99oara&phase=legacy", "?q=caterers&kind=tender&language=en",
        "?ecoc=2023-timisoara&country=ro", "?sector=zz", "?format=csv", "?format=xlsx", "?format=json"]),
    "opportunities:feed": Entry(same(200), query=["", "?sector=56&city=Timi%C8%99oara&phase=legacy"]),
    "opportunities:detail": Entry(same(200), lambda d: {"pk": d.opportunity.pk}),
    "opportunities:mine": Entry(MEMBERS),
    "opportunities:matches": Entry((302, 403, 200, 200, 200), lambda d: {"pk": d.opportunity.pk}),
    "opportunities:organisation_matches": Entry(MEMBERS, lambda d: {"pk": d.public_profile.pk}),
    "opportunities:add": Entry(MEMBERS),
    "opportunities:edit": Entry((302, 404, 200, 403, 200), lambda d: {"pk": d.draft_opportunity.pk}),
    "opportunities:action": Entry(POST_ONLY, lambda d: [{"pk": d.draft_opportunity.pk, "action": a} for a in (
        "submit", "withdraw", "publish", "return", "close")]),
    "opportunities:manage_list": Entry(MEMBERS, query=["", "?status=in_review", "?format=csv", "?format=xlsx",
                                                       "?format=json"]),
    # the reach: interests and their threads, telling an organisation, digests, engagement figures
    "opportunities:interest_new": Entry((302, 403, 403, 403, 200), lambda d: {"pk": d.opportunity.pk}),
    "opportunities:interests": Entry((302, 403, 200, 200, 200), lambda d: {"pk": d.opportunity.pk}),
    "opportunities:interest": Entry((302, 404, 200, 200, 200), lambda d: {"pk": d.interest.pk}),
    "opportunities:interest_action": Entry(POST_ONLY, lambda d: [{"pk": d.interest.pk, "action": a}
                                                                 for a in ("status", "withdraw")]),
    "opportunities:our_interests": Entry(MEMBERS, query=["", "?format=csv"]),
    "opportunities:tell": Entry(POST_ONLY, lambda d: {"pk": d.opportunity.pk,
                                                      "organisation_pk": d.public_profile.pk}),
    # a digest is its representative's own mail: nobody else's page, the administrator's neither
    "opportunities:digest": Entry((302, 404, 404, 404, 404), lambda d: {"pk": d.public_profile.pk}),
    "opportunities:digest_unsubscribe": Entry(same(200), lambda d: {"token": d.digest_token}),
    "opportunities:suggestions_stop": Entry(same(200), lambda d: {"token": d.suggestions_token}),
    "opportunities:engagement": Entry(MEMBERS, query=["", "?ecoc=2023-timisoara&phase=legacy",
                                                      "?table=phase&format=csv", "?table=sector&format=xlsx",
                                                      "?table=size_class&format=json"]),
    "api-v1:opportunity_engagement": Entry((403, 200, 200, 200, 200), query=["", "?ecoc=2023-timisoara"]),
    "api-v1:opportunity_list": Entry(same(200), query=["", "?sector=56&city=Timi%C8%99oara&phase=legacy"]),
    "api-v1:opportunity_detail": Entry(same(200), lambda d: {"opportunity_id": d.opportunity.pk}),
    "api-v1:opportunity_matches": Entry((403, 403, 200, 200, 200), lambda d: {"opportunity_id": d.opportunity.pk}),
    "api-v1:organisation_opportunities": Entry((404, 200, 200, 200, 200),
                                               lambda d: {"organisation_id": d.public_profile.pk}),
    "api-v1:organisation_list": Entry(same(200), query=["", "?sector=56&language=en&q=example"]),
    "api-v1:organisation_detail": Entry(same(200), lambda d: {"organisation_id": d.public_profile.pk}),
    # action plans: the public ones, the back office, peer review, reports (issue 12)
    "actionplans:public_list": Entry(same(200)),
    "actionplans:public_detail": Entry(same(200), PUBLISHED_PLAN),
    "actionplans:public_export": Entry(same(200), lambda d: [{**PUBLISHED_PLAN(d), "fmt": f} for f in ("pdf", "docx")]),
    "actionplans:list": Entry(MEMBERS, query=["", "?status=review"]),
    "actionplans:list_export": Entry(MEMBERS, lambda d: [{"fmt": f} for f in ("csv", "xlsx")]),
    "actionplans:create": Entry(PLAN_WRITERS, lambda d: {"partner_id": d.plan.partner_id}),
    "actionplans:detail": Entry(MEMBERS, PLAN),
    "actionplans:edit": Entry(PLAN_WRITERS, PLAN),
    "actionplans:action_create": Entry(PLAN_WRITERS, PLAN),
    "actionplans:action_edit": Entry(PLAN_WRITERS, PLAN_ACTION),
    "actionplans:action_delete": Entry(PLAN_WRITERS, PLAN_ACTION),
    "actionplans:action_move": Entry(POST_ONLY, PLAN_ACTION),
    "actionplans:workflow": Entry(POST_ONLY, lambda d: [{**PLAN(d), "step": s} for s in (
        "submit", "withdraw", "validate", "endorse", "publish")]),
    "actionplans:history": Entry(MEMBERS, PLAN),
    "actionplans:compare": Entry(MEMBERS, PLAN, query=["", "?a=1&b=2"]),
    "actionplans:version": Entry(MEMBERS, lambda d: {**PLAN(d), "number": 1}),
    "actionplans:export": Entry(MEMBERS_FILES, lambda d: [{**PLAN(d), "fmt": f} for f in ("pdf", "docx")]),
    "actionplans:version_export": Entry(MEMBERS_FILES, lambda d: [{**PLAN(d), "number": 1, "fmt": f}
                                                            for f in ("pdf", "docx")]),
    "actionplans:comment_add": Entry(POST_ONLY, PLAN),
    "actionplans:comment_step": Entry(POST_ONLY, lambda d: [{**PLAN(d), "comment_id": d.comment.pk, "step": s}
                                                            for s in ("resolve", "reopen")]),
    "actionplans:reviewers": Entry(MEMBERS, PLAN),
    "actionplans:reviewers_export": Entry(MEMBERS, lambda d: [{**PLAN(d), "fmt": f} for f in FORMATS]),
    "actionplans:review": Entry(same(200), lambda d: {"token": d.review_token}, owner="ana@example.org"),
    "actionplans:reports": Entry(MEMBERS, PUBLISHED_PLAN),
    "actionplans:reports_export": Entry(MEMBERS, lambda d: [{**PUBLISHED_PLAN(d), "fmt": f} for f in FORMATS]),
    "actionplans:report_edit": Entry(MEMBERS, lambda d: {**PUBLISHED_PLAN(d), "action_id": d.report.action_id,
                                                         "period": d.report.period.number}),
    "actionplans:report_evidence": Entry(NO_FILE, lambda d: {**PUBLISHED_PLAN(d), "report_id": d.report.pk}),
    "api-v1:plan_list": Entry(same(200)),
    "api-v1:plan_detail": Entry(same(200), lambda d: {"plan_id": d.published_plan.pk}),
    # monitoring: the project's members only
    "monitoring:index": Entry(same(302)),  # to the login, or to the only project
    "monitoring:dashboard": Entry(MEMBERS, PROJECT_CODE),  # one partner's view: monitoring/tests/test_dashboard.py
    "monitoring:table_export": Entry(MEMBERS, lambda d: [{**PROJECT_CODE(d), "table": t, "fmt": f}
                                                         for t in ("indicators", "actions", "budget",
                                                                   "participation", "partners")
                                                         for f in ("csv", "xlsx")]),
    "monitoring:indicators": Entry(MEMBERS, PROJECT_CODE),
    "monitoring:indicator_add": Entry(COORDINATORS, PROJECT_CODE),
    "monitoring:indicator_edit": Entry(COORDINATORS, lambda d: {**PROJECT_CODE(d), "pk": d.value.indicator_id}),
    "monitoring:values": Entry(MEMBERS, KEEPER_OF_VALUE),
    "monitoring:budget": Entry(MEMBERS, KEEPER_OF_VALUE),
    "monitoring:period_validate": Entry(COORDINATORS, lambda d: {**KEEPER_OF_VALUE(d), "number": 1}),
    "monitoring:value_evidence": Entry(NO_FILE, lambda d: {**PROJECT_CODE(d), "value_id": d.value.pk}),
    "api-v1:project_indicators": Entry((404, 200, 200, 200, 200), PROJECT_CODE),
    "api-v1:project_budget": Entry((404, 200, 200, 200, 200), PROJECT_CODE),
    # the development mail viewer: off in these settings; switched on, test_dev_mail.py runs its matrix
    "web:dev_mail_list": Entry(same(404)),
    "web:dev_mail_detail": Entry(same(404), lambda d: {"pk": 1}),
    "web:dev_mail_html": Entry(same(404), lambda d: {"pk": 1}),
    # the REST API: public data only
    "api-v1:api-root": Entry(same(404)),
    "api-v1:openapi-json": Entry(same(200)),
    "api-v1:openapi-view": Entry(same(200)),
    "api-v1:ecoc_title_list": Entry(same(200)),
    "api-v1:project_list": Entry(same(200)),
    "api-v1:project_detail": Entry(same(200), lambda d: {"code": d.project.code}),
    "api-v1:partner_list": Entry(same(200), lambda d: {"code": d.project.code}),
    "api-v1:event_list": Entry(same(200), query="?when=past"),
    "api-v1:event_detail": Entry(same(200), lambda d: {"event_id": d.event.pk}),
    "api-v1:practice_search": Entry(same(200), query=["", "?q=example&facet=country:RO"]),
    "api-v1:practice_detail": Entry(same(200), lambda d: {"practice_id": d.practice.pk}),
    "api-v1:guideline_list": Entry(same(200)),
    "api-v1:guideline_version": Entry(same(200), lambda d: {"name": f"{d.guideline.slug}@1.0"}),
}

# The administration site is the administrator's alone; everyone else is sent to its login.
ADMIN_ONLY = (302, 302, 302, 302, 200)
READ_ONLY = (302, 302, 302, 302, 403)  # records nobody adds or deletes by hand
ADMIN_SPECIAL = {
    "admin:login": (200, 200, 200, 200, 302),
    "admin:logout": (302, 302, 302, 302, 405),
    "admin:django_tasks_database_dbtaskresult_add": READ_ONLY,
    "admin:axes_accessattempt_add": READ_ONLY,
    "admin:axes_accesslog_add": READ_ONLY,
    "admin:axes_accessfailurelog_add": READ_ONLY,
    "admin:core_auditentry_add": READ_ONLY,
    "admin:core_auditentry_delete": READ_ONLY,
    "admin:view_on_site": (302, 302, 302, 302, 404),
    "admin:autocomplete": (302, 302, 302, 302, 403),
}


def _patterns(patterns=None, prefix="", namespace=None):
    """(name, route, pattern) of every URL pattern, namespaces joined by ":"."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace if not namespace else (
                f"{namespace}:{pattern.namespace}" if pattern.namespace else namespace)
            yield from _patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else (pattern.name or "")
            yield name, prefix + str(pattern.pattern), pattern


def _requests(demo: PeopleDemo):
    """(name, url, entry) for every URL pattern; fails for a pattern without an entry."""
    missing = []
    for name, route, _pattern in _patterns():
        if route.startswith("admin/"):
            continue
        entry = MATRIX.get(name)
        if entry is None:
            missing.append(f"{name or '(no name)'} {route}")
            continue
        variants = entry.kwargs(demo) if callable(entry.kwargs) and entry.kwargs is not dict else {}
        queries = entry.query if isinstance(entry.query, list) else [entry.query]
        for kwargs in variants if isinstance(variants, list) else [variants]:
            for query in queries:
                yield name, reverse(name, kwargs=kwargs) + query, entry
    assert not missing, f"URL patterns without an entry in the permission matrix: {missing}"


PARAMETER = re.compile(r"<[^>]+>|\(\?P<\w+>[^)]*\)")


def _admin_requests(demo: PeopleDemo):
    """Every pattern of the administration site, filled with a record of its model."""
    by_route = {}
    for model in admin.site._registry:
        first = model._default_manager.order_by("pk").first()
        by_route[f"admin/{model._meta.app_label}/{model._meta.model_name}/"] = first
    for name, route, _pattern in _patterns():
        if not route.startswith("admin/"):
            continue
        statuses = ADMIN_SPECIAL.get(name, ADMIN_ONLY)
        if "(?P<url>" in route:  # the catch-all that redirects old addresses
            yield "admin catch-all", "/admin/no-such-page/", (302, 302, 302, 302, 404)
        elif name == "admin:app_list":
            for label in sorted({m._meta.app_label for m in admin.site._registry}):
                yield name, reverse(name, kwargs={"app_label": label}), statuses
        elif name == "admin:view_on_site":
            yield name, reverse(name, kwargs={"content_type_id": 1, "object_id": 1}), statuses
        elif PARAMETER.search(route):
            first = next(first for prefix, first in by_route.items() if route.startswith(prefix))
            if first is None:
                continue
            path = "/" + PARAMETER.sub(str(first.pk), route).removesuffix("\\Z").removesuffix("$")
            expected = (302, 302, 302, 302, 302) if not name else statuses  # old addresses redirect
            yield name or route, path, expected
        else:
            yield name, reverse(name), statuses


@pytest.mark.django_db
def test_permission_matrix(client, people_demo):
    demo = people_demo
    users = {role: User.objects.get(username=username) for role, username in USERNAMES.items()}
    problems = []
    requests = list(_requests(demo))
    for index, role in enumerate(ROLES):
        client.logout()
        if role != "anonymous":
            client.force_login(users[role])
        forbidden = forbidden_people(demo, role)
        for _name, url, entry in requests:
            response = client.get(url)
            if response.status_code != entry.statuses[index]:
                problems.append(f"{role} {url}: {response.status_code}, expected {entry.statuses[index]}")
                continue
            text = response_text(response).lower()
            for person in forbidden:
                if person.email == entry.owner:
                    continue
                shown = [v for v in (person.email, person.name.removesuffix(" (example)"),
                                     *demo.notes_and_needs.get(person.pk, ())) if v and v.lower() in text]
                if shown:
                    problems.append(f"{role} {url} shows {shown}")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_the_administration_site_is_the_administrators(client, people_demo):
    demo = people_demo
    users = {role: User.objects.get(username=username) for role, username in USERNAMES.items()}
    requests = list(_admin_requests(demo))
    problems = []
    for index, role in enumerate(ROLES):
        client.logout()
        if role != "anonymous":
            client.force_login(users[role])
        for name, url, statuses in requests:
            status = client.get(url).status_code
            if status != statuses[index]:
                problems.append(f"{role} {name} {url}: {status}, expected {statuses[index]}")
    assert not problems, "\n".join(problems)
    assert len(requests) > 100


def test_every_personal_page_of_the_matrix_names_a_rule():
    """The statuses say who may open a page; a pattern that shows people must not be open to all."""
    for name, entry in MATRIX.items():
        assert len(entry.statuses) == len(ROLES), name
        assert re.fullmatch(r"[\w:-]+", name), name


def _fingerprint() -> dict:
    """What a refused write must leave as it was: row counts and the last change of each table."""
    from django.apps import apps

    state = {}
    for model in apps.get_models():
        if model._meta.app_label in ("sessions", "axes", "django_tasks_database"):
            continue
        rows = model._base_manager.all()
        state[model._meta.label] = (rows.count(), rows.order_by("-pk").values_list("pk", flat=True).first())
        if any(f.name == "updated_at" for f in model._meta.concrete_fields):
            state[model._meta.label + ".updated"] = rows.order_by("-updated_at").values_list(
                "updated_at", flat=True).first()
    return state


@pytest.mark.django_db
def test_another_partners_staff_write_nothing_to_the_keepers_records(client, people_demo):
    demo = people_demo
    """Every back-office address of the keeper's lab, event and contacts refuses a POST from
    another partner's staff, whatever the form holds, and nothing in the database changes."""
    client.force_login(User.objects.get(username=USERNAMES["other"]))
    data = {"invitation": demo.ana.labs_invitations.get().pk, "contacts": [demo.ana.pk], "everyone": "on",
            "name": "Example hostile change", "email": "hostile@example.org", "message": "x",
            "present": "1", "label": "x", "themes": [demo.theme.pk], "answers": "1", "target": demo.theme.pk,
            "confirm": "x", "ignore": "1", "partner": demo.lab.partner_id}
    before = _fingerprint()
    problems = []
    for name, url, entry in _requests(demo):
        if not url.startswith("/en/manage/") or name in CREATING or name.startswith("guidelines:"):
            continue  # creating one's own records is allowed; the partnership writes guidelines together
        status = client.post(url, data).status_code
        if status not in (403, 404, 405) and not (entry.statuses[1] == 200 and status in (200, 302)
                                                  and name in READABLE_BY_ALL):
            problems.append(f"POST {url}: {status}")
    assert not problems, "\n".join(problems)
    assert _fingerprint() == before


CREATING = {"labs:lab_add", "events:manage_add", "organisations:organisation_add",
            "organisations:contact_add", "organisations:contact_import", "practices:add",
            "practices:assessment",  # a partner assesses a practice for its own territory
            "opportunities:add",
            "actionplans:comment_add",  # the partners comment on each other's plans (peer review)
            "actionplans:report_edit"}  # the published plan of the matrix is the other partner's own
# Pages every member reads, where a POST is no write (a list, a filter, an export).
READABLE_BY_ALL = {"web:manage", "organisations:organisation_list", "organisations:contact_list",
                   "labs:lab_list", "events:manage_list", "events:manage_list_export",
                   "events:participation_export", "labs:lab_answers", "labs:lab_report",
                   "labs:synthesis_status"}
