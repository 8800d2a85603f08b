"""Opening an invitation by its personal link: the only way in without an account."""

from django.http import Http404
from django.utils.translation import gettext as _

from ecocsme.core.links import link_matches, read_link_token, record_for_link
from ecocsme.organisations.access import people_visible_to

from .models import PersonalInvitation


def invitation_for_token(queryset, token: str) -> PersonalInvitation | None:
    """The invitation a personal link opens (from `queryset`, with what the page needs
    selected), or None when the link is malformed, forged, revoked or the person was erased."""
    invitation = record_for_link(queryset, queryset.model.link_purpose, token)
    return None if invitation is None or invitation.contact.is_erased else invitation


def invitation_among(invitations: list[PersonalInvitation], tokens: list[str]) -> PersonalInvitation | None:
    """The first of `invitations` that one of `tokens` opens (as invitation_for_token, on the
    invitations at hand: no query per link, however many a hostile mail holds)."""
    by_pk = {invitation.pk: invitation for invitation in invitations}
    for token in tokens:
        parsed = read_link_token(token)
        invitation = by_pk.get(parsed[0]) if parsed else None
        if invitation is not None and not invitation.contact.is_erased and link_matches(
                invitation.link_purpose, invitation.pk, invitation.nonce, parsed[1]):
            return invitation
    return None


def invitation_of(user, owner, invitation_id: int | None) -> PersonalInvitation:
    """The invitation `invitation_id` among `owner.invitations` (a lab's, an event's…), with its
    contact and mail, if its person is the user's to see (organisations.access.people_visible_to).
    Http404 otherwise, and for no id. The owner comes from its app's permission-checked fetcher."""
    invitation = (owner.invitations.select_related("contact", "mail").filter(pk=invitation_id).first()
                  if invitation_id else None)
    if invitation is None or not people_visible_to(user).sees(invitation.contact):
        raise Http404(_("No such invitation."))
    return invitation
