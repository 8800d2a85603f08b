"""The versioned REST API (WEB-3) at /api/v1/, described by /api/v1/openapi.json."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI

from ecocsme.actionplans.api import router as actionplans_router
from ecocsme.events.api import router as events_router
from ecocsme.guidelines.api import router as guidelines_router
from ecocsme.monitoring.api import router as monitoring_router
from ecocsme.opportunities.api import router as opportunities_router
from ecocsme.organisations.api import router as organisations_router
from ecocsme.partnerships.api import router as partnerships_router
from ecocsme.practices.api import router as practices_router
from ecocsme.reference.api import router as reference_router

api = NinjaAPI(
    title="ECoC-SME Platform API",
    version="1",
    description=("Open data of the ECoC-SME Platform. Reading public data needs no account; "
                 "a logged-in session sees what the same person sees on the web pages."),
    urls_namespace="api-v1",
)
api.add_router("/", reference_router)
api.add_router("/", partnerships_router)
api.add_router("/", events_router)
api.add_router("/", practices_router)
api.add_router("/", opportunities_router)
api.add_router("/", organisations_router)
api.add_router("/", guidelines_router)
api.add_router("/", monitoring_router)
api.add_router("/", actionplans_router)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Permission denied."}, status=403)
