"""A synthesis staff can trust (LAB-4): labels and keywords in the reader's language, machine
drafts of quotes, the same edits with bulk selection on every scope, and undo."""

import shutil

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from ecocsme.core.models import AuditEntry
from ecocsme.core.translation import _load
from ecocsme.labs.factories import ThemeFactory, answers_create
from ecocsme.labs.models import AnswerTranslation, SynthesisRun, Theme, ThemeAnswer, ThemeEdit
from ecocsme.labs.services import themes as services
from ecocsme.text.translate import TranslationFailed

needs_apertium = pytest.mark.skipif(not shutil.which("apertium"), reason="Apertium is not installed")


@pytest.fixture
def synthesised(lab, staff, labelled_answers):
    answers = answers_create(lab, labelled_answers)
    run = SynthesisRun.objects.create(lab=lab, requested_by=staff)
    services.synthesis_execute(run.pk)
    run.refresh_from_db()
    assert run.status == "done", run.error
    return answers


def question_scope(lab) -> str:
    return str(lab.questions.order_by("position").first().pk)


def state(lab, scope: str) -> list:
    """Everything undo must put back: each theme's fields and members with their quotes."""
    themes = Theme.objects.filter(lab=lab, scope=scope).order_by("pk")
    return [(t.pk, t.label, t.label_edited, t.edited, t.is_other, t.position,
             sorted(t.memberships.values_list("answer_id", "is_quote"))) for t in themes]


# --- labels and keywords ------------------------------------------------------------------------
@pytest.mark.django_db
def test_labels_name_concepts_in_the_readers_language_and_typed_labels_stay(lab, staff, synthesised):
    themes = list(Theme.objects.filter(lab=lab, is_other=False))
    named = [t for t in themes if t.concepts]
    assert len(named) >= 0.8 * len(themes), [t.label for t in themes if not t.concepts]
    theme = named[0]
    english, romanian = theme.label_for("en"), theme.label_for("ro")
    assert english != romanian and len(english) < 80 and "…" not in english
    with translation.override("ro"):
        assert theme.display_label == romanian

    services.theme_rename(actor=staff, theme=theme, label="Example label typed by staff")
    theme.refresh_from_db()
    assert theme.label_for("ro") == theme.label_for("en") == "Example label typed by staff"


@pytest.mark.django_db
def test_a_theme_without_concepts_is_labelled_with_its_keywords_readers_language_first(lab):
    theme = ThemeFactory(lab=lab, label="A sentence the run cut off in the middle of a wo…",
                         keywords=["huur", "chiria"],
                         keywords_by_language={"nl": ["huur", "ruimte"], "ro": ["chiria", "spațiu"]})
    assert theme.label_for("ro").startswith("Chiria, spațiu")
    assert theme.label_for("nl").startswith("Huur, ruimte")
    assert theme.keywords_for("ro") == [("chiria", ""), ("spațiu", ""), ("huur", "nl"), ("ruimte", "nl")]
    old = ThemeFactory(lab=lab, label="Stored before labels had concepts", keywords=["example"])
    assert old.label_for("ro") == "Stored before labels had concepts"


@pytest.mark.django_db
def test_the_page_shows_the_readers_keywords_first_and_marks_the_others(client, lab, staff):
    ThemeFactory(lab=lab, keywords=["huur"], concepts=["start_up", "mentoring"],
                 keywords_by_language={"nl": ["huur"], "ro": ["chiria"]})
    client.force_login(staff)
    with translation.override("ro"):
        page = client.get(reverse("labs:synthesis", args=[lab.pk])).content.decode()
    assert page.index(">chiria<") < page.index(">huur <")
    assert 'lang="nl">huur <abbr class="keyword-lang"' in page
    assert ">Start-up" in page and "mentorat</a>" in page  # the label, in Romanian words


# --- machine drafts of quotes -------------------------------------------------------------------------
class ExampleEngine:
    """A stand-in engine that 'translates' Lithuanian into English by marking the text."""

    name = "Example engine"
    calls = 0

    def can_translate(self, source, target):
        return (source, target) == ("lt", "en")

    def translate(self, texts, source, target):
        ExampleEngine.calls += 1
        if any("fail" in text for text in texts):
            raise TranslationFailed("example failure")
        return [f"[en] {text}" for text in texts]


@pytest.fixture
def example_engine(settings):
    _load.cache_clear()
    settings.ECOCSME_TRANSLATOR = f"{__name__}.ExampleEngine"
    yield ExampleEngine
    _load.cache_clear()


def lithuanian_quote(lab):
    [answer] = answers_create(lab, [{"text": "Reikia mažų dotacijų jauniems verslininkams (pavyzdys).",
                                     "lang": "lt", "respondent_type": "sme", "city": "Kaunas"}])
    ThemeFactory(lab=lab, answers=[answer])
    return answer


@pytest.mark.django_db
def test_without_an_engine_a_quote_in_another_language_names_its_language(client, lab, staff):
    lithuanian_quote(lab)
    client.force_login(staff)
    page = client.get(reverse("labs:synthesis", args=[lab.pk])).content.decode()
    assert "In Lithuanian." in page and "machine draft" not in page


@pytest.mark.django_db
def test_a_machine_draft_is_asked_for_once_kept_and_marked(client, lab, staff, example_engine):
    answer = lithuanian_quote(lab)
    client.force_login(staff)
    url = reverse("labs:synthesis", args=[lab.pk])
    page = client.get(url).content.decode()
    assert "Show a machine draft in my language" in page
    draft_url = reverse("labs:quote_draft", args=[lab.pk, answer.pk])
    fragment = client.post(draft_url, HTTP_HX_REQUEST="true").content.decode()
    assert "Machine draft (Example engine), not checked by a person" in fragment
    assert "[en] Reikia" in fragment
    calls = example_engine.calls
    page = client.get(url).content.decode()
    assert "[en] Reikia" in page and "Show a machine draft" not in page
    client.post(draft_url, HTTP_HX_REQUEST="true")
    assert example_engine.calls == calls  # kept, not translated again

    answer.text = "Kitas tekstas (pavyzdys)."
    answer.save()
    assert "Show a machine draft" in client.get(url).content.decode()  # the old draft no longer fits


@pytest.mark.django_db
def test_a_failed_draft_says_so_and_keeps_nothing(client, lab, staff, example_engine):
    answer = lithuanian_quote(lab)
    answer.text = "This will fail (example)."
    answer.save()
    client.force_login(staff)
    fragment = client.post(reverse("labs:quote_draft", args=[lab.pk, answer.pk]),
                           HTTP_HX_REQUEST="true").content.decode()
    assert "did not work" in fragment and not AnswerTranslation.objects.exists()


@pytest.mark.django_db
def test_those_who_edit_the_synthesis_ask_for_drafts_and_every_reader_sees_them(
        client, lab, staff, other_staff, example_engine):
    answer = lithuanian_quote(lab)
    draft_url = reverse("labs:quote_draft", args=[lab.pk, answer.pk])
    client.force_login(other_staff)  # reads the partnership's labs, edits none of another partner's
    assert "Show a machine draft" not in client.get(reverse("labs:synthesis", args=[lab.pk])).content.decode()
    assert client.post(draft_url).status_code in (403, 404)
    assert not AnswerTranslation.objects.exists()
    client.force_login(staff)
    assert client.post(reverse("labs:quote_draft", args=[lab.pk, 999999])).status_code == 404
    client.post(draft_url)
    client.force_login(other_staff)
    assert "[en] Reikia" in client.get(reverse("labs:synthesis", args=[lab.pk])).content.decode()


@needs_apertium
@pytest.mark.django_db
def test_apertium_drafts_a_croatian_quote_in_english(client, lab, staff, settings):
    _load.cache_clear()
    settings.ECOCSME_TRANSLATOR = "ecocsme.text.translate.ApertiumTranslator"
    [answer] = answers_create(lab, [{"text": "Lokalne tvrtke trebaju radionice (primjer).", "lang": "hr",
                                     "respondent_type": "sme", "city": "Rijeka"}])
    ThemeFactory(lab=lab, answers=[answer])
    client.force_login(staff)
    fragment = client.post(reverse("labs:quote_draft", args=[lab.pk, answer.pk]),
                           HTTP_HX_REQUEST="true").content.decode()
    assert "Machine draft (Apertium)" in fragment
    _load.cache_clear()


# --- edits on every scope, with undo -------------------------------------------------------------------
@pytest.mark.django_db
def test_bulk_merge_of_a_questions_themes_and_its_undo(client, lab, staff, synthesised):
    scope = question_scope(lab)
    before = state(lab, scope)
    chosen = [row[0] for row in before if not row[4]][:3]
    assert len(chosen) >= 2
    client.force_login(staff)
    page = client.get(reverse("labs:synthesis", args=[lab.pk]) + f"?scope={scope}").content.decode()
    assert "data-bulk-all" in page and 'id="merge-labels"' in page
    assert f"Merge {len(chosen)} themes" in page  # the count's words, for the page's script

    page = client.post(reverse("labs:themes_merge", args=[lab.pk]), {"themes": chosen, "scope": scope},
                       follow=True).content.decode()
    assert f"{len(chosen)} themes merged into" in page and "Themes merged at" in page
    assert state(lab, scope) != before
    edit = ThemeEdit.objects.get(lab=lab, scope=scope)

    page = client.post(reverse("labs:theme_edit_undo", args=[lab.pk, edit.pk]), follow=True).content.decode()
    assert "as they were before" in page
    assert state(lab, scope) == before
    assert AuditEntry.objects.filter(action="labs.themes.edit_undone").count() == 1
    page = client.post(reverse("labs:theme_edit_undo", args=[lab.pk, edit.pk]), follow=True).content.decode()
    assert "already been undone" in page and state(lab, scope) == before


@pytest.mark.django_db
def test_split_and_move_are_undone_exactly(lab, staff, synthesised):
    scope = question_scope(lab)
    before = state(lab, scope)
    largest = max(Theme.objects.filter(lab=lab, scope=scope, is_other=False),
                  key=lambda t: t.memberships.count())
    services.theme_split(actor=staff, theme=largest, parts=2)
    services.theme_edit_undo(actor=staff, edit=ThemeEdit.objects.latest("id"))
    assert state(lab, scope) == before

    source, target = Theme.objects.filter(lab=lab, scope=scope, is_other=False)[:2]
    moving = list(source.memberships.values_list("answer_id", flat=True)[:2])
    services.answers_move(actor=staff, theme=source, answer_ids=moving, target=target)
    services.theme_edit_undo(actor=staff, edit=ThemeEdit.objects.latest("id"))
    assert state(lab, scope) == before

    services.answers_move(actor=staff, theme=source, answer_ids=moving, new_label="Example new theme")
    assert Theme.objects.get(label="Example new theme").label_edited
    services.theme_edit_undo(actor=staff, edit=ThemeEdit.objects.latest("id"))
    assert state(lab, scope) == before and not Theme.objects.filter(label="Example new theme").exists()


@pytest.mark.django_db
def test_undo_is_refused_after_a_later_change_or_a_new_run(lab, staff, synthesised):
    scope = Theme.LAB_SCOPE
    first, second, third = Theme.objects.filter(lab=lab, scope=scope, is_other=False)[:3]
    merged = services.themes_merge(actor=staff, themes=[first, second])
    merge = ThemeEdit.objects.latest("id")
    services.theme_rename(actor=staff, theme=merged, label="Example renamed after the merge")
    changed = state(lab, scope)
    with pytest.raises(ValidationError, match="changed since"):
        services.theme_edit_undo(actor=staff, edit=merge)
    assert state(lab, scope) == changed

    services.themes_merge(actor=staff, themes=[merged, third])
    with pytest.raises(ValidationError, match="Only the last change"):
        services.theme_edit_undo(actor=staff, edit=merge)

    run = SynthesisRun.objects.create(lab=lab, requested_by=staff)
    services.synthesis_execute(run.pk)
    assert not ThemeEdit.objects.filter(lab=lab).exists()  # nothing of the old themes to undo


@pytest.mark.django_db
def test_new_answers_placed_after_an_edit_refuse_its_undo(lab, staff, synthesised, labelled_answers):
    themes = list(Theme.objects.filter(lab=lab, scope=Theme.LAB_SCOPE, is_other=False))
    services.themes_merge(actor=staff, themes=themes)
    answers_create(lab, labelled_answers[:4])
    services.answers_place(actor=staff, lab=lab)
    with pytest.raises(ValidationError, match="changed since"):
        services.theme_edit_undo(actor=staff, edit=ThemeEdit.objects.latest("id"))


@pytest.mark.django_db
def test_only_staff_who_may_change_the_lab_undo(client, lab, staff, other_staff, synthesised):
    scope = question_scope(lab)
    first, second = Theme.objects.filter(lab=lab, scope=scope, is_other=False)[:2]
    services.themes_merge(actor=staff, themes=[first, second])
    after = state(lab, scope)
    edit = ThemeEdit.objects.latest("id")
    client.force_login(other_staff)
    assert client.post(reverse("labs:theme_edit_undo", args=[lab.pk, edit.pk])).status_code in (403, 404)
    assert "Undo" not in client.get(reverse("labs:synthesis", args=[lab.pk]) + f"?scope={scope}").content.decode()
    assert state(lab, scope) == after
    client.force_login(staff)
    page = client.post(reverse("labs:theme_edit_undo", args=[lab.pk, 999999]), follow=True).content.decode()
    assert "no such change" in page and state(lab, scope) == after


@pytest.mark.django_db
def test_bad_input_changes_nothing(client, lab, staff, synthesised):
    scope = question_scope(lab)
    before = state(lab, scope)
    one = Theme.objects.filter(lab=lab, scope=scope).first()
    client.force_login(staff)
    page = client.post(reverse("labs:themes_merge", args=[lab.pk]), {"themes": [one.pk], "scope": scope},
                       follow=True).content.decode()
    assert "at least two" in page
    page = client.post(reverse("labs:theme_detail", args=[lab.pk, one.pk]),
                       {"move": "1", "answers": [], "target": ""}, follow=True).content.decode()
    assert "at least one answer" in page
    assert state(lab, scope) == before and not ThemeEdit.objects.exists()


@pytest.mark.django_db
def test_the_theme_page_of_a_question_offers_bulk_moves_and_the_undo(client, lab, staff, synthesised):
    scope = question_scope(lab)
    theme = Theme.objects.filter(lab=lab, scope=scope, is_other=False).first()
    client.force_login(staff)
    url = reverse("labs:theme_detail", args=[lab.pk, theme.pk])
    page = client.get(url).content.decode()
    assert "data-bulk-all" in page and 'id="move-labels"' in page
    moving = list(theme.memberships.values_list("answer_id", flat=True)[:2])
    page = client.post(url, {"move": "1", "answers": moving, "new_label": "Example moved answers"},
                       follow=True).content.decode()
    assert "Answers moved at" in page
    assert ThemeAnswer.objects.filter(answer_id__in=moving, scope=scope,
                                      theme__label="Example moved answers").count() == 2


@pytest.mark.django_db
def test_a_persons_data_holds_the_machine_drafts_of_their_answers(lab):
    from ecocsme.labs.factories import InvitationFactory, QuestionFactory, ResponseFactory
    from ecocsme.labs.holdings import labs_export

    QuestionFactory(lab=lab, position=9)
    invitation = InvitationFactory(lab=lab)
    response = ResponseFactory(invitation=invitation, answers={9: "Reikia dotacijų (pavyzdys)."})
    AnswerTranslation.objects.create(answer=response.answers.get(), language="en", source_digest="x",
                                     text="Grants are needed (example).", engine="Example engine")
    exported = labs_export(invitation.contact)
    assert any(item.get("text") == "Grants are needed (example)." for item in exported)


@pytest.mark.django_db
def test_labels_edited_before_the_upgrade_stay_as_they_were(lab):
    """The data migration: a theme staff had edited keeps its stored label in every language."""
    import importlib

    from django.apps import apps

    edited = ThemeFactory(lab=lab, label="Typed by staff (example)", edited=True)
    found = ThemeFactory(lab=lab, label="Found by the run (example)", edited=False)
    migration = importlib.import_module("ecocsme.labs.migrations.0007_labels_typed_before")
    migration.keep_edited_labels(apps, None)
    edited.refresh_from_db()
    found.refresh_from_db()
    assert edited.label_edited and edited.label_for("ro") == "Typed by staff (example)"
    assert not found.label_edited
