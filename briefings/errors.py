"""User-facing errors: one hierarchy, one handler in the CLI, named exit codes."""
from __future__ import annotations

EXIT_OK = 0
EXIT_USER = 1
EXIT_USAGE = 2
EXIT_DELIVERY = 3
EXIT_INTERNAL = 4
EXIT_PARTIAL = 5  # edition written, but some sources were unavailable (docs/sources.md)
EXIT_BUSY = 75  # sysexits EX_TEMPFAIL: another run holds the briefing's lock; try later


class BriefingError(Exception):
    """A problem in the user's input, reported as one clear message without a traceback."""

    exit_code = EXIT_USER

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None, key: str | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.key = key
        super().__init__(self.render())

    def render(self) -> str:
        """The message prefixed with `file:line:col` and the key path, where known."""
        where = ""
        if self.path:
            where = str(self.path)
            if self.line:
                where += f":{self.line}"
                if self.column:
                    where += f":{self.column}"
            where += ": "
        key = f"{self.key}: " if self.key else ""
        return f"{where}{key}{self.message}"


class ConfigError(BriefingError):
    """The briefing config cannot be loaded or does not match the schema."""

    def __init__(self, message: str, *, problems: list[BriefingError] | None = None, **kw) -> None:
        self.problems = problems or []
        super().__init__(message, **kw)

    def render(self) -> str:
        if not self.problems:
            return super().render()
        lines = [super().render()] + [f"  {p.render()}" for p in self.problems]
        return "\n".join(lines)


class SourceError(BriefingError):
    """A source file cannot be found, read or decoded."""


class TemplateError(BriefingError):
    """A template is missing, invalid, unsafe or fails to render."""


class RenderError(BriefingError):
    """An output (e.g. the PDF) cannot be produced from valid templates."""


class DeliveryError(BriefingError):
    """Sending the briefing failed or partly failed."""

    exit_code = EXIT_DELIVERY


class BusyError(BriefingError):
    """Another briefings process holds the briefing's lock; nothing was done."""

    exit_code = EXIT_BUSY
