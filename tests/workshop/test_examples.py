"""Workshop examples are labelled truthfully: the presenter's work or context, never "shown"."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.public.conftest import visible_text


def text(response) -> str:
    """The visible text, without the space that a closing tag leaves before punctuation."""
    return re.sub(r" ([,.;:)])", r"\1", visible_text(response))


@pytest.fixture
def talk_with_examples(build):
    """A talk whose organisation has a 2022 example and a 2019 one, plus a context example."""
    org = build.organisation(name="Madrid AI Hub", slug="madrid-ai-hub")
    agreement = build.practice(
        [org], title="City agreement (2022)", slug="city-agreement", source_updated="2022"
    )
    interview = build.practice(
        [org], title="Hub of the month", slug="hub-of-the-month", source_updated="2019-10"
    )
    context = build.practice([], title="Related: national strategy", slug="national-strategy")
    event = build.event(
        slug="ws",
        date=date(2020, 4, 30),
        sessions=[
            {
                "title": "Smart city services",
                "talks": [{"title": "AI for SDGs", "speaker": "J. V.", "organisation_id": org.id}],
            }
        ],
    )
    event.sessions[0].talks[0].practices = [agreement, interview, context]
    build.session.commit()
    return event


def test_the_agenda_never_says_an_example_was_shown(client, talk_with_examples):
    page = text(client.get("/workshop/ws"))
    assert "Examples shown" not in page and "Shown at" not in page
    assert "not known to have been shown in the talk" in page
    assert (
        "City agreement (2022): example of the presenter's work "
        "(source dated 2022, after the workshop)" in page
    )
    assert "Hub of the month: example of the presenter's work (source dated October 2019)" in page
    assert (
        "Related: national strategy: context for the talk, not the presenter's own work "
        "(its source gives no date)" in page
    )


def test_an_example_with_a_2022_source_is_not_labelled_as_shown(client, talk_with_examples):
    response = client.get("/practices/city-agreement")
    page = text(response)
    assert response.status_code == 200
    assert "Shown at" not in page
    assert "Listed with a talk" in page
    assert "“AI for SDGs”, J. V., Event" in page
    assert "example of the presenter's work (source dated 2022, after the workshop)" in page
    assert "it is not known whether this example was shown in it" in page


def test_the_hub_page_dates_its_examples(client, talk_with_examples):
    page = text(client.get("/hubs/madrid-ai-hub"))
    assert "City agreement (2022) (source dated 2022)" in page
    assert "Talks at the workshop “AI for SDGs” by J. V." in page
