"""The bases of request schemas: strict bodies, and ids in bodies and query strings."""

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


# The largest key SQLite's INTEGER and PostgreSQL's bigint hold: a bigger id cannot name a row,
# and the database driver raises OverflowError (a 500) on a lookup through a foreign key.
MAX_ID = 2**63 - 1

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
"""A row's id in a JSON body."""

QueryId = Annotated[int, Field(ge=1, le=MAX_ID), BeforeValidator(_digits)]
"""A row's id in a query string."""


class DeletedOut(Schema):
    """The answer to a DELETE: the id of what was deleted."""

    deleted: int
