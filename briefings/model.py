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

    def to_json(self) -> dict:
        """Every field as JSON-ready data, losslessly (the extraction cache stores this)."""
        return document_extraction_to_json(self)

    @staticmethod
    def from_json(data: dict) -> DocumentExtraction:
        """The inverse of `to_json`; raises ValueError, KeyError or TypeError on malformed data."""
        return document_extraction_from_json(data)


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


# ---- per-source results as plain JSON (the extraction cache, worker processes) -------------


def _span_json(s: Span) -> dict:
    return {"source": s.source, "start": s.start, "end": s.end}


def _span(d: dict) -> Span:
    return Span(_str(d["source"]), _int(d["start"]), _int(d["end"]))


def _str(v: object) -> str:
    if not isinstance(v, str):
        raise ValueError(f"expected a string, not {type(v).__name__}")
    return v


def _opt_str(v: object) -> str | None:
    return None if v is None else _str(v)


def _int(v: object) -> int:
    if not isinstance(v, int) or isinstance(v, bool):
        raise ValueError(f"expected an integer, not {type(v).__name__}")
    return v


def _opt_int(v: object) -> int | None:
    return None if v is None else _int(v)


def _float(v: object) -> float:
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        raise ValueError(f"expected a number, not {type(v).__name__}")
    return v


def _strs(v: object) -> tuple[str, ...]:
    if not isinstance(v, list):
        raise ValueError(f"expected a list, not {type(v).__name__}")
    return tuple(_str(x) for x in v)


def _conflict_value(v: object) -> object:
    return tuple(v) if isinstance(v, list) else v


def _claim_json(c: Claim) -> dict:
    return {"text": c.text, "source": c.source, "start": c.start, "end": c.end, "score": c.score,
            "id": c.id, "date": c.date, "attribution": c.attribution,
            "corroborated_by": [_span_json(s) for s in c.corroborated_by], "origins": c.origins,
            "credibility": c.credibility, "confidence": c.confidence}


def _claim(d: dict) -> Claim:
    return Claim(text=_str(d["text"]), source=_str(d["source"]), start=_int(d["start"]),
                 end=_int(d["end"]), score=_float(d["score"]), id=_str(d["id"]),
                 date=_opt_str(d["date"]), attribution=_opt_str(d["attribution"]),
                 corroborated_by=tuple(_span(s) for s in d["corroborated_by"]),
                 origins=_int(d["origins"]), credibility=_int(d["credibility"]),
                 confidence=_opt_str(d["confidence"]))


def _assessment_json(a: Assessment) -> dict:
    return {"text": a.text, "source": a.source, "start": a.start, "end": a.end, "score": a.score,
            "id": a.id, "holder": a.holder, "likelihood": a.likelihood, "confidence": a.confidence}


def _assessment(d: dict) -> Assessment:
    return Assessment(text=_str(d["text"]), source=_str(d["source"]), start=_int(d["start"]),
                      end=_int(d["end"]), score=_float(d["score"]), id=_str(d["id"]),
                      holder=_str(d["holder"]), likelihood=_opt_str(d["likelihood"]),
                      confidence=_opt_str(d["confidence"]))


def _exercise_json(x: Exercise) -> dict:
    return {"name": x.name, "year": x.year, "id": x.id, "aliases": list(x.aliases),
            "series": x.series, "start": x.start, "end": x.end, "status": x.status,
            "locations": list(x.locations), "participants": list(x.participants),
            "observers": list(x.observers), "activities": list(x.activities),
            "mentions": [_span_json(m) for m in x.mentions],
            "conflicts": [{"field": c.field,
                           "values": [[list(v) if isinstance(v, tuple) else v, list(s)]
                                      for v, s in c.values]} for c in x.conflicts]}


def _exercise(d: dict) -> Exercise:
    return Exercise(name=_opt_str(d["name"]), year=_opt_int(d["year"]), id=_str(d["id"]),
                    aliases=_strs(d["aliases"]), series=_opt_str(d["series"]),
                    start=_opt_str(d["start"]), end=_opt_str(d["end"]), status=_str(d["status"]),
                    locations=_strs(d["locations"]), participants=_strs(d["participants"]),
                    observers=_strs(d["observers"]), activities=_strs(d["activities"]),
                    mentions=tuple(_span(m) for m in d["mentions"]),
                    conflicts=tuple(Conflict(_str(c["field"]),
                                             tuple((_conflict_value(v), _strs(s))
                                                   for v, s in c["values"]))
                                    for c in d["conflicts"]))


def document_extraction_to_json(x: DocumentExtraction) -> dict:
    """Every field of a per-source result as JSON-ready data (lossless; see `from_json`)."""
    return {"claims": [_claim_json(c) for c in x.claims],
            "assessments": [_assessment_json(a) for a in x.assessments],
            "exercises": [_exercise_json(e) for e in x.exercises]}


def document_extraction_from_json(data: dict) -> DocumentExtraction:
    """The inverse of `to_json`; raises ValueError, KeyError or TypeError on malformed data."""
    if not isinstance(data, dict):
        raise ValueError("expected an object")
    return DocumentExtraction(claims=tuple(_claim(c) for c in data["claims"]),
                              assessments=tuple(_assessment(a) for a in data["assessments"]),
                              exercises=tuple(_exercise(e) for e in data["exercises"]))



@dataclass(frozen=True)
class SourceRecord(SourceDocument):
    """A SourceDocument after extraction, its text let go (memory grows with what the briefing
    keeps, not with the corpus): `chars` is the length the text had; `text` is empty."""

    length: int = 0

    @property
    def chars(self) -> int:
        """Length of the text the source had, in characters."""
        return self.length

    @classmethod
    def of(cls, doc: SourceDocument) -> SourceRecord:
        """The record of `doc`: every field but the text."""
        if isinstance(doc, SourceRecord):
            return doc
        fields = {k: getattr(doc, k) for k in SourceDocument.__dataclass_fields__}
        fields["text"] = ""
        return cls(**fields, length=len(doc.text))
