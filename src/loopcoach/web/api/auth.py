"""Who is calling the private API: an API token (`Authorization: Bearer …`) or a session.

A session is a cookie the browser sends to any site's request, so writes with
one need the CSRF token like any form; a token is not sent by browsers on
their own and needs none. Everything else answers a JSON 401.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from ninja.security import HttpBearer

from loopcoach.web.accounts.services import api_token_user
from loopcoach.web.api.errors import ApiError

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class TokenOrSession(HttpBearer):
    """ninja's Bearer scheme (so the OpenAPI description names it), falling back to the session."""

    openapi_description = "A personal API token from /accounts/, or a signed-in browser session."

    def __call__(self, request: HttpRequest) -> AbstractBaseUser:
        header = request.headers.get("Authorization", "")
        if header.startswith("Bearer "):
            return self.authenticate(request, header[len("Bearer ") :].strip())
        if request.user.is_authenticated:
            if request.method not in SAFE_METHODS and _csrf_refused(request):
                raise ApiError(403, "forbidden", "A signed-in browser must send the CSRF token.")
            return request.user
        raise ApiError(
            401, "unauthorized", "Sign in, or send an API token: Authorization: Bearer <token>."
        )

    def authenticate(self, request: HttpRequest, token: str) -> AbstractBaseUser:
        user = api_token_user(token)
        if user is None:
            raise ApiError(401, "unauthorized", "The API token is not valid.")
        request.user = user
        return user


def _no_view(request: HttpRequest) -> HttpResponse:
    """Stands in for the view in the CSRF check, which only reads the request."""
    raise AssertionError("the CSRF check never calls the view")


def _csrf_refused(request: HttpRequest) -> bool:
    return CsrfViewMiddleware(_no_view).process_view(request, _no_view, (), {}) is not None


token_or_session = TokenOrSession()
