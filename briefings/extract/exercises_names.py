"""Exercise names: series spelling normalisation (stub)."""
from __future__ import annotations
import re, unicodedata


def series_key(name: str) -> str:
    s = unicodedata.normalize("NFKC", name).casefold()
    s = re.sub(r"\b(exercise|drills?|the|joint|naval)\b", " ", s)
    return re.sub(r"[\W_]+", "", s)
