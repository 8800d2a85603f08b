"""PLACEHOLDER: written by its owner in this session."""
from django.http import Http404


def comment_add(request, *args, **kwargs):
    raise Http404


def comment_step(request, *args, **kwargs):
    raise Http404


def reviewers(request, *args, **kwargs):
    raise Http404


def review(request, *args, **kwargs):
    raise Http404

