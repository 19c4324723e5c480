"""The send ledger: one record per (edition, recipient), written atomically after every change."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from briefings.errors import BriefingError

LEDGER_FILE = "ledger.json"
# sent: the server took it (250). sending: handed over, no reply recorded (killed run or lost
# connection): as good as `unknown`. unknown: connection lost after the message was handed over.
# refused: the server refused the recipient (5xx). failed: not delivered (permanent error, or
# temporary errors outlasted the retries). Only refused and failed are sent again without --force.
DONE = ("sent", "sending", "unknown")


class Ledger:
    """Delivery records of one briefing, keyed by edition date and recipient address."""

    def __init__(self, path: Path, briefing: str, editions: dict[str, dict[str, dict]]) -> None:
        self.path = path
        self.briefing = briefing
        self.editions = editions

    @classmethod
    def load(cls, path: Path, briefing: str) -> "Ledger":
        """Read the ledger at `path` (an empty one if the file does not exist yet)."""
        if not path.exists():
            return cls(path, briefing, {})
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            editions = data["editions"]
            if not isinstance(editions, dict) or data.get("briefing") != briefing:
                raise ValueError(f"it belongs to briefing {data.get('briefing')!r}")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise BriefingError(f"the send ledger is unreadable ({exc}); it is what prevents "
                                "double sends, so nothing is sent until it is repaired or "
                                "deliberately moved aside", path=str(path)) from None
        return cls(path, briefing, editions)

    def get(self, edition: str, recipient: str) -> dict | None:
        """The record for one recipient of one edition, if any."""
        return self.editions.get(edition, {}).get(recipient.lower())

    def record(self, edition: str, recipient: str, **fields: object) -> dict:
        """Update (or create) a record and write the ledger to disk before returning."""
        entry = self.editions.setdefault(edition, {}).setdefault(recipient.lower(), {
            "recipient": recipient, "attempts": 0})
        entry.update(fields)
        entry["updated"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.save()
        return entry

    def for_edition(self, edition: str) -> list[dict]:
        """Every record of an edition."""
        return list(self.editions.get(edition, {}).values())

    def save(self) -> None:
        """Write atomically (temp file, fsync, rename)."""
        from briefings.write import atomic_write, json_bytes

        atomic_write(self.path, json_bytes({"version": 1, "briefing": self.briefing,
                                            "editions": self.editions}))
