"""Needs pages stay out of the anonymous page cache: personal ones, and the board (a new need
does not change the catalogue's revision the cache is keyed on)."""

from __future__ import annotations

from tests.needs.conftest import save_need

NOT_CACHED = (
    "needs.describe_need",
    "needs.show_saved_need",
    "needs.edit_saved_need",
    "needs.contact_hub",
    "needs.give_feedback",
    "needs.change_need_status",
    "needs.resend_links",
    "needs.list_needs",
    "needs.need_detail",
    "publish.show_inbox",
    "publish.show_message",
    "publish.list_fitting_needs",
    "publish.answer_need",
    "moderation.list_reported_needs",
    "moderation.show_feedback",
)


def test_no_needs_page_uses_the_page_cache(app):
    for endpoint in NOT_CACHED:
        assert not getattr(app.view_functions[endpoint], "cached_page", False), endpoint


def test_the_board_shows_a_new_need_at_once_with_the_cache_on(app, client, sensor_hubs):
    assert app.config["PAGE_CACHE"]
    assert "No public needs found" in client.get("/needs/board").get_data(as_text=True)
    save_need(client, text="Gdansk wants air quality sensors", visibility="public")
    page = client.get("/needs/board")
    assert "Gdansk wants air quality sensors" in page.get_data(as_text=True)
    assert "X-Page-Cache" not in page.headers
