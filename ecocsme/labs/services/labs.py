"""Creating and changing a lab and its questions, opening and closing it (LAB-1)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log

from ..models import Lab


def require_change(actor, lab: Lab) -> None:
    if not actor.has_perm("labs.change_lab", lab):
        raise PermissionDenied(_("Only the partner's staff and the coordinator may do this."))


def lab_save(*, actor, lab: Lab | None, partner, values: dict, questions: dict[str, list[str]]) -> Lab:
    """Create or change a lab and its questions, given per language as ordered lists."""
    from django.core.exceptions import ValidationError

    if lab is None and not actor.has_perm("partnerships.change_partner", partner):
        raise PermissionDenied(_("Labs are run by a partner you work for."))
    if lab is not None:
        require_change(actor, lab)
    lengths = {len(texts) for texts in questions.values() if texts}
    if not lengths:
        raise ValidationError(_("A lab needs at least one question."))
    if len(lengths) > 1:
        raise ValidationError(_("Give the same number of questions in every language."))
    creating = lab is None
    with transaction.atomic():
        lab = lab or Lab(project=partner.project, partner=partner)
        for name, value in values.items():
            setattr(lab, name, value)
        lab.languages = [code for code, texts in questions.items() if texts]
        lab.full_clean()
        lab.save()
        count = lengths.pop()
        for position in range(1, count + 1):
            text = {code: texts[position - 1] for code, texts in questions.items() if texts}
            lab.questions.update_or_create(position=position, defaults={"text": text})
        lab.questions.filter(position__gt=count).delete()
        audit_log(actor=actor, obj=lab, action="labs.lab." + ("added" if creating else "changed"))
    return lab


def lab_set_status(*, actor, lab: Lab, status: str) -> Lab:
    require_change(actor, lab)
    if status not in Lab.Status.values:
        raise ValueError(status)
    lab.status = status
    if status == Lab.Status.OPEN and lab.opens_at is None:
        lab.opens_at = timezone.now()
    if status == Lab.Status.CLOSED:
        lab.closes_at = min(lab.closes_at or timezone.now(), timezone.now())
    lab.save(update_fields=["status", "opens_at", "closes_at", "updated_at"])
    audit_log(actor=actor, obj=lab, action=f"labs.lab.{status}")
    return lab
