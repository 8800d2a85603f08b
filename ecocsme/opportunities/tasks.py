from django_tasks import task


@task()
def close_past_deadline() -> int:
    """Close the published opportunities whose deadline has passed (queued by
    `ecocsme close-opportunities`, run hourly by `make run` and by cron in production)."""
    from .services import opportunities_close_past_deadline

    return opportunities_close_past_deadline()


@task()
def embed_opportunity(opportunity_id: int) -> bool:
    """Compute and keep an opportunity's vector for matching; whether there was one to compute."""
    from .matching import opportunity_embed
    from .models import Opportunity

    opportunity = (Opportunity.objects.select_related("ecoc_title").prefetch_related("sectors")
                   .filter(pk=opportunity_id).first())
    if opportunity is None:
        return False
    opportunity_embed(opportunity)
    return True


@task()
def send_digests() -> dict:
    """Send each due digest of new opportunities once for its day or week (queued by
    `ecocsme send-digests`, run hourly by `make run` and by cron in production)."""
    from .services.digests import digests_send

    return digests_send()
