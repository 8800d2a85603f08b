import pytest
from django.core.management import call_command

from ecocsme.organisations.models import Organisation
from ecocsme.partnerships.models import Project
from ecocsme.web import scale


@pytest.mark.django_db
def test_generate_scale_data_is_idempotent_and_marked_as_example(monkeypatch):
    monkeypatch.setitem(scale.SCALES, "tiny", scale.Scale(projects=3, organisations=1_200,
                                                                   events=120))
    monkeypatch.setattr(scale, "BATCH", 500)
    call_command("generate-scale-data", "--scale", "tiny", verbosity=0)
    assert Project.objects.count() == 3
    assert Organisation.objects.count() == 1_200
    assert not Organisation.objects.filter(is_example=False).exists()
    assert all("(example)" in name for name in Organisation.objects.values_list("name", flat=True))
    assert Organisation.sectors.through.objects.count() >= 1_200
    from ecocsme.events.models import Event

    assert Event.objects.filter(project__code="EX00001").count() == 120
    assert all("(example)" in e.title["en"] for e in Event.objects.filter(project__code="EX00001"))
    call_command("generate-scale-data", "--scale", "tiny", verbosity=0)
    assert Organisation.objects.count() == 1_200
    assert Project.objects.count() == 3
    assert Event.objects.filter(project__code="EX00001").count() == 120


@pytest.mark.django_db
def test_load_demo_can_run_twice(capsys):
    from ecocsme.organisations.models import Contact

    call_command("load-demo")
    call_command("load-demo")
    assert Contact.objects.count() == 6
    assert "password" in capsys.readouterr().out
    from ecocsme.core.models import OutgoingMail
    from ecocsme.events.models import EventInvitation
    from ecocsme.labs.models import Answer, EmailReply, Invitation, SynthesisRun

    # 149 example answers, and those of the example people (two on the web, two by e-mail, one draft)
    assert Answer.objects.count() == 149 + 5 and SynthesisRun.objects.count() == 1
    assert all(text.endswith("(example)") for text in Answer.objects.values_list("text", flat=True))
    assert Invitation.objects.count() == 4 and EmailReply.objects.count() == 1
    assert sorted(EventInvitation.objects.values_list("answer", "place")) == [
        ("no", ""), ("yes", "confirmed"), ("yes", "confirmed"), ("yes", "waiting")]
    assert EventInvitation.objects.exclude(note="").exclude(needs="").count() == 1
    assert OutgoingMail.objects.filter(key__startswith="labs.invitation:").count() == 4  # queued once
