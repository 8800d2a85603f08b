from django_tasks import task


@task()
def embed_profile(organisation_id: int) -> bool:
    """Bring an organisation's profile vector up to date (see services.profile_embed)."""
    from .services import profile_embed

    return profile_embed(organisation_id)
