"""The bases of request schemas: strict bodies, and whole numbers in query strings."""

from __future__ import annotations

from typing import Annotated

from ninja import Schema
from pydantic import BeforeValidator, ConfigDict, Field


class Input(Schema):
    """Strict: "12" is not 12 and true is not 1. Unknown fields are ignored, as they always
    were (a client may send one body to several endpoints); `ExactInput` refuses them."""

    model_config = ConfigDict(strict=True)


class ExactInput(Input):
    """For bodies where a misspelt field would silently change the answer (money, dates)."""

    model_config = ConfigDict(strict=True, extra="forbid")


def _digits(value: object) -> object:
    # A query string is text: take a number only in its plain spelling ("2", not "+2" or "2.0").
    if isinstance(value, str) and not value.isdigit():
        raise ValueError("must be a positive whole number")
    return value


QueryId = Annotated[int, Field(ge=1), BeforeValidator(_digits)]
