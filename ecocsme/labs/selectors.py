from django.db.models import Count, Q, QuerySet

from ecocsme.accounts.predicates import memberships_of

from .models import Invitation, Lab


def labs_visible_to(user) -> QuerySet[Lab]:
    """Labs of the projects the user belongs to (labs.view_lab), with their figures."""
    labs = Lab.objects.select_related("partner", "project").annotate(
        invitation_count=Count("invitations", distinct=True),
        submitted_count=Count("responses", filter=Q(responses__status="submitted"), distinct=True),
    )
    if not user.is_superuser:
        labs = labs.filter(project_id__in=[m.project_id for m in memberships_of(user)])
    return labs.order_by("project__code", "partner__number", "number")


def lab_invitations(lab: Lab) -> QuerySet[Invitation]:
    return (lab.invitations.select_related("contact__organisation", "mail", "response")
            .order_by("contact__name", "id"))


def lab_answers(lab: Lab):
    """Every submitted answer of a lab with what the breakdowns need, without names."""
    from .models import Answer

    return (Answer.objects.filter(response__lab=lab, response__status="submitted")
            .select_related("response", "question").order_by("response_id", "question__position"))
