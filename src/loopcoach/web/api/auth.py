"""Who is calling the private API: an API token (`Authorization: Bearer …`) or a session.

A session is a cookie the browser sends to any site's request, so writes with
one need the CSRF token like any form; a token is not sent by browsers on
their own and needs none. Everything else answers a JSON 401.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt

from loopcoach.web.accounts.services import api_token_user

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
MAX_BODY_BYTES = 200_000


def api_error(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse({"error": code, "message": message}, status=status)


def _no_view(request: HttpRequest) -> HttpResponse:
    """Stands in for the view in the CSRF check, which only reads the request."""
    raise AssertionError("the CSRF check never calls the view")


def api_login_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        header = request.headers.get("Authorization", "")
        if header.startswith("Bearer "):
            user = api_token_user(header[len("Bearer ") :].strip())
            if user is None:
                return api_error(401, "unauthorized", "The API token is not valid.")
            request.user = user
        elif request.user.is_authenticated:
            if request.method not in SAFE_METHODS:
                rejected = CsrfViewMiddleware(_no_view).process_view(request, _no_view, (), {})
                if rejected is not None:
                    return api_error(
                        403, "forbidden", "A signed-in browser must send the CSRF token."
                    )
        else:
            return api_error(
                401, "unauthorized", "Sign in, or send an API token: Authorization: Bearer <token>."
            )
        return view(request, *args, **kwargs)

    return wrapped


class BadRequest(Exception):
    pass


def json_body(request: HttpRequest) -> dict:
    if len(request.body) > MAX_BODY_BYTES:
        raise BadRequest(f"The request body is larger than {MAX_BODY_BYTES:,} bytes.")
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("The request body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise BadRequest("The request body must be a JSON object.")
    return data
