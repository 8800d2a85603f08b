"""Images and PDF documents of a practice. A file is what its bytes say it is, whatever its name
or the browser claims: an image Pillow can read (JPEG, PNG, WebP, GIF) or a PDF that starts as
one; anything else, anything larger than the limit, and a practice's files beyond their number
are refused with a message, and nothing is stored."""

import secrets
from io import BytesIO

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log

from ..access import REFUSED
from ..models import Attachment, Practice

IMAGE_TYPES = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"),
               "WEBP": ("image/webp", "webp"), "GIF": ("image/gif", "gif")}
MAX_FILES = 20
MAX_PIXELS = 40_000_000


def max_bytes() -> int:
    return getattr(settings, "ECOCSME_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)


def identify(head: bytes, read_all) -> tuple[str, str, str]:
    """(kind, content type, extension) of a file from its bytes; ValidationError otherwise."""
    if head.startswith(b"%PDF-"):
        return Attachment.Kind.PDF, "application/pdf", "pdf"
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(BytesIO(read_all())) as image:
            if image.format not in IMAGE_TYPES or image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("Only JPEG, PNG, WebP and GIF images of up to 40 megapixels "
                                        "and PDF documents can be attached."))
            image.verify()
            content_type, extension = IMAGE_TYPES[image.format]
            return Attachment.Kind.IMAGE, content_type, extension
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_("This file is neither an image nor a PDF document, whatever its "
                                "name says. Only JPEG, PNG, WebP and GIF images and PDF documents "
                                "can be attached.")) from None


def attachment_add(*, actor, practice: Practice, upload, caption: dict | None = None) -> Attachment:
    if not actor.has_perm("practices.change_practice", practice):
        raise PermissionDenied(REFUSED)
    if upload.size > max_bytes():
        raise ValidationError(_("The file is %(size)s; at most %(limit)s can be attached.") % {
            "size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes())})
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    upload.seek(0)
    head = upload.read(8)

    def read_all():
        upload.seek(0)
        return upload.read()

    kind, content_type, extension = identify(head, read_all)
    stem = get_valid_filename((upload.name or "file").rsplit("/", 1)[-1].rsplit(".", 1)[0])[:80]
    name = f"{stem or 'file'}.{extension}"
    with transaction.atomic():
        practice = Practice.objects.select_for_update().get(pk=practice.pk)
        if practice.attachments.count() >= MAX_FILES:
            raise ValidationError(_("A practice can have at most %(count)s files.") % {"count": MAX_FILES})
        upload.seek(0)
        attachment = Attachment(practice=practice, token=secrets.token_hex(8), kind=kind,
                                content_type=content_type, size=upload.size, name=name,
                                caption=caption or {}, uploaded_by=actor)
        attachment.file.save(name, upload, save=False)
        stored = attachment.file
        try:
            attachment.save()
            audit_log(actor=actor, action="practices.attachment.added", obj=practice,
                      data={"file": name, "size": upload.size})
        except Exception:
            stored.delete(save=False)
            raise
    return attachment


def attachment_delete(*, actor, attachment: Attachment) -> None:
    if not actor.has_perm("practices.change_practice", attachment.practice):
        raise PermissionDenied(REFUSED)
    with transaction.atomic():
        file = attachment.file
        audit_log(actor=actor, action="practices.attachment.deleted", obj=attachment.practice,
                  data={"file": attachment.name})
        attachment.delete()
        transaction.on_commit(lambda: file.delete(save=False))
