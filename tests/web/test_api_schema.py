"""schemathesis against the generated OpenAPI description: no 500, and every answer conforms.

It calls the WSGI app in-process (inside the test's transaction, as Django's
test client does), the private endpoints with alice's Bearer token, with a
bounded number of examples per operation so the whole run stays near a minute.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as examples
from schemathesis.config import SchemathesisConfig

from loopcoach.web.accounts.models import ApiToken, token_hash

pytestmark = pytest.mark.django_db
EXAMPLES = 10  # per operation: about a minute for the whole API


TOKEN = "lc_schemathesis-" + "x" * 32  # alice's, made in every test's transaction
# The statuses a valid body may get are the repository's, the same for `st run`.
SETTINGS = tomllib.loads((Path(__file__).parents[2] / "schemathesis.toml").read_text())
AUTH = {"openapi": {"TokenOrSession": {"bearer": TOKEN}}}
CONFIG = SchemathesisConfig.from_dict({**SETTINGS, "auth": AUTH})
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler(), config=CONFIG)


@pytest.fixture(autouse=True)
def _in_the_test_transaction(db, alice, amazon_guide, settings):
    ApiToken.objects.create(
        user=alice, name="schemathesis", hint=TOKEN[:8], digest=token_hash(TOKEN)
    )
    settings.ANALYZE_RATE_PER_MINUTE = 1_000_000  # the limit has its own tests
    # Django closes connections at the end of each request; inside the test's transaction that
    # would end it, so the test client turns it off, and so does this.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@examples(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),  # fixtures per test, not per example: meant
    database=None,  # nothing written to the working tree
)
def test_the_api_keeps_its_description(case):
    case.call_and_validate()


def test_every_schema_has_its_own_name():
    # The OpenAPI description names a component after its class: two classes with one name
    # become one component, and one endpoint is then described with the other's fields.
    import ninja

    from loopcoach.web.api.urls import api  # noqa: F401 -- imports every app's schemas

    def subclasses(cls: type) -> list[type]:
        return [cls, *(sub for direct in cls.__subclasses__() for sub in subclasses(direct))]

    ours = [cls for cls in subclasses(ninja.Schema) if cls.__module__.startswith("loopcoach.")]
    names = [cls.__name__ for cls in ours]
    assert sorted({n for n in names if names.count(n) > 1}) == []
