"""Frozen data model shared by every stage: sources, extraction results and the Briefing."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class SourceDocument:
    """One source as the project reads it; every offset in the extraction indexes `text`.

    For .txt and .md files `text` is the decoded file text unchanged (newlines kept as in the
    file; a leading byte-order mark is not part of the text). For .html it is the main text
    trafilatura recovers from the page.
    """

    id: str
    path: str
    text: str
    kind: str = "txt"
    sha256: str = ""
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    reliability: str = "F"
    origin: str = ""
    url: str | None = None
    encoding: str = "utf-8"
    replacements: int = 0
    pages: tuple[int, ...] = ()  # PDF: offset in `text` where each page starts

    def page_at(self, offset: int) -> int | None:
        """The 1-based PDF page holding `offset`, or None for sources without pages."""
        if not self.pages:
            return None
        return max(1, sum(1 for start in self.pages if start <= offset))

    @property
    def chars(self) -> int:
        """Length of the text in characters."""
        return len(self.text)

    def to_json(self) -> dict:
        """The source entry of the extraction contract."""
        return {
            "id": self.id, "path": self.path, "title": self.title, "published": self.published,
            "outlet": self.outlet, "author": self.author, "reliability": self.reliability,
            "origin": self.origin or self.id, "chars": self.chars, "sha256": self.sha256,
        }


def source_order(source_id: str) -> int:
    """The number in a source id ("s12" -> 12), for ordering sources as they were read."""
    digits = "".join(ch for ch in source_id if ch.isdigit())
    return int(digits) if digits else 0


@dataclass(frozen=True)
class Metadata:
    """Title, date, outlet and author recovered from a source's text (None when not stated)."""

    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Span:
    """A stretch of one source's text: `source` is a source id, `start`/`end` character offsets."""

    source: str
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """A key factual statement: `text == source.text[start:end]`."""

    text: str
    source: str
    start: int
    end: int
    score: float
    id: str = ""
    date: str | None = None
    attribution: str | None = None
    corroborated_by: tuple[Span, ...] = ()
    origins: int = 1
    credibility: int = 6
    confidence: str | None = None


@dataclass(frozen=True)
class Assessment:
    """An analytic judgement: `text == source.text[start:end]`, with who holds it."""

    text: str
    source: str
    start: int
    end: int
    score: float = 0.0
    id: str = ""
    holder: str = "author"
    likelihood: str | None = None
    confidence: str | None = None


@dataclass(frozen=True)
class Conflict:
    """One field on which the sources of an exercise disagree: [(value, [source ids]), ...]."""

    field: str
    values: tuple[tuple[object, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Exercise:
    """A military exercise, drill, joint patrol or manoeuvre, with every mention's span."""

    name: str | None
    year: int | None = None
    id: str = ""
    aliases: tuple[str, ...] = ()
    series: str | None = None
    start: str | None = None
    end: str | None = None
    status: str = "held"
    locations: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    observers: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    conflicts: tuple[Conflict, ...] = ()


@dataclass(frozen=True)
class DocumentExtraction:
    """What the summariser finds in one source (ids not yet assigned)."""

    claims: tuple[Claim, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    exercises: tuple[Exercise, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Claims, assessments and exercises across all sources, with ids assigned."""

    sources: tuple[SourceDocument, ...]
    claims: tuple[Claim, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    exercises: tuple[Exercise, ...] = ()

    def to_json(self) -> dict:
        """The extraction contract of SPEC.md as plain JSON-ready data."""
        def span(s: Span) -> dict:
            return {"source": s.source, "start": s.start, "end": s.end}

        return {
            "sources": [s.to_json() for s in self.sources],
            "claims": [
                {"id": c.id, "text": c.text, "source": c.source, "start": c.start, "end": c.end,
                 "score": round(c.score, 4), "date": c.date, "attribution": c.attribution,
                 "corroborated_by": [span(s) for s in c.corroborated_by], "origins": c.origins,
                 "credibility": c.credibility, "confidence": c.confidence}
                for c in self.claims],
            "assessments": [
                {"id": a.id, "text": a.text, "source": a.source, "start": a.start, "end": a.end,
                 "score": round(a.score, 4), "holder": a.holder, "likelihood": a.likelihood,
                 "confidence": a.confidence}
                for a in self.assessments],
            "exercises": [
                {"id": x.id, "name": x.name, "aliases": list(x.aliases), "series": x.series,
                 "year": x.year, "start": x.start, "end": x.end, "status": x.status,
                 "locations": list(x.locations), "participants": list(x.participants),
                 "observers": list(x.observers), "activities": list(x.activities),
                 "mentions": [span(m) for m in x.mentions],
                 "conflicts": [{"field": c.field,
                                "values": [{"value": v, "sources": list(s)} for v, s in c.values]}
                               for c in x.conflicts]}
                for x in self.exercises],
        }


# ---- the assembled briefing that every renderer reads --------------------------------------


@dataclass(frozen=True)
class Cite:
    """A numbered citation: `number` is the source's place in the sources list (1-based)."""

    number: int
    source: str
    start: int
    end: int
    page: int | None = None

    @property
    def anchor(self) -> str:
        """HTML id of the cited source's entry in the sources list."""
        return f"src-{self.number}"


@dataclass(frozen=True)
class Entry:
    """A claim or assessment as shown in a section, with its citations."""

    kind: str
    id: str
    text: str
    cites: tuple[Cite, ...]
    date: str | None = None
    attribution: str | None = None
    holder: str | None = None
    likelihood: str | None = None
    confidence: str | None = None
    origins: int = 1
    credibility: int | None = None

    @property
    def outlets(self) -> int:
        """How many sources report this item (copies included)."""
        return len(self.cites)

    @property
    def corroboration(self) -> str:
        """'reported by 3 outlets, 1 independent origin' when more than one source reports it."""
        if self.outlets < 2:
            return ""
        noun = "origin" if self.origins == 1 else "origins"
        return f"reported by {self.outlets} outlets, {self.origins} independent {noun}"


CREDIBILITY = {1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful",
               5: "improbable", 6: "cannot be judged"}


@dataclass(frozen=True)
class ExerciseRow:
    """An exercise as shown in the exercises section, with its citations."""

    exercise: Exercise
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class SourceEntry:
    """One numbered entry of the sources list."""

    number: int
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    author: str | None
    reliability: str
    path: str
    url: str | None
    chars: int
    sha256: str

    @property
    def anchor(self) -> str:
        """HTML id of this entry."""
        return f"src-{self.number}"


@dataclass(frozen=True)
class UnavailableSource:
    """A source that could not be fetched or read, and why (listed, never silently dropped)."""

    path: str
    reason: str


@dataclass(frozen=True)
class Section:
    """One section of the briefing, of a kind named in the config."""

    kind: str
    title: str
    anchor: str
    entries: tuple[Entry, ...] = ()
    exercises: tuple[ExerciseRow, ...] = ()
    show: tuple[str, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class Briefing:
    """One edition: everything a renderer needs and nothing it has to look up elsewhere."""

    id: str
    title: str
    date: str
    generated: str
    subtitle: str | None = None
    marking: str | None = None
    author: str | None = None
    timezone: str = "UTC"
    sections: tuple[Section, ...] = ()
    sources: tuple[SourceEntry, ...] = ()
    unavailable: tuple[UnavailableSource, ...] = ()
    page_size: str = "A4"
    period_start: str | None = None
    period_end: str | None = None
    lang: str = "en"
    version: str = ""
    warnings: tuple[str, ...] = field(default=())

    def to_json(self) -> dict:
        """The whole briefing as JSON-ready data (the briefing.json companion)."""
        return asdict(self)
