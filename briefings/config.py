"""Briefing config: YAML file -> typed, validated `BriefingConfig`, every error reported at once."""
from __future__ import annotations

import difflib
import re
import typing
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator,
                      model_validator)

from briefings.deliver.address import check_address, parse_address
from briefings.errors import ConfigError
from briefings.yamlsafe import Positions, dotted, load_yaml

SectionKind = Literal["bluf", "claims", "exercises", "assessments", "sources", "text"]
Format = Literal["md", "html", "pdf"]
DEFAULT_TITLES = {
    "bluf": "Bottom line up front", "claims": "Key developments",
    "exercises": "Exercises and patrols", "assessments": "What analysts assess",
    "sources": "Sources", "text": "Note",
}
DEFAULT_LIMITS = {"bluf": 3, "claims": 8, "assessments": 6}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class SourceSpec(_Model):
    """One entry of `sources`: a file, folder or glob (`path`), a web page (`url`) or a feed."""

    path: str | None = Field(default=None, description="A file, folder or glob (`**` allowed), "
                             "relative to the config file. Folders are read recursively for .txt, "
                             ".md, .html, .htm and .pdf.")
    url: str | None = Field(default=None, description="An article page, plain-text file or PDF "
                            "on the web (http or https), fetched by the guarded client; see "
                            "docs/sources.md.")
    feed: str | None = Field(default=None, description="An RSS or Atom feed (http or https): the "
                             "page of each entry is read, newest first, inside `period` if set.")
    max_items: int | None = Field(default=None, ge=1, le=1000, description="feed only: most "
                                  "entries read (default 20).")

    @model_validator(mode="after")
    def _one_kind(self) -> "SourceSpec":
        given = [k for k in ("path", "url", "feed") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of 'path', 'url' or 'feed'"
                             + (f" (got {', '.join(given)})" if given else ""))
        if self.max_items is not None and self.feed is None:
            raise ValueError("'max_items' applies only to 'feed' sources")
        for key in ("url", "feed"):
            value = getattr(self, key)
            if value is not None:
                from briefings.errors import SourceError
                from briefings.sources.addresses import check_url

                try:
                    check_url(value)
                except SourceError as exc:
                    raise ValueError(exc.message) from None
        return self

    @property
    def kind(self) -> str:
        """path, url or feed."""
        return "path" if self.path is not None else "url" if self.url is not None else "feed"


class NetworkSpec(_Model):
    """How web sources (`url`, `feed`) are fetched; see docs/sources.md."""

    allow_hosts: list[str] = Field(default_factory=list, description="Hosts ('intranet.example') "
                                   "or host:port ('127.0.0.1:8000', '[::1]:8080') that may be "
                                   "fetched although they are loopback, private or otherwise "
                                   "internal; every other internal address is refused.")
    respect_robots: bool = Field(default=True, description="Obey robots.txt (RFC 9309) for "
                                 "feeds and pages, its Crawl-delay included; false only where "
                                 "you have the site's leave.")
    timeout: float = Field(default=30, gt=0, le=600, description="Seconds one fetch may take "
                           "in all, redirects included (a total deadline, not per read).")
    max_bytes: int = Field(default=20_000_000, ge=1000, le=200_000_000, description="Largest "
                           "body accepted, in bytes, counted after decompression.")
    max_redirects: int = Field(default=5, ge=0, le=20, description="Most redirects followed "
                               "per fetch; every hop's address is checked again.")
    cache_dir: str | None = Field(default=None, description="Folder of the HTTP cache, relative "
                                  "to the config file (default: OUT/.cache/http, beside the "
                                  "editions).")
    contact: str | None = Field(default=None, pattern=r"^[^\s()\x00-\x1f]{1,200}$",
                                description="URL or e-mail address added to the User-Agent "
                                "('briefings/VERSION (+CONTACT)') so site owners can reach you.")

    @field_validator("allow_hosts")
    @classmethod
    def _hosts(cls, value: list[str]) -> list[str]:
        from briefings.errors import SourceError
        from briefings.sources.addresses import allow_entry

        for entry in value:
            try:
                allow_entry(entry)
            except SourceError as exc:
                raise ValueError(exc.message) from None
        return value


class OutletSpec(_Model):
    """Grading of one outlet (NATO AJP-2.1 / Admiralty source reliability)."""

    reliability: Literal["A", "B", "C", "D", "E", "F"] = Field(
        description="A completely reliable … E unreliable, F cannot be judged (the default for "
                    "outlets not graded here).")
    note: str | None = Field(default=None, description="Free text shown nowhere; for the desk's notes.")


class ExerciseFilter(_Model):
    """Which exercises an `exercises` section keeps."""

    participants: list[str] = Field(default_factory=list, description="Keep exercises in which "
                                    "all of these countries take part (canonical English names).")
    status: list[Literal["held", "under way", "planned", "cancelled"]] = Field(
        default_factory=list, description="Keep only exercises with one of these statuses.")


class SectionSpec(_Model):
    """One section of the briefing, in the order given."""

    kind: SectionKind = Field(description="bluf, claims, exercises, assessments, sources or text.")
    title: str | None = Field(default=None, description="Heading; a sensible default per kind.")
    limit: int | None = Field(default=None, ge=1, le=1000, description="Most items shown "
                              "(bluf 3, claims 8, assessments 6 by default).")
    where: ExerciseFilter | None = Field(default=None, description="exercises only: a filter.")
    show: list[Literal["table", "timeline"]] | None = Field(
        default=None, description="exercises only: table and/or timeline (default both).")
    text: str | None = Field(default=None, description="text only: fixed Markdown shown as is.")

    @model_validator(mode="after")
    def _kind_keys(self) -> "SectionSpec":
        if self.where is not None and self.kind != "exercises":
            raise ValueError("'where' applies only to sections of kind 'exercises'")
        if self.show is not None and self.kind != "exercises":
            raise ValueError("'show' applies only to sections of kind 'exercises'")
        if self.limit is not None and self.kind not in DEFAULT_LIMITS:
            raise ValueError(f"'limit' does not apply to sections of kind {self.kind!r}")
        if (self.text is None) == (self.kind == "text"):
            raise ValueError("sections of kind 'text' need 'text', and only they take it")
        return self

    @property
    def heading(self) -> str:
        """The title to show."""
        return self.title or DEFAULT_TITLES[self.kind]

    @property
    def max_items(self) -> int | None:
        """The limit to apply (None: no limit)."""
        return self.limit or DEFAULT_LIMITS.get(self.kind)


EmailAddress = Annotated[str, AfterValidator(check_address)]
ENV_NAME = r"^[A-Za-z_][A-Za-z0-9_]*$"
SUBJECT_FIELDS = ("title", "subtitle", "date", "id", "author", "marking")
SECRET_KEYS = {"password", "passwd", "pass", "secret", "token", "username", "user", "login"}


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class SmtpSpec(_Model):
    """The SMTP server editions are sent through; secrets come only from environment variables."""

    host: str = Field(min_length=1, pattern=r"^[A-Za-z0-9.:\[\]_-]+$",
                      description="SMTP server host name; the TLS certificate is checked against it.")
    port: int | None = Field(default=None, ge=1, le=65535, description="Port (default 587 for "
                             "starttls, 465 for ssl, 25 for none).")
    security: Literal["starttls", "ssl", "none"] = Field(
        default="starttls", description="starttls (upgrade required: a server that does not "
        "offer STARTTLS gets nothing), ssl (TLS from the first byte) or none (plain text, "
        "allowed only for loopback hosts such as localhost or 127.0.0.1).")
    ca_file: str | None = Field(default=None, description="PEM file of CA certificates to trust "
                                "instead of the system's, relative to the config file.")
    username_env: str | None = Field(default=None, pattern=ENV_NAME, description="Name of the "
                                     "environment variable holding the SMTP user name (login "
                                     "happens only over TLS).")
    password_env: str | None = Field(default=None, pattern=ENV_NAME, description="Name of the "
                                     "environment variable holding the SMTP password; a "
                                     "password never sits in the config.")
    timeout: float = Field(default=30, gt=0, le=600, description="Seconds to wait for the "
                           "server at each step.")
    retries: int = Field(default=3, ge=0, le=10, description="Further attempts per recipient "
                         "after a temporary (4xx) reply or a connection lost before the message "
                         "was handed over; 5xx replies are never retried.")
    retry_delay: float = Field(default=30, ge=0, le=3600, description="Seconds before the first "
                               "retry; doubled for each further one, plus up to 25% jitter.")

    @model_validator(mode="after")
    def _policy(self) -> "SmtpSpec":
        if self.security == "none" and not _is_loopback(self.host):
            raise ValueError(f"security 'none' sends in plain text and is allowed only for "
                             f"loopback hosts (localhost, 127.0.0.1, ::1), not {self.host!r}: "
                             "use starttls or ssl")
        if (self.username_env is None) != (self.password_env is None):
            raise ValueError("give both 'username_env' and 'password_env', or neither")
        if self.username_env and self.security == "none":
            raise ValueError("login happens only over TLS: with 'username_env' and "
                             "'password_env', use security starttls or ssl")
        return self

    @property
    def effective_port(self) -> int:
        """The port to connect to."""
        return self.port or {"starttls": 587, "ssl": 465, "none": 25}[self.security]


class EmailSpec(_Model):
    """Who gets each edition by e-mail, and how."""

    sender: EmailAddress = Field(alias="from", description="Sender address (also the envelope "
                                 "sender and the domain of the Message-ID), e.g. "
                                 "'Briefings <briefings@example.org>'.")
    to: list[EmailAddress] = Field(default_factory=list, description="Recipients shown in To:, "
                                   "one address per item.")
    cc: list[EmailAddress] = Field(default_factory=list, description="Recipients shown in Cc:.")
    bcc: list[EmailAddress] = Field(default_factory=list, description="Recipients shown in no "
                                    "header.")
    reply_to: EmailAddress | None = Field(default=None, description="Address for replies.")
    subject: str = Field(default="{title}: {date}", max_length=200, description="Subject "
                         "template with the fields {title}, {subtitle}, {date}, {id}, {author} "
                         "and {marking}; values are put on one line.")
    max_attachment_mb: float = Field(default=10, gt=0, le=100, description="Largest PDF to "
                                     "attach, in MB; a larger one fails before anything is sent.")
    allowed_domains: list[str] = Field(default_factory=list, description="If given, every "
                                       "recipient's domain must be one of these (exact match).")
    smtp: SmtpSpec = Field(description="The SMTP server.")

    @field_validator("subject")
    @classmethod
    def _subject(cls, value: str) -> str:
        import string

        if re.search(r"[\x00-\x1f\x7f\u0085\u2028\u2029]", value):
            raise ValueError("the subject may not contain line breaks or control characters")
        try:
            parts = list(string.Formatter().parse(value))
        except ValueError as exc:
            raise ValueError(f"bad subject template: {exc} (write {{{{ and }}}} for literal "
                             "braces)") from None
        for _text, name, spec, conversion in parts:
            if name is None:
                continue
            if name not in SUBJECT_FIELDS or spec or conversion:
                raise ValueError(f"unknown subject field {{{name}}}: use "
                                 + ", ".join(f"{{{f}}}" for f in SUBJECT_FIELDS))
        return value

    @model_validator(mode="after")
    def _recipients(self) -> "EmailSpec":
        everyone = [*self.to, *self.cc, *self.bcc]
        if not everyone:
            raise ValueError("give at least one recipient in 'to', 'cc' or 'bcc'")
        seen: set[str] = set()
        for value in everyone:
            addr = parse_address(value)
            if addr.addr_spec.lower() in seen:
                raise ValueError(f"{addr.addr_spec} is listed more than once")
            seen.add(addr.addr_spec.lower())
            allowed = {d.lower() for d in self.allowed_domains}
            if allowed and addr.domain not in allowed:
                raise ValueError(f"{addr.addr_spec}: domain {addr.domain!r} is not in "
                                 "allowed_domains")
        return self

    def recipients(self) -> list[tuple[str, str]]:
        """(addr_spec, 'to'|'cc'|'bcc') for every recipient, in order."""
        return [(parse_address(v).addr_spec, kind)
                for kind, values in (("to", self.to), ("cc", self.cc), ("bcc", self.bcc))
                for v in values]


class DeliverySpec(_Model):
    """How editions are delivered (`briefings send`, `briefings run-due`)."""

    email: EmailSpec = Field(description="E-mail with the PDF attached.")


class ScheduleSpec(_Model):
    """When `briefings run-due` builds and sends."""

    cron: str = Field(description="Five-field cron expression (minute hour day month weekday), "
                      "e.g. '0 6 * * MON'; at most one run a day, since an edition is one day.")
    timezone: str | None = Field(default=None, description="IANA zone the cron times are read "
                                 "in; default: the top-level timezone.")
    catch_up: bool = Field(default=True, description="After downtime, run once for the latest "
                           "missed slot (marked catch_up in the manifest); false skips missed slots.")

    @field_validator("cron")
    @classmethod
    def _cron(cls, value: str) -> str:
        from briefings.schedule import check_cron

        return check_cron(value)

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        return None if value is None else BriefingConfig._zone(value)


class PeriodSpec(_Model):
    """The window an edition covers: `last: 7d`, or `since`/`until` dates (either may be open)."""

    since: date | None = Field(default=None, strict=False,
                               description="First day covered (YYYY-MM-DD).")
    until: date | None = Field(default=None, strict=False, description="Last day covered (YYYY-MM-DD); "
                               "default: the edition date.")
    last: str | None = Field(default=None, pattern=r"^[1-9][0-9]{0,3}[dw]$",
                             description="Rolling window ending on the edition date, e.g. 7d or "
                                         "2w; not combined with since.")

    @model_validator(mode="after")
    def _one_way(self) -> "PeriodSpec":
        if self.last and self.since:
            raise ValueError("give either 'last' or 'since', not both")
        if not (self.last or self.since or self.until):
            raise ValueError("give 'last' (e.g. 7d) or 'since' and/or 'until'")
        if self.since and self.until and self.since > self.until:
            raise ValueError("'since' is after 'until'")
        return self

    def window(self, edition: date) -> tuple[date | None, date]:
        """(first day or None, last day) for an edition dated `edition`."""
        until = self.until or edition
        if self.last:
            days = int(self.last[:-1]) * (7 if self.last.endswith("w") else 1)
            return until - timedelta(days=days - 1), until
        return self.since, until


class BriefingConfig(_Model):
    """A whole briefing config file."""

    id: str = Field(description="Slug naming the output folder: lowercase letters, digits, - and _.")
    title: str = Field(min_length=1, description="Title on the cover and in the PDF metadata.")
    subtitle: str | None = Field(default=None, description="Line under the title.")
    marking: str | None = Field(default=None, description="Banner on every page, e.g. "
                                "'UNCLASSIFIED // OPEN SOURCE'.")
    author: str | None = Field(default=None, description="Who issues the briefing.")
    timezone: str = Field(default="UTC", description="IANA zone for the edition date, e.g. Europe/London.")
    lang: str = Field(default="en", pattern=r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$",
                      description="Language tag of the document (HTML lang attribute).")
    page_size: Literal["A4", "Letter"] = Field(default="A4", description="PDF page size.")
    sources: list[SourceSpec] = Field(min_length=1, description="Where the articles are.")
    outlets: dict[str, OutletSpec] = Field(default_factory=dict,
                                           description="Reliability grade per outlet name.")
    sections: list[SectionSpec] = Field(min_length=1, description="The sections, in order.")
    formats: list[Format] = Field(default_factory=lambda: ["md", "html", "pdf"],
                                  description="Outputs to write: md, html, pdf.")
    keywords: list[str] = Field(default_factory=list, description="Words naming the briefing's "
                                "subject; claims that mention them rank higher (default: the "
                                "words of the title and the exercise filters' countries).")
    period: PeriodSpec | None = Field(default=None, description="Keep sources, claims and "
                                      "exercises dated inside this window (default: no window).")
    templates: str | None = Field(default=None, description="Folder of template overrides, "
                                  "relative to the config file; searched before the defaults.")
    assets: str | None = Field(default=None, description="Folder of images/fonts/CSS the "
                               "templates may use in the PDF, relative to the config file.")
    delivery: DeliverySpec | None = Field(default=None, description="How editions are "
                                          "delivered; see docs/scheduling.md.")
    schedule: ScheduleSpec | None = Field(default=None, description="When `briefings run-due` "
                                          "builds and sends; see docs/scheduling.md.")
    network: NetworkSpec | None = Field(default=None, description="How `url` and `feed` "
                                        "sources are fetched: allowed internal hosts, robots.txt, "
                                        "limits and cache; see docs/sources.md.")

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,63}", value):
            raise ValueError(f"{value!r} is not a slug: use 1-64 lowercase letters, digits, '-' "
                             "and '_', starting with a letter or digit (e.g. 'china-russia-naval')")
        return value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "Europe" is a tz folder
            raise ValueError(f"unknown time zone {value!r} (use an IANA name such as "
                             "'Europe/London' or 'UTC')") from None
        return value

    @field_validator("formats")
    @classmethod
    def _unique_formats(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("each format may appear once")
        return value

    @model_validator(mode="after")
    def _delivery_needs_pdf(self) -> "BriefingConfig":
        if self.delivery is not None and "pdf" not in self.formats:
            raise ValueError("'delivery' attaches the PDF: add pdf to 'formats'")
        return self

    @property
    def schedule_zone(self) -> str:
        """The zone the schedule is read in: its own, else the briefing's."""
        return (self.schedule.timezone if self.schedule else None) or self.timezone


class LoadedConfig(typing.NamedTuple):
    """A validated config together with where it came from."""

    config: BriefingConfig
    path: Path

    @property
    def base_dir(self) -> Path:
        """The folder relative paths in the config are resolved against."""
        return self.path.parent

    def resolve(self, relative: str) -> Path:
        """A path from the config, resolved against the config's folder."""
        return (self.base_dir / Path(relative).expanduser()).resolve()


def load_config(path: Path | str) -> LoadedConfig:
    """Read, parse and validate a config file; raise ConfigError listing every problem."""
    path = Path(path)
    if not path.exists():
        raise ConfigError("config file not found", path=str(path))
    if not path.is_file():
        raise ConfigError("config path is not a file", path=str(path))
    data, positions = load_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError("a config must be a mapping of keys (id, title, sources, sections, ...)",
                          path=str(path), line=1, column=1)
    try:
        config = BriefingConfig.model_validate(data)
    except ValidationError as exc:
        problems = [_problem(err, path, positions, data) for err in exc.errors()]
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        noun = "problem" if len(problems) == 1 else "problems"
        raise ConfigError(f"{len(problems)} {noun} in the config", path=str(path),
                          problems=problems) from None
    return LoadedConfig(config, path)


def _problem(err: dict, path: Path, positions: Positions, data) -> ConfigError:
    """One pydantic error -> ConfigError with line, column, key path and a plain message."""
    loc = tuple(err["loc"])
    # The nearest position we know: the key itself, else its closest parent.
    probe = loc
    while probe and probe not in positions:
        probe = probe[:-1]
    line, col, raw = positions.get(probe, (1, 1, None))
    kind, msg = err["type"], err["msg"]
    if kind == "extra_forbidden":
        valid = _fields_at(loc[:-1], data)
        near = difflib.get_close_matches(str(loc[-1]), valid, n=1, cutoff=0.6)
        msg = f"unknown key {loc[-1]!r}"
        msg += f" (did you mean {near[0]!r}?)" if near else f" (valid keys: {', '.join(valid)})"
        if str(loc[-1]).lower() in SECRET_KEYS:
            which = "username" if str(loc[-1]).lower() in ("user", "username", "login") else "password"
            msg = (f"{loc[-1]!r} is not allowed: secrets never sit in the config; put it in an "
                   f"environment variable and give that variable's name in '{which}_env'")
    elif kind == "missing":
        msg = f"required key {loc[-1]!r} is missing"
    elif kind in ("string_type", "literal_error", "int_type", "list_type", "dict_type", "model_type"):
        msg = _plain_type_message(err, raw)
    elif msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    else:
        msg = msg[:1].lower() + msg[1:]
    return ConfigError(msg, path=str(path), line=line, column=col, key=dotted(loc) or None)


def _plain_type_message(err: dict, raw: str | None) -> str:
    """Type errors in the user's terms, with a hint for YAML 1.1 surprises (NO, 12:30, 010)."""
    msg = err["msg"]
    got = err.get("input")
    if err["type"] == "string_type" and raw is not None and not isinstance(got, str):
        return f"expected text but YAML read {raw} as {type(got).__name__} {got!r}: quote it: \"{raw}\""
    if err["type"] == "literal_error":
        return f"{msg[0].lower()}{msg[1:]}, got {got!r}"
    return msg


def _fields_at(loc: tuple, data) -> list[str]:
    """The valid key names of the model that sits at `loc` (for 'did you mean')."""
    model: type[BaseModel] | None = BriefingConfig
    annotation: object = model
    for part in loc:
        if isinstance(part, int):
            args = typing.get_args(annotation)
            annotation = args[0] if args else annotation
            continue
        model = _model_of(annotation)
        if model is None:
            return []
        field = {f.alias or n: f for n, f in model.model_fields.items()}.get(str(part))
        if field is None:
            return []
        annotation = field.annotation
        if typing.get_origin(annotation) is dict:
            annotation = typing.get_args(annotation)[1]
            continue
    model = _model_of(annotation)
    return sorted(f.alias or n for n, f in model.model_fields.items()) if model else []


def _model_of(annotation: object) -> type[BaseModel] | None:
    """The pydantic model inside an annotation such as `X | None` or `list[X]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found:
            return found
    return None


def describe_schema() -> list[tuple[str, str, str]]:
    """(key path, type, description) for every config key, for docs and `--help` output."""
    rows: list[tuple[str, str, str]] = []

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, field in model.model_fields.items():
            key = f"{prefix}{field.alias or name}"
            rows.append((key, _type_name(field.annotation), field.description or ""))
            inner = _model_of(field.annotation)
            if inner is not None:
                origin = typing.get_origin(field.annotation)
                sub = f"{key}[]." if origin is list else (f"{key}.<name>." if origin is dict else f"{key}.")
                walk(inner, sub)

    walk(BriefingConfig, "")
    return rows


def _type_name(annotation: object) -> str:
    text = getattr(annotation, "__name__", None) if isinstance(annotation, type) else None
    text = text or str(annotation)
    text = re.sub(r"typing\.|briefings\.config\.|<class '|'>", "", text)
    text = re.sub(r"Annotated\[(\w+), AfterValidator\([^)]*\)\]", r"\1", text)
    text = re.sub(r"^Optional\[(.*)\]$", r"\1 | None", text)
    return text.replace("NoneType", "None")
