"""Plans for the tests of the plan as a document (files, public pages, the export command),
written the way partners write them — in Romanian with English beside it, long texts, several
cost items — and taken through the real services: submitted, validated by the coordinator,
endorsed by the policy owner and published."""

import datetime as dt

from ecocsme.actionplans.services.plans import (
    ActionRows,
    action_save,
    plan_create,
    plan_endorse,
    plan_publish,
    plan_submit,
    plan_update,
    plan_validate,
)
from ecocsme.reference.factories import NutsRegionFactory, PolicyInstrumentFactory

TITLE_RO = "Planul de acțiune al Timișoarei: moștenirea capitalei culturale pentru IMM-uri (exemplu)"
ACTION_RO = "Țesătorii de idei: apel de finanțare pentru întreprinderi creative (exemplu)"
ACTION_LT = "Kūrybinių įmonių mėnuo: dirbtuvės ir mugė Kaune (pavyzdys)"
ACTION_DE = "Straßenfeste für Großhändler und kleine Kulturbetriebe (Beispiel)"
CONTEXT_RO = ("Axa prioritară 2 a Programului Operațional Regional finanțează competitivitatea IMM-urilor. "
              "Ședințele laboratorului local au arătat că firmele culturale nu ajung la apeluri (exemplu).")
ENDORSER = "Agenția pentru Dezvoltare Regională Vest (exemplu)"
SIGNATORY = "Director general (exemplu)"
LONG = " ".join(["Întreprinderile mici din industriile culturale și creative își împart atelierele, "
                 "își țin evidența proiectelor și învață unele de la altele (exemplu)."] * 12)


def instrument():
    return PolicyInstrumentFactory(
        key="ro-west-rop-example", name="West Romania Regional Operational Programme (example)",
        name_translations={"ro": "Programul Operațional Regional Vest (exemplu)"},
        programming_period="2014-2020", priority_axis="Priority Axis 2 (example)",
        thematic_objective="TO3 SME competitiveness", managing_body="ADR Vest (example)", country="RO")


def action_values(number: int, title: dict) -> tuple[dict, ActionRows]:
    values = {
        "title": title,
        "background": {"ro": f"Lecțiile învățate în laboratorul local {number} și buna practică din Leeuwarden "
                             f"(exemplu).\n\n{LONG}", "en": f"Lessons of lab {number} (example)."},
        "description": {"ro": f"Acțiunea {number}: un apel deschis pentru IMM-uri culturale.\nA doua linie.\n\n"
                              f"{LONG}"},
        "players": {"en": "The municipality leads; the regional development agency runs the call (example)."},
        "start_date": dt.date(2021, 9, 1), "end_date": dt.date(2022, 6, 30),
    }
    rows = ActionRows(
        milestones=[{"date": dt.date(2021, 12, 1), "title": {"ro": "Lansarea apelului (exemplu)"}},
                    {"date": dt.date(2022, 5, 15), "title": {"ro": "Selecția proiectelor (exemplu)"}}],
        costs=[{"item": {"ro": "Personal și coordonare (exemplu)"}, "amount": "12000.00"},
               {"item": {"ro": "Evenimente și comunicare (exemplu)"}, "amount": "3500.50"}],
        funding=[{"source": {"ro": "FEDR prin POR Vest (exemplu)"}, "amount": "13175.43"},
                 {"source": {"ro": "Bugetul local (exemplu)"}, "amount": "2325.07"}],
        inspirations=[],
    )
    return values, rows


def draft_plan(staff, partner, *, titles=(None,), inspirations=()):
    """A draft of `partner`'s plan in Romanian with one action per title (default: ACTION_RO)."""
    partner.nuts_region = NutsRegionFactory(code="RO42", country="RO", name="Vest")
    partner.save(update_fields=["nuts_region"])
    plan = plan_create(actor=staff, partner=partner, values={
        "language": "ro",
        "title": {"ro": TITLE_RO, "en": "Timișoara's action plan (example)"},
        "summary": {"ro": "Planul leagă moștenirea capitalei culturale de firmele mici (exemplu).",
                    "en": "The plan ties the capital of culture's legacy to small firms (example)."},
        "other_organisations": {"ro": "Camera de Comerț Timiș (exemplu)"},
        "contact_role": "Manager de proiect ECoC-SME (exemplu)", "contact_email": "ecocsme@example.org",
        "contact_phone": "+40 256 000 000", "instrument_category": "growth_and_jobs",
        "policy_instrument": instrument(),
        "policy_context": {"ro": CONTEXT_RO},
        "improvement_aim": {"en": "New calls open to cultural and creative SMEs (example)."},
    })
    for number, title in enumerate(titles, start=1):
        plan.refresh_from_db()
        values, rows = action_values(number, title or {"ro": ACTION_RO})
        if number == 1:
            rows.inspirations = list(inspirations)
        action_save(actor=staff, plan=plan, action=None, revision=plan.revision, values=values, rows=rows)
    plan.refresh_from_db()
    return plan


def endorse(plan, staff, coordinator, *, publish=True):
    plan = plan_submit(actor=staff, plan=plan)
    plan = plan_validate(actor=coordinator, plan=plan, revision=plan.revision)
    plan = plan_endorse(actor=staff, plan=plan, endorsed_on=dt.date(2021, 6, 15), endorsed_by_role=SIGNATORY,
                        endorsing_organisation=ENDORSER)
    if publish:
        plan = plan_publish(actor=staff, plan=plan, published=True)
    plan.refresh_from_db()
    return plan


def retitle(plan, staff, title: dict):
    plan.refresh_from_db()
    return plan_update(actor=staff, plan=plan, revision=plan.revision, values={"title": title})
