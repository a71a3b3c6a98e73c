"""The catalogue's tables; import models from here."""

from catalogue.models.base import Base
from catalogue.models.embeddings import Embedding
from catalogue.models.events import Event, EventSession, Talk
from catalogue.models.organisations import Organisation, Service
from catalogue.models.practices import Practice
from catalogue.models.revision import CatalogueState, current_index_revision, current_revision
from catalogue.models.tags import Tag

__all__ = [
    "Base",
    "CatalogueState",
    "Embedding",
    "Event",
    "EventSession",
    "Organisation",
    "Practice",
    "Service",
    "Tag",
    "Talk",
    "current_index_revision",
    "current_revision",
]
