"""What a view's request carries, spelled out for the type checker.

Django types `request.user` as a user or an anonymous user and knows nothing
of `request.htmx`; these say what the middleware and `login_required` promise.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxRequest(HttpRequest):
    """Any request: django-htmx's middleware sets `request.htmx` on every one."""

    htmx: HtmxDetails


class AuthenticatedRequest(HtmxRequest):
    """A request to a view behind `login_required` (or the API's): the user is signed in."""

    user: User
