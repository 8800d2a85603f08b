"""The partners' back office for action plans (AP-1, AP-2): the plans of one's projects, a plan's
page in the programme's order with what happens next, writing its parts and actions, its way from
draft to monitoring, its history, two versions side by side and one version as it was.

Every page is for the project's members and the administrator (`access.members_plan_for`: anyone
else gets the 404 of a plan that does not exist). Writing follows rules.py — the partner's staff
while the plan is a draft or in peer review, the coordinator validates — through the services,
which refuse a save from a form drawn from an older revision (`StaleEdit`): the page then keeps
what the user wrote, tells who saved in between and shows what they saved."""

import re

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ecocsme.core.exports import export_response
from ecocsme.core.forms import bind_with_draft
from ecocsme.core.http import number_from, query_without
from ecocsme.core.i18n import in_language, reader_language
from ecocsme.events.access import events_visible_to
from ecocsme.events.selectors import citable_events, event_ids_among
from ecocsme.labs.access import labs_visible_to
from ecocsme.labs.selectors import citable_themes, theme_labs
from ecocsme.practices.access import practices_visible_to
from ecocsme.practices.selectors import citable_practices, practice_slugs

from ..access import (
    action_of,
    members_plan_for,
    partner_for_new_plan,
    partners_to_start,
    plans_in_work_for,
    version_of,
)
from ..compare import compare_documents, for_reading
from ..forms import (
    ROW_GROUPS,
    ActionForm,
    EndorseForm,
    PlanForm,
    PlanStartForm,
    inspiration_choices,
    row_count,
    row_formset,
    row_initial,
)
from ..models import ActionPlan
from ..selectors import (
    action_document,
    actions_by_key,
    filter_plans,
    latest_change,
    plan_comments,
    plan_document,
    plan_filter_choices,
    plan_versions,
    plan_with_everything,
    plans_with_figures,
)
from ..services import plans as services
from ..services.plans import MAX_ROWS, REFUSED, StaleEdit

LIST_FORMATS = ("csv", "xlsx")
PERMISSIONS = ("change_plan", "submit_plan", "withdraw_plan", "validate_plan", "endorse_plan", "publish_plan",
               "report_plan", "invite_reviewers", "comment_plan", "resolve_comments")


def _may(user, perm: str, obj) -> bool:
    # rules.has_perm, not user.has_perm: the model backend grants a superuser everything, an
    # endorsed plan's text included; the services ask the rules the same way.
    return user.is_active and rules.has_perm(perm, user, obj)


def _errors(form, exc: ValidationError) -> None:
    """A service's refusal beside its field when it names one the form has, else at the top."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def _writable(request, pk: int) -> ActionPlan:
    """The plan for a user who may change its text (partner staff, draft or review); others who
    see it get 403, the rest 404."""
    plan = members_plan_for(request.user, pk)
    if not _may(request.user, "actionplans.change_plan", plan):
        if plan.is_endorsed:
            raise PermissionDenied(_("This plan is endorsed: the endorsed version is frozen and cannot "
                                     "change."))
        raise PermissionDenied(REFUSED)
    return plan


def _detail_url(plan, anchor: str = "") -> str:
    url = reverse("actionplans:detail", args=[plan.pk])
    return f"{url}#{anchor}" if anchor else url


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else ""


ACTION_CHANGE = re.compile(r"action-(added|changed|removed|moved) (\d+)(?: (\d+))?")


def change_summary(version) -> str:
    """What a version changed, in the reader's words: the services name the plan's fields they
    changed ("policy_context, summary"); the page names them as the form does."""
    from django.utils.text import capfirst

    names = [name.strip() for name in version.summary.split(",")]
    fields = {field.name: field for field in ActionPlan._meta.concrete_fields}
    if version.change == "edited" and version.summary and all(name in fields for name in names):
        return capfirst(", ".join(str(fields[name].verbose_name) for name in names))
    action = ACTION_CHANGE.fullmatch(version.summary or "")
    if action:
        kind, number, to = action.groups()
        if kind == "moved":
            return _("Action %(from)s moved to %(to)s") % {"from": number, "to": to}
        return {"added": _("Action %(number)s added"), "changed": _("Action %(number)s changed"),
                "removed": _("Action %(number)s removed")}[kind] % {"number": number}
    return version.summary


# --- the list ------------------------------------------------------------------------------------------
PLAN_COLUMNS = (
    ("id", gettext_lazy("ID")), ("project", gettext_lazy("Project")),
    ("partner_number", gettext_lazy("Partner number")), ("partner", gettext_lazy("Partner")),
    ("title", gettext_lazy("Title")), ("language", gettext_lazy("Language"), dict(settings.LANGUAGES)),
    ("status", gettext_lazy("Status"), dict(ActionPlan.Status.choices)), ("actions", gettext_lazy("Actions")),
    ("open_threads", gettext_lazy("Open threads")), ("version", gettext_lazy("Version")),
    ("last_changed_at", gettext_lazy("Last changed")), ("last_changed_by", gettext_lazy("Last changed by")),
    ("endorsed_on", gettext_lazy("Endorsed on")),
    ("published", gettext_lazy("Published"), {True: gettext_lazy("yes"), False: gettext_lazy("no")}),
)


def _last_by(plan) -> str:
    name = f"{plan.last_by_first_name or ''} {plan.last_by_last_name or ''}".strip()
    return name or plan.last_by_username or ""


def plan_rows(plans):
    """Plans (with selectors.plans_with_figures) as rows of PLAN_COLUMNS."""
    return ((p.pk, p.project.code, p.partner.number, str(p.partner), in_language(p.title).plain(), p.language,
             p.status, p.action_count, p.open_threads, p.last_number, p.last_changed_at, _last_by(p),
             p.endorsed_on, p.is_published) for p in plans)


@login_required
@require_safe
def plan_list(request, fmt: str | None = None):
    """The plans of the user's projects (every plan, for the administrator), filtered by project,
    partner and status; CSV or Excel with the same filters; the partners whose plan the user may
    start."""
    user = request.user
    if not rules.has_perm("accounts.manage", user):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    plans, chosen = filter_plans(plans_in_work_for(user), request.GET)
    plans = plans_with_figures(plans)
    if fmt is not None:
        if fmt not in LIST_FORMATS:
            raise Http404
        return export_response(fmt, "action-plans", PLAN_COLUMNS, plan_rows(plans))
    rows = [(plan, _last_by(plan)) for plan in plans]
    return render(request, "actionplans/plan_list.html", {
        "rows": rows, "chosen": chosen, "choices": plan_filter_choices(plans_in_work_for(user)),
        "statuses": ActionPlan.Status.choices, "to_start": partners_to_start(user),
        "query": query_without(request, "page")})


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request, partner_id: int):
    """Start the partner's plan (its staff, the administrator): a language and a working title."""
    partner = partner_for_new_plan(request.user, partner_id)
    form = PlanStartForm(request.POST or None, initial={"language": reader_language()})
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(actor=request.user, partner=partner, values=form.values())
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("The action plan is started as a draft. Write Parts I and II, then "
                                        "add its actions."))
            return redirect("actionplans:detail", pk=plan.pk)
    return render(request, "actionplans/plan_form.html", {"form": form, "partner": partner, "plan": None},
                  status=400 if form.errors else 200)


# --- a plan's page ------------------------------------------------------------------------------------
def inspiration_links(user, document: dict) -> dict[str, str]:
    """{"kind:id": address} of the pages of what inspired the plan's actions that the reader may
    open: practices they see, their labs' themes, their projects' events."""
    wanted = {"practice": set(), "theme": set(), "event": set()}
    for action in document.get("actions") or []:
        for item in action.get("inspirations") or []:
            if isinstance(item.get("id"), int) and item.get("kind") in wanted:
                wanted[item["kind"]].add(item["id"])
    links = {}
    if wanted["practice"]:
        for pk, slug in practice_slugs(practices_visible_to(user), wanted["practice"]).items():
            links[f"practice:{pk}"] = reverse("practices:detail", args=[slug])
    if wanted["theme"]:
        for pk, lab_id in theme_labs(labs_visible_to(user), wanted["theme"]).items():
            links[f"theme:{pk}"] = reverse("labs:theme_detail", args=[lab_id, pk])
    if wanted["event"]:
        for pk in event_ids_among(events_visible_to(user), wanted["event"]):
            links[f"event:{pk}"] = reverse("events:manage_detail", args=[pk])
    return links


def _current(plan: ActionPlan) -> tuple[ActionPlan, dict]:
    """The plan with everything, and its document for reading, each action with its id and
    revision (for its buttons)."""
    full = plan_with_everything(plan.pk)
    document = for_reading(plan_document(full))
    by_key = actions_by_key(full)
    for action in document["actions"]:
        stored = by_key[action["key"]]
        action["pk"], action["revision"] = stored.pk, stored.revision
    return full, document


def _detail_context(request, plan: ActionPlan, *, endorse_form=None) -> dict:
    user = request.user
    full, document = _current(plan)
    links = inspiration_links(user, document)
    for action in document["actions"]:
        for item in action["inspirations"]:
            item["url"] = links.get(f"{item['kind']}:{item['id']}", "") if item.get("id") else ""
    may = {name: _may(user, f"actionplans.{name}", full) for name in PERMISSIONS}
    latest = latest_change(full)
    if endorse_form is None and may["endorse_plan"]:
        endorse_form = EndorseForm(plan=full)
    threads = list(plan_comments(full))
    return {
        "plan": full, "document": document, "may": may, "latest": latest,
        "comments_plan": plan,  # without its prefetched actions: the comment form reads them lightly
        "latest_by": _name(latest.created_by) if latest else "",
        "endorse_form": endorse_form, "threads": threads,
        "open_threads": sum(1 for thread in threads if thread.is_open),
        "may_comment": may["comment_plan"], "may_resolve": may["resolve_comments"],
        "validated_by": _name(full.validated_by) if full.validated_at else "",
        "steps": ActionPlan.Status.choices, "step_index": ActionPlan.Status.values.index(full.status),
    }


@login_required
@require_safe
def plan_detail(request, pk: int):
    """The whole current plan: Part I, Part II, Part III's actions, the endorsement; what happens
    next and the buttons the user may press; the comment threads."""
    plan = members_plan_for(request.user, pk)
    return render(request, "actionplans/plan_detail.html", _detail_context(request, plan))


# --- writing ----------------------------------------------------------------------------------------------
def _stale_copy(request, revision: int):
    """The posted data with the current revision, so that the next save, made knowingly after
    reading what the other person saved, goes through."""
    data = request.POST.copy()
    data["revision"] = str(revision)
    return data


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk: int):
    """The title and summary, Parts I and II."""
    plan = _writable(request, pk)
    form, drafting = bind_with_draft(request, lambda data: PlanForm(data, plan=plan))
    stale = None
    if request.method == "POST" and not drafting and form.is_valid():
        try:
            services.plan_update(actor=request.user, plan=plan, revision=form.cleaned_data["revision"],
                                 values=form.values())
        except StaleEdit as exc:
            stale = exc
            plan = members_plan_for(request.user, pk)
            form = PlanForm(_stale_copy(request, plan.revision), plan=plan)
            form.is_valid()
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(_detail_url(plan, "part1"))
    context = {"form": form, "plan": plan, "partner": plan.partner, "stale": stale,
               "drafted": drafting and form.data.get("draft")}
    if stale is not None:
        context["current"] = _current(plan)[1]
    return render(request, "actionplans/plan_form.html", context,
                  status=409 if stale else 400 if request.method == "POST" and form.errors else 200)


def _cited_ids(action: dict | None, kind: str) -> list[int]:
    rows = (action or {}).get("inspirations") or []
    return [row["id"] for row in rows if row.get("kind") == kind and row.get("id")]


def _action_forms(request, plan: ActionPlan, action: dict | None, revision: int, data=None):
    """The action's form and its four row formsets, bound to `data` when given; the meaning of
    each source's choice value."""
    user = request.user
    cited = (action or {}).get("inspirations") or []
    choices, meaning = inspiration_choices(
        practices=citable_practices(practices_visible_to(user), project_id=plan.project_id,
                                    keep=_cited_ids(action, "practice")),
        themes=citable_themes(labs_visible_to(user), partner_id=plan.partner_id,
                              keep=_cited_ids(action, "theme")),
        events=citable_events(events_visible_to(user), project_id=plan.project_id,
                              keep=_cited_ids(action, "event")),
        cited=cited)
    form = ActionForm(data, plan=plan, action=action, revision=revision,
                      rows_language=request.GET.get("rows"))
    initial = row_initial(action, form.row_language)
    formsets = {}
    for name in ROW_GROUPS:
        extra = 0 if data is not None else (1 if initial[name] else 2)
        kwargs = {"choices": choices} if name == "inspirations" else None
        formsets[name] = row_formset(name, data=data, initial=initial[name], extra=extra, form_kwargs=kwargs)
    return form, formsets, meaning


def _with_added_row(request) -> tuple[object, str]:
    """The posted data with one more empty row in the group whose "add a row" was pressed."""
    name = request.POST.get("add_row", "")
    if name not in ROW_GROUPS:
        return request.POST, ""
    data = request.POST.copy()
    data[f"{name}-TOTAL_FORMS"] = str(min(row_count(data, name) + 1, MAX_ROWS))
    return data, name


def _action_page(request, pk: int, action_id: int | None):
    """A new action (action_id None) or one of the plan's, with all its rows; "add a row" shows
    the form again with one more empty row of that kind, saving nothing."""
    plan = _writable(request, pk)
    stored = action_of(plan, action_id) if action_id is not None else None
    full, document = _current(plan)
    raw = action_document(actions_by_key(full)[stored.key]) if stored else None
    revision = stored.revision if stored is not None else full.revision
    data, added, drafting, stale = None, "", False, None
    if request.method == "POST":
        data, added = _with_added_row(request)
    form, formsets, meaning = _action_forms(request, full, raw, revision, data)
    if data is not None and not added and "draft" in data:
        form, drafting = bind_with_draft(request, lambda posted: ActionForm(posted, plan=full, action=raw,
                                                                             revision=revision))
    if data is not None and not added and not drafting:
        checked = [form.is_valid(), *(formset.is_valid() for formset in formsets.values())]
        if all(checked):
            try:
                saved = services.action_save(actor=request.user, plan=full, action=stored,
                                    revision=form.cleaned_data["revision"], values=form.values(),
                                    rows=form.rows(formsets, meaning))
            except StaleEdit as exc:
                stale = exc
                current = members_plan_for(request.user, pk)
                fresh = action_of(current, stored.pk).revision if stored is not None else current.revision
                form, formsets, meaning = _action_forms(request, full, raw, fresh,
                                                        _stale_copy(request, fresh))
                form.is_valid()
                for formset in formsets.values():
                    formset.is_valid()
                document = _current(current)[1]
            except ValidationError as exc:
                _errors(form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect(_detail_url(full, f"action-{saved.key}"))
    action = next((a for a in document["actions"] if stored is not None and a["pk"] == stored.pk), None)
    failed = data is not None and not (added or drafting or stale) and (
        form.errors or any(formset.total_error_count() for formset in formsets.values()))
    return render(request, "actionplans/action_form.html", {
        "plan": full, "action": action, "stored": stored, "form": form, "formsets": formsets, "added": added,
        "stale": stale, "drafted": drafting and data.get("draft"),
    }, status=409 if stale else 400 if failed else 200)


@login_required
@require_http_methods(["GET", "POST"])
def action_create(request, pk: int):
    return _action_page(request, pk, None)


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request, pk: int, action_id: int):
    return _action_page(request, pk, action_id)


@login_required
@require_http_methods(["GET", "POST"])
def action_delete(request, pk: int, action_id: int):
    """Asks first (GET), deletes on POST with the action's revision."""
    plan = _writable(request, pk)
    action = action_of(plan, action_id)
    if request.method == "POST":
        try:
            services.action_delete(actor=request.user, plan=plan, action=action,
                                   revision=request.POST.get("revision"))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(_detail_url(plan, f"action-{action.key}"))
        messages.success(request, _("The action is deleted; the plan's history keeps it."))
        return redirect(_detail_url(plan, "part3"))
    return render(request, "actionplans/action_delete.html", {"plan": plan, "action": action})


@login_required
@require_POST
def action_move(request, pk: int, action_id: int):
    plan = _writable(request, pk)
    action = action_of(plan, action_id)
    direction = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
    if direction is None:
        raise Http404
    try:
        services.action_move(actor=request.user, plan=plan, action=action, direction=direction,
                     revision=request.POST.get("revision"))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(_detail_url(plan, f"action-{action.key}"))


# --- the workflow -----------------------------------------------------------------------------------------
STEPS = ("submit", "withdraw", "validate", "endorse", "monitor", "publish", "unpublish")


def _done(step: str) -> str:
    return {
        "submit": _("The plan is in peer review: the project's other partners can comment on it."),
        "withdraw": _("The plan is a draft again."),
        "validate": _("The plan is validated: its partner can record the endorsement."),
        "endorse": _("The endorsement is recorded: this version of the plan is frozen."),
        "monitor": _("Monitoring has started: report on each action every semester."),
        "publish": _("The endorsed plan is on the public site."),
        "unpublish": _("The plan is no longer on the public site."),
    }[step]


@login_required
@require_POST
def plan_workflow(request, pk: int, step: str):
    """One step of the way from draft to monitoring; the services check who may take it."""
    if step not in STEPS:
        raise Http404
    user = request.user
    plan = members_plan_for(user, pk)
    try:
        if step == "submit":
            services.plan_submit(actor=user, plan=plan)
        elif step == "withdraw":
            services.plan_withdraw(actor=user, plan=plan)
        elif step == "validate":
            services.plan_validate(actor=user, plan=plan, revision=request.POST.get("revision"))
        elif step == "endorse":
            if not _may(user, "actionplans.endorse_plan", plan):
                raise PermissionDenied(_("The partner's staff record the endorsement of a plan the "
                                         "coordinator validated."))
            form = EndorseForm(request.POST, plan=plan)
            if form.is_valid():
                try:
                    services.plan_endorse(actor=user, plan=plan, **form.cleaned_data)
                except ValidationError as exc:
                    _errors(form, exc)
            if form.errors:
                return render(request, "actionplans/plan_detail.html",
                              _detail_context(request, plan, endorse_form=form), status=400)
        elif step == "monitor":
            services.plan_start_monitoring(actor=user, plan=plan)
        else:
            services.plan_publish(actor=user, plan=plan, published=step == "publish")
    except ValidationError as exc:  # a StaleEdit too: the coordinator validates what they read
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _done(step))
    return redirect(_detail_url(plan, "workflow"))


# --- history -----------------------------------------------------------------------------------------------
@login_required
@require_safe
def plan_history(request, pk: int):
    """Every version, newest first, each with its change, who and when; compare any two."""
    plan = members_plan_for(request.user, pk)
    versions = [(version, _name(version.created_by), change_summary(version))
                for version in plan_versions(plan)]
    return render(request, "actionplans/history.html", {"plan": plan, "versions": versions})


@login_required
@require_safe
def plan_compare(request, pk: int):
    """Two versions side by side (`?a=N&b=M`, by default the latest and the one before), in the
    reader's language or another (`&lang=de`)."""
    plan = members_plan_for(request.user, pk)
    latest = latest_change(plan)
    newest = latest.number if latest else 0
    b = number_from(request.GET.get("b", "")) or newest
    a = number_from(request.GET.get("a", "")) or max(b - 1, 1)
    old, new = version_of(plan, min(a, b)), version_of(plan, max(a, b))
    languages = dict(settings.LANGUAGES)
    language = request.GET.get("lang", "")
    language = language if language in languages else reader_language()
    comparison = compare_documents(old.snapshot, new.snapshot, language=language)
    numbers = list(range(newest, 0, -1))
    return render(request, "actionplans/compare.html", {
        "plan": plan, "old": old, "new": new, "old_by": _name(old.created_by),
        "new_by": _name(new.created_by), "old_summary": change_summary(old),
        "new_summary": change_summary(new), "comparison": comparison, "language": language,
        "language_name": languages[language], "languages": list(languages.items()),
        "other_languages": [(code, languages[code]) for code in comparison.other_languages
                            if code in languages],
        "numbers": numbers, "same": old.number == new.number,
    })


@login_required
@require_safe
def version_detail(request, pk: int, number: int):
    """One version as it was, read only."""
    plan = members_plan_for(request.user, pk)
    version = version_of(plan, number)
    return render(request, "actionplans/version.html", {
        "plan": plan, "version": version, "by": _name(version.created_by), "latest": latest_change(plan),
        "summary": change_summary(version),
        "links": inspiration_links(request.user, version.snapshot),
        "is_endorsed_version": plan.endorsed_version_id == version.pk,
    })
