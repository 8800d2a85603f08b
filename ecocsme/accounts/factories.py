"""Test users with their place in a project (factory_boy): the staff of a partner, the
coordinator of a project, an administrator, or a user with no role."""

import factory
from factory.django import DjangoModelFactory, Password

from ecocsme.partnerships.factories import PartnerFactory, ProjectFactory

from .models import Membership, User

PASSWORD = "a-test-password"


class UserFactory(DjangoModelFactory):
    """A user without a role (e.g. a stakeholder's account)."""

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Example"
    last_name = factory.Sequence(lambda n: f"Person {n} (example)")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = Password(PASSWORD)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    partner = factory.SubFactory(PartnerFactory)
    project = factory.SelfAttribute("partner.project")
    role = Membership.Role.PARTNER_STAFF


class PartnerStaffFactory(UserFactory):
    """A member of the staff of `partner` (a new partner of a new project unless given)."""

    class Params:
        partner = factory.SubFactory(PartnerFactory)

    membership = factory.RelatedFactory(
        MembershipFactory, factory_related_name="user", role=Membership.Role.PARTNER_STAFF,
        partner=factory.SelfAttribute("..partner"), project=factory.SelfAttribute("..partner.project"))


class CoordinatorFactory(UserFactory):
    """The coordinator of `project`."""

    class Params:
        project = factory.SubFactory(ProjectFactory)

    membership = factory.RelatedFactory(
        MembershipFactory, factory_related_name="user", role=Membership.Role.COORDINATOR,
        partner=None, project=factory.SelfAttribute("..project"))


class AdministratorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    is_staff = True
    is_superuser = True
