"""/api/v1/me: who the token or session belongs to (a script's first check of its token)."""

from __future__ import annotations

from ninja import Router, Schema

from loopcoach.web.api.auth import token_or_session
from loopcoach.web.api.errors import ErrorOut
from loopcoach.web.core.requests import AuthenticatedRequest

router = Router(tags=["accounts"], auth=token_or_session)


class MeOut(Schema):
    id: int
    username: str
    date_joined: str


@router.get("/me", response={200: MeOut, 401: ErrorOut})
def me(request: AuthenticatedRequest) -> dict:
    user = request.user
    return {
        "id": user.pk,
        "username": user.get_username(),
        "date_joined": user.date_joined.isoformat(),
    }
