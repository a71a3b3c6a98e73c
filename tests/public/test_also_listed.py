"""A hub described by two sources links its two records both ways."""


def test_the_two_records_of_one_hub_link_to_each_other(client, build, text):
    jrc = build.organisation(ref="jrc-4938", name="Cap Digital (JRC)", source_name="JRC DIH Tool")
    workshop = build.organisation(
        ref="ws2020-cap-digital",
        name="Cap Digital",
        source_name="Workshop research",
        extra={"jrc_catalogue_ref": "jrc-4938"},
    )
    build.organisation(ref="other", name="Unrelated Hub")
    workshop_page = text(client.get(f"/hubs/{workshop.slug}"))
    jrc_page = text(client.get(f"/hubs/{jrc.slug}"))
    assert "Also listed as Cap Digital (JRC) (JRC DIH Tool) Languages" in workshop_page
    assert "Also listed as Cap Digital (Workshop research) Languages" in jrc_page


def test_an_unpublished_twin_is_not_linked(client, build, text):
    build.organisation(ref="jrc-1", name="Hidden twin", status="archived")
    hub = build.organisation(ref="ws-1", name="Shown hub", extra={"jrc_catalogue_ref": "jrc-1"})
    assert "Also listed as" not in text(client.get(f"/hubs/{hub.slug}"))
