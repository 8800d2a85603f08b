"""What needs doing, per partner, for the back office's front page: open labs with the answers
received and their due dates, events with answers pending and places left, mail failing, e-mail
replies waiting for review. Read through the apps' selectors in a few grouped queries, whose
number does not grow with the labs and events; figures only, never a person's name."""

from dataclasses import dataclass, field

from django.utils import timezone

from ecocsme.actionplans.selectors import plans_with_failing_review_mail
from ecocsme.core.http import number_from
from ecocsme.events.selectors import events_needing_work, partners_with_events
from ecocsme.labs.selectors import labs_needing_work, partners_with_labs
from ecocsme.partnerships.access import partners_changeable_by


@dataclass
class PartnerWork:
    partner: object
    labs: list = field(default_factory=list)
    events: list = field(default_factory=list)
    plans_failing: list = field(default_factory=list)
    has_labs: bool = False
    has_events: bool = False

    @property
    def failing(self) -> list:
        """(kind, record) of everything with mail failing: labs, events, action plan reviews."""
        return ([("lab", lab) for lab in self.labs if lab.failing_count]
                + [("event", event) for event in self.events if event.failing_count]
                + [("plan", plan) for plan in self.plans_failing])

    @property
    def replies_to_review(self) -> list:
        return [lab for lab in self.labs if lab.to_review_count]

    @property
    def open_labs(self) -> list:
        return [lab for lab in self.labs if lab.status == lab.Status.OPEN]

    @property
    def upcoming_events(self) -> list:
        return [event for event in self.events if event.is_coming]


@dataclass
class Dashboard:
    partners: list  # every partner the user works for (the switch)
    chosen: int | None  # the partner picked, or None for all
    work: list[PartnerWork]


def _days_left(moment, today) -> int | None:
    return None if moment is None else (timezone.localdate(moment) - today).days


def dashboard_for(user, params) -> Dashboard:
    """The dashboard of the partners `user` works for (every partner of a coordinator's project),
    or of the one `params["partner"]` picks among them."""
    partners = list(partners_changeable_by(user))
    chosen = number_from(params.get("partner", ""))
    if chosen not in {partner.pk for partner in partners}:
        chosen = None
    shown = [p for p in partners if chosen is None or p.pk == chosen]
    ids = [partner.pk for partner in shown]
    work = {partner.pk: PartnerWork(partner) for partner in shown}
    if not ids:
        return Dashboard(partners, chosen, [])
    now, today = timezone.now(), timezone.localdate()
    for lab in labs_needing_work(ids):
        lab.due_in = _days_left(lab.closes_at, today)
        lab.overdue_by = -lab.due_in if lab.due_in is not None and lab.due_in < 0 else 0
        work[lab.partner_id].labs.append(lab)
    for event in events_needing_work(ids):
        event.is_coming = (event.ends_at is not None and event.ends_at > now
                           and event.status != event.Status.CANCELLED)
        event.starts_in = _days_left(event.starts_at, today)
        event.places_left = None if event.capacity is None else max(0, event.capacity - event.confirmed_count)
        work[event.partner_id].events.append(event)
    for plan in plans_with_failing_review_mail(ids):
        work[plan.partner_id].plans_failing.append(plan)
    with_labs, with_events = partners_with_labs(ids), partners_with_events(ids)
    for pk, item in work.items():
        item.has_labs, item.has_events = pk in with_labs, pk in with_events
    return Dashboard(partners, chosen, list(work.values()))
