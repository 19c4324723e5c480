"""A realistic hand-built Briefing for the render tests and previews (not extracted)."""
from __future__ import annotations

from briefings.model import (
    Briefing,
    Cite,
    Conflict,
    Entry,
    Exercise,
    ExerciseRow,
    Section,
    SourceEntry,
    Span,
)

S1 = "seeds/000_b962212e76d71500.txt"
S2 = "seeds/004_ee8bc916a177af30.txt"


def _c(n: int, start: int, end: int) -> Cite:
    return Cite(number=n, source=f"s{n}", start=start, end=end)


def sample_briefing(**overrides) -> Briefing:
    """A two-source China–Russia naval briefing with every section kind; fields overridable."""
    sources = (
        SourceEntry(number=1, id="s1", title="China and Russia agree to cooperate on maritime "
                    "search & rescue", outlet="Navy Recognition", published="2024-04-21",
                    author=None, reliability="B", path=S1, url=None, chars=3336,
                    sha256="b962212e76d71500" * 4),
        SourceEntry(number=2, id="s2", title="Strategic Collaboration for Peace: China-Russia "
                    "Joint Military Drill", outlet="Indonesia Observer", published="2024-04-13",
                    author="Jakarta, IO", reliability="C", path=S2,
                    url="https://example.org/news/china-russia-drill", chars=4120,
                    sha256="ee8bc916a177af30" * 4),
    )
    bluf = (
        Entry(kind="claim", id="c1", text="According to information published by Российская "
              "газета on April 21, 2024, the Russian and Chinese navies have entered into an "
              "agreement to cooperate on maritime search and rescue efforts.",
              cites=(_c(1, 65, 262),), date="2024-04-21", attribution="Российская газета"),
        Entry(kind="claim", id="c2", text="The Chinese PLA Northern Theater Command and Russian "
              "naval and air forces conducted a joint China-Russia “Northern/Interaction-2023” "
              "exercise in the Sea of Japan.", cites=(_c(2, 95, 290),)),
    )
    claims = bluf + (
        Entry(kind="claim", id="c3", text="Recent joint patrols have also taken place in "
              "significant international waters such as near the Aleutian Islands off Alaska.",
              cites=(_c(1, 1510, 1630),), origins=1, confidence="low"),
        Entry(kind="claim", id="c4", text="The exercise involved main warships, support ships "
              "and naval aviation units from both nations.", cites=(_c(2, 380, 470), _c(1, 900,
              980)), origins=2, confidence="moderate", date="2023-07-20"),
        Entry(kind="claim", id="c5", text="Министр обороны заявил, что учения «Морское "
              "взаимодействие» пройдут ежегодно.", cites=(_c(1, 2000, 2080),),
              attribution="ТАСС"),
    )
    assessments = (
        Entry(kind="assessment", id="a1", text="Such joint operations are not just "
              "demonstrations of military prowess but also act as symbolic gestures of "
              "solidarity against perceived common threats.", cites=(_c(1, 700, 860),),
              holder="author", likelihood=None, confidence=None),
        Entry(kind="assessment", id="a2", text="The exercise will likely be repeated in the "
              "central Sea of Japan within the annual cooperation programme.",
              cites=(_c(2, 1200, 1320),), holder="Indonesia Observer", likelihood="likely",
              confidence="moderate"),
    )
    ex1 = Exercise(name="Northern/Interaction-2023", year=2023, id="x1",
                   series="Northern/Interaction", start="2023-07-20", end="2023-07-23",
                   status="held", locations=("Sea of Japan",),
                   participants=("China", "Russia"), observers=(),
                   activities=("joint fire strike training", "coordinated maritime operations"),
                   mentions=(Span("s2", 95, 290),),
                   conflicts=(Conflict(field="participants", values=(
                       (("China", "Russia"), ("s2",)), (("China", "Iran", "Russia"), ("s1",)))),))
    ex2 = Exercise(name="Maritime Security Belt 2024", year=2024, id="x2", status="planned",
                   locations=("Gulf of Oman",), participants=("China", "Iran", "Russia"),
                   observers=("Pakistan",), activities=("anti-piracy drills",),
                   mentions=(Span("s1", 1300, 1400),))
    ex3 = Exercise(name=None, year=2023, id="x3", status="held",
                   locations=("Aleutian Islands",), participants=("China", "Russia"),
                   activities=("joint patrol",), mentions=(Span("s1", 1510, 1630),))
    sections = (
        Section(kind="bluf", title="Bottom line up front", anchor="bottom-line-up-front",
                entries=bluf),
        Section(kind="text", title="Scope", anchor="scope", text="This briefing covers "
                "**open-source** reporting on China–Russia naval cooperation.\n\n"
                "- Sources: news and analysis\n- Grading: NATO AJP-2.1 (A–F)\n"),
        Section(kind="exercises", title="Exercises and patrols", anchor="exercises-and-patrols",
                exercises=(ExerciseRow(ex2, (_c(1, 1300, 1400),)),
                           ExerciseRow(ex1, (_c(2, 95, 290), _c(1, 400, 500))),
                           ExerciseRow(ex3, (_c(1, 1510, 1630),))),
                show=("table", "timeline")),
        Section(kind="claims", title="Key developments", anchor="key-developments",
                entries=claims),
        Section(kind="assessments", title="What analysts assess", anchor="what-analysts-assess",
                entries=assessments),
        Section(kind="sources", title="Sources", anchor="sources"),
    )
    fields = dict(
        id="china-russia-naval", title="China–Russia Naval Cooperation",
        subtitle="Open-source briefing", marking="UNCLASSIFIED // OPEN SOURCE",
        author="Maritime Desk", date="2024-04-22", generated="2024-04-22T06:00:00+01:00",
        timezone="Europe/London", sections=sections, sources=sources, page_size="A4",
        lang="en", version="0.1.0", warnings=())
    fields.update(overrides)
    return Briefing(**fields)
