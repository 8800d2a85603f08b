"""The accounts' tests start and end with an empty cache: the sign-up's limits per address and per
network address count there."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()
