"""/api/v1/me: who the token or session belongs to (a script's first check of its token);
/api/v1/account: export everything, import an export, delete the account."""

from __future__ import annotations

from django.http import FileResponse
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from loopcoach.web.api.auth import token_or_session
from loopcoach.web.api.errors import PRIVATE_REFUSALS, ApiError, ErrorOut
from loopcoach.web.api.schemas import ExactInput
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.portability import services as portability
from loopcoach.web.portability.deletion import WrongPassword, account_delete
from loopcoach.web.portability.importing import ImportProblem, import_account

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


ZIP = {
    "responses": {
        200: {
            "description": "The ZIP of everything the account has (see the README's export format)",
            "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}


@router.get("/account/export", response={**PRIVATE_REFUSALS}, openapi_extra=ZIP)
def account_export(request: AuthenticatedRequest) -> FileResponse:
    """Everything the account has, as one ZIP: JSON for programs, Markdown to read, files."""
    return FileResponse(
        portability.export_now(request.user),
        as_attachment=True,
        filename=portability.export_filename(request.user),
        content_type="application/zip",
    )


class ImportOut(Schema):
    created: dict[str, int]
    skipped: dict[str, int]


class ImportErrorOut(ErrorOut):
    file: str
    item: int | None
    field: str


@router.post("/account/import", response={200: ImportOut, 400: ImportErrorOut, **PRIVATE_REFUSALS})
def account_import(request: AuthenticatedRequest, archive: File[UploadedFile]) -> object:
    """Import an export ZIP (multipart field `archive`): all of it, or nothing and where it
    went wrong. Items the account already has are skipped, not added twice."""
    limit = portability.import_limit_bytes()
    if archive.size is not None and archive.size > limit:
        raise ApiError(413, "too_large", f"The archive is larger than {limit:,} bytes.")
    try:
        imported = import_account(request.user, archive)
    except ImportProblem as problem:
        body = {"error": "invalid_import", "message": f"Nothing was imported. {problem}"}
        return Status(
            400, {**body, "file": problem.file, "item": problem.item, "field": problem.field}
        )
    return {"created": imported.created, "skipped": imported.skipped}


class DeleteIn(ExactInput):
    password: str


@router.delete("/account", response={204: None, **PRIVATE_REFUSALS})
def account_remove(request: AuthenticatedRequest, body: DeleteIn) -> Status[None]:
    """Delete the account and everything of it, for good: the password must be sent again."""
    try:
        account_delete(user=request.user, password=body.password)
    except WrongPassword as exc:
        raise ApiError(403, "wrong_password", str(exc)) from None
    return Status(204, None)
