"""The analyzer's tests need no Django: these fixtures stand in for the web ones.

The root conftest has autouse fixtures for the web tests (static storage,
an empty Django cache); redefining them here (same names, closer conftest)
lets this suite run with `-p no:django` as well as with the plugin.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _plain_static_storage():
    yield


@pytest.fixture(autouse=True)
def _empty_cache():
    yield
