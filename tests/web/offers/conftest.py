"""Named users for the offer and plan tests: alice owns, bob is another candidate."""

from __future__ import annotations

import pytest


def make_candidate(username: str):
    from django.contrib.auth.models import User

    return User.objects.create_user(username=username, password=f"{username}-Passw0rd!")


@pytest.fixture
def alice(db):
    return make_candidate("alice")


@pytest.fixture
def bob(db):
    return make_candidate("bob")
