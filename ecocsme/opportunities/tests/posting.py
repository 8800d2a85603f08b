"""What a poster sends: the form's data (`form_data`) and the service's values (`values`)."""

from ecocsme.opportunities.factories import in_days


def form_data(ecoc_title, /, **changes) -> dict:
    data = {"title": "Sound crew for the open-air concerts",
            "description": "We need a sound crew and a mixing desk for four open-air concerts in June "
                           "in the old town (example).",
            "kind": "tender", "ecoc_title": ecoc_title.pk, "phase": "legacy", "sectors": ["59", "90"],
            "language": "", "city": "", "country": "", "deadline": in_days(30).isoformat(),
            "budget_eur": "12000", "cross_border": "on", "contact_name": "Programme office (example)",
            "contact_email": "programme.office@example.org", "contact_phone": "+40 256 000 000"}
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def values(ecoc_title, /, **changes) -> dict:
    """The same, as the service takes it."""
    from decimal import Decimal

    data = {"title": "Sound crew for the open-air concerts",
            "description": "We need a sound crew and a mixing desk for four open-air concerts in June "
                           "in the old town (example).",
            "kind": "tender", "ecoc_title": ecoc_title, "phase": "legacy", "language": "", "city": "",
            "country": "", "deadline": in_days(30), "budget_eur": Decimal("12000"), "cross_border": True,
            "contact_name": "Programme office (example)", "contact_email": "programme.office@example.org",
            "contact_phone": ""}
    data.update(changes)
    return data
