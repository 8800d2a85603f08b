"""Logos printed on documents (the attendance sheet): what a partner may upload, and the logo as
a data: address a PDF or a page embeds, so neither fetches anything from elsewhere.

A logo is PNG, JPEG or SVG, at most MAX_LOGO_BYTES. An SVG is text a browser or WeasyPrint would
act on, so one with scripts, event handlers, embedded HTML or references outside itself is refused.
"""

import base64
import re
from pathlib import Path
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_LOGO_BYTES = 512 * 1024
_SVG_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<svg[\s>]", re.DOTALL)
_SVG_UNSAFE = re.compile(
    rb"<script|<foreignobject|<iframe|<!entity|\son[a-z]+\s*=|javascript:"
    rb"|(?:xlink:)?href\s*=\s*[\"'](?!#)|url\(\s*[\"']?(?!#)",
    re.IGNORECASE)


def logo_kind(content: bytes) -> str | None:
    """The image type of a logo file ("png", "jpeg", "svg"), from its first bytes; None for others."""
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if content.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if _SVG_START.match(content.lstrip(b"\xef\xbb\xbf")):
        return "svg"
    return None


def logo_check(content: bytes) -> str:
    """The logo's type, or ValidationError saying what is wrong with the file."""
    if len(content) > MAX_LOGO_BYTES:
        raise ValidationError(_("A logo may be at most %(size)s KB.") % {"size": MAX_LOGO_BYTES // 1024})
    kind = logo_kind(content)
    if kind is None:
        raise ValidationError(_("A logo is a PNG, JPEG or SVG image."))
    if kind == "svg" and (_SVG_UNSAFE.search(content) or not _plain_drawing(content)):
        raise ValidationError(_("This SVG file contains scripts or links to other files; "
                                "save it as a plain drawing, or as PNG."))
    return kind


SVG_NAMESPACE = "http://www.w3.org/2000/svg"
# What a plain drawing is made of. No <use> (a few nested ones multiply the drawing's cost out of
# all proportion), no <style> (it can import), no <image>, <a>, <script> or <foreignObject>.
_DRAWING = frozenset({
    "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
    "title", "desc", "defs", "lineargradient", "radialgradient", "stop", "clippath", "mask",
    "metadata", "symbol"})
# Names refused in any namespace: a prefix must not smuggle them in.
_NEVER = frozenset({"script", "foreignobject", "iframe", "use", "style", "image", "a", "object",
                    "embed", "animate", "set", "feimage", "handler", "listener"})


def _plain_drawing(content: bytes) -> bool:
    """Whether an SVG parses and holds only drawing elements (an allow-list, not a deny-list)."""
    if re.search(rb"<!doctype", content, re.IGNORECASE):
        return False  # entities could expand without end
    try:
        root = ElementTree.fromstring(content)  # noqa: S314 (no DOCTYPE, so no entities; expat fetches nothing)
    except ElementTree.ParseError:
        return False
    inside_metadata = {child for meta in root.iter(f"{{{SVG_NAMESPACE}}}metadata") for child in meta.iter()}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        namespace, _brace, name = element.tag.rpartition("}")
        name = name.lower()
        if name in _NEVER:
            return False
        if namespace.lstrip("{") == SVG_NAMESPACE and name not in _DRAWING:
            return False
        if namespace.lstrip("{") == "http://www.w3.org/1999/xhtml" and element not in inside_metadata:
            return False
        if any(attribute.rpartition("}")[2].lower().startswith("on") for attribute in element.attrib):
            return False
    return True


MEDIA_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "svg": "image/svg+xml"}


def logo_data_url(content: bytes | None) -> str:
    """The logo as a data: address, or "" when there is none or it is not a logo we accept."""
    if not content:
        return ""
    try:
        kind = logo_check(content)
    except ValidationError:
        return ""
    return f"data:{MEDIA_TYPES[kind]};base64,{base64.b64encode(content).decode('ascii')}"


def partner_logo_data_url(partner) -> str:
    """The partner's uploaded logo as a data: address, or "" when it has none (or it is gone)."""
    if not partner.logo:
        return ""
    try:
        with partner.logo.open("rb") as file:
            return logo_data_url(file.read(MAX_LOGO_BYTES + 1))
    except OSError:
        return ""


def programme_logo() -> tuple[str, str]:
    """(the programme's name, its logo as a data: address) from settings ECOCSME_PROGRAMME_NAME and
    ECOCSME_PROGRAMME_LOGO (a file's path; empty for none); the logo is "" when the file is missing."""
    name = getattr(settings, "ECOCSME_PROGRAMME_NAME", "")
    path = getattr(settings, "ECOCSME_PROGRAMME_LOGO", "")
    if not path:
        return name, ""
    try:
        return name, logo_data_url(Path(path).read_bytes()[:MAX_LOGO_BYTES + 1])
    except OSError:
        return name, ""
