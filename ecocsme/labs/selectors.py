from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from .models import EmailReply, Invitation, Lab, Question, ReplyImport, Response, SynthesisRun, Theme

# Who may see a lab is decided in access.py (labs_visible_to, lab_for, ...): the reads below take
# a lab, a theme or a response the caller has already fetched through it.


def lab_questions(lab: Lab) -> QuerySet[Question]:
    """The questions of a lab in their order."""
    return lab.questions.order_by("position")


def response_texts(response) -> dict[int, str]:
    """The answers of a response by question position (one query); empty for no response."""
    if response is None:
        return {}
    return {a.question.position: a.text for a in response.answers.select_related("question")}


def invitable_contacts(user, lab: Lab):
    """The people the user may invite to a lab: contacts of the lab's partner the user may see
    (organisations.access.contacts_visible_to), not erased, who agreed to be consulted and are
    not invited yet; by name."""
    from ecocsme.organisations.access import contacts_visible_to
    from ecocsme.organisations.selectors import with_consent

    return (contacts_visible_to(user).filter(partner=lab.partner, erased_at__isnull=True)
            .filter(with_consent("consultations")).exclude(labs_invitations__lab=lab)
            .order_by("name"))


def invitations_by_name(lab: Lab) -> QuerySet[Invitation]:
    """The invitations of a lab with their contact, by the contact's name (to match a reply to)."""
    return lab.invitations.select_related("contact").order_by("contact__name")


def lab_invitations(lab: Lab) -> QuerySet[Invitation]:
    return (lab.invitations.select_related("contact__organisation", "mail", "response")
            .order_by("contact__name", "id"))


def invitation_figures(invitations) -> dict[str, int]:
    """Counts anyone who may see the lab may see: invited, answered, mail failing, not sent."""
    failing = {"failed", "uncertain"}
    return {
        "invited": len(invitations),
        "submitted": sum(1 for i in invitations
                         if getattr(i, "response", None) and i.response.status == Response.Status.SUBMITTED),
        "not_sent": sum(1 for i in invitations if i.mail is None),
        "failing": sum(1 for i in invitations if i.mail is not None and i.mail.status in failing),
    }


def submitted_response_count(lab: Lab) -> int:
    """Every submitted response, by invitation or not (what the answer browser lists)."""
    return Response.objects.filter(lab=lab, status=Response.Status.SUBMITTED).count()


def lab_answers(lab: Lab):
    """Every submitted answer of a lab with what the breakdowns need, without names."""
    from .models import Answer

    return (Answer.objects.filter(response__lab=lab, response__status=Response.Status.SUBMITTED)
            .select_related("response", "question").order_by("response_id", "question__position"))


# --- e-mail replies ------------------------------------------------------------------------------
def latest_reply_import(lab: Lab) -> ReplyImport | None:
    """The lab's newest upload of replies (its status is shown while the worker reads it)."""
    return lab.reply_imports.order_by("-created_at").first()


def lab_email_replies(lab: Lab, status: str) -> list[EmailReply]:
    """The e-mail replies kept for a lab, newest first, with their invitation's contact; only those
    in `status` when it is one of EmailReply.Status (any other value gives them all)."""
    replies = lab.email_replies.select_related("invitation__contact").order_by("-created_at")
    if status in EmailReply.Status.values:
        replies = replies.filter(status=status)
    return list(replies)


# --- the stored synthesis ------------------------------------------------------------------------
def latest_synthesis_run(lab: Lab) -> SynthesisRun | None:
    return lab.synthesis_runs.order_by("-created_at").first()


def unplaced_answers(lab: Lab):
    """Submitted answers that are not yet in a theme of the lab's synthesis."""
    return lab_answers(lab).exclude(theme_memberships__scope=Theme.LAB_SCOPE)


def unplaced_answer_count(lab: Lab) -> int:
    return unplaced_answers(lab).count()


def themes_chosen(lab: Lab, theme_ids: list[int]) -> list[Theme]:
    """The themes of a lab among `theme_ids` (ids of other labs' themes are left out)."""
    return list(lab.themes.filter(pk__in=theme_ids))


def lab_theme(lab: Lab, theme_id: int) -> Theme | None:
    """A theme of the lab, or None (e.g. the target of a move: None means a new theme)."""
    return lab.themes.filter(pk=theme_id).first()


def theme_exists(theme_id: int) -> bool:
    """Whether a theme is still there (a move may empty and delete it)."""
    return Theme.objects.filter(pk=theme_id).exists()


def other_themes(theme: Theme) -> QuerySet[Theme]:
    """The other themes of the same scope, for moving answers there."""
    return (theme.lab.themes.filter(scope=theme.scope).exclude(pk=theme.pk)
            .order_by("is_other", "position"))


def is_quote(theme: Theme, answer_id: int) -> bool:
    return theme.memberships.filter(answer_id=answer_id, is_quote=True).exists()


@dataclass
class ThemeView:
    theme: object
    count: int = 0
    share: float = 0.0
    quotes: list = field(default_factory=list)
    by_kind: Counter = field(default_factory=Counter)
    by_city: Counter = field(default_factory=Counter)
    by_language: Counter = field(default_factory=Counter)


@dataclass
class ScopeView:
    scope: str
    question: object | None
    themes: list[ThemeView]
    total: int = 0


def lab_synthesis(lab: Lab) -> dict[str, ScopeView]:
    """The stored synthesis of a lab, scope by scope ("lab" first, then the questions in order),
    with counts, quotes and breakdowns: three queries whatever the number of answers."""
    from .models import Theme, ThemeAnswer

    themes = list(Theme.objects.filter(lab=lab).select_related("question")
                  .order_by("is_other", "position", "id"))
    views = {t.pk: ThemeView(theme=t) for t in themes}
    rows = (ThemeAnswer.objects.filter(theme__lab=lab)
            .values_list("theme_id", "answer__response__respondent_kind",
                         "answer__response__respondent_city", "answer__language")
            .annotate(n=Count("id")).order_by())
    for theme_id, kind, city, language, n in rows:
        view = views[theme_id]
        view.count += n
        view.by_kind[kind or ""] += n
        view.by_city[city or ""] += n
        view.by_language[language or ""] += n
    quotes = (ThemeAnswer.objects.filter(theme__lab=lab, is_quote=True)
              .select_related("answer").order_by("answer_id"))
    for membership in quotes:
        views[membership.theme_id].quotes.append(membership.answer)
    scopes: dict[str, ScopeView] = {}
    for theme in themes:
        scope = scopes.setdefault(theme.scope, ScopeView(theme.scope, theme.question, []))
        scope.themes.append(views[theme.pk])
    for scope in scopes.values():
        scope.total = sum(v.count for v in scope.themes)
        for view in scope.themes:
            view.share = view.count / scope.total if scope.total else 0.0
        scope.themes.sort(key=lambda v: (v.theme.is_other, -v.count, v.theme.pk))
    order = {str(q): i for i, q in enumerate(lab.questions.order_by("position").values_list("pk", flat=True))}
    return dict(sorted(scopes.items(), key=lambda item: -1 if item[0] == "lab" else order.get(item[0], 999)))


def theme_members(theme):
    """The answers of a theme with what the theme page shows beside them."""
    return (theme.memberships.select_related("answer__response", "answer__question")
            .order_by("-is_quote", "answer_id"))


def lab_participation(lab: Lab) -> dict:
    """Invited, answered, and the submitted responses by channel, respondent kind, city, language."""
    from .models import Response

    submitted = Response.objects.filter(lab=lab, status=Response.Status.SUBMITTED)
    figures = {"invited": lab.invitations.count(), "answered": submitted.count()}
    for name, column in (("by_channel", "channel"), ("by_kind", "respondent_kind"),
                         ("by_city", "respondent_city"), ("by_language", "language")):
        rows = submitted.values(column).annotate(n=Count("id")).order_by()
        figures[name] = Counter({row[column] or "": row["n"] for row in rows})
    return figures


# --- figures monitoring reads (monitoring.indicators) ---------------------------------------------
def held_labs(*, project, partner_ids) -> list[dict]:
    """The labs of `project` run by one of `partner_ids` that were held: opened (not a draft) and
    closed before now. Each {"id", "partner_id", "number", "theme", "day"}, `day` the date it
    closed (in the platform's time zone). One query for the whole project."""
    from django.utils import timezone

    now = timezone.now()
    rows = (Lab.objects.filter(project=project, partner_id__in=list(partner_ids), closes_at__lte=now)
            .exclude(status=Lab.Status.DRAFT).order_by("closes_at", "id")
            .values_list("id", "partner_id", "number", "theme", "closes_at"))
    return [{"id": pk, "partner_id": partner_id, "number": number, "theme": theme,
             "day": timezone.localdate(closes_at)}
            for pk, partner_id, number, theme, closes_at in rows]


def submitted_responses_by_day(*, project, partner_ids) -> list[dict]:
    """The submitted responses to the labs of `project` run by one of `partner_ids` (one per
    person who answered), counted by lab and reporting period of the project:
    [{"lab_id", "lab_number", "partner_id", "day", "count"}], where "day" is the day (in the
    platform's time zone) of the last submission counted in the row, so it falls in the row's
    period. Responses outside every period are left out. Two queries for the whole project; the
    periods are told apart by comparing the stored times in SQL (no date function per response,
    which SQLite would run in Python for each of hundreds of thousands of rows)."""
    import datetime as dt

    from django.db.models import Case, IntegerField, Max, Value, When
    from django.utils import timezone

    periods = list(project.periods.order_by("number").values_list("number", "start_date", "end_date"))
    if not periods:
        return []

    def midnight(day):
        return timezone.make_aware(dt.datetime.combine(day, dt.time.min))

    period = Case(*(When(submitted_at__gte=midnight(start),
                         submitted_at__lt=midnight(end + dt.timedelta(days=1)),
                         then=Value(number)) for number, start, end in periods),
                  default=None, output_field=IntegerField())
    rows = (Response.objects.filter(lab__project=project, lab__partner_id__in=list(partner_ids),
                                    status=Response.Status.SUBMITTED, submitted_at__isnull=False)
            .annotate(period=period).filter(period__isnull=False)
            .values("lab_id", "lab__number", "lab__partner_id", "period")
            .annotate(n=Count("id"), last=Max("submitted_at")).order_by("period", "lab_id"))
    return [{"lab_id": row["lab_id"], "lab_number": row["lab__number"], "partner_id": row["lab__partner_id"],
             "day": timezone.localdate(row["last"]), "count": row["n"]} for row in rows]


# --- what an action plan cites (actionplans reads these) ----------------------------------------
def citable_themes(labs: QuerySet[Lab], *, partner_id: int, keep=()) -> list[Theme]:
    """The themes of a partner's labs among `labs` (what the reader may see: access.labs_visible_to),
    and the themes in `keep` among them (already cited), with their lab, for an action's list of
    what inspired it. "Other answers" is no theme to cite unless staff named it."""
    from django.db.models import Q

    visible = labs.order_by().values("pk")
    return list(Theme.objects.select_related("lab__partner", "question")
                .filter(lab__in=visible)
                .filter(Q(lab__partner_id=partner_id) & (Q(is_other=False) | Q(edited=True))
                        | Q(pk__in=list(keep)))
                .order_by("lab__number", "question__position", "position", "id"))


def theme_labs(labs: QuerySet[Lab], theme_ids) -> dict[int, int]:
    """{theme id: lab id} of the themes among `theme_ids` whose lab is among `labs` (the links of
    an action plan's inspirations)."""
    return dict(Theme.objects.filter(pk__in=list(theme_ids), lab__in=labs.order_by().values("pk"))
                .values_list("pk", "lab_id"))


# --- what needs doing: the back office's dashboard reads these ----------------------------------
def _count_per_lab(model, condition):
    """How many rows of `model` with `condition` each lab has: a subquery, so that several counts
    on one lab multiply no rows."""
    from django.db.models import OuterRef, Subquery
    from django.db.models.functions import Coalesce

    rows = (model.objects.filter(condition, lab=OuterRef("pk")).order_by().values("lab")
            .annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(rows), 0)


def mail_failing():
    """The invitations whose mail could not be sent, may not have gone out, or bounced."""
    from django.db.models import Q

    from ecocsme.invitations.selectors import FAILING

    return Q(mail__status__in=FAILING) | Q(status__in=[Invitation.Status.FAILED, Invitation.Status.BOUNCED])


def is_mail_failing(invitation: Invitation) -> bool:
    """`mail_failing` for one invitation fetched with its mail (the lab page's filter)."""
    from ecocsme.invitations.selectors import FAILING

    return (invitation.mail is not None and invitation.mail.status in FAILING) or invitation.status in (
        Invitation.Status.FAILED, Invitation.Status.BOUNCED)


def labs_needing_work(partner_ids) -> list[Lab]:
    """The labs of these partners with something to do: open, or with e-mail replies to review or
    mail failing; each with `sent_count` (invitations sent), `submitted_count`, `to_review_count`
    and `failing_count`; the nearest closing first. One query, however many labs."""
    from django.db.models import F, Q

    labs = Lab.objects.filter(partner_id__in=list(partner_ids)).select_related("partner").annotate(
        sent_count=_count_per_lab(Invitation, Q(sent_at__isnull=False)),
        submitted_count=_count_per_lab(Response, Q(status=Response.Status.SUBMITTED)),
        to_review_count=_count_per_lab(EmailReply, Q(status=EmailReply.Status.TO_REVIEW)),
        failing_count=_count_per_lab(Invitation, mail_failing()))
    return list(labs.filter(Q(status=Lab.Status.OPEN) | Q(to_review_count__gt=0) | Q(failing_count__gt=0))
                .order_by(F("closes_at").asc(nulls_last=True), "partner__number", "number"))


def partners_with_labs(partner_ids) -> set[int]:
    """Which of these partners have a lab at all (the dashboard's first steps)."""
    return set(Lab.objects.filter(partner_id__in=list(partner_ids)).order_by()
               .values_list("partner_id", flat=True).distinct())


# --- the synthesis: undo and machine drafts of quotes -----------------------------------------------
def last_theme_edit(lab: Lab, scope: str):
    """The last merge, split or move of a scope's themes, while it is not undone (the page offers
    to undo it; services.themes.theme_edit_undo checks that nothing changed them since)."""
    from .models import ThemeEdit

    edit = (ThemeEdit.objects.filter(lab=lab, scope=scope).only("id", "kind", "created_at", "undone_at")
            .order_by("-id").first())
    return edit if edit is not None and edit.undone_at is None else None


def lab_theme_edit(lab: Lab, edit_id: int):
    from .models import ThemeEdit

    return ThemeEdit.objects.filter(lab=lab, pk=edit_id).select_related("lab").first()


def lab_answer(lab: Lab, answer_id: int):
    """A submitted answer of the lab, or None."""
    return lab_answers(lab).filter(pk=answer_id).first()


def quote_drafts(answers, language: str) -> dict[int, object]:
    """{answer id: its kept machine draft in `language`} for drafts of the answers' present text."""
    from .models import AnswerTranslation, answer_digest

    answers = {a.pk: a for a in answers}
    drafts = AnswerTranslation.objects.filter(answer_id__in=list(answers), language=language)
    return {d.answer_id: d for d in drafts if d.source_digest == answer_digest(answers[d.answer_id].text)}


# --- the back office's list of labs ------------------------------------------------------------
def labs_of_partner(labs: QuerySet[Lab], params) -> tuple[QuerySet[Lab], int | None]:
    """The labs of the partner `params["partner"]` names, and its id; all labs without one."""
    from ecocsme.core.http import number_from

    partner_id = number_from(params.get("partner", ""))
    return (labs if partner_id is None else labs.filter(partner_id=partner_id)), partner_id


def partners_running(labs: QuerySet[Lab]) -> list:
    """The partners whose labs are among `labs`, for the list's partner filter."""
    from ecocsme.partnerships.models import Partner

    return list(Partner.objects.filter(labs__in=labs.order_by().values("pk")).distinct()
                .select_related("project").order_by("project__code", "number"))
