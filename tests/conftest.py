"""Shared fixtures: the user's directories redirected to a temporary folder, and loaded indexes."""
from __future__ import annotations

from pathlib import Path

import pytest

from askclover import load_index

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def user_dirs(tmp_path, monkeypatch):
    """Keep history and cache out of the real home directory."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("ASKCLOVER_CACHE", raising=False)
    monkeypatch.delenv("ASKCLOVER_KNOWLEDGE", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


@pytest.fixture(scope="session")
def harbor():
    return load_index(DATA / "harbor-light.md", use_cache=False)


@pytest.fixture(scope="session")
def data_index():
    return load_index(DATA, use_cache=False)


@pytest.fixture(scope="session")
def shipped():
    return load_index(use_cache=False)
