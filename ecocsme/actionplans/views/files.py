"""PLACEHOLDER: written by its owner in this session."""
from django.http import Http404


def public_list(request, *args, **kwargs):
    raise Http404


def public_detail(request, *args, **kwargs):
    raise Http404


def public_export(request, *args, **kwargs):
    raise Http404


def plan_export(request, *args, **kwargs):
    raise Http404

