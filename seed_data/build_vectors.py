"""Encode every profile and service of the seed files into seed_data/vectors-e5-small.npz."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = REPO_ROOT / "seed_data"
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from catalogue.seeded import seeded_catalogue  # noqa: E402
from matching.semantic import E5Encoder  # noqa: E402
from matching.vectorstore import (  # noqa: E402
    SEED_VECTORS_FILE,
    catalogue_passages,
    encode_missing,
    load_vectors,
    save_vectors,
)


def main(argv: list[str] | None = None) -> int:
    """Encode the passages that have no vector yet, drop the vectors no passage uses, write."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed-dir", type=Path, default=SEED_DIR)
    parser.add_argument("--threads", type=int, default=2, help="OpenMP threads of the encoder")
    args = parser.parse_args(argv)
    encoder = E5Encoder(threads=args.threads)
    path = args.seed_dir / SEED_VECTORS_FILE
    # The records the app ranks (duplicates merged into the organisation they are listed as), and
    # each source's record alone, as the development set grades them.
    seed = seeded_catalogue(args.seed_dir)
    passages = catalogue_passages(seed.records, encoder.model_id)
    passages |= catalogue_passages(seed.own_records, encoder.model_id)
    known = load_vectors(path, encoder.model_id) if path.exists() else {}
    known = {key: vector for key, vector in known.items() if key in passages}
    started = time.perf_counter()
    done = 0

    def progress(count: int) -> None:
        nonlocal done
        done += count
        print(f"\r{done}/{len(passages) - len(known)} passages encoded", end="", flush=True)

    new = encode_missing(passages, known, encoder, progress)
    save_vectors(path, encoder.model_id, known | new)
    seconds = time.perf_counter() - started
    print(f"\n{path}: {len(passages)} passages, {len(new)} encoded in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
