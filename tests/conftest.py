import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache, so cached menus or counts never leak between tests."""
    cache.clear()
    yield
    cache.clear()
