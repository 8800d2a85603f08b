from django_tasks import task


@task()
def index_practice(practice_id: int) -> int:
    """Bring a practice's search entries (words and sentence vectors) up to date."""
    from .search.indexing import index_practice as index

    return index(practice_id)
