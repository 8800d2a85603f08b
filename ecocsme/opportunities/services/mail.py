"""Mail of the reach to people with an account (the poster's side, the representatives of an
organisation), through the outbox: in the recipient's language, on the platform's layout, once per
key. Accounts are not contacts, so these mails name no contact (the development mail viewer
shows them to the administrator)."""

from ecocsme.core.outbox import mail_queue


def addressable(users) -> list:
    """The active accounts with an address, each once, in a stable order."""
    seen, found = set(), []
    for user in sorted(users, key=lambda user: user.pk):
        if user.pk in seen or not user.is_active or not user.email:
            continue
        seen.add(user.pk)
        found.append(user)
    return found


def user_mail(user, *, key: str, template: str, context: dict, headers: dict | None = None):
    """One mail to one account, in its language; the same key never makes a second one."""
    return mail_queue(key=key, to=user.email, template=template, language=user.language,
                      context={"name": user.get_full_name() or user.username, **context}, headers=headers)


def titled(opportunity) -> dict:
    """The opportunity's title for a mail's context: as text, with its language, and for the HTML
    part, which names it in a sentence of the reader's language, marked with its own."""
    from django.utils.html import format_html

    return {"opportunity": opportunity.title, "text_language": opportunity.language,
            "opportunity_html": format_html('<span lang="{}">{}</span>', opportunity.language,
                                            opportunity.title)}


def poster_side_users(opportunity, *, or_moderators: bool = True) -> list:
    """Who hears of an interest in an opportunity: the representatives of the organisation it was
    posted for, else the person who posted it; when none of them has an account that
    can be mailed (a post nobody signed, an account gone), its moderators (`moderators_of`). With
    `or_moderators=False` (what the moderation tells the poster's side), nobody then."""
    from ecocsme.accounts.models import User

    if opportunity.organisation_id is not None:  # who posted it, only while they represent it
        users = list(User.objects.filter(representing__organisation_id=opportunity.organisation_id))
    else:
        users = list(User.objects.filter(pk=opportunity.posted_by_id))
    found = addressable(users)
    if not found and or_moderators:
        found = moderators_of(opportunity)
    return found


def moderators_of(opportunity) -> list:
    """Who is told that an opportunity waits for review: the staff of the moderating partner,
    else (a partner with no staff account yet) its project's coordinators; for an opportunity no
    partner moderates, the coordinators. Fetch it with select_related("partner")."""
    from ecocsme.accounts.models import Membership, User

    found = []
    if opportunity.partner_id is not None:
        found = addressable(User.objects.filter(memberships__partner_id=opportunity.partner_id,
                                                memberships__role=Membership.Role.PARTNER_STAFF))
    if not found:
        among = {"memberships__role": Membership.Role.COORDINATOR}
        if opportunity.partner_id is not None:  # one membership, both conditions
            among["memberships__project_id"] = opportunity.partner.project_id
        found = addressable(User.objects.filter(**among))
    return found


def representatives_of(organisation_id: int) -> list:
    from ecocsme.accounts.models import User

    return addressable(User.objects.filter(representing__organisation_id=organisation_id))
