"""Whatever answers under /api/ answers JSON: the last guard behind the NinjaAPI's handlers.

Django and ninja answer a few refusals themselves before any handler of ours
runs (ninja's 405, Django's 400 for a body past DATA_UPLOAD_MAX_MEMORY_SIZE read
by a middleware); this puts them, and an unexpected exception, in the one shape.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse

from loopcoach.web.api.errors import CODES, error_response, too_large_response

logger = logging.getLogger(__name__)
PREFIX = "/api/"
MESSAGES = {
    404: "Nothing here: see /api/v1/docs for the endpoints.",
    405: "This endpoint does not take that method.",
    500: "Something went wrong on the server; it has been logged.",
    503: "The database is unavailable; try again in a moment.",
}


def database_down(exc: BaseException | None) -> bool:
    """Whether `exc` means the database cannot be reached (or is locked), not a bug of ours."""
    return isinstance(exc, OperationalError | InterfaceError)


def failure_response(unavailable: bool) -> HttpResponse:
    """The JSON for an exception: a 503 with Retry-After when the database is down, else a 500."""
    if not unavailable:
        return error_response(500, "server_error", MESSAGES[500])
    response = error_response(503, "unavailable", MESSAGES[503])
    response["Retry-After"] = "30"
    return response


class JsonErrorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(PREFIX) or response.status_code < 400:
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        status = response.status_code
        message = MESSAGES.get(status, "The request was refused.")
        replacement = error_response(status, CODES.get(status, "bad_request"), message)
        if "Allow" in response:
            replacement["Allow"] = response["Allow"]
        return replacement

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if not request.path.startswith(PREFIX):
            return None
        if isinstance(exc, RequestDataTooBig):
            return too_large_response()
        if isinstance(exc, Http404):  # ninja's bare /api/v1/ prefix raises it in production
            return error_response(404, CODES[404], MESSAGES[404])
        logger.exception("API error on %s %s", request.method, request.path)
        return failure_response(database_down(exc))
