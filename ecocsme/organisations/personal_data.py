"""What the platform holds on a person, gathered for export and erased on request (ORG-3).

Apps above this one (labs, events, …) register what they hold on a contact in their
AppConfig.ready(): an exporter returns a JSON-ready dict, an eraser anonymises in place.
"""

from collections.abc import Callable

from .models import Contact

Exporter = Callable[[Contact], dict]
Eraser = Callable[[Contact], None]

_exporters: dict[str, Exporter] = {}
_erasers: dict[str, Eraser] = {}


def register(section: str, *, exporter: Exporter | None = None, eraser: Eraser | None = None) -> None:
    if exporter:
        _exporters[section] = exporter
    if eraser:
        _erasers[section] = eraser


def exporters() -> dict[str, Exporter]:
    return dict(_exporters)


def erasers() -> dict[str, Eraser]:
    return dict(_erasers)
