from django.db.models import Count

from .models import Organisation


def organisation_counts_by_kind() -> dict[str, int]:
    rows = Organisation.objects.values("kind").annotate(n=Count("id")).order_by()
    return {row["kind"]: row["n"] for row in rows}
