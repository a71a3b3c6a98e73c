"""Editorial decisions on the workshop seed: what the source files leave to the platform's editors.

The research files keep their notes as prose ("probable", "likely but unverified"); the platform
shows none of that prose. Instead these tables say, entry by entry, what is shown: the date each
example's source states, and what is not verified, in plain words. ``build_seed.py`` checks every
entry against the source data, so a table cannot drift from it silently.
"""

from __future__ import annotations

# Example practice (by title) -> the date of its cited source, as the source's URL or the title
# states it; the builder checks the date appears there. Sources that state no date are left out.
PRACTICE_SOURCE_DATES: dict[str, str] = {
    "Webinar 'How can DIHs help the transition towards smart cities?' (30/04/2020)": "2020-04-30",
    "Follow-up webinar 'AI for Smart Cities' (25/05/2020)": "2020-05-25",
    "Local Green Deals": "2023-03-16",
    "Digital Cities Challenge City Academy": "2018-05-29",
    "CAPACities (2nd edition, 2024-2025)": "2024",
    "People-first / human-centred smart cities": "2021",
    "Cross-border eID user journey guidelines": "2018-05",
    "Related: Vilnius Intelligent Energy Lab (IEL)": "2021-08-30",
    "Related: EDIH of Central and Western Lithuania": "2020-10-02",
    "AIR4S collaboration agreement including Madrid City Council (2022)": "2022",
    "DIH of the Month (I4MS / DIHNET, 2019)": "2019-10",
    "AI DIH Network training programme (2019)": "2019",
}

# Organisation ref -> its name as shown: the research name without the editors' hedging, which
# becomes a "not verified" statement instead. The builder checks the research name starts with it.
ORGANISATION_NAMES: dict[str, str] = {
    "ws2020-improve": "IMP³rove - European Innovation Management Academy",
}

# Organisation ref -> what its research notes mark as not verified, in plain words, shown as
# "Not verified: ...". Facts the notes leave unverified and the profile leaves out need no entry.
NOT_VERIFIED: dict[str, tuple[str, ...]] = {
    "ws2020-vng-common-ground": (
        "that the talk at the workshop was about Common Ground; the talk's content was not found",
    ),
    "ws2020-improve": (
        "that the agenda's “Improve” is IMP³rove; the name, the topic (digital maturity "
        "assessment) and a link to Germany fit",
        "the academy's legal seat and city",
    ),
    "ws2020-air4s": ("its full range of services; the sources document only the ones listed",),
    "ws2020-ai-dih-network": (
        "its work for public administrations, which only one press summary mentions",
    ),
}

# Talks (by title) whose organisation is the editors' identification rather than the agenda's
# own words: the link is shown as not verified.
UNVERIFIED_TALK_ORGANISATIONS: frozenset[str] = frozenset(
    {"Digital Maturity Assessment, Improve", "Smart Energy DIH"}
)

# Talks of presenters without a profile of their own, linked to the JRC catalogue record that the
# agenda's wording names: talk title -> (JRC hub id, a fragment of its name, its country). The
# builder checks the hub is the only one in that country whose name has the fragment.
TALK_JRC_HUBS: dict[str, tuple[int, str, str]] = {
    "Smart Energy DIH": (19506, "Smart Energy", "Lithuania"),
}
