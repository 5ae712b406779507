"""The Redis cache and the task queue share one connection pool per process."""

from __future__ import annotations

import threading

import pytest
import redis

from loopcoach.web.core.redispool import SharedRedisCache

REDIS_URL = "redis://127.0.0.1:6379/11"


@pytest.fixture
def redis_cache(settings):
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {
            "BACKEND": "loopcoach.web.core.redispool.SharedRedisCache",
            "LOCATION": REDIS_URL,
        }
    }
    from django.core.cache import cache

    yield cache
    cache.delete("pool-probe")


def in_four_threads(use) -> None:
    threads = [threading.Thread(target=use) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_it_gives_every_thread_the_same_pool(redis_cache):
    pools = []

    def use() -> None:  # a thread of waitress: Django gives it a cache object of its own
        cache = SharedRedisCache(REDIS_URL, {})
        cache.set("pool-probe", 1)
        pools.append(cache._cache._get_connection_pool(write=True))

    in_four_threads(use)
    assert len(pools) == 4 and len({id(pool) for pool in pools}) == 1


def test_every_thread_and_call_reads_through_one_client(redis_cache):
    clients = []

    def use() -> None:
        cache = SharedRedisCache(REDIS_URL, {})
        cache.set("pool-probe", 3)
        assert cache.get("pool-probe") == 3
        clients.extend([cache._cache.get_client(), cache._cache.get_client(write=True)])

    in_four_threads(use)
    assert len(clients) == 8 and len({id(client) for client in clients}) == 1


def test_it_hands_the_task_queue_a_client_on_that_pool(redis_cache):
    from django_rq.connection_utils import get_redis_connection

    queue_client = get_redis_connection({"USE_REDIS_CACHE": "default"})
    redis_cache.set("pool-probe", 2)
    assert queue_client.connection_pool is redis_cache._cache._get_connection_pool(write=True)
    assert redis_cache.get("pool-probe") == 2
