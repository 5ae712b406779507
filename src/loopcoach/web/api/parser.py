"""Reading a request body as JSON, refusing what would break further in: one parser for the API.

A body must be JSON (a request without a Content-Type is read as JSON, on every
endpoint alike; any other type is a 415), at most MAX_BODY_BYTES,
nested at most MAX_DEPTH deep (Python's parser would raise RecursionError far
deeper), an object at the top, and its text must be valid Unicode with no NUL:
a lone surrogate cannot be encoded to UTF-8 and PostgreSQL refuses NUL.
"""

from __future__ import annotations

import json
import re
from typing import Any

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from ninja.parser import Parser

from loopcoach.web.api.errors import ApiError, bad_request

# The longest text the site keeps (a 30,000-character answer) fits even with every character
# \u-escaped; the analyzer itself stops at 200 KiB.
MAX_BODY_BYTES = 200_000
MAX_DEPTH = 32  # the deepest body the API takes (offers → offer → percents) is 4
JSON_TYPES = ("application/json", "")
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(rb"[\[\]{}]")
_BAD_TEXT = re.compile("[\x00\ud800-\udfff]")


def _depth(body: bytes) -> int:
    if body.count(b"[") + body.count(b"{") <= MAX_DEPTH:
        return 0  # too few brackets to be too deep: skip the scan
    depth = deepest = 0
    for match in _BRACKETS.finditer(_STRINGS.sub(b"", body)):
        depth += 1 if match.group() in (b"[", b"{") else -1
        deepest = max(deepest, depth)
    return deepest


def check_text(value: str, where: str) -> None:
    if _BAD_TEXT.search(value):
        raise bad_request(
            f"{where} contains a NUL character or a lone surrogate (\\ud800-\\udfff): "
            "send valid Unicode text."
        )


def _check_strings(value: Any) -> None:
    if isinstance(value, str):
        check_text(value, "The request body")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_strings(key)
            _check_strings(item)
    elif isinstance(value, list):
        for item in value:
            _check_strings(item)


def _not_json(constant: str) -> None:
    raise ValueError(f"{constant} is not JSON")  # Python's parser takes NaN and Infinity


def parse_json_body(request: HttpRequest) -> dict[str, Any]:
    if request.content_type not in JSON_TYPES:
        raise ApiError(415, "unsupported_media_type", "Send the body as application/json.")
    body = request.body  # raises RequestDataTooBig past DATA_UPLOAD_MAX_MEMORY_SIZE: a 413 too
    if len(body) > MAX_BODY_BYTES:
        raise ApiError(
            413, "too_large", f"The request body is larger than {MAX_BODY_BYTES:,} bytes."
        )
    if _depth(body) > MAX_DEPTH:
        raise bad_request(f"The request body is nested deeper than {MAX_DEPTH} levels.")
    try:
        data = json.loads(body, parse_constant=_not_json)
    except (ValueError, UnicodeDecodeError):
        raise bad_request("The request body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise bad_request("The request body must be a JSON object.")
    _check_strings(data)
    return data


class ApiParser(Parser):
    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        return parse_json_body(request)

    def parse_querydict(
        self, data: MultiValueDict, list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        for key, values in data.lists():
            for value in (key, *values):
                if isinstance(value, str):  # uploaded files (multipart) pass through as they are
                    check_text(value, "The query string")
        return super().parse_querydict(data, list_fields, request)
