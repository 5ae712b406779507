"""Fixed-window counters in the cache: API rate limits (login lockouts are in the database).

The cache is per process by default and shared through Redis when REDIS_URL
is set, so with several web processes a limit holds across all of them only
with Redis; without it each process counts on its own.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address: the socket's, or the one the trusted proxies put in X-Forwarded-For."""
    if settings.PROXY_COUNT:
        hops = [
            hop.strip()
            for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if hop.strip()
        ]
        if len(hops) >= settings.PROXY_COUNT:
            return hops[-settings.PROXY_COUNT]
    return request.META.get("REMOTE_ADDR", "")


def count(key: str) -> int:
    return cache.get(f"ratelimit:{key}", 0)


def hit(key: str, *, window_seconds: int) -> int:
    """Count one more event for `key` in the current window; return the count so far."""
    full_key = f"ratelimit:{key}"
    cache.add(full_key, 0, timeout=window_seconds)
    try:
        return cache.incr(full_key)
    except ValueError:  # expired between add and incr
        cache.set(full_key, 1, timeout=window_seconds)
        return 1


def reset(key: str) -> None:
    cache.delete(f"ratelimit:{key}")
