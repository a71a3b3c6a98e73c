"""Fixtures of the API tests: a small catalogue with published and unpublished records."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from catalogue.extensions import db
from catalogue.models import Event, Organisation, Practice, Service
from tests.builders import Builders

SECRET = "internal note: do not publish"


@dataclass
class Catalogue:
    """The records the API tests look at."""

    hub: Organisation
    lab: Organisation
    service: Service
    training: Service
    practice: Practice
    event: Event
    hidden: dict[str, object]


def _tag_service(build: Builders, service: Service, technologies=(), sectors=()) -> None:
    """Tag a service after it is saved (the builder's own tagging trips an autoflush warning)."""
    service.tags = [build.tag("technology", t) for t in technologies] + [
        build.tag("sector", s) for s in sectors
    ]
    db.session.commit()


@pytest.fixture
def catalogue(build: Builders) -> Catalogue:
    """Two published organisations with services, a practice and an event, plus hidden records."""
    hub = build.organisation(
        ref="jrc-1",
        name="Brussels Smart City Hub",
        country="BE",
        city="Brussels",
        region="Brussels-Capital",
        website="https://hub.example.eu/",
        email="contact@hub.example.eu",
        languages=["fr", "nl"],
        latitude=50.85,
        longitude=4.35,
        technologies=["Internet of Things"],
        sectors=["Smart City"],
        source_name="JRC DIH Tool",
        source_url="https://s3platform.example.eu/dih/1",
        source_retrieved="2022-02",
        extra={"note": SECRET, "licence": "CC BY 4.0", "attribution": "European Commission"},
    )
    lab = build.organisation(ref="ll-2", name="Aveiro Living Lab", kind="living_lab", country="PT")
    service = build.service(
        hub,
        ref="svc-iot",
        title="IoT test bed",
        audiences=["public_sector"],
        languages=["en"],
        url="https://hub.example.eu/iot",
        price="free",
        delivery="onsite",
        extra={"note": SECRET},
    )
    _tag_service(build, service, ["Internet of Things"], ["Smart City"])
    training = build.service(lab, ref="svc-skills", title="Data skills", family="skills_training")
    practice = build.practice([hub], ref="prac-1", title="Air quality sensors", country="BE")
    hidden = _hidden_records(build, hub)
    event = build.event(
        ref="ws-2020",
        title="Workshop",
        sessions=[
            {
                "title": "Opening",
                "start": "11:00",
                "end": "11:30",
                "talks": [{"title": "Hubs for cities", "speaker": "A. Speaker",
                           "organisation": hub, "practices": [practice, hidden["practice"]]},
                          {"title": "Talk by a draft organisation",
                           "organisation": hidden["organisation"]}],
            }
        ],
    )  # fmt: skip
    return Catalogue(hub, lab, service, training, practice, event, hidden)


def _hidden_records(build: Builders, hub: Organisation) -> dict[str, object]:
    """One record in each unpublished status, and a published service of a draft organisation."""
    draft = build.organisation(ref="draft-org", name="Draft Hub", status="draft")
    build.organisation(ref="pending-org", name="Pending Hub", status="pending")
    build.organisation(ref="archived-org", name="Archived Hub", status="archived")
    return {
        "organisation": draft,
        "orphan_service": build.service(draft, ref="svc-of-draft", title="Service of a draft"),
        "service": build.service(hub, ref="svc-pending", title="Pending service", status="pending"),
        "practice": build.practice([], ref="prac-draft", title="Draft practice", status="draft"),
        "event": build.event(ref="ev-archived", title="Archived event", status="archived"),
    }


HIDDEN_REFS = (
    "draft-org",
    "pending-org",
    "archived-org",
    "svc-of-draft",
    "svc-pending",
    "prac-draft",
    "ev-archived",
)
HIDDEN_NAMES = ("Draft Hub", "Pending Hub", "Archived Hub", "Service of a draft", "Pending service",
                "Draft practice", "Archived event")  # fmt: skip
