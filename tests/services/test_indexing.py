"""The index holder: refits off the request path, the index revision, stored and pending vectors."""

from __future__ import annotations

import logging
import threading

import numpy as np
import pytest
from sqlalchemy import func, insert, select

from catalogue.config import SEED_DIR
from catalogue.extensions import db
from catalogue.models import Embedding, Organisation, current_index_revision, current_revision
from catalogue.services.embeddings import load_seed_vectors
from catalogue.services.indexing import IndexHolder, IndexSettings
from matching.semantic import MODEL_ID, E5Encoder, unit_passages
from matching.vectorstore import SEED_VECTORS_FILE, load_vectors


class CountingEncoder:
    """The real encoder, counting the needs and passages it is asked to encode."""

    def __init__(self, delay: threading.Event | None = None) -> None:
        self.encoder = E5Encoder()
        self.model_id = self.encoder.model_id
        self.queries = 0
        self.passage_texts = 0
        self.release = delay  # passages wait for it: a slow model at the library boundary

    def query(self, text: str) -> np.ndarray:
        self.queries += 1
        return self.encoder.query(text)

    def passages(self, texts):
        if self.release is not None:
            self.release.wait(30)
        self.passage_texts += len(texts)
        return self.encoder.passages(texts)


@pytest.fixture
def encoder() -> CountingEncoder:
    return CountingEncoder()


def _holder(encoder, **settings) -> IndexHolder:
    return IndexHolder(IndexSettings(**({"refit_wait": 60.0} | settings)), encoder=lambda: encoder)


def test_seeded_vectors_are_used_without_encoding_any_passage(app, runner, encoder):
    result = runner.invoke(args=["seed", "--no-practices"])
    assert result.exit_code == 0, result.output
    shipped = load_vectors(SEED_DIR / SEED_VECTORS_FILE, MODEL_ID)
    assert f"{len(shipped)} embedding vectors loaded" in result.output
    assert db.session.scalar(select(func.count()).select_from(Embedding)) == len(shipped)
    holder = _holder(encoder, encode_limit=1000)
    index = holder.index(db.session)
    assert holder.wait_idle()
    with_text = [bool(text) for r in index.records_ for text in unit_passages(r)]
    assert index.semantic_.has_vector.tolist() == with_text  # every passage's vector was there
    matches = index.query("czujniki jakości powietrza w naszym mieście", language="pl")
    assert encoder.passage_texts == 0 and encoder.queries == 1
    assert matches and all(0.0 <= m.semantic <= 1.0 for m in matches)


def test_a_new_hub_is_encoded_after_the_swap_and_stored_without_a_refit(app, build, encoder):
    build.organisation(name="Leak Lab", description="Finds leaks in water pipes.")
    holder = _holder(encoder)
    first = holder.index(db.session)
    assert holder.wait_idle()
    revision = current_index_revision(db.session)
    assert not first.semantic_.active  # words only until the vector exists
    index = holder.index(db.session)
    assert index.semantic_.has_vector.all() and encoder.passage_texts == 1
    assert db.session.scalar(select(func.count()).select_from(Embedding)) == 1
    db.session.expire_all()
    assert current_index_revision(db.session) == revision  # storing it made nobody refit


def test_more_new_passages_than_the_limit_are_left_to_embed_pending(app, build, encoder, caplog):
    for n in range(3):
        build.organisation(name=f"Hub {n}", description=f"Works on topic number {n} for cities.")
    holder = _holder(encoder, encode_limit=2)
    with caplog.at_level(logging.WARNING):
        index = holder.index(db.session)
        assert holder.wait_idle()
    assert "3 passages have no embedding yet" in caplog.text
    assert encoder.passage_texts == 0 and not index.semantic_.active


def test_embed_pending_encodes_what_lacks_a_vector_and_moves_the_index_revision(app, runner, build):
    build.organisation(name="Leak Lab", description="Finds leaks in water pipes.")
    before = current_index_revision(db.session)
    result = runner.invoke(args=["embed-pending"])
    assert result.exit_code == 0, result.output
    assert "1 embedding vectors added" in result.output
    db.session.expire_all()
    assert current_index_revision(db.session) == before + 1
    again = runner.invoke(args=["embed-pending"])
    assert "0 embedding vectors added, 0 removed" in again.output


def test_embed_pending_prune_removes_the_vectors_of_old_texts(app, runner, build):
    organisation = build.organisation(name="Leak Lab", description="Finds leaks in water pipes.")
    assert runner.invoke(args=["embed-pending"]).exit_code == 0
    organisation.description = "Finds leaks in water pipes and gas mains."
    db.session.commit()
    result = runner.invoke(args=["embed-pending", "--prune"])
    assert result.exit_code == 0, result.output
    assert "1 embedding vectors added, 1 removed" in result.output
    assert db.session.scalar(select(func.count()).select_from(Embedding)) == 1


def test_only_writes_of_indexed_fields_move_the_index_revision(app, build):
    organisation = build.organisation()
    revision, index_revision = current_revision(db.session), current_index_revision(db.session)
    organisation.website = "https://example.org/"
    db.session.commit()
    assert current_revision(db.session) == revision + 1
    assert current_index_revision(db.session) == index_revision
    organisation.description = "Now works on drones."
    db.session.commit()
    assert current_index_revision(db.session) == index_revision + 1


def test_loading_the_seed_vectors_twice_adds_nothing(app):
    path = SEED_DIR / SEED_VECTORS_FILE
    assert load_seed_vectors(db.session, path) > 0
    assert load_seed_vectors(db.session, path) == 0


def _many_organisations(count: int) -> None:
    """Insert a catalogue large enough that fitting it takes a noticeable time."""
    words = [
        "traffic",
        "sensors",
        "air",
        "quality",
        "training",
        "funding",
        "data",
        "platform",
        "twin",
        "energy",
        "water",
    ]
    rows = [
        {
            "ref": f"bulk-{n}", "slug": f"bulk-{n}", "name": f"Bulk hub {n}", "kind": "dih",
            "country": "BE", "status": "published", "languages": [], "extra": {}, "version": 1,
            "description": " ".join(words[(n + k) % len(words)] + str(k % 97) for k in range(120)),
        }
        for n in range(count)
    ]  # fmt: skip
    db.session.execute(insert(Organisation), rows)
    db.session.commit()


def test_a_refit_does_not_hold_up_queries_the_old_index_serves_until_the_swap(app, build):
    _many_organisations(1500)
    holder = IndexHolder(IndexSettings(embedding=False, refit_wait=0.0))
    old = holder.index(db.session)  # the first fit has nothing to serve before it: it blocks
    build.organisation(ref="leak-lab", name="Leak Lab", description="Finds leaks in water pipes.")
    served = holder.index(db.session)  # starts the refit and does not wait for it
    still_refitting = holder.refitting
    matches = served.query("leaks in water pipes")
    assert served is old and still_refitting
    assert "leak-lab" not in [m.id for m in matches]
    assert holder.wait_idle()
    assert holder.index(db.session).query("leaks in water pipes")[0].id == "leak-lab"


def test_a_slow_encoder_does_not_hold_up_queries(app, build):
    build.organisation(ref="leak-lab", name="Leak Lab", description="Finds leaks in water pipes.")
    release = threading.Event()
    slow = CountingEncoder(delay=release)
    holder = _holder(slow, refit_wait=0.0)
    index = holder.index(db.session)
    assert holder.refitting  # encoding the new hub's passage, blocked on the slow model
    assert index.query("leaks in water pipes")[0].id == "leak-lab"
    release.set()
    assert holder.wait_idle()
    assert holder.index(db.session).semantic_.has_vector.all()


def test_an_organisation_unpublished_while_the_old_index_serves_is_left_out(app, build):
    """The previous index answers until the refit is swapped in; its stale refs must not leak."""
    from catalogue.services.hub_matching import MatchRequest, find_matches

    kept = build.organisation(ref="kept", name="Water Lab", description="Finds water leaks.")
    gone = build.organisation(ref="gone", name="Leak Lab", description="Finds water leaks fast.")
    holder = IndexHolder(IndexSettings(embedding=False, refit_wait=0.0))
    holder.index(db.session)  # the first fit blocks
    assert holder.wait_idle()
    gone.status = "archived"
    db.session.commit()
    outcome = find_matches(db.session, holder, MatchRequest(text="water leaks"))
    assert [(m.rank, m.id) for m in outcome.matches] == [(1, kept.ref)]
    assert holder.wait_idle()
    assert [
        m.id for m in find_matches(db.session, holder, MatchRequest(text="water leaks")).matches
    ] == ["kept"]


def test_with_an_encode_limit_of_zero_a_worker_encodes_nothing_and_is_idle_at_once(
    app, build, encoder
):
    build.organisation(name="Leak Lab", description="Finds leaks in water pipes.")
    holder = _holder(encoder, encode_limit=0)
    assert holder.index(db.session) is not None
    assert not holder.refitting  # pages rendered now may be cached: no thread is filling in
    assert holder.wait_idle() and encoder.passage_texts == 0
