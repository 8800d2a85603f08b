from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

# The largest id a database column holds (64 bits); beyond it lookups raise instead of finding nothing.
MAX_ID = 2**63 - 1
MAX_PAGE = 10**9


def number_from(value, *, maximum: int = MAX_ID) -> int | None:
    """The number an untrusted string spells in ASCII digits, or None. isdigit() alone lets
    through "²" (int() refuses it) and "٣" (int() reads it); 20 digits and more overflow ids."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit() or len(value) > 19:
        return None
    number = int(value)
    return number if number <= maximum else None


class BoundedPageNumberPagination(PageNumberPagination):
    """Ninja's page numbers, bounded: a page past a 64-bit offset made the database fail."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE)


def query_without(request, *names: str) -> str:
    """The request's query string without some parameters (for page and export links)."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def absolute_url(viewname: str, args=(), *, language: str | None = None) -> str:
    """The full address of a page, for mail and calendar files; in `language`'s URL prefix
    when given."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    if language:
        with translation.override(language):
            path = reverse(viewname, args=list(args))
    else:
        path = reverse(viewname, args=list(args))
    return settings.ECOCSME_BASE_URL.rstrip("/") + path


def client_address(request) -> str | None:
    """The client's network address, for the login lockout and the sign-up limits
    (AXES_CLIENT_IP_CALLABLE). Behind ECOCSME_PROXY_COUNT reverse proxies (production: the
    TLS-terminating server in front of Gunicorn, so REMOTE_ADDR is always the proxy's), the entry
    of X-Forwarded-For that the nearest of them appended: what a client writes into the header
    itself stands to its left and is never taken. Without proxies, REMOTE_ADDR alone."""
    from django.conf import settings

    proxies = getattr(settings, "ECOCSME_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
