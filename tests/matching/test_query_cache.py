"""The encoder's cache of need vectors: bounded, by text, and never a different vector."""

from __future__ import annotations

import numpy as np

from matching.semantic import QUERY_CACHE_SIZE, E5Encoder, QueryCache


def test_the_cache_keeps_the_most_recently_used_needs_only():
    cache = QueryCache(2)
    cache.put("a", np.ones(2))
    cache.put("b", np.zeros(2))
    assert cache.get("a") is not None  # "a" is now the most recently used
    cache.put("c", np.ones(2))
    assert len(cache) == 2
    assert cache.get("b") is None and cache.get("a") is not None and cache.get("c") is not None


def test_a_cache_of_size_zero_keeps_nothing():
    cache = QueryCache(0)
    cache.put("a", np.ones(2))
    assert len(cache) == 0 and cache.get("a") is None


class _Counting:
    """The real model, counting the needs it encodes."""

    def __init__(self, model):
        self.model, self.queries = model, 0

    def query(self, text):
        self.queries += 1
        return self.model.query(text)


def test_a_need_is_encoded_once_and_the_cached_vector_is_the_encoded_one():
    encoder = E5Encoder()
    counting = encoder._model = _Counting(encoder._loaded())
    first = encoder.query("air quality sensors for the city")
    first[:] = 0  # a caller changing its copy must not change what the cache serves
    again = encoder.query("air quality sensors for the city")
    uncached = E5Encoder(query_cache=0)
    assert counting.queries == 1
    assert np.array_equal(again, uncached.query("air quality sensors for the city"))
    assert encoder.query("Luftqualitätssensoren") is not None and counting.queries == 2


def test_the_encoder_holds_at_most_its_cache_size():
    encoder = E5Encoder(query_cache=3)
    for text in ["one need", "two needs", "three needs", "four needs"]:
        encoder.query(text)
    assert len(encoder._queries) == 3 and encoder._queries.get("one need") is None
    assert E5Encoder()._queries.size == QUERY_CACHE_SIZE
