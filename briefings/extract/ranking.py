"""Claim ranking: a score in [0, 1] from lead position, hard facts and exercise content, minus vagueness."""
from __future__ import annotations

import re
from functools import lru_cache

from .claims import ClaimFeatures
from .resources import Gated, alternation, any_of, lexicon, lower, required_literal, word_alternation

_PRONOUN_START = re.compile(r"^(?:It|He|She|They|This|That|These|Those|Its|Their|His|Her|Such)\b")
_QUOTE = re.compile(r"[\"“][^\"”]{12,}[\"”]")
_BIO = re.compile(r"\b(?:is|was) (?:a|an|the) (?:[\w-]+ ){0,3}(?:analyst|fellow|professor|researcher|journalist|correspondent|reporter|"
                  r"editor|scholar|expert|lecturer|director|officer)\b")
_BACKGROUND = re.compile(r"\b(?:repeatedly|traditionally|historically|over the past|in recent years|for years|for decades|have long|has long|"
                         r"used to|welcome to|good morning|live coverage|anniversary|founded in|diplomatic relations|first held|"
                         r"was first (?:held|planned|staged)|every (?:two|three|four|few) years|twice a year|coincided with|comes as|comes days|since the end of)\b")
# who did not take part: a key fact of an exercise report
_ABSENT = re.compile(r"\b(?:did not|didn't|will not|won't|does not|do not|has not|have not|had not|is not|are not|was not|declined|refused|skipped|pulled out|withdrew)\b[^.;]{0,40}?"
                     r"\b(?:take part|taking part|participate|send|sent|join|invitation|attend|contribut|deploy)\w*|\bnot (?:a participant|taking part|(?:been )?invited)\b|\bneither\b[^.;]{0,40}?\b(?:sent|took part|participated|joined|attended)\b"
                     r"|\b(?:was|were|is|are) (?:again |also |notably )?absent\b|\b(?:stayed|stays|stay|kept|keeps) away\b(?! for)|\b(?:sat|sits) (?:it |this one )?out\b"
                     r"|\binvited\b[^.;]{0,40}?\bbut\b")  # (invited but stayed away: "was invited but did not respond")
# literals one of which is in every match of _EXERCISE_REF and _BACKGROUND (cheap tests before the scans)
_EXERCISE_REF_WORDS = ("exercise", "drill", "manoeuvres", "maneuvers", "patrol", "war game", "took part", "take part", "taking part",
                       "participa", "contribut", "deployed", "sent", "joined", "hosted", "observer")
_BACKGROUND_WORDS = ("repeatedly", "traditionally", "historically", "over the past", "in recent years", "for years", "for decades",
                     "have long", "has long", "used to", "welcome to", "good morning", "live coverage", "anniversary", "founded in",
                     "diplomatic relations", "first held", "was first ", "every ", "twice a year", "coincided with", "comes as", "comes days",
                     "since the end of")
_ABSENT_WORDS = ("not", "n't", "declined", "refused", "skipped", "pulled out", "withdrew", "absent", "neither", "invited", " away", "sat ", "sits ")  # one is in every match of _ABSENT
_SPOKE = re.compile(r"\b(?:said|says|told|declared|affirmed|added|stressed|described)\b")  # a speaker's verb outside the quotation
_NARRATOR = re.compile(r"^(?:I|My)\b")  # the writer telling their own doings ("I spent a week aboard ..."): colour, not news
_THREAD_NO = re.compile(r"^\d{1,3}/\s+")  # a post's number in a thread ("7/ ...")
_ASKS = re.compile(r"^To ask (?:the|whether|if)\b")  # a parliamentary written question: it asks, it reports nothing
# read in the sentence's own case: "the US" is the United States, not "us"
_ADDRESS = re.compile(word_alternation(("we", "our", "us", "you", "your", "We", "Our", "You", "Your")) + r"\b")
_EXERCISE_REF = re.compile(r"\b(?:the|this|its) (?:[\w-]+ )?(?:exercise|exercises|drill|drills|manoeuvres|maneuvers|patrol|war games?)\b|"
                           r"\b(?:took part|take part|taking part|participa\w+|contribut\w+|deployed|sent|joined|hosted|observers?)\b")

# weights of the ranking features (a feature is a number in [0, 1])
WEIGHTS = {
    "base": 0.30, "lead": 0.20, "first": 0.05, "numbers": 0.235, "dates": 0.12, "proper": 0.16, "places": 0.08,
    "countries": 0.08, "exercise": 0.24, "exercise_ref": 0.02, "reporting": 0.05, "pronoun": -0.06, "short": -0.12,
    "long": -0.05, "question": -0.15, "judgement": -0.10, "quote": -0.15, "bio": -0.15, "background": -0.05,
    "address": -0.12, "header": -0.40, "absent": 0.12, "intro": -0.25, "reaction": 0.20, "scene": -0.20, "ceremony": -0.08, "context": -0.08,
    "cancel": 0.15, "narrator": -0.30, "meta": -0.40, "observer": 0.18, "gloss": -0.20, "previous": 0.08, "routine": -0.10, "plan": 0.08,
}


Cue = tuple[tuple[str, ...] | None, Gated]  # (the literals one of which every match holds, or None; the regex)


def _cue(patterns: list[str]) -> Cue:
    """A lexicon cue list as one regex, with the literals that a cheap test looks for first."""
    lits = tuple(dict.fromkeys(required_literal(p) for p in patterns))
    return (None if "" in lits else lits), any_of(patterns)


def _hit(cue: Cue, low: str) -> bool:
    """Whether the lower-case `low` matches the cue (the regex runs only when one of its literals occurs)."""
    lits, rx = cue
    if lits is not None:
        for w in lits:
            if w in low:
                break
        else:
            return False
    return rx.search(low) is not None


@lru_cache(maxsize=None)
def _cues() -> tuple[Cue, Cue, Cue, Cue, Cue, Cue, Cue, Cue, Cue, Cue, Cue]:
    """The cues of a reaction to an exercise, a habitual one, a scene-setting lede, a ceremony, context, a cancellation, observers, a gloss,
    the previous edition, a standing routine and a stated plan."""
    lex = lexicon()
    keys = ("claim_reaction", "claim_habitual", "claim_scene", "claim_ceremony", "claim_context", "cancel_cues", "claim_observer", "claim_gloss",
            "claim_previous", "claim_routine", "claim_plan")
    return tuple(_cue(lex[k]) for k in keys)  # type: ignore[return-value]


@lru_cache(maxsize=None)
def _meta() -> Cue:
    """The cue of text about the text: a briefing's formulas ("First question, please.") and notes ("Cite as: ...")."""
    lex = lexicon()
    return _cue(lex["assessment"]["procedural"] + lex["claim_meta"])


def _reporting() -> re.Pattern[str]:
    """The regex for reporting verbs (compiled on first use)."""
    global _REPORTING
    try:
        return _REPORTING
    except NameError:
        _REPORTING = alternation(lexicon()["reporting_verbs"])
        return _REPORTING


def claim_features(text: str, f: ClaimFeatures, para_rank: int, pos: int, exercise_hits: int,
                   weak_judgement: float, in_header: bool) -> dict[str, float]:
    """The ranking features of one claim sentence."""
    low = lower(text)
    n = len(text.split())
    quoted = sum(len(m.group(0)) for m in _QUOTE.finditer(text))
    outside = _QUOTE.sub(" ", low) if quoted else low  # (no quotation in the text: none in its lower case either)
    reaction, habitual, scene, ceremony, context, cancel, observer, gloss, previous, routine, plan = _cues()
    absent = any(w in low for w in _ABSENT_WORDS) and bool(_ABSENT.search(low))
    watch = f.countries > 0 and "observ" in low and _hit(observer, low)  # (every observer cue holds "observ")
    return {
        "base": 1.0, "lead": max(0.0, 1.0 - para_rank / 6), "first": float(pos == 0),
        "numbers": min(f.numbers, 4) / 4, "dates": min(f.dates, 2) / 2, "proper": min(f.proper, 6) / 6,
        "places": min(f.places, 3) / 3, "countries": min(f.countries, 3) / 3, "exercise": min(exercise_hits, 2) / 2,
        "exercise_ref": float(any(w in low for w in _EXERCISE_REF_WORDS) and bool(_EXERCISE_REF.search(low))), "reporting": float(bool(_reporting().search(low))),
        "pronoun": float(bool(_PRONOUN_START.match(text))), "short": float((n < 6 or (n < 8 and f.anchors == 0)) and not (absent or watch)),  # (who stayed away or watched is news however short)
        "long": float(n > 60), "question": float(text.rstrip("\"”’' ").endswith("?") or text.startswith("To ask") and bool(_ASKS.match(text))), "judgement": weak_judgement,
        "quote": float(quoted > 0.4 * len(text)), "bio": float(("is a" in low or "is the" in low or "was a" in low or "was the" in low) and bool(_BIO.search(low))),
        "background": float(any(w in low for w in _BACKGROUND_WORDS) and bool(_BACKGROUND.search(low))), "address": float(bool(_ADDRESS.search(_QUOTE.sub(" ", text) if quoted else text))),
        "narrator": float(text[:1] in "IM" and bool(_NARRATOR.match(text))),
        "meta": float(_hit(_meta(), (_THREAD_NO.sub("", low) if low[:1].isdigit() else low).replace("’", "'"))),
        "header": float(in_header), "absent": float(absent),
        "intro": float(text.rstrip().endswith(":")),
        # a fresh reaction (a protest, a hope it targets no third party) is news; a long-standing one is background
        "reaction": float(_hit(reaction, low) and not _hit(habitual, low)),
        "scene": float(_hit(scene, low)),
        "context": float(_hit(context, low)),
        # an exercise called off or postponed is a key fact of a report
        "cancel": float(_hit(cancel, low)),
        # who only watches an exercise is a key fact of its report, like who stays away
        "observer": float(watch),
        # a short sentence that glosses a name explains rather than reports
        "gloss": float(n <= 16 and _hit(gloss, low)),
        # where and how the series was last held is a key fact of its report
        "previous": float(("last" in low or "previous" in low or "prior" in low) and _hit(previous, low)),
        # a standing routine of the partners ("they also hold regular joint drills") is background to this report
        "routine": float("regular" in low and _hit(routine, low)),
        # a next edition or follow-up stated as planned or scheduled is a key fact of its report
        "plan": float(("planned" in low or "schedul" in low or "slated" in low or "pencil" in low) and _hit(plan, low)),
        "ceremony": float(quoted > 0 and bool(_SPOKE.search(outside)) and _hit(ceremony, outside)),
    }


def claim_score(features: dict[str, float]) -> float:
    """Weighted sum of the features, clipped to [0, 1]."""
    s = sum(WEIGHTS[k] * v for k, v in features.items())
    return max(0.0, min(1.0, s))
