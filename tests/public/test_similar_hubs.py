"""Each hub page suggests the published hubs whose profiles resemble it."""


def test_hub_page_lists_similar_hubs_and_not_unrelated_ones(client, build, text):
    water = build.organisation(
        name="Water Data Lab", description="Smart water meters and leak detection for utilities."
    )
    build.organisation(
        name="Leak Detection Hub", description="Detects leaks in water networks with smart meters."
    )
    build.organisation(name="Dance Academy", description="Ballet and contemporary dance classes.")
    page = text(client.get(f"/hubs/{water.slug}"))
    assert "Similar hubs" in page
    assert "Leak Detection Hub" in page
    assert "Dance Academy" not in page


def test_similar_hubs_leave_out_unpublished_ones(client, build, text):
    water = build.organisation(
        name="Water Data Lab", description="Smart water meters and leak detection for utilities."
    )
    build.organisation(
        name="Draft Leak Hub",
        description="Detects leaks in water networks with smart meters.",
        status="draft",
    )
    page = text(client.get(f"/hubs/{water.slug}"))
    assert "Draft Leak Hub" not in page


def test_a_new_hub_shows_up_as_similar_without_a_restart(client, build, text):
    water = build.organisation(
        name="Water Data Lab", description="Smart water meters and leak detection for utilities."
    )
    assert "Leak Detection Hub" not in text(client.get(f"/hubs/{water.slug}"))
    build.organisation(
        name="Leak Detection Hub", description="Detects leaks in water networks with smart meters."
    )
    assert "Leak Detection Hub" in text(client.get(f"/hubs/{water.slug}"))
