"""The practice fixtures (a question, alice's attempt), for the hardening tests too."""

from tests.web.practice.conftest import attempt, question  # noqa: F401
