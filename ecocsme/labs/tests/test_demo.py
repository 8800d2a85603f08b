import pytest

from ecocsme.labs.models import Lab


@pytest.mark.django_db
def test_timisoara_lab_2_with_its_seven_questions(project):
    lab = Lab.objects.get(partner__city="Timișoara", number=2)
    assert lab.format == Lab.Format.EMAIL
    assert set(lab.phases) == {"preparation", "event_year", "legacy"}
    questions = list(lab.questions.order_by("position"))
    assert len(questions) == 7
    assert all(set(q.text) == {"ro", "en"} for q in questions)
    assert questions[1].text["ro"] == "Ce canale pot fi folosite în acest sens?"
    assert "Timișoara 2021" in questions[3].text["ro"]
    assert lab.localized_theme("ro")[0].startswith("Implicare")
    assert lab.localized_theme("de") == (lab.theme["en"], "en")
