"""Assessments: judgement sentences, who holds them, and the ICD 203 term and confidence they state."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from .resources import CueSet, alternation, any_of, lexicon, lower, word_alternation

_QUOTE_OPEN = re.compile(r"^[\"“‘']")
_SAID_NAME = re.compile(
    r"(?:,|[\"”’])\s*(?:said|says|added|adds|noted|notes|argued|argues|wrote|writes|explained|explains|told \w+)\s+"
    r"(?P<n>(?:[A-Z][\w'’.-]+\s){0,3}[A-Z][\w'’-]+)(?=\s*(?:,|\.|$|\s+(?:of|at|from|who)\b))")
_NAME_SAID = re.compile(
    r"(?:^|[\"”’,]\s*)(?P<n>(?:[A-Z][\w'’.-]+\s){0,3}[A-Z][\w'’-]+)\s+(?:said|says|added|adds|noted|notes|argued|argues|believes|"
    r"cautions|cautioned|warned|warns|wrote|writes|thinks|told|disagreed|disagrees|agreed|agrees|contends|contended)\b")
_ROLE = re.compile(r"(?P<n>(?:[A-Z][\w'’.-]+\s){1,3}[A-Z][\w'’-]+),\s+(?:a|an|the)\s+(?:[\w-]+\s){0,4}"
                   r"(?:analyst|expert|researcher|scholar|specialist|fellow|professor|director|lecturer|commentator|strategist|economist|adviser|advisor)\b")
_ROLE_NOUNS = ("analyst", "expert", "researcher", "scholar", "specialist", "fellow", "professor", "director", "lecturer",
               "commentator", "strategist", "economist", "adviser", "advisor")
# a retired or former officer or official commenting: "Retired Vice Admiral Jo Park, a former commander of ..."
_FORMER = re.compile(r"(?P<n>(?:[A-Z][\w'’.-]+\s){1,3}[A-Z][\w'’-]+),\s+(?:a|an)\s+(?:former|retired)\s")
_WHO = re.compile(r"(?P<n>(?:[A-Z][\w'’.-]+\s){1,3}[A-Z][\w'’-]+),\s+who\s+(?:follows|studies|researches|tracks|covers|heads|leads|teaches|works|directs|runs|chairs|manages)\b")
# the writer introducing an interview ("We spoke to Dr X, a fellow at ...", "X talked to us about ..."): the writer's framing, not the speaker's view
_INTERVIEW_INTRO = re.compile(r"\b(?:[Ww]e|I) (?:spoke|talked|sat down) (?:to|with)\b|\b(?:spoke|talked) (?:to|with) (?:us|me)\b")
_QUOTED = re.compile(r"“[^”]{3,}”|\"[^\"]{3,}\"")
_FOR_QUOTE = re.compile(r"^For [^\"“”]{3,120},\s*[\"“]")  # 'For the admiral, "..."': the quotation is the speaker's view
_COPULA = re.compile(r"\b(?:is|are|was|were|isn't|aren't|wasn't|weren't|isn’t|aren’t|wasn’t|weren’t|remains|remain|seems|seem|looks|look|appears|appear)\b"
                     r"(?!\s+(?:not\s+|never\s+)?(?:\w+ed|held|run|done|made|set|built|known|seen|given|taken|sent|shown|due|scheduled|planned|expected)\b)")
_PLAN_MODAL = re.compile(r"\b(?:could|may|might) (?:also |still |soon )?be (?:[a-z]+ed|held|run|begun|undertaken|driven|flown|sent)\b")  # an event that could be held
_SAID_WORDS = ("said", "says", "told", "confirmed", "announced", "stated")  # one is in every match of _official_said
_THREAD_NO = re.compile(r"^\d{1,3}/\s+")  # a post's number in a thread ("7/ My read: ...")
_REFERRAL_WORDS = ("refer you", "speculate", "comment", "judge", "get into", "go into")  # one is in every match of _referral
_SELF_INTRO = re.compile(r"^(?:I'm|I’m|I am) [A-Z][\w'’-]+ [A-Z][\w'’-]+(?:\.|,| and\b)")  # a host introducing themselves ("I'm Ana Ruiz.")
# a count: a number or a number word ("seven ships", "around 900 personnel")
_COUNT = re.compile(r"\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozen)\b")
_READER_ASK = re.compile(r"^(?!Let\b)[A-Z][a-z]+ (?:me|us)\b")  # a request to the reader ("Buy me a coffee.", "Tell us what you think.")
_MODAL = re.compile(word_alternation((r"may\b(?! not have been| be reached)", r"might\b(?! not have been| be reached)",
                                       r"could (?!not\b|n't|be reached|not be reached)(?:well |also |yet |still |soon )?[a-z]+")))
_SAYS = re.compile(r"\b(?:said|say|says|noted|note|notes|believe|believes|argue|argues|argued|think|warn|warned|suggest|suggested|see|sees|view|views)\b")
_SPEECH = re.compile(r"\b(?:said|says|added|adds|noted|notes|argued|argues|arguing|disagreed|disagrees|wrote|writes|explained|explains|told|believes|cautions|"
                     r"cautioned|warned|warns|thinks)\b|,\s+(?:a|an|the|who)\s")
_PERSON_SPEAKER = re.compile(r"\b(?:[Rr]etired|[Ff]ormer|[Rr]eserve) (?:[\w-]+ ){0,3}(?:officer|colonel|general|admiral|commander|diplomat)\b|\b(?:Gen|Adm|Col|Capt|Lt|Maj|Cmdr|Brig)\.|\b(?:General|Admiral|Colonel|Commander|Captain|Lieutenant|Major|Minister|minister|[Aa]mbassador|President|[Ss]ecretary|[Cc]hief|[Cc]ommander|[Dd]irector)\b")
_INSTITUTION_SPEAKER = re.compile(r"\b(?:[Mm]inistry|[Dd]epartment|[Cc]ommand|[Gg]overnment|statement|[Ee]mbassy|[Oo]ffice|[Aa]gency|[Hh]eadquarters)\b(?:\s+\w+){0,3}\s+(?:said|says|stated|described|called)\b")
_PRONOUN_SAYS = re.compile(r"(?:,|[\"”’])\s*(?:he|she|they)\s+(?:says|said|adds|added|notes|noted)\b|^(?:He|She|They) (?:notes|says|adds|cautions|argues|cautioned|argued|warns|warned|contends|contended)\b"
                           r"|,\s(?:he|she|they) (?:argued|argues|cautioned|cautions|warned|warns|contended|contends),\s")


def _drop_long(m: re.Match[str]) -> str:
    """A quotation blanked out, unless it is a short phrase the sentence itself asserts ('said the timing "is no coincidence"')."""
    q = m.group(0)
    return q if q.count(" ") < 4 and m.start() > 0 and m.string[m.start() - 1] == " " and m.string[m.end():].strip() in (".", "") else " "


@dataclass(frozen=True)
class Judgement:
    """The outcome of reading one sentence for judgement."""

    is_assessment: bool
    strength: float
    holder: str
    likelihood: str | None
    confidence: str | None


@lru_cache(maxsize=None)
def _rx() -> tuple[CueSet, CueSet, list[tuple[str, re.Pattern[str]]], list[tuple[str, re.Pattern[str]]], re.Pattern[str], re.Pattern[str]]:
    """Compiled cue sets and regexes for judgements, estimative terms, confidence, analysts and institutions."""
    lex = lexicon()
    strong = CueSet(lex["assessment"]["strong"] + [p for pats in lex["estimative"].values() for p in pats])
    weak = CueSet(lex["assessment"]["weak"])
    est = [(term, any_of(pats)) for term, pats in lex["estimative"].items()]
    conf = [(lvl, any_of(pats)) for lvl, pats in lex["confidence"].items()]
    # one trie per list (only whether any word occurs is asked, so the order of the words does not matter)
    analyst = alternation(lex["analyst_nouns"], left=r"\b", right=r"\b")
    org = alternation(lex["analyst_orgs"], left=r"\b", right=r"\b")
    return strong, weak, est, conf, analyst, org


@lru_cache(maxsize=None)
def _explicit() -> re.Pattern[str]:
    """The regex for a view marked as the writer's or speaker's own ("In my view", "I think", "My forecast:"), from the lexicon."""
    return any_of(lexicon()["assessment"]["explicit"])


@lru_cache(maxsize=None)
def _evaluative() -> re.Pattern[str]:
    """The regex for words of degree and evaluation ("clear enough", "far too polite", "is unclear"), from the lexicon."""
    return any_of(lexicon()["assessment"]["evaluative"])


@lru_cache(maxsize=None)
def _procedural() -> re.Pattern[str]:
    """The regex for a formula that runs a briefing or frames a text ("Good afternoon.", "Next question, please."), from the lexicon."""
    return re.compile("|".join(f"(?:{p})" for p in lexicon()["assessment"]["procedural"]))


@lru_cache(maxsize=None)
def _referral() -> re.Pattern[str]:
    """The regex for a spokesperson passing a question on or declining it ("I would refer you to ..."), from the lexicon."""
    return re.compile("|".join(f"(?:{p})" for p in lexicon()["assessment"]["referral"]))


@lru_cache(maxsize=None)
def _of_org() -> re.Pattern[str]:
    """The regex for a named research body ("of the Harbour Policy Forum"), from the lexicon's analyst organisations."""
    return re.compile(r"\b" + _org_tail())


def _org_tail() -> str:
    """The pattern of "of the" and a research body's capitalised name ("of the Harbour Policy Forum"), or of an unnamed one
    ("of a Paris-based institute", "at a Nairobi think tank"), from the lexicon."""
    orgs = [o[:1].upper() + o[1:] for o in lexicon()["analyst_orgs"] if " " not in o]
    unnamed = alternation(lexicon()["analyst_orgs"], left="", right=r"\b").pattern
    return (r"(?:(?:of|at) the (?:[A-Z][\w-]+ ){1,5}" + alternation(orgs, left="", right=r"\b").pattern
            + r"|(?:of|at) an? (?:[\w-]+ ){0,3}" + unnamed + ")")


@lru_cache(maxsize=None)
def _named_of_org() -> re.Pattern[str]:
    """The regex for a named person of a research body ("Dr Ana Ruiz of the Coastal Policy Institute"), from the lexicon."""
    return re.compile(r"(?P<n>(?:[A-Z][\w'’.-]+\s){1,3}[A-Z][\w'’-]+)\s+" + _org_tail())


@lru_cache(maxsize=None)
def _official_said() -> re.Pattern[str]:
    """The regex for an official source's verb of saying ("officials said", "the ministry told"), from the lexicon."""
    who = alternation(lexicon()["assessment"]["official_nouns"], left=r"\b", right=r"\b").pattern
    return re.compile(who + r"[^.;]{0,40}?\b(?:said|says|told|confirmed|announced|stated)\b")


@lru_cache(maxsize=None)
def _reasoning() -> tuple[str, ...]:
    """The literals of a judgement that weighs or reasons (" than ", "because"), from the lexicon."""
    return tuple(lexicon()["assessment"]["reasoning"])


@lru_cache(maxsize=None)
def _serial() -> re.Pattern[str]:
    """The regex for a place in a series ("the third edition", "its 12th round"), from the lexicon."""
    return any_of(lexicon()["assessment"]["serial"])


@lru_cache(maxsize=None)
def _fact_verbs() -> re.Pattern[str]:
    """The regex for verbs of reported events (from the lexicon)."""
    return alternation(lexicon()["assessment"]["fact_verbs"], left=r"\b", right=r"\b")


def _fact_list(low: str) -> bool:
    """Whether `low` is a short lead-in, a colon and a list of counts with no judgement cue of its own ("modest: seven ships, 900 troops")."""
    head, _, tail = low.partition(":")
    if len(head.split()) > 5 or len(_COUNT.findall(tail)) < 2:
        return False
    return not _rx()[0].search(tail) and not _MODAL.search(tail)


def likelihood(text: str) -> str | None:
    """The ICD 203 likelihood term for the estimative language in `text` (longest expression wins)."""
    best: tuple[int, str] | None = None
    text = lower(text)
    for term, rx in _rx()[2]:
        for m in rx.finditer(text):
            cand = (m.end() - m.start(), term)
            if best is None or cand[0] > best[0]:
                best = cand
    return best[1] if best else None


def confidence(text: str) -> str | None:
    """"low", "moderate" or "high" when the sentence states a confidence level."""
    low = lower(text)
    for lvl, rx in _rx()[3]:
        if rx.search(low):
            return lvl
    return None


class HolderTracker:
    """Remembers analysts named in a document so later quotes ("..., she says") keep their holder."""

    def __init__(self) -> None:
        self.analysts: dict[str, str] = {}  # surname -> full name
        self.last: str | None = None

    def observe(self, text: str) -> str | None:
        """Record analysts introduced in `text`; return the analyst it quotes, if any."""
        if not _SPEECH.search(text):
            return None
        found = None
        for rx in (_ROLE, _WHO, _FORMER):
            if not (any(w in text for w in _ROLE_NOUNS) if rx is _ROLE else "who" in text if rx is _WHO else ("former" in text or "retired" in text)):
                continue  # (every match needs one of these words: a cheap test before the scan)
            for m in rx.finditer(text):
                name = m.group("n")
                self.analysts[name.split()[-1]] = name
                found = found or name
        if not found and (" of the " in text or " at the " in text or " of a" in text or " at a" in text):
            m = _named_of_org().search(text)  # a named speaker of a research body is an analyst
            if m:
                name = m.group("n")
                self.analysts[name.split()[-1]] = name
                found = name
        _, _, _, _, analyst, org = _rx()
        m = _SAID_NAME.search(text)
        if m and not found:
            tail = lower(text[m.end(): m.end() + 120])
            if analyst.search(tail) or org.search(tail):
                name = m.group("n")
                self.analysts[name.split()[-1]] = name
                found = name
        if not found:
            for m in _NAME_SAID.finditer(text):
                key = m.group("n").split()[-1]
                if key in self.analysts:
                    found = self.analysts[key]
                    break
        if not found:
            m = re.match(r"^(?P<n>[A-Z][\w'’-]+)\s+(?:cautions|argues|notes|says|believes|thinks|warns)\b", text)
            if m and m.group("n") in self.analysts:
                found = self.analysts[m.group("n")]
        if not found and _PRONOUN_SAYS.search(text) and self.last:
            found = self.last
        if found:
            self.last = found
            if ("spoke" in text or "talked" in text or "sat down" in text) and _INTERVIEW_INTRO.search(text):
                return None  # (the speaker is remembered for the answers that follow)
        return found


def judge(text: str, quoted_analyst: str | None, anchors: int | Callable[[], int]) -> Judgement:
    """Whether `text` is an assessment; `anchors` counts the facts (numbers, dates, names) it carries."""
    strong, weak, _, _, analyst, _ = _rx()
    if text[:1].isdigit() and "/" in text[:4]:
        text = _THREAD_NO.sub("", text)  # the post's own words are judged, not its number
    low = lower(text).replace("’", "'")
    if _procedural().match(low) or any(w in low for w in _REFERRAL_WORDS) and _referral().match(low) or text[:1] == "I" and _SELF_INTRO.match(text):
        return Judgement(False, 0.0, "author", None, None)  # a greeting, the floor handed over, a referral, a signpost, a host naming themselves or a translator's note: no judgement
    cue_text = text
    if not quoted_analyst and not _QUOTE_OPEN.match(text) and _QUOTED.search(text) and not _FOR_QUOTE.match(text):
        outside = _QUOTED.sub(_drop_long, text)
        # (a speaker from a research body, "X of the Y Forum tells us ...", is an analyst too)
        if outside.strip(" ,.") and not analyst.search(lower(outside)) and not _of_org().search(outside):
            # words an official is quoted as saying inside reported speech are reported speech, not a judgement
            # (a sentence that is itself a quotation, '"This is a signal ...," the minister said.', is read whole)
            cue_text = outside
            if _PERSON_SPEAKER.search(outside) and not _INSTITUTION_SPEAKER.search(outside):
                cue_text = text  # an official speaking in person: the quoted evaluation is theirs (a judgement)
    low = lower(cue_text)
    s = 0.0
    word_cue = bool(strong.search(low))
    bare_modal = not word_cue and bool(_MODAL.search(cue_text))
    if word_cue or bare_modal:
        s += 1.0
    cued = s > 0.0 or bool(quoted_analyst) and quoted_analyst != "author"  # a cue or a named analyst (not only an opinion writer)
    if quoted_analyst:
        s += 1.0
    if analyst.search(low) and _SAYS.search(low):
        s += 0.6
        cued = True
    if s < 1.0:
        s += 0.25 * min(weak.count(low), 2)
    n_words = len(text.split())
    if s < 1.0 and callable(anchors):
        anchors = anchors()
    if s < 1.0 and anchors == 0 and n_words <= 9 and not _serial().search(low):  # (a place in a series, "It is the third edition.", is a fact)
        s += 1.0 if n_words <= 8 and _COPULA.search(low) else 0.6
    if s < 1.0 and anchors >= 3:
        s -= 0.3
    if s >= 1.0 and not cued and (_fact_verbs().search(low) or any(w in low for w in _SAID_WORDS) and _official_said().search(low)):
        s = 0.75  # a reported event ("Two navies sent observers.") or an official's uncued word is a fact, even when short or in an opinion piece
    if s >= 1.0 and not quoted_analyst and " be " in low and any(w in low for w in _SAID_WORDS) and _official_said().search(low) and not analyst.search(low):
        plain = _PLAN_MODAL.sub(" ", low)  # an official's word that an event could be held ("officials said a second phase could be launched") is a reported plan
        if plain != low and not strong.search(plain) and not _MODAL.search(plain):
            s = 0.75
    if s >= 1.0 and not quoted_analyst and ":" in low and _fact_list(low):
        s = 0.75  # a count of forces under a short verdict ("The numbers are modest: seven ships and 900 personnel.") reports them
    question = text.rstrip("\"”’' ").endswith("?")
    if s >= 1.0 and not cued and (question or n_words <= 6 and _READER_ASK.match(text)):
        s = 0.75  # a question with no cue asks and a request to the reader asks for something: neither judges
    if s < 1.0:
        return Judgement(False, max(0.0, s / 2), "author", None, None)
    if not cued and _evaluative().search(low):
        cued = True  # an uncued judgement in words of degree or evaluation ("The signal is clear enough.") ranks as a cued one
    holder = quoted_analyst or "author"
    if not quoted_analyst:
        m = re.search(r"\b(?:(?P<who>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3})\s+(?:analysts?|experts?)\b|(?P<grp>Analysts|Experts|Observers|Specialists)\b)", text)
        if m and s >= 1.0 and _SAYS.search(low):
            holder = "analysts"
    lk = likelihood(text)
    conf = confidence(text)
    own = bool(_explicit().search(low))  # a view its holder marks as their own ranks above a bare cue (below a stated likelihood)
    # (an estimative term, "likely", "almost certainly", or a stated confidence is the surest mark of a judgement: it ranks higher)
    # (a short unanchored sentence or an opinion writer's line with no cue is a weaker judgement, a very short one weaker still)
    # (an official's own evaluation, "the admiral told reporters that ...", ranks below an analyst's or the writer's)
    #   (and so does what a source reports, "according to the navy", and a question, which asks rather than judges)
    official = not quoted_analyst and not analyst.search(low) and (
        bool(_PERSON_SPEAKER.search(text)) and bool(_SPEECH.search(text)) or "according to" in low)
    # (a judgement that weighs or reasons, "more X than Y", "because ...", ranks a little above a bare one; a bare modal, "might join", a little below)
    weighs = any(w in low for w in _reasoning())
    return Judgement(s >= 1.0, min(1.0, s / 2 + (0.1 if lk or conf else 0.0) + (0.05 if own else 0.0) + (0.03 if weighs else 0.0) - (0.03 if bare_modal and not quoted_analyst else 0.0) - (0.0 if cued else 0.1 if n_words > 5 else 0.15) - (0.05 if official else 0.0)
                                   - (0.1 if question else 0.0)), holder, lk, conf)
