"""/api/v1/me: who the token or session belongs to (a script's first check of its token);
/api/v1/account: export everything, import an export, delete the account."""

from __future__ import annotations

from typing import IO

from django.http import FileResponse, HttpResponse
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from loopcoach.web.api.auth import token_or_session
from loopcoach.web.api.errors import PRIVATE_REFUSALS, ApiError, ErrorOut, not_found
from loopcoach.web.api.schemas import ExactInput
from loopcoach.web.core.requests import AuthenticatedRequest
from loopcoach.web.portability import background
from loopcoach.web.portability import services as portability
from loopcoach.web.portability.deletion import WrongPassword, account_delete
from loopcoach.web.portability.importing import ImportProblem, import_account
from loopcoach.web.tasks.api import TaskOut, task_out

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


class ExportStartedOut(Schema):
    task: TaskOut
    status_url: str
    download_url: str


def _zip(content: IO[bytes], request: AuthenticatedRequest) -> FileResponse:
    return FileResponse(
        content,
        as_attachment=True,
        filename=portability.export_filename(request.user),
        content_type="application/zip",
    )


@router.get(
    "/account/export", response={202: ExportStartedOut, **PRIVATE_REFUSALS}, openapi_extra=ZIP
)
def account_export(request: AuthenticatedRequest, response: HttpResponse) -> object:
    """Everything the account has, as one ZIP: JSON for programs, Markdown to read, files.
    A large account's ZIP is built in the background: 202 with the task to poll, then
    GET its download_url."""
    if not portability.export_is_large(request.user):
        return _zip(portability.export_now(request.user), request)
    job = background.export_start(request.user)
    response["Location"] = f"/api/v1/tasks/{job.pk}"
    return Status(
        202,
        {
            "task": task_out(job),
            "status_url": f"/api/v1/tasks/{job.pk}",
            "download_url": f"/api/v1/account/export/{job.pk}",
        },
    )


@router.get(
    "/account/export/{int:pk}", response={409: ErrorOut, **PRIVATE_REFUSALS}, openapi_extra=ZIP
)
def account_export_download(request: AuthenticatedRequest, pk: int) -> FileResponse:
    """The ZIP a background export built (409 while it is still being built)."""
    job = background.export_jobs(request.user).filter(pk=pk).first()
    if job is None:
        raise not_found(f"No export {pk}.")
    path = background.export_file(job)
    if path is None:
        if job.status == job.Status.FAILED:
            raise ApiError(409, "failed", f"The export failed: {job.error}")
        if job.status == job.Status.DONE:
            raise not_found(f"Export {pk} was replaced by a newer one.")
        raise ApiError(409, "not_ready", f"Export {pk} is {job.status}: poll /api/v1/tasks/{pk}.")
    return _zip(path.open("rb"), request)


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
