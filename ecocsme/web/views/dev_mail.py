"""The development mail viewer: every mail the platform queued or sent, readable in the browser
whatever mail backend delivered it (`make run` writes files). Only with ECOCSME_MAIL_VIEWER.

Mail holds people's names and personal links: a user sees the mail to the contacts they may
see (organisations.access.mails_visible_to, by organisations.view_contact: the partner that keeps
the contact, the project's coordinator); superusers see all of it, including mail to addresses
that are no contact.
The HTML part is served by its own view into a sandboxed frame, under a policy that lets no
script run and nothing load from elsewhere.
"""

import email
import email.policy
import re
from functools import wraps

from csp.decorators import csp
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin

from ecocsme.core.http import query_without
from ecocsme.organisations.access import mail_for_view
from ecocsme.organisations.selectors import mails_list

# The mail's own HTML: its inline styles and data: images, no script, nothing fetched, no
# forms, framed only by this site; links open outside the sandbox.
MAIL_BODY_POLICY = {
    "default-src": ["'none'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["data:"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'self'"],
    "sandbox": ["allow-popups", "allow-popups-to-escape-sandbox"],
}
HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)


def viewer(view):
    """Not found unless the viewer is switched on (before anyone is asked to log in)."""
    protected = never_cache(login_required(view))

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not settings.ECOCSME_MAIL_VIEWER:
            raise Http404
        return protected(request, *args, **kwargs)

    return wrapped


@viewer
def mail_list(request):
    q = request.GET.get("q", "").strip()
    return render(request, "web/dev_mail/list.html", {
        "page": Paginator(mails_list(request.user, q=q), 50).get_page(request.GET.get("page")), "q": q,
        "query": query_without(request, "page"),
    })


@viewer
def mail_detail(request, pk: int):
    mail = mail_for_view(request.user, pk)
    message = email.message_from_bytes(bytes(mail.raw), policy=email.policy.default)
    attachments = [{"name": part.get_filename() or "", "type": part.get_content_type(),
                    "size": len(part.get_payload(decode=True) or b"")}
                   for part in message.iter_attachments()]
    return render(request, "web/dev_mail/detail.html", {
        "mail": mail, "sender": message["From"], "headers": list(message.items()),
        "attachments": attachments,
    })


@viewer
@xframe_options_sameorigin
@csp(MAIL_BODY_POLICY)
def mail_html(request, pk: int):
    mail = mail_for_view(request.user, pk, only=("html",))
    return HttpResponse(_links_open_outside(mail.html), content_type="text/html; charset=utf-8")


def _links_open_outside(html: str) -> str:
    """The mail's links open in a new tab: the site refuses to be shown inside a frame."""
    base = '<base target="_blank">'
    match = HEAD.search(html)
    return html[:match.end()] + base + html[match.end():] if match else base + html
