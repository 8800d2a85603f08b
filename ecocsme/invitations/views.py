"""The page a personal link opens when it no longer takes answers."""

from django.shortcuts import render

from .states import LinkState


def link_unavailable(request, state: LinkState, template: str, context: dict | None = None):
    """Say why the link does not work (404 when it never did or was revoked, 410 when its time is
    over); `template` extends invitations/link_unavailable.html with what the app can add."""
    return render(request, template, {**(context or {}), "reason": state}, status=state.http_status)
