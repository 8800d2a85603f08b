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
