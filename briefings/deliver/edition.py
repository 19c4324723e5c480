"""An edition folder read back for delivery: files checked against the manifest's sha256."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from briefings.errors import BriefingError

NEEDED = ("briefing.pdf", "briefing.md", "briefing.json")


@dataclass(frozen=True)
class Edition:
    """The files of one edition that a message is made from."""

    folder: Path
    manifest: dict
    briefing: dict
    markdown: str
    pdf: bytes

    @property
    def id(self) -> str:
        """The briefing id."""
        return str(self.briefing["id"])

    @property
    def date(self) -> str:
        """The edition date, YYYY-MM-DD."""
        return str(self.briefing["date"])


def latest_edition(briefing_dir: Path) -> Path:
    """The newest `YYYY-MM-DD` folder with a manifest under `briefing_dir`."""
    found = sorted(p for p in briefing_dir.glob("*") if re.fullmatch(r"\d{4}-\d{2}-\d{2}", p.name)
                   and (p / "manifest.json").is_file()) if briefing_dir.is_dir() else []
    if not found:
        raise BriefingError("no edition to send: build one first with `briefings build`",
                            path=str(briefing_dir))
    return found[-1]


def load_edition(folder: Path, briefing_id: str) -> Edition:
    """Read an edition and check it is whole: every file present and matching its sha256."""
    from briefings.write import sha256

    manifest_path = folder / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BriefingError("not an edition folder (no manifest.json)", path=str(folder)) from None
    except (OSError, ValueError) as exc:
        raise BriefingError(f"unreadable manifest: {exc}", path=str(manifest_path)) from None
    if manifest.get("briefing") != briefing_id:
        raise BriefingError(f"this edition is of briefing {manifest.get('briefing')!r}, not "
                            f"{briefing_id!r}", path=str(folder))
    hashes = {o.get("file"): o.get("sha256") for o in manifest.get("outputs", [])}
    data: dict[str, bytes] = {}
    for name in NEEDED:
        path = folder / name
        if not path.is_file():
            hint = " (add pdf to formats and rebuild)" if name == "briefing.pdf" else ""
            raise BriefingError(f"the edition has no {name}; nothing is sent without it{hint}",
                                path=str(folder))
        data[name] = path.read_bytes()
        if hashes.get(name) != sha256(data[name]):
            raise BriefingError(f"{name} does not match the sha256 in manifest.json (changed or "
                                "torn since the build); rebuild the edition", path=str(path))
    return Edition(folder, manifest, json.loads(data["briefing.json"]),
                   data["briefing.md"].decode("utf-8"), data["briefing.pdf"])
