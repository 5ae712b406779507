"""Reports fixtures: a moderator (in the "moderator" group, not a superuser) and a helper."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import make_user


def months_ago(count: int) -> date:
    """The first day of the month COUNT months before this one (tests never age)."""
    today = date.today()
    index = today.year * 12 + today.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


LAST = months_ago(1)
LAST_MONTH = f"{LAST:%Y-%m}"  # "2026-10"
LAST_LABEL = f"{LAST:%b %Y}"  # "Oct 2026", as the pages write it


def send(client, method: str, url: str, data: dict | None = None):
    return getattr(client, method)(
        url, data=json.dumps(data or {}), content_type="application/json"
    )


def report_body(*questions: str, month: str = LAST_MONTH, **extra) -> dict:
    return {
        "company": "amazon",
        "role": "engineering-manager",
        "month": month,
        "rounds": [{"name": "Hiring manager", "questions": list(questions)}],
        **extra,
    }


@pytest.fixture
def moderator(db):
    from django.contrib.auth.models import Group

    user = make_user("mona")
    user.groups.add(Group.objects.get(name="moderator"))
    return user


@pytest.fixture
def as_alice(client, alice, amazon_guide):
    client.force_login(alice)
    return client


@pytest.fixture
def as_moderator(moderator, amazon_guide):
    from django.test import Client

    client = Client()
    client.force_login(moderator)
    return client
