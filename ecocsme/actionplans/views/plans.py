"""PLACEHOLDER: written by its owner in this session."""
from django.http import Http404


def plan_list(request, *args, **kwargs):
    raise Http404


def plan_create(request, *args, **kwargs):
    raise Http404


def plan_detail(request, *args, **kwargs):
    raise Http404


def plan_edit(request, *args, **kwargs):
    raise Http404


def action_create(request, *args, **kwargs):
    raise Http404


def action_edit(request, *args, **kwargs):
    raise Http404


def action_delete(request, *args, **kwargs):
    raise Http404


def action_move(request, *args, **kwargs):
    raise Http404


def plan_workflow(request, *args, **kwargs):
    raise Http404


def plan_history(request, *args, **kwargs):
    raise Http404


def plan_compare(request, *args, **kwargs):
    raise Http404


def version_detail(request, *args, **kwargs):
    raise Http404

