"""PLACEHOLDER: written by its owner in this session."""
from django.http import Http404


def index(request, *args, **kwargs):
    raise Http404


def dashboard(request, *args, **kwargs):
    raise Http404


def table_export(request, *args, **kwargs):
    raise Http404

