"""The download cache: one rendering per file and revision, a bounded number of files kept."""

from __future__ import annotations

from collections.abc import Callable

from catalogue.extensions import db
from catalogue.services.download_cache import DownloadCache


class Renderer:
    """Makes render functions that return a key's bytes and note each call."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, key: str) -> Callable[[], bytes]:
        def render() -> bytes:
            self.calls.append(key)
            return key.encode()

        return render


def test_a_file_is_rendered_once_per_revision(app, build):
    cache, renderer = DownloadCache(), Renderer()
    files = cache.current(db.session)
    assert files.body("a", renderer("a")) == b"a"
    assert files.body("a", renderer("a")) == b"a"
    assert cache.current(db.session) is files
    build.organisation(ref="new-hub")
    assert cache.current(db.session) is not files
    assert cache.current(db.session).body("a", renderer("a")) == b"a"
    assert renderer.calls == ["a", "a"]


def test_the_oldest_file_makes_room_when_the_bound_is_reached(app):
    files, renderer = DownloadCache(max_files=2).current(db.session), Renderer()
    for key in ("a", "b", "c", "b", "a"):
        files.body(key, renderer(key))
    assert renderer.calls == ["a", "b", "c", "a"]
