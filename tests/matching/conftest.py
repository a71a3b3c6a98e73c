"""Small hand-made catalogues shared by the matching tests."""

from __future__ import annotations

import pytest

from matching import MatchIndex, OrganisationRecord, ServiceRecord
from tests.matching.factories import make_record


@pytest.fixture(scope="session")
def catalogue() -> list[OrganisationRecord]:
    """A catalogue covering distinct topics, countries and service families."""
    return [
        make_record(
            "mobility-lab", "Urban Mobility Lab", country="BE", kind="living_lab",
            description="We test traffic management, congestion prediction and parking sensors "
            "with cities.",
        ),
        make_record(
            "air-hub", "Environmental Monitoring Hub", country="NL",
            description="Air quality sensors, pollution monitoring and environmental data "
            "platforms for municipalities.",
        ),
        make_record(
            "cyber-academy", "Cyber Academy", country="DE", kind="edih",
            description="Regional centre for companies and public administrations.",
            services=(
                ServiceRecord(
                    "cyber-training", "Cybersecurity training for civil servants",
                    "skills_training", description="Courses on ransomware and phishing.",
                ),
                ServiceRecord(
                    "cyber-test", "Cybersecurity testing of public IT systems",
                    "test_before_invest",
                    description="Independent penetration tests before buying.",
                ),
            ),
        ),
        make_record(
            "funding-desk", "EU Funding Desk", country="FR",
            services=(
                ServiceRecord(
                    "funding-advice", "Advice on EU funding and investors",
                    "investment_support", description="Grants, loans and investment readiness.",
                ),
            ),
        ),
        make_record(
            "ai-hub", "Artificial Intelligence Hub", country="ES",
            description="Machine learning, computer vision and AI training for public bodies.",
        ),
        make_record(
            "health-hub", "eHealth Hub", country="IT",
            description="Telemedicine platforms and digital health for hospitals and elderly care.",
        ),
        make_record(
            "twin-lab", "Digital Twin Lab", country="FI",
            description="Digital twins and 3D city models to simulate flooding and urban planning.",
        ),
        make_record(
            "eu-network", "European Smart City Network", kind="network",
            description="Peer learning and cooperation between cities on smart city strategies.",
        ),
    ]  # fmt: skip


@pytest.fixture(scope="session")
def index(catalogue: list[OrganisationRecord]) -> MatchIndex:
    """The catalogue fitted with default parameters."""
    return MatchIndex().fit(catalogue)
