"""``flask devset``: the matching library's development-set tools, run on the seed as the app
reads it (through its import, with its validation), so they measure what the app ranks."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import click
from flask import Flask

from catalogue.config import SEED_DIR
from catalogue.seeded import seeded_catalogue
from matching import evaluate, tuning
from matching.vectorstore import SEED_VECTORS_FILE

GRADE_TOOL = Path(evaluate.__file__).parent / "devset" / "grade_tool.py"
seed_dir_option = click.option(
    "--seed-dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=SEED_DIR,
    show_default=True,
    help="The folder of the seed's interchange files.",
)


@click.group("devset")
def devset_group() -> None:
    """Evaluate, tune and grade the matching engine on the development set."""


@devset_group.command("evaluate")
@seed_dir_option
@click.option("--devset", type=click.Path(exists=True, path_type=Path), default=None)
@click.option("--vectors", type=click.Path(path_type=Path), default=None)
@click.option("--save-query-vectors", is_flag=True, help="Encode and store needs not cached.")
def evaluate_command(
    seed_dir: Path, devset: Path | None, vectors: Path | None, save_query_vectors: bool
) -> None:
    """Print nDCG@10, MRR and recall@10 per language for the engine and the baselines."""
    seed = seeded_catalogue(seed_dir)
    needs = evaluate.fold_duplicates(evaluate.load_devset(devset), seed.listed_as)
    evaluate.run(seed.records, needs, vectors or seed_dir / SEED_VECTORS_FILE, save_query_vectors)


@devset_group.command("tune")
@seed_dir_option
def tune_command(seed_dir: Path) -> None:
    """Learn the fusion weights per language group; print the table and DEFAULT_FUSION."""
    seed = seeded_catalogue(seed_dir)
    needs = evaluate.fold_duplicates(evaluate.load_devset(), seed.listed_as)
    tuning.run(seed.records, needs, seed_dir / SEED_VECTORS_FILE)


@devset_group.command("grade")
@click.argument("command", type=click.Choice(["show", "apply"]))
@click.argument("topic", required=False)
def grade_command(command: str, topic: str | None) -> None:
    """``show TOPIC``: a topic's candidates in context; ``apply``: write the patterns' grades."""
    if command == "show" and not topic:
        raise click.UsageError("show needs a TOPIC (a key of matching/devset/patterns.json)")
    try:
        grade_tool().run(list(seeded_catalogue(SEED_DIR).own_records), command, topic)
    except ValueError as error:
        raise click.UsageError(str(error)) from error


def grade_tool() -> ModuleType:
    """Import the grading aid, a script beside the data rather than a module of the package."""
    name = "devset_grade_tool"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, GRADE_TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def init_app(app: Flask) -> None:
    """Register ``flask devset``."""
    app.cli.add_command(devset_group)
