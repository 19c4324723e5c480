"""Source bytes -> text: BOMs, UTF-8, UTF-16 and cp1252 without a declared encoding."""
from __future__ import annotations

import codecs
import re

from briefings.errors import SourceError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_C1 = re.compile("[\x80-\x9f]")


def decode(raw: bytes, path: str, *, html: bool = False) -> tuple[str, str, int]:
    """Return (text, encoding used, number of U+FFFD replacements) for a source's bytes.

    Order: a byte-order mark decides; then strict UTF-8; then the page's declared charset (HTML);
    then cp1252, the usual encoding of text saved on Windows; last, UTF-8 with replacements.
    A leading BOM is not part of the text. Newlines are kept as they are in the file.
    """
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(enc), enc.replace("-sig", ""), 0
            except UnicodeDecodeError:
                raise SourceError(f"text starts with a {enc} byte-order mark but is not valid {enc}",
                                  path=path) from None
    if b"\x00" in raw[:8192]:
        raise SourceError("looks like a binary file (NUL bytes), not text", path=path)
    try:
        return raw.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    if html:
        m = _META_CHARSET.search(raw[:4096])
        if m:
            enc = m.group(1).decode("ascii", "replace").lower()
            try:
                text = raw.decode(enc)
                if not _C1.search(text):
                    return text, enc, 0
            except (LookupError, UnicodeDecodeError):
                pass
    try:
        text = raw.decode("cp1252")
        if not _C1.search(text):
            return text, "cp1252", 0
    except UnicodeDecodeError:
        pass
    text = raw.decode("utf-8", errors="replace")
    return text, "utf-8", text.count("\ufffd")
