"""Test action plans, actions, versions and review invitations (factory_boy), made the way the
services make them where it matters: a plan has a first version, an action a stable key."""

import datetime as dt
import uuid
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from ecocsme.invitations.factories import PersonalInvitationFactory
from ecocsme.organisations.factories import StakeholderFactory
from ecocsme.partnerships.factories import PartnerFactory

from .models import Action, ActionPlan, CostItem, FundingSource, PlanVersion, ReviewInvitation
from .selectors import plan_document, plan_with_everything


def record_first_version(plan: ActionPlan) -> PlanVersion:
    return PlanVersion.objects.create(plan=plan, number=1, change=PlanVersion.Change.CREATED,
                                      snapshot=plan_document(plan_with_everything(plan.pk)))


class ActionPlanFactory(DjangoModelFactory):
    """A draft plan of `partner` (a new partner of a new project unless given), version 1."""

    class Meta:
        model = ActionPlan
        skip_postgeneration_save = True

    partner = factory.SubFactory(PartnerFactory)
    project = factory.SelfAttribute("partner.project")
    language = "en"
    title = factory.Sequence(lambda n: {"en": f"Example action plan {n} (example)"})
    policy_context = factory.LazyFunction(lambda: {"en": "The instrument funds SME growth (example)."})
    improvement_aim = factory.LazyFunction(lambda: {"en": "New calls for cultural SMEs (example)."})
    contact_role = "Project manager (example)"
    is_example = True

    @factory.post_generation
    def first_version(plan, create, extracted, **kwargs):
        if create:
            record_first_version(plan)


class ActionFactory(DjangoModelFactory):
    """An action of `plan` at the next position, with one cost item and its funding."""

    class Meta:
        model = Action
        skip_postgeneration_save = True

    plan = factory.SubFactory(ActionPlanFactory)
    key = factory.LazyFunction(lambda: uuid.uuid4().hex[:12])
    position = factory.LazyAttribute(lambda action: action.plan.actions.count() + 1)
    title = factory.Sequence(lambda n: {"en": f"Example action {n} (example)"})
    description = factory.LazyFunction(lambda: {"en": "A call for creative SMEs (example)."})
    start_date = dt.date(2021, 9, 1)
    end_date = dt.date(2022, 6, 30)
    is_example = True

    @factory.post_generation
    def costs(action, create, extracted, **kwargs):
        if create:
            amount = Decimal(extracted if extracted is not None else "1000.00")
            CostItem.objects.create(action=action, position=0, item={"en": "Staff (example)"}, amount=amount)
            FundingSource.objects.create(action=action, position=0, source={"en": "Own budget (example)"},
                                         amount=amount)


class ReviewInvitationFactory(PersonalInvitationFactory):
    """A stakeholder of the plan's partner invited to comment on the plan (not sent yet)."""

    class Meta:
        model = ReviewInvitation

    plan = factory.SubFactory(ActionPlanFactory, status=ActionPlan.Status.REVIEW)
    contact = factory.SubFactory(StakeholderFactory, partner=factory.SelfAttribute("..plan.partner"),
                                 consents=[ReviewInvitation.consent_purpose])
    expires_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
