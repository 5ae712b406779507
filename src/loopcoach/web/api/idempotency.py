"""`Idempotency-Key` on the API's POSTs: a retry with the same key gets the first answer.

A client that lost the reply to a POST sends it again with the same key; instead
of creating a second attempt, story, loop or plan, it gets the stored first answer
(with `Idempotent-Replayed: true`). Keys belong to one user (a token's or a
session's) and expire after IDEMPOTENCY_KEY_HOURS. The same key with a different
request is a 422; a retry while the first is still running is a 409. A 5xx is not
kept, so the client may try again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import RequestDataTooBig
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from loopcoach.web.accounts.services import api_token_user
from loopcoach.web.api.auth import _csrf_refused
from loopcoach.web.api.errors import error_response
from loopcoach.web.api.models import IdempotencyKey

HEADER = "Idempotency-Key"
VALID_KEY = re.compile(r"[\x21-\x7e]{1,255}")  # printable ASCII, as in the IETF draft's examples


def _caller(request: HttpRequest) -> User | None:
    """The user the API will see, found the same way as web/api/auth.py, or None."""
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return api_token_user(header[len("Bearer ") :].strip())
    if request.user.is_authenticated and not _csrf_refused(request):
        return request.user
    return None  # the endpoint itself answers the 401 or 403


def _fingerprint(request: HttpRequest) -> str:
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    digest.update(request.body)
    return digest.hexdigest()


def _replay(row: IdempotencyKey) -> HttpResponse:
    response = HttpResponse(bytes(row.body), status=row.status, content_type=row.content_type)
    response["Idempotent-Replayed"] = "true"
    return response


def _claim(owner: User, key: str, fingerprint: str) -> IdempotencyKey | None:
    """A new running row for the key, or None when the key is already taken."""
    expired = timezone.now() - timedelta(hours=settings.IDEMPOTENCY_KEY_HOURS)
    IdempotencyKey.objects.filter(created__lt=expired).delete()
    try:
        with transaction.atomic():
            return IdempotencyKey.objects.create(owner=owner, key=key, fingerprint=fingerprint)
    except IntegrityError:
        return None


def _earlier(owner: User, key: str, fingerprint: str) -> HttpResponse:
    row = IdempotencyKey.objects.filter(owner=owner, key=key).first()
    if row is None:  # expired and deleted between the two queries: rare; ask for a retry
        return error_response(409, "conflict", "Retry the request.")
    if row.fingerprint != fingerprint:
        return error_response(
            422,
            "idempotency_key_reused",
            f"This {HEADER} was used for a different request; use a new key.",
        )
    if row.status == 0:
        return error_response(
            409, "conflict", f"A request with this {HEADER} is still running; retry shortly."
        )
    return _replay(row)


class IdempotencyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = request.headers.get(HEADER)
        if key is None or request.method != "POST" or not request.path.startswith("/api/"):
            return self.get_response(request)
        if not VALID_KEY.fullmatch(key):
            return error_response(
                400, "bad_request", f"{HEADER} must be 1 to 255 printable ASCII characters."
            )
        owner = _caller(request)
        if owner is None:
            return self.get_response(request)
        try:
            fingerprint = _fingerprint(request)
        except RequestDataTooBig:
            return self.get_response(request)  # the API answers its 413
        row = _claim(owner, key, fingerprint)
        if row is None:
            return _earlier(owner, key, fingerprint)
        response = self.get_response(request)
        if response.status_code >= 500 or getattr(response, "streaming", False):
            row.delete()
            return response
        row.status = response.status_code
        row.content_type = response.get("Content-Type", "")
        row.body = response.content
        row.save(update_fields=["status", "content_type", "body"])
        return response
