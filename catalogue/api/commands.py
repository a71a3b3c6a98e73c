"""The ``import-ngsi-ld`` command: NGSI-LD hub and service entities into the catalogue."""

from __future__ import annotations

from pathlib import Path

import click

from catalogue.api.blueprint import bp
from catalogue.errors import ValidationError
from catalogue.extensions import db
from catalogue.services import interchange, ngsi_ld
from catalogue.services.interchange.files import read_document


def _read_json(path: Path) -> object:
    try:
        return read_document(path)
    except ValidationError as error:
        raise click.ClickException(error.message) from error


def _fail(error: ValidationError, origins: dict[str, str] | None = None) -> None:
    for path, problem in error.fields.items():
        click.echo(f"{ngsi_ld.entity_path(path, origins or {})}: {problem}", err=True)
    raise click.ClickException(error.message)


@bp.cli.command("import-ngsi-ld")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_ngsi_ld_command(file: Path) -> None:
    """Import FILE of NGSI-LD hub and service entities (key-values or normalized); all or none."""
    origins: dict[str, str] = {}
    try:
        document, origins = ngsi_ld.convert_entities(_read_json(file))
        summary = interchange.import_catalogue(db.session, document)
    except ValidationError as error:
        db.session.rollback()
        _fail(error, origins)
    db.session.commit()
    click.echo(f"{file}: {summary}")
