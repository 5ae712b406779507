"""One check for all text that reaches the database: no NUL, no lone surrogate.

PostgreSQL refuses a NUL in text and a lone surrogate (\\ud800-\\udfff) cannot
be encoded to UTF-8, so either would surface as a 500 deep in a write. The
API's JSON parser (web/api/parser.py) and `CleanInputMiddleware` (every query
string and form body, pages and API alike) both refuse them up front with this
test, as a 400 that names the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from loopcoach.web.api.errors import error_response

BAD_TEXT = re.compile("[\x00\ud800-\udfff]")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
PROBLEM = "contains a NUL character or a lone surrogate (\\ud800-\\udfff): send valid Unicode text"


def is_bad_text(value: str) -> bool:
    return BAD_TEXT.search(value) is not None


def bad_field(data: QueryDict) -> str | None:
    """The first field whose name or value is bad text, or None."""
    for key, values in data.lists():
        for value in (key, *values):
            if isinstance(value, str) and is_bad_text(value):
                return key if not is_bad_text(key) else repr(key)
    return None


def _bad_input(request: HttpRequest) -> tuple[str, str] | None:
    field = bad_field(request.GET)
    if field is not None:
        return "The query string", field
    # The API reads only JSON, through its own parser (a form there is a 415); reading
    # request.POST here would consume the body before that parser sees it.
    api = request.path.startswith("/api/")
    if request.method == "POST" and request.content_type in FORM_TYPES and not api:
        field = bad_field(request.POST)
        if field is not None:
            return "The form", field
    return None


class CleanInputMiddleware:
    """Refuse a request whose query string or form carries bad text, before any view."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        found = _bad_input(request)
        if found is None:
            return self.get_response(request)
        where, field = found
        message = f"{where} field '{field}' {PROBLEM}."
        if request.path.startswith("/api/"):
            return error_response(400, "invalid", message, fields={field: PROBLEM})
        return render(request, "core/400.html", {"message": message}, status=400)
