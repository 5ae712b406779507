"""The one envelope of every list the API returns, and the page query parameter."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any, Generic, TypeVar

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.db.models import QuerySet
from ninja import Schema
from pydantic import Field

from loopcoach.web.api.errors import not_found
from loopcoach.web.api.schemas import QueryId

T = TypeVar("T")


PageNumber = Annotated[QueryId, Field(description="The page, 1 for the first")]


class Page(Schema, Generic[T]):
    count: int = Field(description="How many items there are on all pages.")
    page: int
    pages: int
    next: int | None = Field(description="The next page's number, or null on the last.")
    previous: int | None
    results: list[T]


def paginate(
    items: QuerySet | Sequence, number: int, serialize: Callable[[Any], T], **extra: Any
) -> dict[str, Any]:
    """Page `number` of `items` (settings.API_PAGE_SIZE a page); a page past the last is a 404."""
    paginator = Paginator(items, settings.API_PAGE_SIZE, allow_empty_first_page=True)
    try:
        page = paginator.page(number)
    except EmptyPage:
        raise not_found(f"Page {number} is past the last page ({paginator.num_pages}).") from None
    return {
        "count": paginator.count,
        "page": number,
        "pages": paginator.num_pages,
        "next": number + 1 if page.has_next() else None,
        "previous": number - 1 if page.has_previous() else None,
        "results": [serialize(item) for item in page.object_list],
        **extra,
    }
