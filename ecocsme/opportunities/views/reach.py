"""Reaching organisations (OPP-3): saying "we are interested", the thread of an interest and its
status, an opportunity's interests for its poster's side, "our interests" for a representative,
telling a suggested organisation about an opportunity, and the digest of new opportunities with
its one-click unsubscribe link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ecocsme.core.exports import EXPORT_FORMATS, export_response

from ..access import (
    digest_by_unsubscribe_link,
    digest_organisation_for,
    interest_controls,
    interest_for,
    interest_organisations,
    opportunity_for,
    organisation_to_tell,
    own_representative_link,
    representative_by_stop_link,
)
from ..exports import INTEREST_COLUMNS, interest_rows
from ..forms import DigestForm, InterestForm, InterestStatusForm, MessageForm
from ..models import Interest
from ..selectors import (
    digest_of,
    interest_thread,
    interests_of,
    interests_of_organisations,
    own_interests_in,
)
from ..services.digests import consent_wording, digest_subscribe, digest_unsubscribe
from ..services.interests import interest_express, interest_reply, interest_set_status, interest_withdraw
from ..services.reach import reach_tell, suggestions_set


def _form_errors(form, error: ValidationError) -> None:
    for name, errors in getattr(error, "error_dict", {None: error}).items():
        for message in ValidationError(errors).messages:
            form.add_error(name if name in form.fields else None, message)


# --- saying "we are interested" -------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def interest_new(request, pk: int):
    """The form (also on the opportunity's page): a new interest, or a change of one's message."""
    opportunity = opportunity_for(request.user, pk)
    organisations = interest_organisations(request.user)
    if not organisations and not request.user.has_perm("opportunities.express_interest", opportunity):
        raise PermissionDenied(_("Only the representatives of a verified organisation say they are "
                                 "interested."))
    own = own_interests_in(opportunity, organisations) if organisations else []
    form = InterestForm(request.POST or None, organisations=organisations, own=own)
    if request.method == "POST" and form.is_valid():
        try:
            interest = interest_express(actor=request.user, opportunity=opportunity,
                                        organisation=form.chosen_organisation,
                                        message=form.cleaned_data["message"])
        except ValidationError as error:
            _form_errors(form, error)
        except PermissionDenied as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The opportunity's side has your message; their answer comes "
                                        "here and by e-mail."))
            return redirect("opportunities:interest", pk=interest.pk)
    return render(request, "opportunities/interest_form.html", {
        "opportunity": opportunity, "form": form, "own": own, "organisations": organisations})


# --- one interest: the thread, its status, withdrawing -----------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def interest_detail(request, pk: int):
    """The thread of an interest, for its two sides (and the coordinators); a POST adds a message."""
    interest = interest_for(request.user, pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            interest_reply(actor=request.user, interest=interest, body=form.cleaned_data["body"])
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Sent: the other side is told by e-mail."))
            return redirect("opportunities:interest", pk=interest.pk)
    controls = interest_controls(request.user, interest)
    return render(request, "opportunities/interest.html", {
        "interest": interest, "opportunity": interest.opportunity, "thread": interest_thread(interest),
        "form": form, **controls,
        "status_form": (InterestStatusForm(initial={"status": interest.status}) if controls["may_set_status"]
                        else None),
        "may_see_all": request.user.has_perm("opportunities.see_interests", interest.opportunity),
    })


INTEREST_ACTIONS = ("status", "withdraw")


@login_required
@require_POST
def interest_action(request, pk: int, action: str):
    if action not in INTEREST_ACTIONS:
        raise Http404
    interest = interest_for(request.user, pk)  # the services check the side and the state
    try:
        if action == "status":
            form = InterestStatusForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Choose one of the statuses."))
            interest = interest_set_status(actor=request.user, interest=interest,
                                           status=form.cleaned_data["status"])
            messages.success(request, _("Status: %(status)s. The organisation is told by e-mail.")
                             % {"status": interest.get_status_display()})
        else:
            interest_withdraw(actor=request.user, interest=interest)
            messages.success(request, _("Withdrawn. The opportunity's side is told; say you are interested "
                                        "again on the opportunity's page to take it back."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("opportunities:interest", pk=interest.pk)


# --- lists: an opportunity's interests, "our interests" ------------------------------------------------
@login_required
@require_safe
def opportunity_interests(request, pk: int):
    """The organisations interested in an opportunity, for its poster's side, moderators and the
    coordinators: each with its message, status and thread."""
    opportunity = opportunity_for(request.user, pk, "opportunities.see_interests")
    return render(request, "opportunities/interests.html", {
        "opportunity": opportunity, "interests": interests_of(opportunity)})


@login_required
@require_safe
def our_interests(request):
    """The interests of the organisations the user represents, newest change first; exportable."""
    organisations = interest_organisations(request.user)
    interests = interests_of_organisations(organisations)
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return export_response(fmt, "our-interests", INTEREST_COLUMNS, interest_rows(interests))
    return render(request, "opportunities/our_interests.html", {
        "page": Paginator(interests, 25).get_page(request.GET.get("page")), "query": "",
        "organisations": organisations, "statuses": Interest.Status})


# --- telling a suggested organisation ---------------------------------------------------------------------
@login_required
@require_POST
def tell(request, pk: int, organisation_pk: int):
    """Mail a suggested organisation's representatives about the opportunity, once; back to the
    matches with what happened."""
    opportunity = opportunity_for(request.user, pk, "opportunities.tell_organisation")
    organisation = organisation_to_tell(organisation_pk)
    try:
        told = reach_tell(actor=request.user, opportunity=opportunity, organisation=organisation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if told.new:
            messages.success(request, _("%(organisation)s is told about the opportunity by e-mail.")
                             % {"organisation": organisation.name})
        else:
            messages.info(request, _("%(organisation)s was told about it on %(date)s; it is not told twice.")
                          % {"organisation": organisation.name,
                             "date": date_format(told.reach.first_at, "DATE_FORMAT")})
    return redirect("opportunities:matches", pk=opportunity.pk)


# --- the digest -------------------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def digest(request, pk: int):
    """A representative's digest of new opportunities that fit their organisation: subscribe with
    consent, change how often, stop."""
    organisation = digest_organisation_for(request.user, pk)
    link = own_representative_link(request.user, organisation)
    if request.method == "POST" and request.POST.get("suggestions") in ("stop", "start"):
        stopped = request.POST["suggestions"] == "stop"
        suggestions_set(link=link, stopped=stopped, actor=request.user, via="page")
        messages.success(request, _("Stopped: no suggested opportunity reaches you by e-mail.") if stopped
                         else _("Started again: you are told when someone who posted an opportunity thinks "
                                "it fits you."))
        return redirect("opportunities:digest", pk=organisation.pk)
    subscription = digest_of(organisation, request.user)
    active = subscription is not None and subscription.is_active
    initial = {"frequency": subscription.frequency} if subscription else {}
    form = DigestForm(request.POST or None, initial=initial)
    if request.method == "POST" and request.POST.get("stop") and active:
        digest_unsubscribe(subscription=subscription, actor=request.user, via="page")
        messages.success(request, _("The digest is stopped: no more mail of it."))
        return redirect("opportunities:digest", pk=organisation.pk)
    if request.method == "POST" and form.is_valid():
        try:
            digest_subscribe(actor=request.user, organisation=organisation,
                             frequency=form.cleaned_data["frequency"], consent=form.cleaned_data["consent"])
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Subscribed: the digest comes by e-mail when new opportunities fit."))
            return redirect("opportunities:digest", pk=organisation.pk)
    return render(request, "opportunities/digest.html", {
        "organisation": organisation, "subscription": subscription, "active": active, "form": form,
        "wording": consent_wording(organisation), "email": request.user.email, "link": link,
    })


@csrf_exempt  # the signed link is the credential; RFC 8058 one-click POSTs come from mail clients
@require_http_methods(["GET", "HEAD", "POST"])
def suggestions_stop_link(request, token: str):
    """The "stop these mails" link of a suggested opportunity: GET (and HEAD, which link checkers
    send) asks to confirm, POST stops them for that person and organisation. No login."""
    link = representative_by_stop_link(token)
    if link is None:
        return render(request, "organisations/unsubscribe.html", {"invalid": True}, status=404)
    purpose = _("the opportunities their posters suggest to %(organisation)s") % {
        "organisation": link.organisation.name}
    if request.method == "POST":
        suggestions_set(link=link, stopped=True, via="link")
        return render(request, "organisations/unsubscribe.html", {
            "done": True, "purpose": purpose,
            "again": _("Only your own mail stops. To receive them again, log in: your organisation's page of "
                       "new opportunities by e-mail starts them."),
            "again_url": reverse("opportunities:digest", args=[link.organisation_id])})
    return render(request, "organisations/unsubscribe.html", {"purpose": purpose, "token": token})


@csrf_exempt  # the signed link is the credential; RFC 8058 one-click POSTs come from mail clients
@require_http_methods(["GET", "HEAD", "POST"])
def digest_unsubscribe_link(request, token: str):
    """A digest's one-click unsubscribe link: GET asks to confirm, POST stops it. No login."""
    subscription = digest_by_unsubscribe_link(token)
    if subscription is None:
        return render(request, "organisations/unsubscribe.html", {"invalid": True}, status=404)
    purpose = _("the digest of new opportunities for %(organisation)s") % {
        "organisation": subscription.organisation.name}
    if request.method == "POST":
        digest_unsubscribe(subscription=subscription, via="link")
        return render(request, "organisations/unsubscribe.html", {"done": True, "purpose": purpose})
    return render(request, "organisations/unsubscribe.html", {"purpose": purpose, "token": token})
