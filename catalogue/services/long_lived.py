"""Keeping the garbage collector off the objects a worker keeps for its whole life.

A worker holds hundreds of thousands of long-lived objects: the app and its fitted matching
indexes (about 285,000 tracked objects at 10,000 services). CPython's oldest-generation
collection walks all of them, and the request that triggers it waits 50-150 ms: one request
in twenty to a hundred under load. After each fit, ``gc.freeze`` moves everything alive out of
the collector's reach; what requests create is collected as before.

A frozen object that becomes garbage is still freed by reference counting (an index swapped
out, for one); only garbage cycles among frozen objects need a full collection. One runs at
the first fit of a process and whenever the frozen objects have doubled since the last one.
"""

from __future__ import annotations

import gc
import threading

_settling = threading.Lock()
_frozen_after_full = 0  # how many objects were frozen right after the last full collection


def settle() -> None:
    """Freeze what is alive now; collect everything when the frozen part has doubled."""
    global _frozen_after_full
    with _settling:
        gc.collect(1)  # the young garbage, cheaply, so that it is not frozen
        gc.freeze()
        if gc.get_freeze_count() > 2 * _frozen_after_full:
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            _frozen_after_full = gc.get_freeze_count()
