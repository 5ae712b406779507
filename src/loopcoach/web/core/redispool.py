"""One Redis connection pool per process, for the cache of every thread and the task queue.

Django makes a cache object per thread, and each opened a pool of its own (eight threads,
eight pools); django-rq made a new client, with a new pool and a new connection, for every
job it queued. `SharedRedisCache` is Django's Redis cache on the process's one pool, and
hands django-rq a client on the same pool (its `USE_REDIS_CACHE` setting).
"""

from __future__ import annotations

import threading
from typing import Any

import redis
from django.core.cache.backends.redis import RedisCache

_pools: dict[tuple, redis.ConnectionPool] = {}
_lock = threading.Lock()


class ProcessConnectionPool(redis.ConnectionPool):
    """`from_url` gives the process's pool for that address, made on first use."""

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> redis.ConnectionPool:  # type: ignore[override]
        key = (url, tuple(sorted(kwargs.items())))
        with _lock:
            if key not in _pools:
                _pools[key] = redis.ConnectionPool.from_url(url, **kwargs)
            return _pools[key]


class SharedRedisCache(RedisCache):
    """Django's Redis cache, every thread of a process on one connection pool."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = {"pool_class": ProcessConnectionPool, **params.get("OPTIONS", {})}
        super().__init__(server, {**params, "OPTIONS": options})

    @property
    def _client(self) -> redis.Redis:
        """What django-rq's `USE_REDIS_CACHE` reads: a client on the process's pool."""
        return self._cache.get_client(write=True)  # type: ignore[attr-defined]
