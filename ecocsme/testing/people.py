"""The demo with people in every object, as the permission tests open it as five kinds of
user: nobody (anonymous), the staff of another partner (Rijeka), the staff of the partner that
keeps the lab, the workshop and their people (Timișoara), the coordinator, the administrator.
`forbidden_people` says whose name or address each of them must not see; `response_text` is
what a response shows, whether a page, a CSV, an XLSX, a DOCX or a PDF. `personal_tokens` are
the tokens of a person's personal links (the query counts build a `PeopleDemo` of their own with
factories)."""

import io
import subprocess
import zipfile
from dataclasses import dataclass, field

ROLES = ("anonymous", "other", "keeper", "coordinator", "admin")
USERNAMES = {"other": "rijeka", "keeper": "timisoara", "coordinator": "coordinator", "admin": "admin"}
KEEPER_NUMBER, OTHER_NUMBER = 6, 5  # Timișoara keeps the lab, the workshop and their people; Rijeka is other


@dataclass
class PeopleDemo:
    project: object
    lab: object
    event: object
    ana: object  # a person of the keeper, invited to the lab and the workshop
    reply: object
    theme: object
    lab_token: str = ""
    event_token: str = ""
    unsubscribe_token: str = ""
    calendar_token: str = ""
    practice: object = None  # published by the keeper
    draft_practice: object = None  # the keeper's draft
    guideline: object = None  # version 1.0 published (quoting Ana's answer), 1.1 a draft
    opportunity: object = None  # published by the keeper's staff, moderated by the keeper
    draft_opportunity: object = None  # the keeper's staff's draft
    public_profile: object = None  # an organisation that wishes to be found, verified by the keeper
    representative: object = None  # a stakeholder's account, representing `represented`
    represented: object = None  # its organisation's profile, kept by the keeper, waiting for verification
    interest: object = None  # the public profile's interest in `opportunity`, with a thread
    digest_token: str = ""  # the unsubscribe link's token of its representative's digest
    suggestions_token: str = ""  # the "stop these mails" link's token of the same representative
    plan: object = None  # the keeper's action plan in peer review: Ana commented through her link
    review_token: str = ""  # Ana's personal link to review it
    comment: object = None  # Ana's thread on the plan
    published_plan: object = None  # the other partner's plan, endorsed, published, reported on
    report: object = None  # a report on an action of the published plan
    value: object = None  # the keeper's value of a manual indicator, with its evidence link
    people_by_partner: dict = field(default_factory=dict)
    notes_and_needs: dict = field(default_factory=dict)  # contact id: what they told an organiser


def people_demo_load(project) -> PeopleDemo:
    """Add the demo's example people (`web.demo.demo_people_load`) and a theme to the demo."""
    from ecocsme.labs.models import Theme, ThemeAnswer
    from ecocsme.organisations.models import Contact
    from ecocsme.web.demo import demo_people_load

    demo_people_load(project)
    lab = project.labs.get(partner__number=KEEPER_NUMBER, number=2)
    event = project.events.get(partner__number=KEEPER_NUMBER, kind="partner_workshop")
    ana = Contact.objects.get(email="ana@example.org")
    answer = ana.labs_invitations.get().response.answers.first()
    theme = Theme.objects.create(lab=lab, scope=Theme.LAB_SCOPE, label="Example theme")
    ThemeAnswer.objects.create(theme=theme, answer=answer, scope=Theme.LAB_SCOPE, is_quote=True)
    from ecocsme.practices.factories import PracticeFactory, indexed
    from ecocsme.practices.models import Practice

    practice, draft_practice = indexed(
        PracticeFactory(partner=lab.partner, slug="published-practice"),
        PracticeFactory(partner=lab.partner, slug="draft-practice", status=Practice.Status.DRAFT,
                        published_at=None))
    guideline = _guideline_load(project, practice, answer)
    opportunity, draft_opportunity = _opportunities_load(lab.partner)
    profiles = _profiles_load(lab.partner)
    reach = _reach_load(opportunity, profiles["public_profile"])
    plans = plans_load(project, lab.partner, project.partners.get(number=OTHER_NUMBER), ana)
    people = {}
    for contact in Contact.objects.select_related("partner"):
        people.setdefault(contact.partner.number, []).append(contact)
    return PeopleDemo(
        project=project, lab=lab, event=event, ana=ana, reply=lab.email_replies.get(), theme=theme,
        **personal_tokens(ana, ana.labs_invitations.get(), ana.events_invitations.get()),
        people_by_partner=people, practice=practice, draft_practice=draft_practice, guideline=guideline,
        opportunity=opportunity, draft_opportunity=draft_opportunity,
        **profiles, **reach, **plans,
        notes_and_needs={i.contact_id: (i.note, i.needs) for i in event.invitations.all()})


def _profiles_load(keeper) -> dict:
    """Organisation profiles kept by the keeper: one public (findable, verified), and one a
    stakeholder's account keeps, waiting for verification."""
    from ecocsme.organisations.factories import ProfileFactory, RepresentativeFactory

    public = ProfileFactory(partner=keeper, findable=True, verified=True,
                            name="Example Findable Studio (example)")
    waiting = ProfileFactory(partner=keeper, name="Example Waiting Atelier (example)")
    link = RepresentativeFactory(organisation=waiting, user__username="representative")
    return {"public_profile": public, "representative": link.user, "represented": link.organisation}


def _reach_load(opportunity, organisation) -> dict:
    """The public profile's representative says it is interested in the keeper's opportunity, the
    keeper's staff answer, and the representative subscribes to the organisation's digest."""
    from ecocsme.accounts.factories import UserFactory
    from ecocsme.core.links import link_token
    from ecocsme.opportunities.access import DIGEST_LINK_PURPOSE, SUGGESTIONS_LINK_PURPOSE
    from ecocsme.opportunities.factories import representative
    from ecocsme.opportunities.services.digests import digest_subscribe
    from ecocsme.opportunities.services.interests import interest_express, interest_reply
    from ecocsme.organisations.models import Representative

    speaker = representative(organisation, UserFactory(username="findable-representative"))
    interest = interest_express(actor=speaker, opportunity=opportunity, organisation=organisation,
                                message="We can cook for 2,000 guests (example).")
    interest_reply(actor=opportunity.posted_by, interest=interest, body="Please send a menu (example).")
    digest = digest_subscribe(actor=speaker, organisation=organisation, frequency="weekly", consent=True)
    link = Representative.objects.get(user=speaker, organisation=organisation)
    return {"interest": interest, "digest_token": link_token(DIGEST_LINK_PURPOSE, digest.pk, digest.nonce),
            "suggestions_token": link_token(SUGGESTIONS_LINK_PURPOSE, link.pk, link.nonce)}


def plans_load(project, keeper, other, ana) -> dict:
    """The keeper's action plan in peer review (an action, Ana's thread through her personal link,
    the other partner's reply), the other partner's plan endorsed, published and reported on for
    the latest period that has started, and the project's indicators with a value of the keeper's."""
    from django.utils import timezone

    from ecocsme.accounts.factories import CoordinatorFactory
    from ecocsme.accounts.models import Membership
    from ecocsme.actionplans.services import plans as plan_services
    from ecocsme.actionplans.services.reports import report_save
    from ecocsme.actionplans.services.review import comment_add, reviewers_invite
    from ecocsme.monitoring.models import Indicator
    from ecocsme.monitoring.services import indicators_install, value_save

    def staff_of(partner):
        return Membership.objects.filter(partner=partner, role=Membership.Role.PARTNER_STAFF).first().user

    keeper_staff, other_staff = staff_of(keeper), staff_of(other)
    coordinator = Membership.objects.filter(project=project, role=Membership.Role.COORDINATOR).first()
    coordinator = coordinator.user if coordinator else CoordinatorFactory(project=project)
    rows = plan_services.ActionRows(
        milestones=[{"date": "2021-10-01", "title": {"en": "Call published (example)"}}],
        costs=[{"item": {"en": "Staff (example)"}, "amount": "1200.00"}],
        funding=[{"source": {"en": "ROP 2014-2020 (example)"}, "amount": "1200.00"}], inspirations=[])
    values = {"title": {"en": "A call for creative SMEs (example)"}, "start_date": "2021-09-01",
              "end_date": "2022-06-30"}

    def written(partner, staff, title):
        plan = plan_services.plan_create(actor=staff, partner=partner, values={"title": {"en": title}})
        action = plan_services.action_save(actor=staff, plan=plan, action=None, revision=plan.revision,
                                           values=values, rows=rows)
        return plan_services.plan_submit(actor=staff, plan=plan), action

    plan, action = written(keeper, keeper_staff, "Keeper's action plan (example)")
    invitation = reviewers_invite(actor=keeper_staff, plan=plan, contacts=[ana]).created[0]
    comment = comment_add(plan=plan, invitation=invitation, on=f"action:{action.key}",
                          text="Add a mentor for each firm (example).")
    comment_add(plan=plan, actor=other_staff, parent=comment, text="We did so in Rijeka (example).")
    period = project.periods.filter(start_date__lte=timezone.localdate()).order_by("-number").first()
    published, other_action = written(other, other_staff, "Other partner's action plan (example)")
    published = plan_services.plan_validate(actor=coordinator, plan=published, revision=published.revision)
    published = plan_services.plan_endorse(actor=other_staff, plan=published, endorsed_on=period.start_date,
                                           endorsed_by_role="Mayor (example)",
                                           endorsing_organisation="Example county (example)")
    published = plan_services.plan_publish(actor=other_staff, plan=published, published=True)
    report = report_save(actor=other_staff, plan=published, action=other_action, period=period,
                         values={"status": "in_progress", "progress": {"en": "Half of it done (example)."},
                                 "instrument_improved": "not_yet",
                                 "evidence_link": "https://example.org/call"})
    indicators_install(actor=None, project=project)
    manual = Indicator.objects.filter(project=project, source="manual").order_by("position").first()
    first = project.periods.get(number=1)
    value = value_save(actor=keeper_staff, indicator=manual, partner=keeper, period=first, value="3",
                       note="Three trainings (example).", evidence_link="https://example.org/trainings")
    published.refresh_from_db()
    return {"plan": plan, "review_token": invitation.token(), "comment": comment, "published_plan": published,
            "report": report, "value": value}


def _opportunities_load(keeper) -> tuple:
    """An opportunity the keeper's staff posted for Timișoara 2023 and published, and their draft."""
    from ecocsme.accounts.models import Membership
    from ecocsme.opportunities.factories import OpportunityFactory, in_days
    from ecocsme.opportunities.models import Opportunity

    staff = Membership.objects.filter(partner=keeper, role=Membership.Role.PARTNER_STAFF).first().user
    common = {"partner": keeper, "posted_by": staff, "ecoc_title": keeper.ecoc_title, "phase": "legacy",
              "city": keeper.city, "country": keeper.country, "is_example": True}
    published = OpportunityFactory(
        **common, title="Caterers for the legacy festival (example)", kind=Opportunity.Kind.TENDER,
        description="Local food for 2,000 guests over three days of the legacy festival (example).",
        deadline=in_days(40), sectors=["56"])
    draft = OpportunityFactory(
        **common, title="Partners for a crafts fair (example)", kind=Opportunity.Kind.PARTNERSHIP,
        description="Craft workshops from other ECoC cities for a fair in the old town (example).",
        deadline=in_days(60), status=Opportunity.Status.DRAFT, published_at=None, sectors=["32"])
    return published, draft


def _guideline_load(project, practice, answer):
    """Guidelines whose published version 1.0 cites a practice and quotes Ana's answer, and whose
    version 1.1 is a draft with a recommendation and its evidence."""
    from ecocsme.accounts.models import Membership
    from ecocsme.guidelines.factories import EvidenceFactory, GuidelineFactory, RecommendationFactory
    from ecocsme.guidelines.services import version_new, version_publish

    guideline = GuidelineFactory(project=project, slug="host-guidelines")
    coordinator = Membership.objects.filter(project=project, role=Membership.Role.COORDINATOR).first().user
    first = version_new(actor=coordinator, guideline=guideline)
    recommendation = RecommendationFactory(version=first, key="start-early")
    EvidenceFactory(recommendation=recommendation, practice=practice)
    EvidenceFactory(recommendation=recommendation, answer=answer)
    version_publish(actor=coordinator, version=first, changelog={"en": "First version (example)."})
    draft = version_new(actor=coordinator, guideline=guideline)
    EvidenceFactory(recommendation=draft.recommendations.get(key="start-early"), figure_label="Firms met")
    return guideline


def personal_tokens(contact, lab_invitation, event_invitation) -> dict[str, str]:
    """The tokens of the contact's personal links, as `PeopleDemo` holds them: the answer pages
    of a lab and an event invitation, the unsubscribe page (consultations), the personal calendar."""
    from ecocsme.events.services.mail import personal_calendar_url
    from ecocsme.organisations.tokens import unsubscribe_token

    return {"lab_token": lab_invitation.token(), "event_token": event_invitation.token(),
            "unsubscribe_token": unsubscribe_token(contact.pk, "consultations"),
            "calendar_token": personal_calendar_url(contact.pk).rsplit("/", 1)[1].removesuffix(".ics")}


def forbidden_people(demo: PeopleDemo, role: str) -> list:
    """The people the role may not see: nobody's for the anonymous, the keeper's for the other
    partner, the other partner's for the keeper."""
    if role == "anonymous":
        return [c for contacts in demo.people_by_partner.values() for c in contacts]
    if role == "other":
        return demo.people_by_partner[KEEPER_NUMBER]
    if role == "keeper":
        return demo.people_by_partner[OTHER_NUMBER]
    return []


def response_text(response) -> str:
    """The text a response shows: a page or a CSV as it is, a PDF through pdftotext, the XML
    of an XLSX or a DOCX."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if kind.startswith("application/pdf"):
        return subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True
                              ).stdout.decode()
    if content[:2] == b"PK":  # XLSX, DOCX: the text is in the zipped XML
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
                            if n.endswith(".xml"))
    return content.decode("utf-8", errors="replace")
