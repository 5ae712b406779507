"""`{% cohort_comments "attempt" attempt %}`: on an item's own page, what the candidate's
coaches said about it (each cohort it is shared in), with the notice of unread comments."""

from __future__ import annotations

from typing import Any

from django import template

from loopcoach.web.cohorts.selectors import threads_on

register = template.Library()


@register.inclusion_tag("cohorts/_item_comments.html", takes_context=True)
def cohort_comments(context: dict[str, Any], kind: str, item: Any) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    threads = threads_on(user, kind, item) if user is not None and item is not None else []
    return {"threads": threads, "kind": kind}
