"""Fixtures shared by the test modules."""

import pytest

from woonlasten.data import laad_tabellen


@pytest.fixture
def eigen_cache(tmp_path, monkeypatch):
    """A cache folder of the test's own and no tables remembered in this process, before and after."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("WOONLASTEN_CACHE", str(cache))
    monkeypatch.delenv("WOONLASTEN_DATA", raising=False)
    laad_tabellen.cache_clear()
    yield cache
    laad_tabellen.cache_clear()
