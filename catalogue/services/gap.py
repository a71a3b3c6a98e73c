"""The gap view: where practices (what cities do and need) find no hub that covers them well.

Every published practice is matched, as a need ("we want to do something like ..."), against
the listed hubs with the matching engine on shared words (no embedding, so the report is the
same on every installation). A practice is *weakly covered* when its best hub scores below
``matching.referral.FIT_FLOOR``, the floor under which the needs page says no hub fits well;
*at home* looks only at hubs of the practice's own country. Its service family is the family of
the best-fitting service of its best match. The public needs of the needs board (never a private
one) are matched the same way, in their own language and from their city's country; a need's
family is the first it asked for, else its best match's. Supply is the listed hubs and their
published services' families. The report is kept per process until the catalogue or the needs
change.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalogue.models import Need, Practice, current_revision
from catalogue.services import duplicates, needs
from catalogue.services.hub_matching import organisation_record
from catalogue.services.practice_matching import need_text
from catalogue.vocabularies import PUBLISHED, SERVICE_FAMILIES, country_name
from matching import MatchIndex
from matching.referral import FIT_FLOOR

log = logging.getLogger(__name__)
NO_FAMILY = "none"
# Five matches per practice, the practice's country preferred: the best overall and, when one of
# the five is a hub of that country, the best at home. (Explaining 50 matches took 4x as long.)
QUERY_LIMIT = 5
# Up to this many practices the report is computed in the request; beyond, in the background.
SYNC_LIMIT = 200


@dataclass(frozen=True)
class Cover:
    """How well the hubs cover one practice or one public need."""

    country: str | None
    family: str
    best: float
    best_at_home: float


@dataclass(frozen=True)
class CountryGap:
    """Demand next to supply in one country."""

    code: str
    name: str
    practices: int
    weak: int
    weak_at_home: int
    hubs: int
    hubs_by_family: dict[str, int]
    needs: int = 0
    weak_needs: int = 0

    def share(self, count: int) -> float | None:
        """``count`` as a share of the country's practices (``None`` without practices)."""
        return count / self.practices if self.practices else None

    def need_share(self) -> float | None:
        """The share of the country's public needs whose best match is weak."""
        return self.weak_needs / self.needs if self.needs else None


@dataclass(frozen=True)
class FamilyGap:
    """Demand next to supply for one service family, across Europe."""

    family: str
    label: str
    practices: int
    weak: int
    hubs: int
    needs: int = 0
    weak_needs: int = 0

    def share(self) -> float | None:
        """The share of the family's practices whose best match is weak."""
        return self.weak / self.practices if self.practices else None

    def need_share(self) -> float | None:
        """The share of the family's public needs whose best match is weak."""
        return self.weak_needs / self.needs if self.needs else None


@dataclass(frozen=True)
class GapReport:
    """The gap by country and by service family, with the threshold used."""

    countries: list[CountryGap]
    families: list[FamilyGap]
    practices: int
    threshold: float = FIT_FLOOR
    needs: int = 0


@dataclass(frozen=True)
class _Asked:
    """What is matched: a practice as a need, or a public need as its city wrote it."""

    text: str
    country: str | None
    language: str
    family: str | None = None  # the family asked for, if any


class _Hubs:
    """The listed hubs, fitted once for every practice and need of a report (words only)."""

    def __init__(self, session: Session) -> None:
        records = [organisation_record(o) for o in duplicates.listed_organisations(session)]
        self.index = MatchIndex(encoder=None).fit(records) if records else None
        self.home = {record.id: record.country for record in records}

    def cover(self, asked: _Asked) -> Cover:
        """How well the hubs cover ``asked``: the best match, overall and at home."""
        if self.index is None:
            return Cover(asked.country, asked.family or NO_FAMILY, 0.0, 0.0)
        matches = self.index.query(
            asked.text, country=asked.country, language=asked.language, limit=QUERY_LIMIT
        )
        best = max(matches, key=lambda m: m.score, default=None)
        at_home = [m.score for m in matches if self.home[m.id] and self.home[m.id] == asked.country]
        family = asked.family or _family(best)
        return Cover(asked.country, family, best.score if best else 0.0, max(at_home, default=0.0))


def assess_practices(session: Session, hubs: _Hubs | None = None) -> list[Cover]:
    """Match every published practice against the listed hubs; say how well each is covered."""
    hubs = hubs or _Hubs(session)
    practices = session.scalars(
        select(Practice).where(Practice.status == PUBLISHED).order_by(Practice.ref)
    ).all()
    return [hubs.cover(_Asked(need_text(p), p.country, "en")) for p in practices]


def assess_needs(session: Session, hubs: _Hubs | None = None) -> list[Cover]:
    """Match every public need (open, not hidden; never a private one) as its city sees it."""
    hubs = hubs or _Hubs(session)
    public = session.scalars(needs.public_needs().order_by(Need.id)).all()
    return [
        hubs.cover(
            _Asked(
                need.text,
                need.country,
                need.language or need.detected_language,
                (need.families or [None])[0],
            )
        )
        for need in public
    ]


def _family(match) -> str:
    """The service family a match speaks to: its best-fitting service's, else its profile's."""
    if match is None:
        return NO_FAMILY
    if match.services:
        return match.services[0].family
    return match.families[0] if match.families else NO_FAMILY


def hub_supply(session: Session) -> tuple[Counter, dict[str, Counter]]:
    """Listed hubs per country, and per country the hubs offering each service family."""
    hubs: Counter = Counter()
    by_family: dict[str, Counter] = defaultdict(Counter)
    for organisation in duplicates.listed_organisations(session):
        if organisation.country is None:
            continue
        hubs[organisation.country] += 1
        families = {s.family for s in duplicates.listed_services(organisation)}
        families.update(organisation.detected_families)
        for family in families:
            by_family[organisation.country][family] += 1
    return hubs, by_family


def gap_report(session: Session) -> GapReport:
    """Compute the gap report of the current catalogue and public needs."""
    fitted = _Hubs(session)
    covers = assess_practices(session, fitted)
    asked = assess_needs(session, fitted)
    hubs, by_family = hub_supply(session)
    weak = [c for c in covers if c.best < FIT_FLOOR]
    weak_asked = [c for c in asked if c.best < FIT_FLOOR]
    codes = {c.country for c in [*covers, *asked] if c.country} | set(hubs)
    countries = [
        CountryGap(
            code=code,
            name=country_name(code),
            practices=sum(1 for c in covers if c.country == code),
            weak=sum(1 for c in weak if c.country == code),
            weak_at_home=sum(1 for c in covers if c.country == code and c.best_at_home < FIT_FLOOR),
            hubs=hubs[code],
            hubs_by_family={f: by_family[code][f] for f in SERVICE_FAMILIES},
            needs=sum(1 for c in asked if c.country == code),
            weak_needs=sum(1 for c in weak_asked if c.country == code),
        )
        for code in codes
    ]
    families = [
        FamilyGap(
            family=family,
            label=label,
            practices=sum(1 for c in covers if c.family == family),
            weak=sum(1 for c in weak if c.family == family),
            hubs=sum(by_family[code][family] for code in by_family),
            needs=sum(1 for c in asked if c.family == family),
            weak_needs=sum(1 for c in weak_asked if c.family == family),
        )
        for family, label in [*SERVICE_FAMILIES.items(), (NO_FAMILY, "No fitting service")]
    ]
    countries.sort(key=lambda row: (-row.practices, -row.needs, row.name))
    return GapReport(countries, families, len(covers), needs=len(asked))


class GapHolder:
    """The gap report of this process, computed again when the catalogue's revision moves or a
    need changes (``needs.needs_state``).

    A catalogue of more than ``SYNC_LIMIT`` practices is assessed in a background thread (about
    a minute for the 1,152 of the seed); meanwhile ``report`` returns the previous report, or
    ``None`` before the first one is ready.
    """

    def __init__(self, sync_limit: int = SYNC_LIMIT) -> None:
        self.sync_limit = sync_limit
        self._lock = threading.Lock()
        self._done = threading.Condition(self._lock)
        self._revision: tuple[int, str] | None = None
        self._report: GapReport | None = None
        self._worker: threading.Thread | None = None

    def report(self, session: Session) -> GapReport | None:
        """Return the report of the current catalogue, or ``None`` while it is being computed."""
        revision = (current_revision(session), needs.needs_state(session))
        with self._lock:
            if self._report is not None and revision == self._revision:
                return self._report
            small = _published_practices(session) <= self.sync_limit
            if small:
                self._report, self._revision = gap_report(session), revision
                return self._report
            if self._worker is None:
                engine = session.get_bind()
                self._worker = threading.Thread(
                    target=self._compute, args=(engine, revision), daemon=True, name="gap"
                )
                self._worker.start()
            return self._report

    def wait(self, timeout: float) -> bool:
        """Wait until no background computation runs (for tests); ``True`` if none does."""
        with self._lock:
            return self._done.wait_for(lambda: self._worker is None, timeout)

    def _compute(self, engine, revision: tuple[int, str]) -> None:
        try:
            with Session(engine) as session:
                report = gap_report(session)
            with self._lock:
                self._report, self._revision = report, revision
        except Exception:  # the page keeps saying it is being computed; the next request retries
            log.exception("gap: computing the report failed")
        finally:
            with self._lock:
                self._worker = None
                self._done.notify_all()


def _published_practices(session: Session) -> int:
    statement = select(func.count()).select_from(Practice).where(Practice.status == PUBLISHED)
    return session.scalar(statement) or 0
