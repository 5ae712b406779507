"""The API's one error shape, `{"error": code, "message": text}`, for every 4xx it answers.

Handlers raise `ApiError`; the NinjaAPI turns it, a failed validation, a failed
sign-in and a refused rate into the same JSON (see `install_handlers`).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

# The codes a client can branch on, by the status they come with when no handler says better.
CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
    500: "server_error",
    503: "unavailable",
}


class ErrorOut(Schema):
    """Every error: a stable code to branch on and a sentence for a person."""

    error: str
    message: str
    fields: dict[str, str] | None = None


class ApiError(Exception):
    def __init__(
        self, status: int, code: str, message: str, *, fields: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.fields = status, code, message, fields


# What an operation may answer besides success, for its OpenAPI description.
REFUSALS: dict[int, type[ErrorOut]] = {400: ErrorOut, 404: ErrorOut, 413: ErrorOut, 415: ErrorOut}
PRIVATE_REFUSALS = {**REFUSALS, 401: ErrorOut, 403: ErrorOut}


def bad_request(message: str) -> ApiError:
    return ApiError(400, "bad_request", message)


def not_found(message: str) -> ApiError:
    return ApiError(404, "not_found", message)


def conflict(message: str) -> ApiError:
    return ApiError(409, "conflict", message)


def invalid(fields: dict[str, str]) -> ApiError:
    """Field errors: each field's problem in `fields`, all of them in the message."""
    message = "; ".join(f"'{name}' {problem}" for name, problem in fields.items())
    return ApiError(400, "invalid", message, fields=fields)


def error_response(
    status: int, code: str, message: str, *, fields: dict[str, str] | None = None
) -> JsonResponse:
    body: dict[str, Any] = {"error": code, "message": message}
    if fields is not None:
        body["fields"] = fields
    return JsonResponse(body, status=status)


def too_large_response() -> JsonResponse:
    """Django refuses to read a body past DATA_UPLOAD_MAX_MEMORY_SIZE (its own answer is HTML)."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return error_response(413, "too_large", f"The request body is larger than {limit:,} bytes.")


def _field_name(location: tuple) -> str:
    # ninja prefixes the source ("query", "path", or "body" and the handler's argument name);
    # the client knows only its field.
    skip = 2 if location[0] == "body" and len(location) > 2 else 1
    return ".".join(str(part) for part in location[skip:]) or str(location[0])


def _problem(detail: dict) -> str:
    error = (detail.get("ctx") or {}).get("error")
    if detail.get("type") == "value_error" and error:
        return str(error)  # our own validators' sentences, without pydantic's "Value error, "
    return detail["msg"][0].lower() + detail["msg"][1:]


def validation_fields(exc: ValidationError) -> dict[str, str]:
    fields: dict[str, str] = {}
    for detail in exc.errors:
        fields.setdefault(_field_name(tuple(detail["loc"])), _problem(detail))
    return fields


def install_handlers(api: NinjaAPI) -> None:
    """Answer every refusal in the one shape; let nothing else through as HTML."""

    @api.exception_handler(ApiError)
    def _api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return error_response(exc.status, exc.code, exc.message, fields=exc.fields)

    @api.exception_handler(ValidationError)
    def _validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return _api_error(request, invalid(validation_fields(exc)))

    @api.exception_handler(Throttled)
    def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        wait = exc.wait or 60
        response = error_response(429, "rate_limited", f"Too many requests; wait {wait} seconds.")
        response["Retry-After"] = str(wait)
        return response

    @api.exception_handler(AuthenticationError)
    def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return error_response(
            401, "unauthorized", "Sign in, or send an API token: Authorization: Bearer <token>."
        )

    @api.exception_handler(RequestDataTooBig)
    def _too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return too_large_response()

    @api.exception_handler(HttpError)
    def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        # ninja wraps whatever the body parser raised in a plain 400; answer the parser's own.
        if isinstance(exc.__cause__, ApiError):
            return _api_error(request, exc.__cause__)
        if isinstance(exc.__cause__, RequestDataTooBig):
            return _too_big(request, exc.__cause__)
        code = CODES.get(exc.status_code, "bad_request")
        return error_response(exc.status_code, code, str(exc))

    @api.exception_handler(Http404)
    def _missing(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(404, "not_found", str(exc) or "Nothing here.")
