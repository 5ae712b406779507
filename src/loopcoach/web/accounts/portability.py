"""API tokens are listed by name in an export, never with their secret, and not imported
(a token is made for one server)."""

from __future__ import annotations

from loopcoach.web.accounts.models import ApiToken
from loopcoach.web.portability.registry import portable

portable(
    ApiToken,
    owner="user",
    name="api_tokens",
    fields=("name", "created_at", "last_used_at"),
    export_only=True,
)
