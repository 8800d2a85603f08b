"""The logos of the attendance sheet: a partner's staff upload their logo on the partner's page
(PNG, JPEG or SVG, limited in size, an SVG without scripts or outside references); the
programme's comes from settings; a logo only ever reaches a page or a PDF embedded."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ecocsme.core.models import AuditEntry
from ecocsme.partnerships.logos import MAX_LOGO_BYTES, logo_check, logo_data_url, programme_logo
from ecocsme.partnerships.services import partner_logo_set

from .test_attendance import PNG

SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'


@pytest.mark.parametrize("content, kind", [(PNG, "png"), (b"\xff\xd8\xff\xe0rest", "jpeg"), (SVG, "svg"),
                                           (b"\xef\xbb\xbf  <svg width='1'></svg>", "svg")])
def test_a_logo_is_png_jpeg_or_svg(content, kind):
    assert logo_check(content) == kind and logo_data_url(content).startswith("data:image/")


@pytest.mark.parametrize("content, says", [
    (b"GIF89a....", "PNG, JPEG or SVG"),
    (b"%PDF-1.7", "PNG, JPEG or SVG"),
    (PNG + bytes(MAX_LOGO_BYTES), "at most 512 KB"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "scripts"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"></svg>', "scripts"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>', "scripts"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><image xlink:href="https://example.org/x.png"/></svg>',
     "scripts"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://example.org/a)"/></svg>',
     "scripts"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg"><s:script>x()</s:script>'
     b'</svg>', "scripts"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:iframe src="x"/>'
     b'</svg>', "scripts"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "http://example.org/a.css";</style></svg>',
     "scripts"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><g id="a"><rect width="1" height="1"/></g>'
     b'<g id="b"><use href="#a"/><use href="#a"/></g><use href="#b"/></svg>', "scripts"),
    (b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', "PNG, JPEG or SVG"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><rect', "scripts"),
])
def test_other_files_are_refused_saying_why(content, says):
    with pytest.raises(ValidationError) as refused:
        logo_check(content)
    assert says in refused.value.messages[0]
    assert logo_data_url(content) == ""


def test_the_programme_logo_comes_from_settings(settings, tmp_path):
    name, url = programme_logo()
    assert name == "Interreg Europe" and url.startswith("data:image/svg+xml;base64,")
    settings.ECOCSME_PROGRAMME_LOGO = str(tmp_path / "missing.png")
    assert programme_logo()[1] == ""
    settings.ECOCSME_PROGRAMME_LOGO = ""
    assert programme_logo()[1] == ""


@pytest.mark.django_db
def test_the_partners_staff_upload_replace_and_remove_its_logo(client, settings, tmp_path, staff, partner):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff)
    url = f"/en/manage/partners/{partner.pk}/"
    form = {"name_en": partner.name, "city": partner.city}
    assert 'enctype="multipart/form-data"' in client.get(url).content.decode()

    refused = client.post(url, {**form, "logo": SimpleUploadedFile("x.svg", b"<svg onload='x()'></svg>")})
    assert refused.status_code == 200 and "contains scripts" in refused.content.decode()
    partner.refresh_from_db()
    assert not partner.logo

    assert client.post(url, {**form, "logo": SimpleUploadedFile("mine.png", PNG)}).status_code == 302
    partner.refresh_from_db()
    first = partner.logo.name
    assert first.endswith(".png") and (tmp_path / first).read_bytes() == PNG
    page = client.get(url).content.decode()
    assert 'src="data:image/png;base64,' in page and "Remove the logo" in page

    client.post(url, {**form, "logo": SimpleUploadedFile("mine.svg", SVG)})
    partner.refresh_from_db()
    assert partner.logo.name.endswith(".svg") and not (tmp_path / first).exists()
    client.post(url, {**form, "remove_logo": "on"})
    partner.refresh_from_db()
    assert not partner.logo and not any(tmp_path.rglob("*.svg"))
    assert AuditEntry.objects.filter(action="partnerships.partner.logo_changed").count() == 3


@pytest.mark.django_db
def test_another_partners_staff_cannot_set_the_logo(other_staff, partner, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(PermissionDenied):
        partner_logo_set(actor=other_staff, partner=partner, content=PNG)
    partner.refresh_from_db()
    assert not partner.logo
