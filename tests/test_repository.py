"""The repository stands alone: no tracked file reaches for the reference folder beside it."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Written in pieces so that this file, which is tracked too, does not match its own patterns.
NAME = "sha" + "red"
DOTS = r"\.\."
SEP = r"[/\\]"
QUOTE = r"[\"']"
REACHES_OUT = re.compile(
    "|".join(
        [
            rf"{DOTS}(?:{SEP}+{DOTS})*{SEP}+{NAME}\b",  # ../x, ../../x, ..\x
            rf"{SEP}work{SEP}+{NAME}\b",  # the folder's absolute path on the team's machines
            rf"{QUOTE}{NAME}{QUOTE}",  # "x" as a path part: parent / "x", join("..", "x")
            rf"{QUOTE}{SEP}?{NAME}{SEP}",  # "x/data", "/x/spec" glued onto a parent path
            rf"(?<![\w./-]){NAME}{SEP}(?:spec|data)\b",  # x/spec/..., x/data/... named as a path
        ]
    ),
    re.IGNORECASE,
)
# The documentation may tell where a contract came from; code, tests, data and READMEs may not.
ALLOWED_FOLDERS = ("docs/",)


def tracked_files() -> list[str]:
    """Every file Git tracks in this repository, as paths relative to its root."""
    listing = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=60
    )
    return [name for name in listing.stdout.decode("utf-8").split("\0") if name]


def reaching_lines(text: str) -> list[str]:
    """The lines of ``text`` that reach outside the repository, numbered."""
    return [
        f"{number}: {line.strip()[:120]}"
        for number, line in enumerate(text.splitlines(), start=1)
        if REACHES_OUT.search(line)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "MODELS = REPOSITORY_ROOT.parent / '{}' / 'data'",
        'default=REPO_ROOT / ".." / "{}" / "data",',
        "os.path.join(here, '..', '{}', 'spec')",
        'Path(__file__).parents[2].joinpath("{}/data")',
        "see [the spec](../{}/spec/match-api.md)",
        r"..\{}\data\jrc",
        "../../{}/data/natural-earth",
        "python tool.py /work/{}/data/x.json",
        "exactly as {}/spec/match-api.md describes it",
    ],
)
def test_the_patterns_catch_a_reference(line):
    assert reaching_lines(line.format(NAME))


@pytest.mark.parametrize(
    "line",
    [
        "Several workers share counts only with a shared store.",
        "Terms shared by the query and one field of one unit.",
        '"""The shared parameters: paging and filters."""',
        "the records' schemas, the error shape and shared responses",
    ],
)
def test_the_patterns_leave_ordinary_words_alone(line):
    assert reaching_lines(line) == []


def test_no_tracked_file_reaches_outside_the_repository():
    offenders = {}
    for name in tracked_files():
        path = ROOT / name
        if path.is_symlink():
            target = (path.parent / os.readlink(path)).resolve()
            if not target.is_relative_to(ROOT):
                offenders[name] = [f"symbolic link to {target}"]
            continue
        if name.startswith(ALLOWED_FOLDERS) or not path.is_file():
            continue
        found = reaching_lines(path.read_bytes().decode("utf-8", errors="replace"))
        if found:
            offenders[name] = found
    report = "\n".join(f"{name}:{line}" for name, lines in offenders.items() for line in lines)
    assert not offenders, f"copy what the product needs into the repository instead:\n{report}"


def test_the_listing_holds_this_file_and_the_shipped_data():
    names = set(tracked_files())
    assert "README.md" in names
    assert "seed_data/sources/jrc-dih-catalogue-2022/jrc_dih_hubs.json" in names
    assert "tests/data/smart-data-models/LICENSE" in names
