"""Sentence splitting keeps an ordinal inside brackets ("(10. Panzerdivision)") in its sentence."""
from briefings.extract.text import Line, split_sentences


def _split(t: str) -> list[str]:
    return [s.text for s in split_sentences(t, Line(0, 0, len(t), t))]


def test_ordinal_in_brackets_does_not_end_the_sentence():
    t = "The lead unit was the 1st Mountain Brigade (1. Gebirgsbrigade), which moved by rail. It arrived on Friday."
    assert _split(t) == ["The lead unit was the 1st Mountain Brigade (1. Gebirgsbrigade), which moved by rail.",
                         "It arrived on Friday."]


def test_a_sentence_ending_before_a_bracketed_aside_still_splits():
    t = "Ships sailed at 10. (Two more followed.) The drill ended."
    assert len(_split(t)) >= 2
