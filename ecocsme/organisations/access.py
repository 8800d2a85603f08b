"""Permission-checked fetchers for organisations and contacts."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Contact, Organisation


def organisation_for(user, pk: int, perm: str = "organisations.view_organisation") -> Organisation:
    organisation = Organisation.objects.select_related("partner").filter(pk=pk).first()
    if organisation is None or not user.has_perm("organisations.view_organisation", organisation):
        raise Http404(_("No such organisation."))
    if not user.has_perm(perm, organisation):
        raise PermissionDenied(_("Only the staff of the partner that keeps this record may change it."))
    return organisation


def contact_for(user, pk: int, perm: str = "organisations.view_contact") -> Contact:
    contact = Contact.objects.select_related("partner", "organisation").filter(pk=pk).first()
    if contact is None or not user.has_perm("organisations.view_contact", contact):
        raise Http404(_("No such contact."))
    if not user.has_perm(perm, contact):
        raise PermissionDenied(_("You may not do this."))
    return contact
