"""What monitoring keeps on an account (accounts.personal_data): the values it entered, the
budget lines it last changed, the partners' periods it validated. Monitoring keeps nothing on a
partner's contacts. When the account goes the records stay without it (SET_NULL): they are the
partnership's reporting to the programme."""

from ecocsme.organisations.personal_data import record, when

from .models import BudgetLine, PeriodValidation, Value


def register() -> None:
    from ecocsme.accounts import personal_data as account_data

    account_data.register("monitoring", exporter=account_export)


def account_export(user) -> list[dict]:
    records = [record(value, kind="indicator value entered", indicator=str(value.indicator),
                      partner=str(value.partner), period=value.period.number, value=str(value.value),
                      note=value.note, entered_at=when(value.updated_at))
               for value in Value.objects.filter(entered_by=user)
               .select_related("indicator", "partner", "period").order_by("pk")]
    records += [record(line, kind="budget line changed", partner=str(line.partner), period=line.period.number,
                       planned=str(line.planned), spent=None if line.spent is None else str(line.spent),
                       changed_at=when(line.updated_at))
                for line in BudgetLine.objects.filter(updated_by=user)
                .select_related("partner", "period").order_by("pk")]
    records += [record(validation, kind="period validated", partner=str(validation.partner),
                       period=validation.period.number, note=validation.note,
                       validated_at=when(validation.created_at))
                for validation in PeriodValidation.objects.filter(validated_by=user)
                .select_related("partner", "period").order_by("pk")]
    return records
