"""One Redis connection pool per process, for the cache of every thread and the task queue.

Django makes a cache object per thread, and each opened a pool of its own (eight threads,
eight pools); django-rq made a new client, with a new pool and a new connection, for every
job it queued. `SharedRedisCache` is Django's Redis cache on the process's one pool, and
hands django-rq a client on the same pool (its `USE_REDIS_CACHE` setting).

Django's cache also made a new `redis.Redis` for every cache call, whose constructor fills a
table of ~170 reply callbacks (0.2 ms, about what a stored page costs to serve); a client
only borrows a connection from its pool for each command, so one per pool serves every thread.
"""

from __future__ import annotations

import threading
from typing import Any

import redis
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

_pools: dict[tuple, redis.ConnectionPool] = {}
_clients: dict[int, redis.Redis] = {}  # by the id of its pool (pools live as long as the process)
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


class SharedRedisCacheClient(RedisCacheClient):
    """Django's cache client, handing out the one `redis.Redis` of the pool it reads."""

    def get_client(self, key: Any = None, *, write: bool = False) -> redis.Redis:
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = _clients.get(id(pool))
        if client is None:  # two threads may both make one: either serves
            client = _clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class SharedRedisCache(RedisCache):
    """Django's Redis cache, every thread of a process on one connection pool and client."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = {"pool_class": ProcessConnectionPool, **params.get("OPTIONS", {})}
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = SharedRedisCacheClient

    @property
    def _client(self) -> redis.Redis:
        """What django-rq's `USE_REDIS_CACHE` reads: a client on the process's pool."""
        return self._cache.get_client(write=True)  # type: ignore[attr-defined]
