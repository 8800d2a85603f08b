"""Partners judge how well a published practice would transfer to their territory (GP-3): one
assessment per partner and practice, which its staff may change."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log
from ecocsme.text.detect import detect_language

from ..models import Assessment, Practice

MAX_TEXT = 4000


def assessment_save(*, actor, practice: Practice, partner, score: int, conditions: str = "",
                    comment: str = "") -> Assessment:
    from ..access import assessment_partners

    if partner not in assessment_partners(actor, practice):
        raise PermissionDenied(_("Staff of a partner other than the one that identified the "
                                 "practice assess it, once it is published."))
    if not isinstance(score, int) or not 1 <= score <= 5:
        raise ValidationError(_("Give a score from 1 to 5."))
    conditions, comment = (conditions or "").strip(), (comment or "").strip()
    if len(conditions) > MAX_TEXT or len(comment) > MAX_TEXT:
        raise ValidationError(_("Keep each text under %(count)s characters.") % {"count": MAX_TEXT})
    language = detect_language(f"{conditions}\n{comment}") if (conditions or comment) else ""
    with transaction.atomic():
        assessment, created = Assessment.objects.select_for_update().get_or_create(
            practice=practice, partner=partner,
            defaults={"score": score, "conditions": conditions, "comment": comment,
                      "language": language or "", "author": actor})
        if not created:
            assessment.score, assessment.conditions, assessment.comment = score, conditions, comment
            assessment.language, assessment.author = language or "", actor
            assessment.save()
        audit_log(actor=actor, action="practices.assessment.saved", obj=practice,
                  data={"partner": partner.pk, "score": score})
    return assessment
