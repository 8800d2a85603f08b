"""The answer browser of a lab: what each filter and the search choose, by response and by
question; who reads it and whose names they see; moving an answer's theme; the filtered,
readable exports; a constant number of queries."""

import csv
import io
import json

import pytest
from django.utils import translation

from ecocsme.labs.browsing import BY_QUESTION, Filters, Search, browse, export_answers
from ecocsme.labs.factories import InvitationFactory, LabFactory, ResponseFactory, ThemeFactory
from ecocsme.labs.models import Response, ThemeAnswer
from ecocsme.testing.queries import assert_num_queries

ANSWERS = {  # (language, kind, city, channel): {question position: text}
    "ana": ("ro", "sme", "Timișoara", "web", {
        1: "Avem nevoie de finanțare pentru firmele mici (exemplu).",
        2: "Un ghișeu unic cu informații despre apeluri."}),
    "ben": ("en", "ngo", "Timișoara", "email", {
        1: "Small firms need funding and microgrants (example).",
        2: "Training in digital skills for owners."}),
    "chiara": ("it", "public_body", "Matera", "staff", {
        1: "Servono corsi di formazione per le imprese (esempio).",
        2: "Più informazioni sui bandi e sulle scadenze."}),
    "dora": ("de", "sme", "Kaunas", "web", {
        1: "Die Förderung für kleine Unternehmen ist zu kompliziert (Beispiel).",
        2: "Weiterbildung für Gründerinnen."}),
}


@pytest.fixture
def answered(partner):
    """A lab with four submitted responses in four languages (Ana's by her personal link, named
    "Ana Example"), a draft that counts nowhere, and two themes across the lab."""
    lab = LabFactory(partner=partner)
    responses = {}
    for key, (language, kind, city, channel, texts) in ANSWERS.items():
        invitation = (InvitationFactory(lab=lab, contact__name="Ana Example (example)", contact__language="ro")
                      if key == "ana" else None)
        responses[key] = ResponseFactory(lab=lab, invitation=invitation, language=language, respondent_kind=kind,
                                         respondent_city=city, channel=channel, answers=texts)
    ResponseFactory(lab=lab, status=Response.Status.DRAFT, submitted_at=None,
                    answers={1: "A draft about funding, not sent (example)."})
    first = {key: r.answers.get(question__position=1) for key, r in responses.items()}
    money = ThemeFactory(lab=lab, label="Money for small firms", answers=[first["ana"], first["ben"], first["dora"]])
    skills = ThemeFactory(lab=lab, label="Skills", answers=[first["chiara"]])
    return lab, responses, money, skills


def found(user, lab, view="responses", **params) -> set[str]:
    """The keys of ANSWERS whose response (or answer, by question) the browser shows."""
    page = browse(user, lab, Filters.from_params({"view": view, **params}), 1)
    texts = ([a.answer.text for item in page.items for a in item.answers] if view == "responses"
             else [view.answer.text for _item, view in page.items])
    return {key for key, (*_rest, answers) in ANSWERS.items() if set(answers.values()) & set(texts)}


# --- each filter, the search, combined ---------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(("params", "expected"), [
    ({}, {"ana", "ben", "chiara", "dora"}),
    ({"language": "it"}, {"chiara"}),
    ({"kind": "sme"}, {"ana", "dora"}),
    ({"city": "Timișoara"}, {"ana", "ben"}),
    ({"channel": "email"}, {"ben"}),
    ({"kind": "sme", "language": "de"}, {"dora"}),
    ({"kind": "sme", "city": "Timișoara", "channel": "web"}, {"ana"}),
    ({"language": "xx"}, set()),
])
def test_each_filter_and_their_combinations(answered, staff, params, expected):
    lab, *_ = answered
    assert found(staff, lab, **params) == expected


@pytest.mark.django_db
def test_the_theme_filter_and_a_theme_of_another_lab(answered, staff):
    lab, _responses, money, skills = answered
    assert found(staff, lab, theme=str(money.pk)) == {"ana", "ben", "dora"}
    assert found(staff, lab, theme=str(skills.pk), city="Matera") == {"chiara"}
    elsewhere = ThemeFactory(label="Another lab's theme")
    assert found(staff, lab, theme=str(elsewhere.pk)) == set()


@pytest.mark.django_db
@pytest.mark.parametrize(("q", "expected"), [
    ("ghiseu", {"ana"}),  # Romanian without its comma-below letter
    ("GHIȘEU", {"ana"}),  # capitals
    ("forderung", {"dora"}),  # German without its umlaut
    ("Förderungen", {"dora"}),  # another form of the word in the text
    ("formazioni", {"ben", "chiara"}),  # Italian plural for the singular; the thesaurus adds "training"
    ("finantare", {"ana", "ben"}),  # and "funding" for "finanțare"
    ("funding", {"ana", "ben"}),
    ("impresa", {"chiara", "dora"}),  # the plural "imprese", and "Unternehmen"
    ("digital skills", {"ben"}),  # every word, in one answer
    ("training kompliziert", set()),  # not words of two answers
    ("nothing-like-this", set()),
])
def test_search_in_several_languages_ignores_accents_and_case(answered, staff, q, expected):
    lab, *_ = answered
    assert found(staff, lab, q=q) == expected


@pytest.mark.django_db
def test_search_combines_with_the_filters(answered, staff):
    lab, *_ = answered
    assert found(staff, lab, q="formazione", kind="public_body") == {"chiara"}
    assert found(staff, lab, q="formazione", kind="sme") == set()
    assert found(staff, lab, q="finantare", channel="web", language="ro") == {"ana"}


@pytest.mark.django_db
def test_drafts_are_never_browsed(answered, staff):
    lab, *_ = answered
    page = browse(staff, lab, Filters.from_params({"q": "draft"}), 1)
    assert page.total == 4 and page.matching == 0


@pytest.mark.django_db
def test_by_question_lists_one_questions_answers_with_their_theme(answered, staff):
    lab, responses, *_themes = answered
    second = lab.questions.get(position=2)
    assert found(staff, lab, view=BY_QUESTION) == {"ana", "ben", "chiara", "dora"}  # the first question
    page = browse(staff, lab, Filters.from_params({"view": BY_QUESTION, "scope": "lab"}), 1)
    assert page.question.position == 1 and page.total == 4
    assert {view.theme.label for _item, view in page.items} == {"Money for small firms", "Skills"}
    page = browse(staff, lab, Filters.from_params({"view": BY_QUESTION, "question": str(second.pk),
                                                   "q": "ghiseu"}), 1)
    assert {view.answer.response_id for _item, view in page.items} == {responses["ana"].pk}
    assert page.total == 4 and page.matching == 1
    assert "<mark>ghișeu</mark>" in page.items[0][1].text


def test_search_marks_the_words_it_found_and_escapes_the_rest():
    search = Search("Förderung")
    assert search.matches("Die Förderungen <b>sind</b> knapp", "de")
    assert str(search.marked("Die <b>Förderungen</b>", "de")) == "Die &lt;b&gt;<mark>Förderungen</mark>&lt;/b&gt;"
    assert not Search("microgrants festival").matches("Microgrants help.", "en")


# --- the page: who reads it, whose names -----------------------------------------------------------------
def url(lab, rest=""):
    return f"/en/manage/labs/{lab.pk}/answers/{rest}"


@pytest.mark.django_db
def test_the_page_shows_names_only_to_those_who_may_see_the_person(client, answered, staff, other_staff):
    lab, *_ = answered
    client.force_login(staff)
    page = client.get(url(lab), {"scope": "lab"}).content.decode()
    assert "Ana Example (example)" in page and "4 responses" in page
    assert "Move to" in page
    client.force_login(other_staff)  # another partner of the project: reads the lab, not Ana's name
    page = client.get(url(lab), {"scope": "lab"}).content.decode()
    assert "Ana Example (example)" not in page and "A respondent" in page
    assert "Avem nevoie de finanțare" in page and "Move to" not in page


@pytest.mark.django_db
def test_strangers_and_visitors_do_not_read_the_answers(client, answered, django_user_model):
    lab, *_ = answered
    assert client.get(url(lab)).status_code == 302  # to the login
    client.force_login(django_user_model.objects.create_user("stranger"))
    assert client.get(url(lab)).status_code == 404


@pytest.mark.django_db
def test_the_page_counts_and_keeps_the_filters_in_its_links(client, answered, staff):
    lab, *_ = answered
    client.force_login(staff)
    page = client.get(url(lab), {"kind": "sme", "q": "finantare"}).content.decode()
    assert "4 responses" in page and "1 matches" in page
    assert f"/en/manage/labs/{lab.pk}/answers.csv?kind=sme&amp;q=finantare" in page
    assert "<mark>finanțare</mark>" in page


# --- moving an answer -----------------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_click_moves_an_answer_and_comes_back_to_the_filtered_page(client, answered, staff):
    lab, responses, _money, skills = answered
    answer = responses["ben"].answers.get(question__position=1)
    client.force_login(staff)
    response = client.post(url(lab, "move/") + "?scope=lab&kind=ngo&page=1",
                           {"answer": answer.pk, "target": skills.pk})
    assert response.status_code == 302
    assert response["Location"] == url(lab) + "?kind=ngo&scope=lab"
    assert ThemeAnswer.objects.get(answer=answer, scope="lab").theme == skills


@pytest.mark.django_db
def test_htmx_swaps_the_answers_theme(client, answered, staff):
    lab, responses, money, skills = answered
    answer = responses["dora"].answers.get(question__position=1)
    client.force_login(staff)
    response = client.post(url(lab, "move/"), {"answer": answer.pk, "target": skills.pk}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and f'id="answer-{answer.pk}-theme"' in body
    assert "Moved to “Skills”." in body and f'<option value="{money.pk}">' in body


@pytest.mark.django_db
def test_a_move_is_refused_to_readers_and_outside_the_scope(client, answered, staff, other_staff):
    lab, responses, _money, skills = answered
    answer = responses["ben"].answers.get(question__position=2)  # in no theme
    client.force_login(other_staff)
    assert client.post(url(lab, "move/"), {"answer": answer.pk, "target": skills.pk}).status_code == 403
    client.force_login(staff)
    response = client.post(url(lab, "move/"), {"answer": answer.pk, "target": skills.pk}, follow=True)
    assert "Choose a theme of the same question" in response.content.decode()
    assert not ThemeAnswer.objects.filter(answer=answer).exists()


# --- exports ----------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_the_export_heads_its_columns_in_the_readers_language(client, answered, staff):
    lab, *_ = answered
    client.force_login(staff)
    with translation.override("ro"):
        response = client.get(f"/ro/manage/labs/{lab.pk}/answers.csv", {"language": "ro"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert {"Răspuns", "Întrebare", "Oraș", "Limbă", "Transmis"} <= set(rows[0])
    assert len(rows) == 3  # Ana's two answers
    assert "Formular web" in rows[1] and "Money for small firms" in rows[1]
    assert "Ana Example" not in text


@pytest.mark.django_db
def test_json_keeps_machine_names_and_codes_and_no_names(client, answered, staff):
    lab, *_ = answered
    client.force_login(staff)
    response = client.get(f"/ro/manage/labs/{lab.pk}/answers.json", {"kind": "sme", "q": "finantare"})
    items = json.loads(response.content)
    assert {item["response"] for item in items} == {answered[1]["ana"].pk}
    assert items[0]["channel"] == "web" and items[0]["respondent_kind"] == "sme"
    assert items[0]["answer_language"] == "ro" and items[0]["theme"] == "Money for small firms"
    assert "Ana Example" not in response.content.decode()


@pytest.mark.django_db
def test_the_export_by_question_has_the_matching_answers_only(answered):
    lab, responses, *_ = answered
    second = lab.questions.get(position=2)
    answers = list(export_answers(lab, Filters.from_params({"view": BY_QUESTION, "question": str(second.pk),
                                                           "q": "scadenza"})))
    assert [a.response_id for a in answers] == [responses["chiara"].pk]


# --- queries ----------------------------------------------------------------------------------------------
PAGE_QUERIES = {"": 12, "?q=funding&kind=sme": 12, "?view=question&language=en": 12, "?view=question": 11}


@pytest.mark.django_db
def test_the_browser_keeps_its_query_count(client, answered, staff):
    lab, *_ = answered
    client.force_login(staff)
    for _size in ("small", "larger"):
        for query, count in PAGE_QUERIES.items():
            with assert_num_queries(count, label=f"answer browser {query}"):
                assert client.get(url(lab) + query).status_code == 200
        for _n in range(15):
            invitation = InvitationFactory(lab=lab)
            ResponseFactory(invitation=invitation, language="en", respondent_kind="sme",
                            answers={1: "More funding please (example).", 2: "Training (example)."})
