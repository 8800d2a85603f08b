"""How the peer review's threads read on a page: who wrote each comment as the reader may see it
(a stakeholder's name only for those `organisations.access.people_visible_to` allows; others
read "A stakeholder" and the kind of their organisation), what each thread is about with its
anchor in the plan, the filter open / resolved / all and the count of open threads.

    {% load plan_review %}
    {% review_threads threads as review %}   {# threads: selectors.review_threads(plan) #}
    {% comment_targets plan as targets %}    {# the choice "what is the comment about" #}
"""

from dataclasses import dataclass, field

from django import template
from django.contrib.auth.models import AnonymousUser
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from ecocsme.core.i18n import in_language
from ecocsme.organisations.access import people_visible_to

from ..models import Comment
from ..selectors import comment_targets as targets_of

register = template.Library()

FILTERS = ("all", "open", "resolved")
# Where each part is on a page: the plan's page (plan_detail.html, _plan_parts.html) and the plan
# as a document (_document.html, the stakeholder's page); each action is "#action-<key>" on both.
PART_ANCHORS = {"page": {Comment.Section.PART_1: "#part1", Comment.Section.PART_2: "#part2"},
                "document": {Comment.Section.PART_1: "#part-1", Comment.Section.PART_2: "#part-2"}}


@dataclass
class Entry:
    """One comment as this reader sees it."""

    comment: Comment
    who: str
    where: str = ""
    stakeholder: bool = False
    yours: bool = False
    named: bool = True  # False: the reader may not see who the stakeholder is

    @property
    def erased(self) -> bool:
        return not self.comment.text


@dataclass
class Thread:
    entry: Entry
    replies: list[Entry] = field(default_factory=list)
    may_step: bool = False
    parts: dict = field(default_factory=lambda: PART_ANCHORS["page"])

    @property
    def comment(self) -> Comment:
        return self.entry.comment

    @property
    def anchor(self) -> str:
        comment = self.comment
        if comment.section == Comment.Section.ACTION:
            return f"#action-{comment.action_key}" if comment.action_id else ""
        return self.parts.get(comment.section, "")

    @property
    def about(self) -> str:
        comment = self.comment
        if comment.section == Comment.Section.ACTION:
            if comment.action_id is None:
                return _("Action “%(title)s” (since removed from the plan)") % {"title": comment.action_title}
            return _("Action “%(title)s”") % {"title": comment.action_title}
        return str(comment.get_section_display())


@dataclass
class ThreadList:
    threads: list[Thread]
    shown: str
    total: int
    open_count: int

    @property
    def ids(self) -> set[int]:
        """The threads shown (a reply's error shows in its thread's form, else above them)."""
        return {thread.comment.pk for thread in self.threads}

    @property
    def resolved_count(self) -> int:
        return self.total - self.open_count


def _entry(comment: Comment, *, scope, user, reviewer_id) -> Entry:
    if comment.reviewer_id is not None:
        contact = comment.reviewer.contact
        organisation = contact.organisation if contact.organisation_id else None
        if reviewer_id is not None and comment.reviewer_id == reviewer_id:
            return Entry(comment, who=_("You"), stakeholder=True, yours=True)
        if scope.sees(contact):
            return Entry(comment, who=contact.name, where=organisation.name if organisation else "",
                         stakeholder=True)
        return Entry(comment, who=_("A stakeholder"),
                     where=str(organisation.get_kind_display()) if organisation else "", stakeholder=True,
                     named=False)
    if comment.author_id is None:
        return Entry(comment, who=_("A former user"), where=str(comment.author_partner or ""))
    author = comment.author
    return Entry(comment, who=author.get_full_name() or author.get_username(),
                 where=str(comment.author_partner or ""),
                 yours=user.is_authenticated and comment.author_id == user.pk)


def _organisations_loaded(threads) -> None:
    """The stakeholders' organisations in one query, whatever selector the threads came from."""
    contacts = [c.reviewer.contact for thread in threads for c in [thread, *thread.replies.all()]
                if c.reviewer_id is not None]
    prefetch_related_objects([c for c in contacts if c.organisation_id], "organisation")


@register.simple_tag(takes_context=True)
def review_threads(context, threads, shown=None, anchors="page") -> ThreadList:
    """The threads (first comments with their replies prefetched) as this reader sees them,
    filtered by `shown` or the request's `comments` parameter: "all", "open" or "resolved";
    `anchors` "page" (the plan's page) or "document" (_document.html) for the parts' links."""
    request = context.get("request")
    user = getattr(request, "user", None) or AnonymousUser()
    if shown is None and request is not None:
        shown = request.GET.get("comments") or request.POST.get("comments")
    shown = shown if shown in FILTERS else "all"
    threads = list(threads)
    _organisations_loaded(threads)
    scope = people_visible_to(user)
    reviewer = context.get("invitation")
    reviewer_id = getattr(reviewer, "pk", None)
    may_comment, may_resolve = bool(context.get("may_comment")), bool(context.get("may_resolve"))
    items = []
    for comment in threads:
        entry = _entry(comment, scope=scope, user=user, reviewer_id=reviewer_id)
        replies = [_entry(reply, scope=scope, user=user, reviewer_id=reviewer_id)
                   for reply in comment.replies.all()]
        own = reviewer_id is None and entry.yours
        items.append(Thread(entry, replies, may_step=may_resolve or (own and may_comment),
                            parts=PART_ANCHORS.get(anchors, PART_ANCHORS["page"])))
    open_count = sum(1 for thread in items if thread.comment.resolved_at is None)
    if shown == "open":
        items = [thread for thread in items if thread.comment.resolved_at is None]
    elif shown == "resolved":
        items = [thread for thread in items if thread.comment.resolved_at is not None]
    return ThreadList(threads=items, shown=shown, total=len(threads), open_count=open_count)


@register.simple_tag
def comment_targets(plan, actions=None) -> list[tuple[str, str]]:
    """(value, label) of what a new comment may be about: the plan, Part I, Part II, each action
    (`actions` from the plan's document when the page has it, else read)."""
    choices = [(value, str(label)) for value, label in Comment.Section.choices if value != "action"]
    if not actions:  # none given (or a page without the document): read them
        actions = [{"key": a.key, "position": a.position, "title": a.title} for a in targets_of(plan)]
    for action in actions:
        title = in_language(action["title"]).plain()
        choices.append((f"action:{action['key']}",
                        _("Action %(number)s: %(title)s") % {"number": action["position"], "title": title}))
    return choices
