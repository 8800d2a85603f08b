"""What the platform holds on a person, gathered for export and erased on request (ORG-3).

Every app that keeps something about a contact registers a *holding* in its AppConfig.ready():
the models it covers, an exporter that returns the records as JSON-ready dicts (each with
"model" and "id"), and an eraser that removes what identifies the person and keeps what they
said, anonymised. A model that stores an address without holding a contact's data (a staff
account, a partner's mailbox) is declared *exempt* with the reason. A test lists every model
that refers to a contact or stores an address and fails when one is neither covered nor exempt.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

from .models import Contact

Exporter = Callable[[Contact], list[dict]]
Eraser = Callable[[Contact], None]


@dataclass(frozen=True)
class Holding:
    section: str
    models: tuple[str, ...]  # model labels, "labs.Invitation"
    exporter: Exporter
    eraser: Eraser


_holdings: dict[str, Holding] = {}
_exempt: dict[str, str] = {}


def register(section: str, *, models: tuple[str, ...], exporter: Exporter, eraser: Eraser) -> None:
    _holdings[section] = Holding(section, tuple(models), exporter, eraser)


def exempt(model_label: str, reason: str) -> None:
    """A model that stores an address but holds no contact's data, and why."""
    _exempt[model_label] = reason


def holdings() -> list[Holding]:
    return list(_holdings.values())


def covered_models() -> set[str]:
    return {label for holding in _holdings.values() for label in holding.models}


def exempt_models() -> dict[str, str]:
    return dict(_exempt)


def record(instance: models.Model, **fields) -> dict:
    """One exported record: which model and row it comes from, and its fields."""
    return {"model": instance._meta.label, "id": instance.pk, **fields}


def when(value) -> str | None:
    return value.isoformat() if value else None
