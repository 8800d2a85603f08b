"""Who fits (OPP-2): the organisations that fit an opportunity, for its poster's side and its
moderators; the open opportunities and the partners that fit an organisation, for those who
represent it and the partners' staff. The matching itself is `..matching`."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..access import opportunity_for, organisation_for_matches
from ..matching import NotReady, opportunities_for, organisations_for, partners_for
from ..selectors import tellable_organisation_ids, told_organisation_ids


@login_required
@require_safe
def opportunity_matches(request, pk: int):
    """The organisations that fit: the whole page, or (htmx) the part the opportunity page loads."""
    opportunity = opportunity_for(request.user, pk, perm="opportunities.see_matches")
    try:
        context = {"opportunity": opportunity, "matches": organisations_for(opportunity), "loaded": True}
    except NotReady:  # the part asks again by itself in a few seconds
        context = {"opportunity": opportunity, "matches": None, "loaded": False, "preparing": True}
    may_tell = request.user.has_perm("opportunities.tell_organisation", opportunity) and opportunity.is_open
    context.update(may_tell=may_tell, told=told_organisation_ids(opportunity) if may_tell else set(),
                   tellable=tellable_organisation_ids([m.record.pk for m in context["matches"] or []])
                   if may_tell else set())
    template = "opportunities/_matches.html" if request.htmx else "opportunities/matches.html"
    return render(request, template, context)


@login_required
@require_safe
def organisation_matches(request, pk: int):
    organisation = organisation_for_matches(request.user, pk)
    try:
        partners, preparing = partners_for(organisation), False
    except NotReady:
        partners, preparing = [], True
    return render(request, "opportunities/for_organisation.html", {
        "organisation": organisation,
        "matches": opportunities_for(organisation),
        "partners": partners,
        "preparing": preparing,
        "has_vector": bool(organisation.profile_vector),
    })
