"""PLACEHOLDER: written by its owner in this session."""
from django.http import Http404


def plan_reports(request, *args, **kwargs):
    raise Http404


def report_edit(request, *args, **kwargs):
    raise Http404


def report_evidence(request, *args, **kwargs):
    raise Http404

