"""Every list and detail page of the site, its calendars, exports and API lists runs an exact,
pinned number of SQL queries, at a small and at a larger amount of data alike (STYLE: "Every
list page, dashboard and API list has a query-count test that pins the exact number"): an N+1
or a query that creeps in fails here, with the queries listed.

The numbers are the same on SQLite and PostgreSQL. A change that legitimately adds or removes
a query updates the number here, in the same commit as the change."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from ecocsme.accounts.factories import PartnerStaffFactory
from ecocsme.core.outbox import mail_queue
from ecocsme.events.factories import EventFactory, EventInvitationFactory, sessions_in
from ecocsme.events.models import EventInvitation
from ecocsme.labs.factories import (
    EmailReplyFactory,
    InvitationFactory,
    LabFactory,
    ResponseFactory,
    ThemeFactory,
)
from ecocsme.labs.models import Answer
from ecocsme.opportunities import matching
from ecocsme.opportunities.factories import InterestFactory, OpportunityFactory, ReachFactory, in_days
from ecocsme.organisations.factories import ProfileFactory, RepresentativeFactory, StakeholderFactory
from ecocsme.organisations.services import profile_embed
from ecocsme.partnerships.factories import PartnerFactory, ProjectFactory
from ecocsme.practices.factories import AssessmentFactory, PracticeFactory, indexed
from ecocsme.practices.search import catalogue
from ecocsme.reference.factories import (
    EcocTitleFactory,
    NaceDivisionFactory,
    NutsRegionFactory,
    PolicyInstrumentFactory,
)
from ecocsme.testing.people import PeopleDemo, personal_tokens, plans_load
from ecocsme.testing.queries import assert_num_queries

# (label, URL name, keyword arguments from the world, query string). A label is the URL name,
# and the query string when there is one.
PUBLIC = [
    ("web:home", {}, ""),
    ("web:ecoc_timeline", {}, ""),
    ("web:project_list", {}, ""),
    ("web:project_detail", lambda w: {"code": w.project.code}, ""),
    ("web:partner_list", lambda w: {"code": w.project.code}, ""),
    ("events:event_list", lambda w: {"code": w.project.code}, ""),
    ("events:event_list", lambda w: {"code": w.project.code}, "?when=past"),
    ("events:event_list_export", lambda w: {"code": w.project.code, "fmt": "csv"}, "?when=past"),
    ("events:event_detail", lambda w: {"pk": w.event.pk}, ""),
    ("events:event_ics", lambda w: {"pk": w.event.pk}, ""),
    ("calendar_project", lambda w: {"code": w.project.code}, ""),
    # the pages behind a person's personal links
    ("calendar_person", lambda w: {"token": w.calendar_token}, ""),
    ("labs:answer", lambda w: {"token": w.lab_token}, ""),
    ("events:answer", lambda w: {"token": w.event_token}, ""),
    ("organisations:unsubscribe", lambda w: {"token": w.unsubscribe_token}, ""),
    # good practices, their search and the title pages (the search's catalogue is warm)
    ("practices:library", {}, ""),
    ("practices:library", {}, "?q=radio+festival&phase=event_year&theme=tourism"),
    ("practices:detail", lambda w: {"slug": w.practice.slug}, ""),
    ("practices:feed", {}, ""),
    # opportunities: the open ones, filtered, one, the feed of some, the API
    ("opportunities:list", {}, ""),
    ("opportunities:list", {}, "?sector=56&phase=legacy&q=caterers"),
    ("opportunities:detail", lambda w: {"pk": w.opportunity.pk}, ""),
    ("opportunities:feed", {}, ""),
    ("opportunities:feed", {}, "?sector=56&phase=legacy"),
    ("api-v1:opportunity_list", {}, ""),
    ("api-v1:opportunity_detail", lambda w: {"opportunity_id": w.opportunity.pk}, ""),
    ("opportunities:digest_unsubscribe", lambda w: {"token": w.digest_token}, ""),
    ("api-v1:organisation_list", {}, ""),
    ("api-v1:organisation_list", {}, "?sector=56&language=en"),
    ("api-v1:organisation_detail", lambda w: {"organisation_id": w.public_profile.pk}, ""),
    ("web:ecoc_title", lambda w: {"year": w.keeper.ecoc_title.year, "city": w.keeper.ecoc_title.slug}, ""),
    # the API
    ("api-v1:practice_search", {}, "?q=radio&facet=country:RO"),
    ("api-v1:practice_detail", lambda w: {"practice_id": w.practice.pk}, ""),
    ("api-v1:ecoc_title_list", {}, ""),
    ("api-v1:project_list", {}, ""),
    ("api-v1:project_detail", lambda w: {"code": w.project.code}, ""),
    ("api-v1:partner_list", lambda w: {"code": w.project.code}, ""),
    ("api-v1:event_list", {}, ""),
    ("api-v1:event_list", {}, "?when=past"),
    ("api-v1:event_detail", lambda w: {"event_id": w.event.pk}, ""),
    # organisation profiles: the public page of one that wishes to be found
    ("organisations:profile", lambda w: {"pk": w.public_profile.pk}, ""),
    # action plans their partners endorsed and published
    ("actionplans:public_list", {}, ""),
    ("actionplans:public_detail", lambda w: {"pk": w.published_plan.pk}, ""),
    ("api-v1:plan_list", {}, ""),
    ("api-v1:plan_detail", lambda w: {"plan_id": w.published_plan.pk}, ""),
]
BACK_OFFICE = [
    ("web:manage", {}, ""),
    ("web:partner_edit", lambda w: {"pk": w.keeper.pk}, ""),
    ("organisations:organisation_list", {}, ""),
    ("organisations:organisation_list", {}, "?format=csv"),
    ("organisations:organisation_edit", lambda w: {"pk": w.ana.organisation_id}, ""),
    ("organisations:contact_list", {}, ""),
    ("organisations:contact_list", {}, "?format=csv"),
    ("organisations:contact_edit", lambda w: {"pk": w.ana.pk}, ""),
    ("organisations:contact_personal_data", lambda w: {"pk": w.ana.pk}, ""),
    ("organisations:contact_erase", lambda w: {"pk": w.ana.pk}, ""),
    ("labs:lab_list", {}, ""),
    ("labs:lab_detail", lambda w: {"pk": w.lab.pk}, ""),
    ("labs:lab_answers", lambda w: {"pk": w.lab.pk, "fmt": "csv"}, ""),
    ("labs:lab_answers", lambda w: {"pk": w.lab.pk, "fmt": "csv"}, "?kind=sme&q=radio"),
    ("labs:lab_answers_browse", lambda w: {"pk": w.lab.pk}, ""),
    ("labs:lab_answers_browse", lambda w: {"pk": w.lab.pk}, "?scope=lab&q=radio&kind=sme"),
    ("labs:lab_answers_browse", lambda w: {"pk": w.lab.pk}, "?view=question&language=ro"),
    ("labs:lab_replies", lambda w: {"pk": w.lab.pk}, ""),
    ("labs:lab_reply", lambda w: {"pk": w.lab.pk, "reply_pk": w.reply.pk}, ""),
    ("labs:lab_mailbox", lambda w: {"pk": w.lab.pk}, ""),
    ("labs:lab_mailbox_status", lambda w: {"pk": w.lab.pk}, ""),
    ("labs:synthesis", lambda w: {"pk": w.lab.pk}, ""),
    ("labs:synthesis_status", lambda w: {"pk": w.lab.pk}, ""),
    ("labs:theme_detail", lambda w: {"pk": w.lab.pk, "theme_pk": w.theme.pk}, ""),
    ("events:manage_list", {}, ""),
    ("events:manage_list", {}, "?when=past"),
    ("events:manage_list_export", {"fmt": "csv"}, ""),
    ("events:manage_detail", lambda w: {"pk": w.event.pk}, ""),
    ("events:check_in", lambda w: {"pk": w.event.pk}, ""),
    ("events:check_in", lambda w: {"pk": w.event.pk}, "?q=ana"),
    ("events:participants_export", lambda w: {"pk": w.event.pk, "fmt": "csv"}, ""),
    ("events:participation_export", {"fmt": "csv"}, ""),
    ("labs:lab_report", lambda w: {"pk": w.lab.pk, "fmt": "pdf"}, ""),
    ("labs:lab_report_status", lambda w: {"pk": w.lab.pk, "fmt": "pdf"}, ""),
    ("events:attendance_sheet", lambda w: {"pk": w.event.pk}, ""),
    ("web:dev_mail_list", {}, ""),
    ("web:dev_mail_detail", lambda w: {"pk": w.mail.pk}, ""),
    ("practices:manage_list", {}, ""),
    ("practices:attachments", lambda w: {"slug": w.draft_practice.slug}, ""),
    ("opportunities:manage_list", {}, ""),
    ("opportunities:manage_list", {}, "?format=csv"),
    ("opportunities:mine", {}, ""),
    ("opportunities:add", {}, ""),
    ("opportunities:edit", lambda w: {"pk": w.draft_opportunity.pk}, ""),
    # the reach: an opportunity's interests, a thread, the engagement figures
    ("opportunities:interests", lambda w: {"pk": w.opportunity.pk}, ""),
    ("opportunities:interest", lambda w: {"pk": w.interest.pk}, ""),
    ("opportunities:engagement", {}, ""),
    ("opportunities:engagement", {}, "?table=sector&format=csv"),
    ("api-v1:opportunity_engagement", {}, ""),
    ("opportunities:matches", lambda w: {"pk": w.opportunity.pk}, ""),
    ("api-v1:opportunity_matches", lambda w: {"opportunity_id": w.opportunity.pk}, ""),
    ("api-v1:organisation_opportunities", lambda w: {"organisation_id": w.public_profile.pk}, ""),
    ("opportunities:organisation_matches", lambda w: {"pk": w.public_profile.pk}, ""),
    # the forms, with their choices of partners, organisations and labs
    ("organisations:organisation_add", {}, ""),
    ("organisations:contact_add", {}, ""),
    ("organisations:contact_import", {}, ""),
    ("labs:lab_add", {}, ""),
    ("labs:lab_edit", lambda w: {"pk": w.lab.pk}, ""),
    ("events:manage_add", {}, ""),
    ("events:manage_edit", lambda w: {"pk": w.event.pk}, ""),
    # organisation profiles waiting for verification
    ("organisations:verification_list", {}, ""),
    ("organisations:verification_list", {}, "?format=csv"),
    ("organisations:organisation_verify", lambda w: {"pk": w.represented.pk}, ""),
    ("organisations:my_organisation", {}, ""),
    ("organisations:my_account", {}, ""),
    ("organisations:my_account_data", {}, ""),
    # action plans: the list, one plan with its threads, its history, two versions side by side,
    # its reviewers, the reports of the other partner's plan
    ("actionplans:list", {}, ""),
    ("actionplans:list_export", {"fmt": "csv"}, ""),
    ("actionplans:detail", lambda w: {"pk": w.plan.pk}, ""),
    ("actionplans:history", lambda w: {"pk": w.plan.pk}, ""),
    ("actionplans:compare", lambda w: {"pk": w.plan.pk}, "?a=1&b=2"),
    ("actionplans:version", lambda w: {"pk": w.plan.pk, "number": 2}, ""),
    ("actionplans:reviewers", lambda w: {"pk": w.plan.pk}, ""),
    ("actionplans:reports", lambda w: {"pk": w.published_plan.pk}, ""),
    ("actionplans:reports_export", lambda w: {"pk": w.published_plan.pk, "fmt": "csv"}, ""),
    # monitoring: the dashboard of the project and of a partner, a table of it, the entry pages
    ("monitoring:dashboard", lambda w: {"code": w.project.code}, ""),
    ("monitoring:dashboard", lambda w: {"code": w.project.code}, "?partner=KEEPER"),
    ("monitoring:table_export", lambda w: {"code": w.project.code, "table": "indicators", "fmt": "csv"}, ""),
    ("monitoring:indicators", lambda w: {"code": w.project.code}, ""),
    ("monitoring:values", lambda w: {"code": w.project.code, "partner_id": w.keeper.pk}, ""),
    ("monitoring:budget", lambda w: {"code": w.project.code, "partner_id": w.keeper.pk}, ""),
    ("api-v1:project_indicators", lambda w: {"code": w.project.code}, ""),
]
# A stakeholder's account: the pages of the organisation it represents.
REPRESENTATIVE_PAGES = [
    ("organisations:my_organisation", {}, ""),
    ("organisations:profile_edit", lambda w: {"pk": w.represented.pk}, ""),
    ("organisations:profile", lambda w: {"pk": w.public_profile.pk}, ""),
    ("opportunities:organisation_matches", lambda w: {"pk": w.represented.pk}, ""),
    ("organisations:my_account", {}, ""),
    ("organisations:my_account_data", {}, ""),
]

# A representative of a verified organisation: its interests, their threads, its digest.
REACH_PAGES = [
    ("opportunities:detail", lambda w: {"pk": w.opportunity.pk}, ""),
    ("opportunities:interest_new", lambda w: {"pk": w.opportunity.pk}, ""),
    ("opportunities:interest", lambda w: {"pk": w.interest.pk}, ""),
    ("opportunities:our_interests", {}, ""),
    ("opportunities:our_interests", {}, "?format=csv"),
    ("opportunities:digest", lambda w: {"pk": w.public_profile.pk}, ""),
]

# The pinned numbers: what each page costs, whatever the amount of data.
# The anonymous visitor's: no session, no user.
ANONYMOUS = {
    "actionplans:public_list": 2,
    "actionplans:public_detail": 1,
    "api-v1:plan_list": 1,
    "api-v1:plan_detail": 2,
    "practices:library": 2,
    "practices:library?q=radio+festival&phase=event_year&theme=tourism": 4,
    "practices:detail": 7,
    "practices:feed": 1,
    "web:ecoc_title": 8,
    "api-v1:practice_search?q=radio&facet=country:RO": 5,
    "api-v1:practice_detail": 5,
    "opportunities:list": 7,
    "opportunities:list?sector=56&phase=legacy&q=caterers": 8,
    "opportunities:detail": 2,
    "opportunities:feed": 2,
    "opportunities:feed?sector=56&phase=legacy": 3,
    "api-v1:opportunity_list": 3,
    "api-v1:opportunity_detail": 2,
    "opportunities:digest_unsubscribe": 1,
    "api-v1:organisation_list": 3,
    "api-v1:organisation_list?sector=56&language=en": 3,
    "api-v1:organisation_detail": 2,
    "web:home": 4,
    "web:ecoc_timeline": 2,
    "web:project_list": 1,
    "web:project_detail": 4,
    "web:partner_list": 2,
    "events:event_list": 6,
    "events:event_list?when=past": 6,
    "events:event_list_export?when=past": 3,
    "events:event_detail": 2,
    "events:event_ics": 2,
    "calendar_project": 4,
    "calendar_person": 4,
    "labs:answer": 4,
    "events:answer": 3,
    "organisations:unsubscribe": 1,
    "api-v1:ecoc_title_list": 2,
    "api-v1:project_list": 2,
    "api-v1:project_detail": 1,
    "api-v1:partner_list": 3,
    "api-v1:event_list": 3,
    "api-v1:event_list?when=past": 3,
    "api-v1:event_detail": 2,
    "organisations:profile": 2,
}
# A member of the keeping partner's staff: the session, the user and their memberships (3
# queries) come first on most pages.
STAFF = {
    "actionplans:public_list": 5,
    "actionplans:public_detail": 4,
    "api-v1:plan_list": 4,
    "api-v1:plan_detail": 5,
    "actionplans:list": 6,
    "actionplans:list_export": 4,
    "actionplans:detail": 14,
    "actionplans:history": 5,
    "actionplans:compare?a=1&b=2": 7,
    "actionplans:version": 6,
    "actionplans:reviewers": 7,
    "actionplans:reports": 7,
    "actionplans:reports_export": 4,
    "monitoring:dashboard": 27,
    "monitoring:dashboard?partner=KEEPER": 22,
    "monitoring:table_export": 19,
    "monitoring:indicators": 8,
    "monitoring:values": 19,
    "monitoring:budget": 9,
    "api-v1:project_indicators": 18,
    "practices:library": 5,
    "practices:library?q=radio+festival&phase=event_year&theme=tourism": 7,
    "practices:detail": 10,
    "practices:feed": 1,
    "web:ecoc_title": 14,
    "api-v1:practice_search?q=radio&facet=country:RO": 5,
    "api-v1:practice_detail": 8,
    "practices:manage_list": 6,
    "practices:attachments": 6,
    "opportunities:list": 10,
    "opportunities:list?sector=56&phase=legacy&q=caterers": 11,
    "opportunities:detail": 7,
    "opportunities:feed": 2,
    "opportunities:feed?sector=56&phase=legacy": 3,
    "api-v1:opportunity_list": 3,
    "api-v1:opportunity_detail": 6,
    "opportunities:digest_unsubscribe": 4,
    "api-v1:organisation_list": 3,
    "api-v1:organisation_list?sector=56&language=en": 3,
    "api-v1:organisation_detail": 2,
    "api-v1:opportunity_matches": 9,
    "api-v1:organisation_opportunities": 13,
    "opportunities:manage_list": 7,
    "opportunities:manage_list?format=csv": 4,
    "opportunities:mine": 7,
    "opportunities:add": 7,
    "opportunities:edit": 7,
    "opportunities:interests": 6,
    "opportunities:interest": 6,
    "opportunities:engagement": 11,
    "opportunities:engagement?table=sector&format=csv": 11,
    "api-v1:opportunity_engagement": 10,
    "opportunities:matches": 12,
    "opportunities:organisation_matches": 16,
    "web:home": 7,
    "web:ecoc_timeline": 5,
    "web:project_list": 4,
    "web:project_detail": 7,
    "web:partner_list": 5,
    "events:event_list": 9,
    "events:event_list?when=past": 9,
    "events:event_list_export?when=past": 3,
    "events:event_detail": 5,
    "events:event_ics": 2,
    "calendar_project": 4,
    "calendar_person": 4,
    "labs:answer": 7,
    "events:answer": 6,
    "organisations:unsubscribe": 4,
    "api-v1:ecoc_title_list": 2,
    "api-v1:project_list": 5,
    "api-v1:project_detail": 3,
    "api-v1:partner_list": 5,
    "api-v1:event_list": 3,
    "api-v1:event_list?when=past": 3,
    "api-v1:event_detail": 2,
    "web:manage": 12,  # what needs doing per partner: labs, events, plans' reviews, first steps
    "web:partner_edit": 4,
    "organisations:organisation_list": 5,
    "organisations:organisation_list?format=csv": 3,
    "organisations:organisation_edit": 8,
    "organisations:contact_list": 6,
    "organisations:contact_list?format=csv": 5,
    "organisations:contact_edit": 6,
    "organisations:contact_personal_data": 31,
    "organisations:contact_erase": 30,
    "labs:lab_list": 5,
    "labs:lab_detail": 9,
    "labs:lab_answers": 7,
    "labs:lab_answers?kind=sme&q=radio": 7,
    "labs:lab_answers_browse": 12,
    "labs:lab_answers_browse?scope=lab&q=radio&kind=sme": 12,
    "labs:lab_answers_browse?view=question&language=ro": 12,
    "labs:lab_replies": 7,
    "labs:lab_reply": 7,
    "labs:lab_mailbox": 5,
    "labs:lab_mailbox_status": 5,
    "labs:synthesis": 11,  # the scope's last edit, for its undo
    "labs:synthesis_status": 5,
    "labs:theme_detail": 9,  # the scope's last edit, for its undo
    "events:manage_list": 7,
    "events:manage_list?when=past": 7,
    "events:manage_list_export": 6,  # no upcoming or past chosen: counts the upcoming, as the list
    "events:manage_detail": 9,
    "events:check_in": 7,
    "events:check_in?q=ana": 7,
    "events:participants_export": 7,
    "events:participation_export": 4,
    "labs:lab_report": 19,  # asks for the build (labs/tests/test_report_builds.py pins serving the kept file)
    "labs:lab_report_status": 16,
    "events:attendance_sheet": 7,
    "web:dev_mail_list": 5,
    "web:dev_mail_detail": 4,
    "organisations:organisation_add": 5,
    "organisations:contact_add": 7,
    "organisations:contact_import": 6,
    "labs:lab_add": 4,
    "labs:lab_edit": 5,
    "events:manage_add": 5,
    "events:manage_edit": 8,
    "organisations:profile": 5,
    "organisations:verification_list": 5,
    "organisations:verification_list?format=csv": 4,
    "organisations:organisation_verify": 6,
    "organisations:my_organisation": 6,
    "organisations:my_account": 6,
    "organisations:my_account_data": 17,
}
# A stakeholder's account: the session, the user and whom they represent come first.
REPRESENTATIVE = {
    "organisations:my_organisation": 6,
    "organisations:profile_edit": 8,
    "organisations:profile": 5,
    "opportunities:organisation_matches": 6,
    "organisations:my_account": 6,
    "organisations:my_account_data": 17,
}

REACH_REPRESENTATIVE = {
    "opportunities:detail": 9,
    "opportunities:interest_new": 9,
    "opportunities:interest": 6,
    "opportunities:our_interests": 7,
    "opportunities:our_interests?format=csv": 4,
    "opportunities:digest": 8,
}


# --- the data: a small world, then more of everything ---------------------------------------------
@dataclass(kw_only=True)
class World(PeopleDemo):
    """The people demo's objects (ecocsme.testing.people: the project, the keeper's lab and event,
    Ana, a reply, a theme, Ana's personal links), made small with factories, and what the pages
    need besides."""
    keeper: object  # the partner whose staff member looks at the back office
    other: object  # another partner of the project
    mail: object  # a mail to Ana
    speaker: object = None  # a stakeholder's account of `public_profile`, which said it is interested


def world_build() -> World:
    this_year = timezone.now().year
    project = ProjectFactory(code=settings.ECOCSME_FEATURED_PROJECT, start_date=dt.date(this_year - 1, 1, 1))
    keeper = PartnerFactory(project=project, city="Timișoara", ecoc_title=EcocTitleFactory(year=this_year),
                            policy_instrument=PolicyInstrumentFactory(), nuts_region=NutsRegionFactory())
    other = PartnerFactory(project=project, city="Rijeka", country="HR", ecoc_title=EcocTitleFactory())
    PartnerStaffFactory(username="keeper", partner=keeper)
    PartnerStaffFactory(partner=other)
    consents = {"consultations": True, "event_invitations": True}
    ana = StakeholderFactory(partner=keeper, consents=consents, language="ro")
    StakeholderFactory(partner=keeper, consents=consents)  # not invited yet: offered on the lab and event
    StakeholderFactory(partner=other, consents=consents)
    lab = LabFactory(partner=keeper)
    invitation = InvitationFactory(lab=lab, contact=ana)
    response = ResponseFactory(invitation=invitation, answers={1: "Prin radio (example).", 2: "Facebook."})
    theme = ThemeFactory(lab=lab, answers=list(response.answers.all()))
    reply = EmailReplyFactory(lab=lab, invitation=invitation, sender=ana.email)
    event = EventFactory(partner=keeper, sessions=[*sessions_in(30), *sessions_in(31, None, None)])
    EventFactory(partner=keeper, sessions=[(dt.date(2020, 11, 10), dt.time(13, 15), dt.time(15, 30))],
                 rsvp_deadline=None)  # past
    seat = EventInvitationFactory(event=event, contact=ana, answer="yes", note="Example note.")
    practice, draft, _similar = indexed(
        PracticeFactory(partner=keeper, ecoc_title=keeper.ecoc_title, themes=["tourism"], phases=["event_year"],
                        title={"en": "Radio for local firms", "ro": "Radio pentru firmele locale"}),
        PracticeFactory(partner=keeper, status="draft", published_at=None),
        PracticeFactory(partner=other, title={"en": "Festival radio for firms"}))
    AssessmentFactory(practice=practice, partner=other)
    poster = keeper.memberships.get().user
    opportunity, draft_opportunity = (
        OpportunityFactory(partner=keeper, posted_by=poster, ecoc_title=keeper.ecoc_title, phase="legacy",
                           title="Caterers for the legacy festival", sectors=["56"], **status)
        for status in ({}, {"status": "draft", "published_at": None}))
    mail = mail_queue(key="example:ana", to=ana.email, template="core/mail/test_message", context={},
                      language="ro", contact_id=ana.pk)
    profiles = _profiles(keeper)
    plans = plans_load(project, keeper, other, ana)
    return World(project=project, keeper=keeper, other=other, ana=ana, lab=lab, event=event, reply=reply,
                 theme=theme, mail=mail, practice=practice, draft_practice=draft,
                 opportunity=opportunity, draft_opportunity=draft_opportunity,
                 **personal_tokens(ana, invitation, seat), **profiles,
                 **_reach(opportunity, profiles["public_profile"]), **plans)


def _reach(opportunity, organisation) -> dict:
    """The public profile's representative says it is interested in the opportunity, the poster
    answers, the representative subscribes to its digest; another organisation was told."""
    from ecocsme.core.links import link_token
    from ecocsme.opportunities.access import DIGEST_LINK_PURPOSE
    from ecocsme.opportunities.services.digests import digest_subscribe
    from ecocsme.opportunities.services.interests import interest_express, interest_reply

    speaker = RepresentativeFactory(organisation=organisation, user__username="speaker").user
    interest = interest_express(actor=speaker, opportunity=opportunity, organisation=organisation,
                                message="We can cook for the festival (example).")
    interest_reply(actor=opportunity.posted_by, interest=interest, body="Please send a menu (example).")
    digest = digest_subscribe(actor=speaker, organisation=organisation, frequency="weekly", consent=True)
    ReachFactory(opportunity=opportunity, organisation=ProfileFactory(verified=True, findable=True))
    return {"interest": interest, "speaker": speaker,
            "digest_token": link_token(DIGEST_LINK_PURPOSE, digest.pk, digest.nonce)}


def _profiles(keeper) -> dict:
    """A public profile with sectors and a stakeholder's waiting profile, both kept by the keeper."""
    public = ProfileFactory(partner=keeper, findable=True, verified=True, languages=["en", "ro"],
                            capabilities="Printing\nBinding", nuts_region=NutsRegionFactory())
    # 56 always among them, so that the API's sector filter finds it whatever codes the sequence gives
    public.sectors.set([NaceDivisionFactory(code="56"), *NaceDivisionFactory.create_batch(2)])
    profile_embed(public.pk)  # suggested for the opportunities, with reasons
    link = RepresentativeFactory(organisation=ProfileFactory(partner=keeper), user__username="representative")
    link.organisation.sectors.set(NaceDivisionFactory.create_batch(2))
    return {"public_profile": public, "representative": link.user, "represented": link.organisation}


def world_grow(world: World, n: int = 6) -> None:
    """More of everything every page lists or counts, for the keeper, the other partner and
    other projects alike."""
    this_year = timezone.now().year
    EcocTitleFactory.create_batch(n, year=this_year)
    EcocTitleFactory.create_batch(3 * n)
    for _project in range(2):
        project = ProjectFactory()
        for _partner in range(3):
            PartnerFactory(project=project, ecoc_title=EcocTitleFactory())
        EventFactory(partner=project.partners.first())
    for _partner in range(n):
        PartnerFactory(project=world.project, ecoc_title=EcocTitleFactory(),
                       policy_instrument=PolicyInstrumentFactory(), nuts_region=NutsRegionFactory())
    consents = {"consultations": True, "event_invitations": True, "newsletters": False}
    for partner in (world.keeper, world.other):
        StakeholderFactory.create_batch(n, partner=partner, consents=consents)
        for lab in LabFactory.create_batch(2, partner=partner, questions=3):
            for invitation in InvitationFactory.create_batch(n, lab=lab):
                ResponseFactory(invitation=invitation, answers={1: "Example.", 3: "Another example."})
        for event in EventFactory.create_batch(2, partner=partner, sessions=[*sessions_in(40), *sessions_in(41)]):
            EventInvitationFactory.create_batch(n, event=event, answer="yes")
        EventFactory.create_batch(2, partner=partner, rsvp_deadline=None,
                                  sessions=[(dt.date(2021, 3, 1), dt.time(10), dt.time(12))])  # past
    # The keeper's lab and event: more people invited, answering, quoted and replying.
    lab, event = world.lab, world.event
    for invitation in InvitationFactory.create_batch(n, lab=lab):
        ResponseFactory(invitation=invitation, answers={1: "More radio (example).", 2: "Newsletters."})
        EmailReplyFactory(lab=lab, invitation=invitation, sender=invitation.contact.email)
    EmailReplyFactory.create_batch(n, lab=lab)
    answers = list(Answer.objects.filter(response__lab=lab).exclude(theme_memberships__theme=world.theme))
    ThemeFactory(lab=lab, answers=answers[: len(answers) // 2])
    world.theme.memberships.model.objects.bulk_create([
        world.theme.memberships.model(theme=world.theme, answer=answer, scope=world.theme.scope)
        for answer in answers[len(answers) // 2:]])
    for answer, place in [("yes", EventInvitation.Place.CONFIRMED), ("yes", EventInvitation.Place.WAITING),
                          ("no", ""), ("maybe", ""), ("", "")]:
        EventInvitationFactory.create_batch(n // 2, event=event, answer=answer, place=place)
    # Ana takes part in more events, and more mail went out.
    for other_event in EventFactory.create_batch(n, partner=world.keeper):
        EventInvitationFactory(event=other_event, contact=world.ana, answer="yes")
    for partner in (world.keeper, world.other):
        practices = PracticeFactory.create_batch(n, partner=partner, ecoc_title=world.keeper.ecoc_title,
                                                 themes=["tourism", "youth"], phases=["event_year"],
                                                 summary={"en": "Radio and festival news (example)."})
        indexed(*practices)
        for practice in practices:
            practice.sectors.set(NaceDivisionFactory.create_batch(2))
            AssessmentFactory(practice=practice, partner=world.other if partner == world.keeper else world.keeper)
    for partner in (world.keeper, world.other):  # open, waiting, drafts, past their deadline
        for status, deadline in (("published", 30), ("in_review", 30), ("draft", 30), ("published", -3)):
            OpportunityFactory.create_batch(n, partner=partner, ecoc_title=world.keeper.ecoc_title, phase="legacy",
                                            status=status, deadline=in_days(deadline), sectors=["56", "90"],
                                            posted_by=world.opportunity.posted_by)
    # More organisations interested (with threads), told, contracted; the speaker's in more posts.
    sizes = ("micro", "small", "medium", "")
    for number in range(n):
        organisation = ProfileFactory(partner=world.keeper, verified=True, findable=True,
                                      size_class=sizes[number % len(sizes)])
        InterestFactory(opportunity=world.opportunity, organisation=organisation, messages=2,
                        status="contracted" if number % 3 == 0 else "in_talks",
                        contracted_at=timezone.now() if number % 3 == 0 else None)
        ReachFactory(opportunity=world.opportunity, organisation=organisation, channel="digest")
        InterestFactory(organisation=world.public_profile, messages=1,
                        opportunity=OpportunityFactory(partner=world.other, sectors=["90"]))
    world.interest.messages.model.objects.bulk_create([
        world.interest.messages.model(interest=world.interest, side="interested", body=f"More {number}.")
        for number in range(n)])
    for number in range(n):
        mail_queue(key=f"example:{number}", to=world.ana.email, template="core/mail/test_message",
                   context={}, language="ro", contact_id=world.ana.pk)
    # More profiles waiting, public ones with more sectors, more representatives.
    for partner in (world.keeper, world.other):
        for link in RepresentativeFactory.create_batch(n, organisation__partner=partner):
            link.organisation.sectors.set(NaceDivisionFactory.create_batch(2))
    for profile in ProfileFactory.create_batch(n, partner=world.keeper, findable=True, verified=True):
        profile.sectors.set(NaceDivisionFactory.create_batch(3))
    world.public_profile.sectors.add(*NaceDivisionFactory.create_batch(n))
    world.represented.sectors.add(*NaceDivisionFactory.create_batch(n))
    RepresentativeFactory.create_batch(2, organisation=world.represented)
    _plans_grow(world, n)


def _plans_grow(world: World, n: int) -> None:
    """More actions, versions and threads on the keeper's plan, more reports on the other's, plans
    of the new partners, and more values and budget lines."""
    from ecocsme.accounts.models import Membership
    from ecocsme.actionplans.factories import ActionFactory, ActionPlanFactory
    from ecocsme.actionplans.models import ActionReport
    from ecocsme.actionplans.services.plans import ActionRows, action_save
    from ecocsme.actionplans.services.review import comment_add
    from ecocsme.monitoring.models import BudgetLine, Indicator, Value

    staff = Membership.objects.filter(partner=world.keeper, role="partner_staff").first().user
    other_staff = Membership.objects.filter(partner=world.other, role="partner_staff").first().user
    plan = world.plan
    for number in range(n):
        plan.refresh_from_db()
        action = action_save(actor=staff, plan=plan, action=None, revision=plan.revision,
                             values={"title": {"en": f"Action {number} (example)"}},
                             rows=ActionRows([], [{"item": {"en": "Staff"}, "amount": "10"}], [], []))
        thread = comment_add(plan=plan, actor=other_staff, on=f"action:{action.key}", text=f"Why {number}?")
        comment_add(plan=plan, actor=staff, parent=thread, text="Because (example).")
    periods = list(world.project.periods.order_by("number"))
    for action in ActionFactory.create_batch(n, plan=world.published_plan):
        ActionReport.objects.create(action=action, period=world.report.period, status="in_progress")
    for partner in world.project.partners.exclude(pk__in=[world.keeper.pk, world.other.pk])[:n]:
        ActionFactory.create_batch(2, plan=ActionPlanFactory(partner=partner))
    manual = list(Indicator.objects.filter(project=world.project, source="manual"))
    for partner in (world.keeper, world.other):
        for period in periods[:3]:
            BudgetLine.objects.get_or_create(partner=partner, period=period, defaults={"planned": 1000})
            for indicator in manual:
                Value.objects.get_or_create(indicator=indicator, partner=partner, period=period,
                                            defaults={"value": 2})


@pytest.fixture
def world(db, settings) -> World:
    settings.ECOCSME_MAIL_VIEWER = True
    return world_build()


# --- measuring -----------------------------------------------------------------------------------------
def requests_of(pages, world: World) -> list[tuple[str, str]]:
    made = []
    for name, kwargs, query in pages:
        values = kwargs(world) if callable(kwargs) else kwargs
        made.append((name + query, reverse(name, kwargs=values) + query.replace("KEEPER", str(world.keeper.pk))))
    return made


def problems_at(client, requests, pinned: dict[str, int], size: str) -> list[str]:
    """Each page once, as in a running server (content types known); a mismatch is reported
    with the queries it ran."""
    cache.clear()  # the project's calendar is made once per change: measure its making
    catalogue.current()  # the search keeps its catalogue between requests
    matching.forget()  # and so do the matches, their opportunities' vectors computed once
    matching.organisation_index()
    matching.opportunity_index()
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*apps.get_models())
    problems = []
    for label, url in requests:
        try:
            with assert_num_queries(pinned.get(label, -1), label=f"{label} ({size} data)"):
                response = client.get(url)
        except AssertionError as error:
            problems.append(str(error))
            continue
        if response.status_code != 200:
            problems.append(f"{label} ({size} data): {url} answered {response.status_code}")
    return problems


def assert_pinned(client, world: World, pages, pinned: dict[str, int]) -> None:
    requests = requests_of(pages, world)
    assert {label for label, _url in requests} == set(pinned), "pin every page, and only those"
    problems = problems_at(client, requests, pinned, "small")
    world_grow(world)
    problems += problems_at(client, requests, pinned, "larger")
    summary = [problem.split("\n", 1)[0] for problem in problems]
    assert not problems, "\n".join(["Query counts differ from the pinned ones:", *summary, "", *problems])


@pytest.mark.django_db
def test_public_pages_and_the_api_for_an_anonymous_visitor(client, world):
    assert_pinned(client, world, PUBLIC, ANONYMOUS)


@pytest.mark.django_db
def test_every_page_for_a_member_of_the_partners_staff(client, world):
    from ecocsme.accounts.models import User

    client.force_login(User.objects.get(username="keeper"))
    assert_pinned(client, world, PUBLIC + BACK_OFFICE, STAFF)


@pytest.mark.django_db
def test_the_reach_pages_of_a_representative(client, world):
    client.force_login(world.speaker)
    assert_pinned(client, world, REACH_PAGES, REACH_REPRESENTATIVE)


@pytest.mark.django_db
def test_the_pages_of_a_representative(client, world):
    client.force_login(world.representative)
    assert_pinned(client, world, REPRESENTATIVE_PAGES, REPRESENTATIVE)
