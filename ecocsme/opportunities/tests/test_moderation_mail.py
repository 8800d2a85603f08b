"""The moderation's mail (OPP-1): a post sent for review (and sent again once returned) tells each
moderator — the moderating partner's staff, else its project's coordinators; every coordinator
when no partner moderates it —, and a moderator's return (the note quoted), publication or
closing tells the poster's side (who posted it, the representatives of the organisation it was
posted for); each in their language, linking to the opportunity's page, never to the person
who acted, once however often the button is pressed, and nobody when a moderator publishes their
own post directly. Real outbox rows."""

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from ecocsme.accounts.factories import CoordinatorFactory, PartnerStaffFactory, UserFactory
from ecocsme.core.models import OutgoingMail
from ecocsme.opportunities.factories import OpportunityFactory, representative, verified_organisation
from ecocsme.opportunities.models import Opportunity
from ecocsme.opportunities.services import (
    Send,
    opportunity_close,
    opportunity_publish,
    opportunity_return,
    opportunity_save,
    opportunity_submit,
    opportunity_withdraw,
)
from ecocsme.partnerships.factories import ProjectFactory
from ecocsme.reference.factories import EcocTitleFactory

from .posting import values

pytestmark = pytest.mark.django_db
TITLE = "Sound crew for the open-air concerts"  # as `values` posts it, in English
NOTE = "Give the dates of the four concerts & the stage sizes (example).\nThe budget is missing."
MODERATOR_FOOTER = "You receive this message because you moderate this opportunity on the ECoC-SME Platform."
POSTER_FOOTER = ("You receive this message because you posted this opportunity on the ECoC-SME Platform, or "
                 "represent the organisation it was posted for.")


def said(language: str, msgid: str, **values) -> str:
    """`msgid` as the catalogue of `language` has it, with `values`."""
    with translation.override(language):
        text = gettext(msgid)
    return text % values if values else text


def _mails(kind: str = "") -> list[OutgoingMail]:
    """The moderation's mails (of one kind: "submitted", "returned"…), in the order queued."""
    mails = OutgoingMail.objects.filter(key__startswith="opportunities.moderation:")
    if kind:
        mails = mails.filter(key__contains=f":{kind}:")
    return list(mails.order_by("pk"))


def _to(mails) -> dict[str, OutgoingMail]:
    found = {mail.to: mail for mail in mails}
    assert len(found) == len(mails), "someone was mailed twice"
    return found


def _reading(user, language: str):
    user.language = language
    user.save(update_fields=["language"])
    return user


@pytest.fixture
def staff(staff):
    """Timișoara's staff, reading Romanian."""
    return _reading(staff, "ro")


@pytest.fixture
def second_staff(partner):
    """More of Timișoara's staff, reading Lithuanian."""
    return PartnerStaffFactory(username="t-staff-2", partner=partner, language="lt")


@pytest.fixture
def colleague(organisation):
    """A second representative of the organisation, reading German."""
    return representative(organisation, UserFactory(username="colleague", language="de"))


@pytest.fixture
def in_review(rep, organisation, title):
    """Posted by the studio's representative, sent for review to Timișoara, its keeper."""
    return opportunity_save(actor=rep, opportunity=None, values=values(title),
                            organisation=organisation, send=Send.REVIEW)


def test_a_post_sent_for_review_tells_each_moderator_in_their_language(
        rep, staff, second_staff, coordinator, other_staff, colleague, in_review, organisation):
    assert in_review.status == Opportunity.Status.IN_REVIEW
    told = _to(_mails("submitted"))
    assert set(told) == {staff.email, second_staff.email}  # the keeper's staff; not the coordinator
    for user, language in ((staff, "ro"), (second_staff, "lt")):
        mail = told[user.email]
        assert mail.language == language and mail.key.endswith(f":{user.pk}")
        assert mail.subject == said(language, "Waiting for your review: %(opportunity)s", opportunity=TITLE)
        with translation.override(language):  # the catalogue's greeting, in their language
            assert gettext("Dear %(name)s,") % {"name": user.get_full_name()} in mail.text
        assert said(language, "The opportunity “%(opportunity)s”, posted for %(organisation)s, waits for your "
                              "review.", opportunity=TITLE, organisation=organisation.name) in mail.text
        url = f"{settings.ECOCSME_BASE_URL.rstrip('/')}/{language}/opportunities/{in_review.pk}/"
        assert url in mail.text and f'href="{url}"' in mail.html  # its page, where they moderate it
        assert f'<span lang="en">{TITLE}</span>' in mail.html and f'<html lang="{language}">' in mail.html
        assert said(language, MODERATOR_FOOTER) in mail.text and said(language, MODERATOR_FOOTER) in mail.html
        assert "unsubscribe" not in mail.text.lower() and "unsubscribe" not in mail.html.lower()
        assert not mail.headers  # no List-Unsubscribe: the post is part of their work
    assert not _mails("returned") and not _mails("published")


def test_returned_with_the_note_quoted_to_the_poster_side_then_sent_again(
        rep, colleague, staff, second_staff, in_review):
    opportunity_return(actor=staff, opportunity=in_review, note=NOTE)
    told = _to(_mails("returned"))
    assert set(told) == {rep.email, colleague.email}  # who posted it and the other representative
    for user, language in ((rep, "en"), (colleague, "de")):
        mail = told[user.email]
        assert mail.language == language
        assert mail.subject == said(language, "Returned with a note: %(opportunity)s", opportunity=TITLE)
        assert said(language, "The moderators returned your opportunity “%(opportunity)s” with this note:",
                    opportunity=TITLE) in mail.text
        assert NOTE in mail.text  # as written, in the plain text
        assert ("<blockquote" in mail.html and "Give the dates of the four concerts &amp; the stage sizes "
                "(example).<br>The budget is missing.</blockquote>" in mail.html)
        assert said(language, "Change it as the note asks and send it for review again.") in mail.text
        assert f"/{language}/opportunities/{in_review.pk}/" in mail.text
        assert said(language, POSTER_FOOTER) in mail.text and said(language, POSTER_FOOTER) in mail.html
        assert "unsubscribe" not in mail.text.lower()

    opportunity_submit(actor=colleague, opportunity=in_review)  # changed, and sent again
    again = _to(_mails("resubmitted"))
    assert set(again) == {staff.email, second_staff.email}
    assert again[staff.email].subject == said("ro", "Sent again for your review: %(opportunity)s",
                                              opportunity=TITLE)
    assert said("ro", "The opportunity “%(opportunity)s”, returned with a note, was sent for your review again.",
                opportunity=TITLE) in again[staff.email].text
    assert len(_mails()) == 2 + 2 + 2  # nobody else, nothing twice


def test_a_published_post_taken_back_says_so(rep, staff, in_review):
    opportunity_publish(actor=staff, opportunity=in_review)
    opportunity_return(actor=staff, opportunity=in_review, note="The deadline is wrong (example).")
    (mail,) = _mails("returned")
    assert "took your opportunity" in mail.text and "off the lists" in mail.text
    assert "The deadline is wrong (example)." in mail.text


def test_published_and_closed_by_a_moderator_tell_the_poster_side_only(
        rep, colleague, staff, second_staff, coordinator, in_review):
    opportunity_publish(actor=second_staff, opportunity=in_review)
    told = _to(_mails("published"))
    assert set(told) == {rep.email, colleague.email}  # not the other moderators
    assert told[colleague.email].language == "de"
    assert told[colleague.email].subject == said("de", "Published: %(opportunity)s", opportunity=TITLE)
    assert f"The moderators published your opportunity “{TITLE}”" in told[rep.email].text
    assert f'<span lang="en">{TITLE}</span>' in told[rep.email].html

    opportunity_close(actor=coordinator, opportunity=in_review, note="The programme changed (example).")
    closed = _to(_mails("closed"))
    assert set(closed) == {rep.email, colleague.email}
    assert "Closed" in closed[rep.email].subject
    assert "it takes no more expressions of interest. They wrote:" in closed[rep.email].text
    assert "The programme changed (example)." in closed[rep.email].text
    assert not {staff.email, second_staff.email, coordinator.email} & {m.to for m in _mails()[2:]}


def test_closed_without_a_note_quotes_nothing(rep, staff, in_review):
    opportunity_publish(actor=staff, opportunity=in_review)
    opportunity_close(actor=staff, opportunity=in_review)
    (mail,) = _mails("closed")
    assert "takes no more expressions of interest." in mail.text and "They wrote" not in mail.text
    assert "<blockquote" not in mail.html


def test_a_double_click_mails_nobody_twice(client, rep, staff, organisation, title):
    post = opportunity_save(actor=rep, opportunity=None, values=values(title),
                            organisation=organisation)
    assert not _mails()  # a draft: the moderators do not see it yet
    client.force_login(rep)
    submit = reverse("opportunities:action", args=[post.pk, "submit"])
    client.post(submit)
    client.post(submit)  # refused: already waiting for review
    assert [m.to for m in _mails()] == [staff.email]
    client.force_login(staff)
    for action, data in (("return", {"note": NOTE}), ("return", {"note": NOTE})):
        client.post(reverse("opportunities:action", args=[post.pk, action]), data)
    assert [m.to for m in _mails("returned")] == [rep.email]
    opportunity_submit(actor=rep, opportunity=post)
    for _click in range(2):
        client.post(reverse("opportunities:action", args=[post.pk, "publish"]))
    assert [m.to for m in _mails("published")] == [rep.email]
    with pytest.raises(ValidationError):
        opportunity_publish(actor=staff, opportunity=post)
    assert len(_mails()) == 4


def test_the_same_event_queues_its_mail_once():
    """The outbox key names the opportunity, the event, its moment and the recipient: a repeated
    request for the same event queues nothing."""
    from ecocsme.opportunities.services.opportunities import _mail

    poster = UserFactory(username="poster")
    opportunity = OpportunityFactory(posted_by=poster, status=Opportunity.Status.PUBLISHED)
    moderator = PartnerStaffFactory(username="moderator", partner=opportunity.partner)
    for _request in range(2):
        _mail(opportunity, [poster], "published", moment=opportunity.published_at, actor=moderator)
    (mail,) = _mails("published")
    assert mail.key == (f"opportunities.moderation:{opportunity.pk}:published:"
                        f"{opportunity.published_at.timestamp():.6f}:{poster.pk}")


def test_the_actor_is_never_mailed(partner, staff, second_staff, title):
    """Timișoara's staff post for their partner and send it for review: the colleague who
    moderates is told, not the poster; the colleague publishes it: the poster is told, not the
    colleague; the poster closes it: nobody is told."""
    post = opportunity_save(actor=staff, opportunity=None, values=values(title),
                            partner=partner, send=Send.REVIEW)
    assert [m.to for m in _mails()] == [second_staff.email]
    opportunity_publish(actor=second_staff, opportunity=post)
    assert [m.to for m in _mails("published")] == [staff.email]
    assert _mails("published")[0].language == "ro"
    opportunity_close(actor=staff, opportunity=post, note="Found a crew (example).")
    assert not _mails("closed") and len(_mails()) == 2


def test_direct_publication_by_a_moderator_poster_mails_nobody(partner, staff, second_staff, coordinator,
                                                               title):
    post = opportunity_save(actor=staff, opportunity=None, values=values(title),
                            partner=partner, send=Send.PUBLISH)
    assert post.status == Opportunity.Status.PUBLISHED and not _mails()
    # Returned by the coordinator, then published again by its poster without a review.
    opportunity_return(actor=coordinator, opportunity=post, note=NOTE)
    assert [m.to for m in _mails("returned")] == [staff.email]
    opportunity_publish(actor=staff, opportunity=post)
    assert not _mails("published") and len(_mails()) == 1


def test_the_coordinators_when_the_partner_has_no_staff(title, other_partner, coordinator):
    """An organisation Rijeka keeps, and Rijeka has no staff account yet: its project's
    coordinators hear of the post (not those of another project)."""
    stranger_coordinator = CoordinatorFactory(username="coord-elsewhere", project=ProjectFactory())
    kept = verified_organisation(partner=other_partner, name="Rijeka Lights (example)")
    poster = representative(kept, UserFactory(username="lights", language="hr"))
    opportunity_save(actor=poster, opportunity=None, values=values(title),
                     organisation=kept, send=Send.REVIEW)
    assert [m.to for m in _mails("submitted")] == [coordinator.email]
    assert stranger_coordinator.email not in {m.to for m in _mails()}


def test_every_coordinator_when_no_partner_moderates(partner, coordinator):
    """An organisation no partner keeps, for an ECoC title no partner holds: every coordinator
    moderates it, and each is told once."""
    elsewhere = CoordinatorFactory(username="coord-elsewhere", project=ProjectFactory(), language="fi")
    nobody_keeps = verified_organisation(partner=None, name="Free Studio (example)", city="Leuven",
                                         country="BE")
    poster = representative(nobody_keeps, UserFactory(username="free"))
    post = opportunity_save(actor=poster, opportunity=None, values=values(EcocTitleFactory()),
                            organisation=nobody_keeps, send=Send.REVIEW)
    assert post.partner is None
    told = _to(_mails("submitted"))
    assert set(told) == {coordinator.email, elsewhere.email} and told[elsewhere.email].language == "fi"


def test_with_nobody_on_the_posters_side_to_mail_the_moderators_are_not_told_instead(partner, staff,
                                                                                      second_staff):
    """The poster's account is gone and no organisation: the return tells nobody (the moderators
    are not told of their own decision as if they had posted it)."""
    post = OpportunityFactory(partner=partner, posted_by=None, status=Opportunity.Status.IN_REVIEW,
                              published_at=None)
    opportunity_return(actor=staff, opportunity=post, note=NOTE)
    assert not _mails()


def test_an_inactive_or_addressless_account_is_not_mailed(rep, colleague, staff, in_review):
    colleague.is_active = False
    colleague.save(update_fields=["is_active"])
    rep.email = ""
    rep.save(update_fields=["email"])
    opportunity_return(actor=staff, opportunity=in_review, note=NOTE)
    assert not _mails("returned")


def test_refused_moves_and_a_withdrawal_mail_nobody(rep, staff, other_staff, in_review):
    """Another partner's staff may not moderate it; an empty note returns nothing; a withdrawal
    is not a moderation: none of it is mailed."""
    before = len(_mails())
    with pytest.raises(PermissionDenied):
        opportunity_publish(actor=other_staff, opportunity=in_review)
    with pytest.raises(ValidationError):
        opportunity_return(actor=staff, opportunity=in_review, note="  ")
    opportunity_withdraw(actor=rep, opportunity=in_review)
    assert len(_mails()) == before
