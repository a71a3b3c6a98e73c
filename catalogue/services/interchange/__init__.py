"""The catalogue interchange format (docs/interchange.md): validate, import and export documents."""

from catalogue.services.interchange.checking import DocumentError, validate_document
from catalogue.services.interchange.counts import count_records, describe_counts
from catalogue.services.interchange.exporting import export_catalogue
from catalogue.services.interchange.importing import ImportSummary, import_catalogue
from catalogue.services.interchange.issues import Issue

__all__ = [
    "DocumentError",
    "ImportSummary",
    "Issue",
    "count_records",
    "describe_counts",
    "export_catalogue",
    "import_catalogue",
    "validate_document",
]
