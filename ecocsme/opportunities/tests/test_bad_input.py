"""What posting answers to input people and scripts really send: an empty or a huge description,
NACE codes that name nothing, deadlines in the past, a negative budget, the same post again
within 24 hours, an eleventh post in a day. Each gets a clear message at its field, and nothing
is saved: not the opportunity, not its sectors, not an audit entry."""

import datetime as dt
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from ecocsme.core.models import AuditEntry
from ecocsme.opportunities.factories import OpportunityFactory, in_days
from ecocsme.opportunities.models import Opportunity
from ecocsme.opportunities.services import MAX_POSTS_PER_DAY, opportunity_save

from .posting import form_data, values

pytestmark = pytest.mark.django_db


def saved_nothing(before: int = 0) -> bool:
    return (Opportunity.objects.count() == before
            and not AuditEntry.objects.filter(action__startswith="opportunities.").exists())


def post(client, ecoc_title, /, **changes):
    response = client.post(reverse("opportunities:add"), form_data(ecoc_title, **changes))
    assert response.status_code == 200, "the form again, with the message"
    return response.context["form"], response.content.decode()


@pytest.fixture
def poster(client, staff):
    client.force_login(staff)
    return staff


@pytest.mark.parametrize("description", ["", "   \n\t  "])
def test_an_empty_description_is_refused(client, title, sectors, poster, description):
    form, page = post(client, title, description=description)
    assert form.errors["description"] == ["Describe the opportunity: what is asked, from whom, by when."]
    assert "Describe the opportunity" in page
    assert saved_nothing()


def test_a_description_over_10000_characters_is_refused(client, title, sectors, poster):
    form, _page = post(client, title, description="y" * 10_032)
    (message,) = form.errors["description"]
    assert "10,032 characters long; at most 10,000 are allowed" in message
    assert saved_nothing()
    # 10,000 exactly is fine.
    response = client.post(reverse("opportunities:add"), form_data(title, description="x" * 9_999 + "."))
    assert response.status_code == 302 and len(Opportunity.objects.get().description) == 10_000


def test_the_service_refuses_them_too(title, poster):
    for description, field in (("", "description"), ("y" * 10_001, "description")):
        with pytest.raises(ValidationError) as refused:
            opportunity_save(actor=poster, opportunity=None, values=values(title, description=description))
        assert field in refused.value.message_dict
    assert saved_nothing()


def test_unknown_nace_codes_are_refused(client, title, sectors, poster):
    form, _page = post(client, title, sectors=["59", "99"])
    assert form.errors["sectors"] == ["99 is not a NACE division."]
    form, _page = post(client, title, sectors=["'; DROP TABLE x; --"])
    assert "is not a NACE division" in form.errors["sectors"][0]
    with pytest.raises(ValidationError) as refused:
        opportunity_save(actor=poster, opportunity=None, values=values(title), sectors=["59", "00", "x" * 50])
    assert refused.value.message_dict["sectors"] == [f"Not NACE divisions: 00, {'x' * 20}."]
    assert saved_nothing()


@pytest.mark.parametrize("days", [-1, -400])
def test_a_deadline_in_the_past_is_refused_on_create(client, title, sectors, poster, days):
    form, _page = post(client, title, deadline=in_days(days).isoformat())
    (message,) = form.errors["deadline"]
    assert message == f"The deadline {in_days(days).isoformat()} has passed; choose today or a later day."
    assert saved_nothing()


def test_a_deadline_in_the_past_is_refused_on_edit_and_nothing_changes(client, title, sectors, staff, partner):
    draft = OpportunityFactory(partner=partner, posted_by=staff, ecoc_title=title, status="draft",
                               published_at=None, title="Before the edit")
    client.force_login(staff)
    response = client.post(reverse("opportunities:edit", args=[draft.pk]),
                           form_data(title, title="After the edit", deadline=in_days(-2).isoformat()))
    assert response.status_code == 200 and "has passed" in response.content.decode()
    draft.refresh_from_db()
    assert draft.title == "Before the edit" and draft.deadline == in_days(30)
    assert not AuditEntry.objects.filter(action__startswith="opportunities.").exists()


def test_an_old_draft_whose_deadline_passed_cannot_be_sent_for_review(client, title, staff, partner):
    draft = OpportunityFactory(partner=partner, posted_by=staff, ecoc_title=title, status="draft",
                               published_at=None, deadline=timezone.localdate() - dt.timedelta(days=1))
    client.force_login(staff)
    response = client.post(reverse("opportunities:action", args=[draft.pk, "submit"]), follow=True)
    assert "has passed; change it first" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Opportunity.Status.DRAFT


@pytest.mark.parametrize(("changes", "field"), [
    ({"budget_eur": "-5"}, "budget_eur"), ({"title": "x" * 201}, "title"), ({"title": ""}, "title"),
    ({"kind": "bribe"}, "kind"), ({"deadline": "2026-02-30"}, "deadline"), ({"language": "xx"}, "language"),
    ({"ecoc_title": "999999"}, "ecoc_title"), ({"contact_email": "not an address"}, "contact_email"),
])
def test_other_bad_values_are_said_at_their_field(client, title, sectors, poster, changes, field):
    form, _page = post(client, title, **changes)
    assert field in form.errors
    assert saved_nothing()


def test_the_same_post_again_within_24_hours_is_refused(client, title, sectors, poster):
    assert client.post(reverse("opportunities:add"), form_data(title)).status_code == 302
    form, _page = post(client, title)
    assert "You posted the same opportunity in the last 24 hours" in form.non_field_errors()[0]
    # Nearly the same: other case, punctuation and a word changed.
    form, _page = post(client, title, title="SOUND CREW for the open air concerts!",
                       description="We need a sound crew and a mixing desk for four open-air concerts in July "
                                   "in the old town (example).")
    assert "the same opportunity" in form.non_field_errors()[0]
    assert Opportunity.objects.count() == 1
    # Another post is fine.
    response = client.post(reverse("opportunities:add"), form_data(
        title, title="Caterers for the legacy festival",
        description="Local food for 2,000 guests over three days of the legacy festival (example)."))
    assert response.status_code == 302 and Opportunity.objects.count() == 2


def test_the_same_post_a_day_later_is_fine(client, title, sectors, poster):
    client.post(reverse("opportunities:add"), form_data(title))
    Opportunity.objects.update(created_at=timezone.now() - dt.timedelta(hours=25))
    assert client.post(reverse("opportunities:add"), form_data(title)).status_code == 302


def test_another_poster_may_post_the_same(client, title, sectors, poster, other_staff):
    client.post(reverse("opportunities:add"), form_data(title))
    client.force_login(other_staff)
    assert client.post(reverse("opportunities:add"), form_data(title)).status_code == 302


def test_more_than_ten_posts_a_day_are_refused(client, title, sectors, poster):
    for number in range(MAX_POSTS_PER_DAY):
        words = " ".join(hashlib.sha256(f"{number}-{i}".encode()).hexdigest()[:8] for i in range(12))
        response = client.post(reverse("opportunities:add"), form_data(
            title, title=f"Call number {number}", description=f"A different call: {words}."))
        assert response.status_code == 302, number
    form, _page = post(client, title, title="One too many", description="Yet another call for the festival.")
    assert "You have posted 10 opportunities in the last 24 hours" in form.non_field_errors()[0]
    assert Opportunity.objects.count() == MAX_POSTS_PER_DAY


def test_a_refused_publication_at_once_saves_nothing(client, title, sectors, poster):
    """Saving and sending is one transaction: a post refused on the way leaves no draft behind."""
    _form, _page = post(client, title, deadline=in_days(-1).isoformat(), send="publish")
    assert saved_nothing()


def test_control_characters_are_taken_out_and_the_feed_stays_readable(client, title, staff):
    from xml.dom.minidom import parseString

    from ecocsme.opportunities.services import Send, opportunity_save

    from .posting import values

    opportunity = opportunity_save(actor=staff, opportunity=None, send=Send.PUBLISH, values=values(
        title, title="Stage\x0clights\u202e (example)",
        description="Pasted from a PDF:\x0c two\x07 lines\r\nand <img src=x onerror=alert(1)> (example)."))
    assert opportunity.title == "Stage lights  (example)" and "\x0c" not in opportunity.description
    feed = client.get("/en/opportunities/feed/")
    assert feed.status_code == 200
    document = parseString(feed.content)
    summary = document.getElementsByTagName("summary")[0].firstChild.data
    assert "<img" not in summary and "&lt;img" in summary  # escaped text, not markup


def test_a_deadline_years_away_is_refused(title, staff):
    from django.core.exceptions import ValidationError

    from ecocsme.opportunities.factories import in_days
    from ecocsme.opportunities.services import opportunity_save

    from .posting import values

    with pytest.raises(ValidationError, match="years ahead"):
        opportunity_save(actor=staff, opportunity=None, values=values(title, deadline=in_days(365 * 7)))
