"""Every source the catalogue's data comes from, with the attribution and licence it requires."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext


@dataclass(frozen=True)
class DataSource:
    """A data source as the about page presents it; ``record_source`` matches ``source_name``.

    Its title, description and licence are lazy strings, read in the reader's language; the
    attribution stays as the source requires it, and names keep their own language.
    """

    key: str
    title: str
    publisher: str
    url: str | None
    what: str
    licence: str
    attribution: str
    record_source: str | None = None


DATA_SOURCES: tuple[DataSource, ...] = (
    DataSource(
        key="jrc-dih-catalogue",
        title=lazy_gettext(
            "JRC Digital Innovation Hubs Tool (S3 Platform), February 2022 snapshot"
        ),
        publisher="European Commission, Joint Research Centre",
        url="https://s3platform-legacy.jrc.ec.europa.eu/digital-innovation-hubs-tool",
        what=lazy_gettext(
            "701 hubs: name, country, city, website, description and sectors. The harvester that "
            "made the snapshot stripped accented characters, so some names lack them; the legacy "
            "industry list is mapped onto the platform's sectors and kept verbatim on each record."
        ),
        licence=lazy_gettext("European Commission reuse policy (Decision 2011/833/EU), CC BY 4.0"),
        attribution=(
            "European Commission, JRC, Digital Innovation Hubs Tool (S3 Platform), snapshot via "
            "github.com/Engineering-Research-and-Development/fi-jrc-sync_adapter"
        ),
        record_source="European Commission, JRC, Digital Innovation Hubs Tool (S3 Platform)",
    ),
    DataSource(
        key="ipso-cases",
        title=lazy_gettext(
            "Innovative Public Services Observatory (IPS-X) cases, 2021 and 2022 releases"
        ),
        publisher="European Commission, Joint Research Centre",
        url="https://github.com/ipsoeu/ips-explorer",
        what=lazy_gettext(
            "1,152 cases of public administrations using AI, blockchain, APIs, the Internet of "
            "Things and other technologies (853 of the August 2022 release and the 299 cases of "
            "the May 2021 release whose name the 2022 release does not repeat): name, "
            "description, country, status, level of government, lead organisation and source "
            "link. The contact e-mails were not copied. They make the practice library."
        ),
        licence=lazy_gettext(
            "EUPL-1.2 (the IPS-X repository); Commission content reusable with attribution "
            "(Decision 2011/833/EU)"
        ),
        attribution=(
            "European Commission, Joint Research Centre – Innovative Public Services Observatory "
            "(IPS-X), https://github.com/ipsoeu/ips-explorer"
        ),
    ),
    DataSource(
        key="workshop-agenda",
        title=lazy_gettext("Workshop agenda, 30 April 2020"),
        publisher="European Commission, DG CONNECT (Joinup event page)",
        url=(
            "https://joinup.ec.europa.eu/collection/innovative-public-services/event/"
            "how-can-dihs-help-transition-towards-smart-cities"
        ),
        what=lazy_gettext(
            "The agenda of the webinar “How can Digital Innovation Hubs help the transition "
            "towards smart cities?”: block titles and durations, talk titles, speaker names and "
            "affiliations, copied verbatim. Per-talk times were not published."
        ),
        licence=lazy_gettext("European Commission reuse policy (Decision 2011/833/EU)"),
        attribution="European Commission (Joinup event page)",
    ),
    DataSource(
        key="workshop-research",
        title=lazy_gettext("Workshop presenter profiles"),
        publisher=lazy_gettext("This platform's editors"),
        url=None,
        what=lazy_gettext(
            "This platform's own research on the workshop's presenters, compiled in November "
            "2026: one profile per presenter's organisation, its services to cities and examples "
            "of its work, paraphrased in the editors' own words from public sources (no text is "
            "copied except the agenda's titles, names and affiliations). Each record links its "
            "source, and every page names what the editors could not verify. The talks' slides "
            "were not available, so no example is known to have been shown at the workshop; "
            "each gives the date of its source, several of them later than the workshop. Four "
            "presenters could not be identified well enough for a profile; one of them, Smart "
            "Energy DIH, is linked to the one JRC hub of that name in Lithuania, marked as not "
            "verified. Two presenters, Cap Digital and AIR4S, are also JRC hubs: each is one "
            "entry, whose page shows both sources."
        ),
        licence=lazy_gettext(
            "The platform's own editorial text (a paraphrase); each cited source keeps its own "
            "terms"
        ),
        attribution="Workshop 2020-04-30 presenter profiles (platform editorial research)",
        record_source="Workshop 2020-04-30 presenter profiles (platform editorial research)",
    ),
    DataSource(
        key="fiware-smart-data-models",
        title=lazy_gettext(
            "FIWARE Smart Data Models: DigitalInnovationHub and DigitalInnovationHubService"
        ),
        publisher="Smart Data Models Program (FIWARE Foundation and contributors)",
        url="https://github.com/smart-data-models/dataModel.DigitalInnovationHub",
        what=lazy_gettext(
            "The NGSI-LD data models that smart cities use to exchange hub records. The "
            "catalogue's NGSI-LD export (/api/v1/downloads/ngsi-ld.jsonld) follows them and is "
            "tested against their JSON Schemas; its NGSI-LD import (flask import-ngsi-ld) reads "
            "them. No records come from this source."
        ),
        licence=lazy_gettext("CC BY 4.0"),
        attribution=(
            "Smart Data Models Program (FIWARE Foundation and contributors), "
            "https://smartdatamodels.org"
        ),
    ),
)
