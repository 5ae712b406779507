"""Cached public pages: whole pages for anonymous visitors, fragments for signed-in users.

Every key includes the content version (`ContentVersion`, one row in the database),
bumped by signals whenever a content model is saved or deleted and once per pack load,
so a change is seen at once by every web process, whatever cache each one uses. Reading
the version costs one primary-key query per request; everything else on a hit comes from
the cache. Anonymous pages also answer conditional GETs (ETag and Last-Modified, from
the version) with 304.

A page is cached whole only for a visitor with no session and no pending messages:
such a page is the same for everyone, and it is rendered without a CSRF token (the
public pages have no forms that post), so it sets no cookie.
"""

from __future__ import annotations

import contextvars
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.http import http_date
from django.utils.safestring import SafeString, mark_safe

from loopcoach.web.core.models import ContentVersion

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
_batched: contextvars.ContextVar[bool] = contextvars.ContextVar("content_batched", default=False)


def content_version() -> tuple[int, datetime]:
    """The current content version and when it changed."""
    row = ContentVersion.objects.filter(pk=1).values_list("number", "changed_at").first()
    return row or (0, EPOCH)


def bump_content_version() -> None:
    """Say that public content changed: every cached page key changes with it."""
    if _batched.get():
        return
    changed = {"number": F("number") + 1, "changed_at": timezone.now()}
    if not ContentVersion.objects.filter(pk=1).update(**changed):
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})


@contextmanager
def content_changes() -> Iterator[None]:
    """Many content writes (a pack load, seed data) bump the version once, at the end."""
    token = _batched.set(True)
    try:
        yield
    finally:
        _batched.reset(token)
    bump_content_version()


def _bump_on_signal(sender: Any, **kwargs: Any) -> None:
    bump_content_version()


def watch_content(*content_models: type[models.Model]) -> None:
    """Bump the content version whenever one of these models (or its many-to-many) changes."""
    for model in content_models:
        uid = f"pagecache:{model._meta.label}"
        post_save.connect(_bump_on_signal, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(_bump_on_signal, sender=model, dispatch_uid=f"{uid}:delete")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_bump_on_signal, sender=through, dispatch_uid=f"{uid}:{field.name}")


def request_version(request: HttpRequest) -> int:
    """The content version, read once per request."""
    if not hasattr(request, "content_version"):
        request.content_version, request.content_changed_at = content_version()  # type: ignore[attr-defined]
    return request.content_version  # type: ignore[attr-defined]


def content_version_context(request: HttpRequest) -> dict[str, Any]:
    """`content_version` for `{% cache %}` fragments in templates, read only if one is used."""
    return {"content_version": SimpleLazyObject(lambda: request_version(request))}


def _key(*parts: object) -> str:
    return hashlib.sha1(":".join(map(str, parts)).encode()).hexdigest()


def cached_fragment(
    request: HttpRequest, name: str, *parts: object, render: Callable[[], str]
) -> SafeString:
    """The HTML `render()` makes, kept under `name` and `parts` until the content changes."""
    key = f"fragment:{name}:{_key(request_version(request), *parts)}"
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, settings.PAGE_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 -- rendered by our own templates, escaped there


def _shared(request: HttpRequest) -> bool:
    """Is this request's page the same for everyone (no session, no pending messages)?"""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a public page from the cache to anonymous visitors, with ETag and Last-Modified."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        version = request_version(request)  # also the key of the page's cached fragments
        if not _shared(request):
            return view(request, *args, **kwargs)
        changed_at = request.content_changed_at  # type: ignore[attr-defined]
        htmx = request.headers.get("HX-Request") == "true"
        key = _key(version, request.get_full_path(), htmx)
        etag = f'W/"{key[:20]}"'
        last_modified = int(changed_at.timestamp())
        unchanged = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if unchanged is None:
            response = _cached_response(request, f"page:{key}", view, *args, **kwargs)
        else:
            response = unchanged
        if response.status_code in (200, 304):
            response.headers["ETag"] = etag
            response.headers["Last-Modified"] = http_date(last_modified)
            # Browsers revalidate every time (a 304 is cheap); a shared cache must not give
            # an anonymous page to a signed-in user, whose pages differ.
            response.headers["Cache-Control"] = "no-cache"
            patch_vary_headers(response, ("Cookie", "HX-Request"))
        return response

    return wrapper


def _cached_response(
    request: HttpRequest, key: str, view: Callable[..., HttpResponse], *args: Any, **kwargs: Any
) -> HttpResponse:
    hit = cache.get(key)
    if hit is not None:
        content, content_type = hit
        return HttpResponse(content, content_type=content_type)
    request.shared_page = True  # type: ignore[attr-defined]  # base.html: no CSRF token
    response = view(request, *args, **kwargs)
    if response.status_code == 200 and not response.cookies and not response.streaming:
        cache.set(key, (response.content, response["Content-Type"]), settings.PAGE_CACHE_SECONDS)
    return response
