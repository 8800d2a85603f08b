"""What guidelines keep on a person (ORG-3): the quotes of their answers cited as evidence, in
drafts and in the snapshots of published versions. Export lists where they are quoted; erasure
withdraws the quotes — the evidence rows lose their answer, the snapshots replace the quote by
"quote withdrawn at the person's request" — while the recommendations and their notes stay."""

from django.db import transaction
from django.utils import timezone

from ecocsme.organisations import personal_data
from ecocsme.organisations.models import Contact
from ecocsme.organisations.personal_data import record, when

from .links import version_path
from .models import Evidence, Version
from .selectors import withdraw_quotes


def register() -> None:
    personal_data.register("guidelines", models=("guidelines.Evidence", "guidelines.Version"),
                           exporter=guidelines_export, eraser=guidelines_erase)


def _quoting(contact: Contact):
    """The evidence rows quoting the person's answers (their responses come through their lab
    invitations), in every version, draft or published."""
    return (Evidence.objects.filter(answer__response__invitation__contact=contact)
            .select_related("recommendation__version__guideline", "answer__question").order_by("pk"))


def guidelines_export(contact: Contact) -> list[dict]:
    return [record(e, guideline=e.recommendation.version.guideline.slug,
                   version=e.recommendation.version.number, status=e.recommendation.version.status,
                   published_at=when(e.recommendation.version.published_at),
                   recommendation=e.recommendation.key, question=e.answer.question.position,
                   quote=e.answer.text,
                   address=version_path(e.recommendation.version.guideline.slug,
                                        e.recommendation.version.number) + f"#{e.recommendation.key}")
            for e in _quoting(contact)]


def guidelines_erase(contact: Contact) -> None:
    rows = list(_quoting(contact))
    if not rows:
        return
    answer_ids = {row.answer_id for row in rows}
    with transaction.atomic():
        Evidence.objects.filter(pk__in=[row.pk for row in rows]).update(answer=None,
                                                                         withdrawn_at=timezone.now())
        for version in Version.objects.select_for_update().filter(status=Version.Status.PUBLISHED):
            if withdraw_quotes(version.snapshot, answer_ids):
                version.save(update_fields=["snapshot", "updated_at"])
