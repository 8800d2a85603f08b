"""Test users with their place in a project (factory_boy): the staff of a partner, the
coordinator of a project, an administrator, or a user with no role. accounts sits below
partnerships: give the partner or the project (e.g. from partnerships.factories)."""

import factory
from factory.django import DjangoModelFactory, Password

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
    """`MembershipFactory(user=u, partner=p)`: u works for partner p; with `project=q,
    partner=None, role="coordinator"`, u coordinates project q."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    project = factory.SelfAttribute("partner.project")
    role = Membership.Role.PARTNER_STAFF


class PartnerStaffFactory(UserFactory):
    """A member of the staff of `partner` (required)."""

    class Params:
        partner = None

    membership = factory.RelatedFactory(
        MembershipFactory, factory_related_name="user", role=Membership.Role.PARTNER_STAFF,
        partner=factory.SelfAttribute("..partner"), project=factory.SelfAttribute("..partner.project"))


class CoordinatorFactory(UserFactory):
    """The coordinator of `project` (required)."""

    class Params:
        project = None

    membership = factory.RelatedFactory(
        MembershipFactory, factory_related_name="user", role=Membership.Role.COORDINATOR,
        partner=None, project=factory.SelfAttribute("..project"))


class AdministratorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    is_staff = True
    is_superuser = True
