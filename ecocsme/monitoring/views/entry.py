"""PLACEHOLDER: written by its owner in this session."""
from django.http import Http404


def indicators(request, *args, **kwargs):
    raise Http404


def indicator_edit(request, *args, **kwargs):
    raise Http404


def values(request, *args, **kwargs):
    raise Http404


def budget(request, *args, **kwargs):
    raise Http404


def period_validate(request, *args, **kwargs):
    raise Http404


def value_evidence(request, *args, **kwargs):
    raise Http404

