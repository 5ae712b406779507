"""Cached public pages: whole pages for anonymous visitors, fragments for signed-in users.

Every key includes the content version, bumped by signals whenever a content model is
saved or deleted and once per pack load, so a change is seen at once by every web
process. The version is one row in the database (`ContentVersion`, bumped in the same
transaction as the content), or, when the cache is shared by every process (Redis), a
counter in the cache, incremented once the content's transaction commits: reading it
is then part of the one cache round trip that serves a page.

`PageCacheMiddleware`, placed before sessions, authentication, CSRF and CSP, answers a
GET or HEAD without a session cookie, pending messages or an Authorization header from
the page stored under the current version: the stored bytes and the headers the first
response went out with (CSP, X-Frame-Options, Vary, ETag, Cache-Control), or 304 on a
matching If-None-Match. Anything else goes the normal way, and a `public_page` view's
response is stored on its way out, unless it sets a cookie, used a CSRF token or a CSP
nonce: such a page is not the same for everyone.
"""

from __future__ import annotations

import contextvars
import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection, models, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString, mark_safe

from loopcoach.web.core.models import ContentVersion

VERSION_KEY = "content-version"
T = TypeVar("T")
_batched: contextvars.ContextVar[bool] = contextvars.ContextVar("content_batched", default=False)


def content_version() -> int:
    """The current content version."""
    if settings.CONTENT_VERSION_IN_CACHE:
        return _cached_version(cache.get(VERSION_KEY))
    # Read on every request: plain SQL, a third of what building the ORM query cost.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number FROM {ContentVersion._meta.db_table} WHERE id = 1")  # noqa: S608 -- our table's name
        row = cursor.fetchone()
    return row[0] if row else 0


def _cached_version(value: int | None) -> int:
    if value is None:
        # Lost (a flushed or evicted key): start from a number never used before, so that
        # no page stored under an older version can match it.
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        value = cache.get(VERSION_KEY)
    return int(value)


def bump_content_version() -> None:
    """Say that public content changed: every cached page key changes with it."""
    if _batched.get():
        return
    changed = {"number": F("number") + 1, "changed_at": timezone.now()}
    if not ContentVersion.objects.filter(pk=1).update(**changed):
        # A new row (a new or emptied database) starts from a number never used before: a
        # running process keeps pages, rankings and the matcher under the old numbers, and a
        # database recreated under it must not match them.
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": time.time_ns()})
    if settings.CONTENT_VERSION_IN_CACHE:
        # After the commit: a request that sees the new number must also see the new content.
        transaction.on_commit(_bump_cached_version)


def _bump_cached_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no counter yet: the next reader starts one
        pass


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
        request.content_version = content_version()  # type: ignore[attr-defined]
    return request.content_version  # type: ignore[attr-defined]


def content_version_context(request: HttpRequest) -> dict[str, Any]:
    """`content_version` for `{% cache %}` fragments in templates, read only if one is used."""
    return {"content_version": SimpleLazyObject(lambda: request_version(request))}


def _stored_and_version(key: str) -> tuple[Any, int | None]:
    """What is stored under `key`, and the content version: with Redis both in one round trip;
    without it the value first (this process's memory) and the version (a database row) only
    when there is one (None otherwise)."""
    if settings.CONTENT_VERSION_IN_CACHE:
        found = cache.get_many([VERSION_KEY, key])
        return found.get(key), _cached_version(found.get(VERSION_KEY))
    stored = cache.get(key)
    return stored, content_version() if stored is not None else None


def versioned(key: str, build: Callable[[], T | None]) -> T | None:
    """The value `build()` gives, kept in the cache under `key` until the content changes:
    stored with the version it was built under, like a page. None is not kept."""
    stored, version = _stored_and_version(key)
    if stored is not None and stored[0] == version:
        return stored[1]
    if version is None:
        version = content_version()
    value = build()  # after reading the version: a newer version has its content committed
    if value is not None:
        cache.set(key, (version, value), settings.PAGE_CACHE_SECONDS)
    return value


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
    """Is this request's page the same for everyone (no session, no pending messages, no
    API credentials)?"""
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
        and "Authorization" not in request.headers
    )


def _page_key(request: HttpRequest) -> str:
    """The stored page's key: its path and whether htmx asked for the fragment. The version
    is stored with the page, so that one cache read gives both (see the middleware)."""
    return f"page:{_key(request.get_full_path(), request.headers.get('HX-Request') == 'true')}"


def _etag(request: HttpRequest, version: int) -> str:
    return f'W/"{_key(version, _page_key(request))[:20]}"'


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page that is the same for every anonymous visitor: answered with an ETag (304 when
    unchanged), and stored for `PageCacheMiddleware` to serve again."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        version = request_version(request)  # also the key of the page's cached fragments
        if not _shared(request):
            return view(request, *args, **kwargs)
        etag = _etag(request, version)
        response = get_conditional_response(request, etag=etag)
        if response is None:
            request.shared_page = True  # type: ignore[attr-defined]  # base.html: no CSRF token
            response = view(request, *args, **kwargs)
            request.page_to_store = version  # type: ignore[attr-defined]
        if response.status_code in (200, 304):
            response.headers["ETag"] = etag
            # Browsers revalidate every time (a 304 is cheap); a shared cache must not give
            # an anonymous page to a signed-in user, whose pages differ.
            response.headers["Cache-Control"] = "no-cache"
            patch_vary_headers(response, ("Cookie", "HX-Request"))
        return response

    return wrapper


def shared_response(request: HttpRequest) -> None:
    """Keep this view's response, when it is the same for everyone (a GET without a session or
    credentials), for `PageCacheMiddleware` to serve again until the content changes: what
    `public_page` does for a page, for a view that is not one (the API's question list)."""
    if request.method == "GET" and _shared(request):
        request.page_to_store = request_version(request)  # type: ignore[attr-defined]


# Set again for each response from the stored bytes.
_NOT_REPLAYED = {"content-length"}


class PageCacheMiddleware:
    """Serve stored anonymous pages before sessions, authentication, CSRF and CSP run."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.static_prefix = "/" + settings.STATIC_URL.lstrip("/")

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if (
            request.method in ("GET", "HEAD")
            and _shared(request)
            and not request.path.startswith(self.static_prefix)
        ):
            stored = self._stored(request)
            if stored is not None:
                return stored
        response = self.get_response(request)
        if getattr(request, "page_to_store", None) is not None:
            self._store(request, response)
        return response

    def _stored(self, request: HttpRequest) -> HttpResponseBase | None:
        # Without Redis the version is read only when there is a page to check: most requests
        # (the API, signed-out forms) have none.
        page, version = _stored_and_version(_page_key(request))
        if version is not None:
            request.content_version = version  # type: ignore[attr-defined]  # read once
        if page is None or page[0] != version:
            return None
        _, headers, content = page
        unchanged = get_conditional_response(request, etag=dict(headers).get("ETag"))
        if unchanged is not None:
            for name, value in headers:
                if name not in ("Content-Type", "Content-Length"):
                    unchanged.headers[name] = value
            return unchanged
        # A HEAD gets the headers only: a body after them would be read as the next response.
        response = HttpResponse(b"" if request.method == "HEAD" else content)
        for name, value in headers:
            response.headers[name] = value
        # Without a length waitress would send the page in chunks (CommonMiddleware, which
        # sets it on the normal path, does not run for a stored page).
        response.headers["Content-Length"] = str(len(content))
        return response

    def _store(self, request: HttpRequest, response: HttpResponseBase) -> None:
        personal = (
            response.cookies  # a session, a CSRF cookie, a message: one visitor's
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a CSRF token is in the page
            or isinstance(getattr(request, "_csp_nonce", None), str)  # so is a CSP nonce
        )
        if request.method != "GET" or response.status_code != 200 or response.streaming:
            return
        if personal:
            return
        assert isinstance(response, HttpResponse)
        headers = [
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in _NOT_REPLAYED
        ]
        page = (request.page_to_store, headers, response.content)  # type: ignore[attr-defined]
        cache.set(_page_key(request), page, settings.PAGE_CACHE_SECONDS)
