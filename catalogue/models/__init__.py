"""The catalogue's tables; import models from here."""

from catalogue.models.accounts import Account, ApiToken, LoginSession, OutboxMessage
from catalogue.models.base import Base
from catalogue.models.embeddings import Embedding
from catalogue.models.events import Event, EventSession, Talk
from catalogue.models.needs import ContactRequest, HubNeedMark, MatchFeedback, Need
from catalogue.models.organisations import Organisation, Service
from catalogue.models.practices import Practice
from catalogue.models.publishing import AuditEntry, Change, Claim, Membership
from catalogue.models.revision import CatalogueState, current_index_revision, current_revision
from catalogue.models.search import organisation_search, practice_search
from catalogue.models.tags import DetectedTag, Tag

__all__ = [
    "Account",
    "ApiToken",
    "AuditEntry",
    "Change",
    "Claim",
    "ContactRequest",
    "HubNeedMark",
    "MatchFeedback",
    "Need",
    "LoginSession",
    "Membership",
    "OutboxMessage",
    "Base",
    "CatalogueState",
    "DetectedTag",
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
    "organisation_search",
    "practice_search",
]
