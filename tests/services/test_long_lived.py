"""A fitted index is kept out of the garbage collector's walks, and frozen garbage still goes."""

from __future__ import annotations

import gc
import weakref

from catalogue.extensions import db
from catalogue.services import long_lived
from catalogue.services.indexing import IndexHolder, IndexSettings
from catalogue.services.practice_matching import PracticeIndexHolder


def _walked_by_the_collector(thing: object) -> bool:
    return any(tracked is thing for tracked in gc.get_objects())


class Node:
    """An object of a reference cycle, which only the collector can free."""

    def __init__(self) -> None:
        self.me = self


def test_after_a_fit_the_index_is_out_of_the_collectors_walks(app, build):
    hub = build.organisation(name="Harbour Data Lab")
    build.practice([hub], title="Sensors on the quays")
    index = IndexHolder(IndexSettings(embedding=False, refit_wait=60.0)).index(db.session)
    assert index is not None
    for fitted in (index, index.records_[0]):
        assert gc.is_tracked(fitted) and not _walked_by_the_collector(fitted)
    practices = PracticeIndexHolder().index(db.session)
    assert practices is not None
    assert gc.is_tracked(practices) and not _walked_by_the_collector(practices)
    assert _walked_by_the_collector(Node())  # what is made afterwards is collected as usual


def test_a_frozen_garbage_cycle_is_freed_once_the_frozen_objects_have_doubled():
    long_lived.settle()
    cycle = Node()
    alive = weakref.ref(cycle)
    long_lived.settle()  # frozen, the frozen part far from doubled
    del cycle
    gc.collect()
    assert alive() is not None  # garbage, but out of the collector's reach
    more = [[] for _ in range(2 * gc.get_freeze_count() + 1)]
    long_lived.settle()  # the frozen part would double: everything is collected first
    assert alive() is None
    del more
