from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class RefuseNulMiddleware:
    """Answer 400 to a request with a NUL character in its address, cookies or form fields.
    PostgreSQL text cannot hold NUL, so any lookup with one failed with a server error where
    SQLite simply found nothing; no page has a use for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            return HttpResponseBadRequest(_("The address or the form holds a character that is not allowed."),
                                          content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def _has_nul(request) -> bool:
    if "\x00" in request.path or _any_nul(request.GET) or _any_nul(request.COOKIES):
        return True
    return request.method == "POST" and request.content_type in FORM_TYPES and _any_nul(request.POST)


def _any_nul(values) -> bool:
    if hasattr(values, "lists"):
        return any("\x00" in key or any("\x00" in v for v in vs) for key, vs in values.lists())
    return any("\x00" in key or "\x00" in value for key, value in values.items())
