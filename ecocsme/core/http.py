def query_without(request, *names: str) -> str:
    """The request's query string without some parameters (for page and export links)."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()
