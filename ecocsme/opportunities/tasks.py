from django_tasks import task


@task()
def close_past_deadline() -> int:
    """Close the published opportunities whose deadline has passed (queued by
    `ecocsme close-opportunities`, run hourly by `make run` and by cron in production)."""
    from .services import opportunities_close_past_deadline

    return opportunities_close_past_deadline()
