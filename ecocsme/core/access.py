"""The shape every permission-checked fetcher shares (each app's access.py): the object when
the user may see it and do what is asked; Http404 when it does not exist or the user may not
see it, so that a page never tells a stranger that it exists; PermissionDenied when the user
sees it but may not do what was asked."""

from django.core.exceptions import PermissionDenied
from django.http import Http404


def permitted(user, obj, *, view: str, perm: str | None = None, missing: str, refused: str = ""):
    if obj is None or not user.has_perm(view, obj):
        raise Http404(missing)
    if perm and not user.has_perm(perm, obj):
        raise PermissionDenied(refused)
    return obj
