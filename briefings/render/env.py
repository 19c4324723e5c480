"""The sandboxed Jinja environment: rooted loaders, autoescape rules, limits and error mapping."""
from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError, TemplateNotFound
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from ..errors import TemplateError
from . import filters

PACKAGED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DEFAULT_PREFIX = "default"
MAX_TEMPLATE_BYTES = 1_000_000
MAX_OUTPUT_CHARS = 20_000_000
MAX_REPEAT_CHARS = 1_000_000
MAX_EXPONENT = 1_000
MAX_RANGE_ITEMS = 2_000_000
MAX_LIPSUM_PARAGRAPHS = 20
_HTML_SUFFIXES = (".html", ".htm", ".xml", ".xhtml")
_TEMPLATE_SUFFIXES = (".j2", ".jinja2", ".jinja")
_MD_SUFFIXES = (".md", ".markdown")


def _base_name(name: str | None) -> str:
    """The template name in lower case with a trailing .j2/.jinja suffix removed."""
    n = (name or "").lower()
    for suffix in _TEMPLATE_SUFFIXES:
        if n.endswith(suffix):
            return n[: -len(suffix)]
    return n


def autoescape_for(name: str | None) -> bool:
    """HTML-escape output of .html/.htm/.xml templates (with or without .j2) and of strings."""
    if name is None:
        return True
    return _base_name(name).endswith(_HTML_SUFFIXES)


def is_markdown_template(name: str | None) -> bool:
    """True for .md / .md.j2 templates, whose output is Markdown-escaped by default."""
    return _base_name(name).endswith(_MD_SUFFIXES)


def _is_under(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:
        return False


def _check_name(template: str) -> list[str]:
    """Split a template name into path pieces, rejecting absolute and parent paths."""
    if not template or "\x00" in template or "\\" in template:
        raise SecurityError(f"template name {template!r} is not allowed")
    if template.startswith("/") or (len(template) > 1 and template[1] == ":"):
        raise SecurityError(f"absolute template path {template!r} is not allowed")
    pieces = [p for p in template.split("/") if p and p != "."]
    if ".." in pieces:
        raise SecurityError(f"template path {template!r} leaves the template folder")
    return pieces


class RootedLoader(jinja2.BaseLoader):
    """Loads templates from one folder; refuses names or symlinks that resolve outside it."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.real_root = os.path.realpath(self.root)

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = _check_name(template)
        path = os.path.join(self.root, *pieces)
        if not os.path.lexists(path):
            raise TemplateNotFound(template)
        real = os.path.realpath(path)
        if not _is_under(real, self.real_root):
            raise SecurityError(f"template {template!r} resolves outside {self.root}")
        if not os.path.isfile(real):
            raise TemplateNotFound(template)
        st = os.stat(real)
        if st.st_size > MAX_TEMPLATE_BYTES:
            raise SecurityError(f"template {template!r} is larger than {MAX_TEMPLATE_BYTES} bytes")
        with open(real, "rb") as fh:
            data = fh.read(MAX_TEMPLATE_BYTES + 1)
        try:
            source = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise TemplateError(f"template is not valid UTF-8 ({exc.reason} at byte {exc.start})",
                                path=path) from None
        mtime = st.st_mtime
        return source, path, lambda: os.path.exists(real) and os.stat(real).st_mtime == mtime

    def list_templates(self) -> list[str]:
        found = []
        for dirpath, _dirs, files in os.walk(self.root):
            for f in files:
                rel = os.path.relpath(os.path.join(dirpath, f), self.root)
                found.append(rel.replace(os.sep, "/"))
        return sorted(found)


@jinja2.pass_context
def _finalize(context: jinja2.runtime.Context, value: Any) -> Any:
    """None prints as nothing; data in Markdown templates is Markdown-escaped unless marked safe."""
    if value is None:
        return ""
    if is_markdown_template(context.name) and not isinstance(value, (filters.MdSafe, Markup)):
        return filters.md_escape(value)
    return value


class BriefingSandbox(ImmutableSandboxedEnvironment):
    """Immutable sandbox that also caps string repetition and exponentiation."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: jinja2.runtime.Context, operator: str,
                   left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int):
                    if len(seq) * n > MAX_REPEAT_CHARS:
                        raise SecurityError("sequence repetition exceeds the size limit")
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
            raise SecurityError("exponent exceeds the size limit")
        return super().call_binop(context, operator, left, right)

    def reset_budget(self) -> None:
        """Start a new render's budget of ``range()`` items (nested loops multiply)."""
        self.range_items = 0

    def budget_range(self, *args: int) -> range:
        """``range()`` that fails once a render has asked for too many items in total."""
        r = range(*args)
        self.range_items = getattr(self, "range_items", 0) + len(r)
        if len(r) > MAX_RANGE_ITEMS or self.range_items > MAX_RANGE_ITEMS:
            raise SecurityError("loops exceed the iteration limit")
        return r

    def bounded_lipsum(self, n: int = 5, html: bool = True, min: int = 20,
                       max: int = 100) -> str:
        """Jinja's ``lipsum()`` with at most a few paragraphs."""
        from jinja2.utils import generate_lorem_ipsum

        if n > MAX_LIPSUM_PARAGRAPHS or max > 1_000:
            raise SecurityError("lipsum() arguments exceed the size limit")
        return generate_lorem_ipsum(n=n, html=html, min=min, max=max)


def make_env(template_dirs: list[Path]) -> jinja2.Environment:
    """A sandboxed environment searching `template_dirs` first, then the packaged defaults.

    The packaged templates are also reachable as ``default/<name>`` so that a user template
    can ``{% extends "default/briefing.html.j2" %}`` while shadowing the same file name.
    """
    packaged = RootedLoader(PACKAGED_TEMPLATES)
    loaders: list[jinja2.BaseLoader] = [jinja2.PrefixLoader({DEFAULT_PREFIX: packaged})]
    loaders += [RootedLoader(Path(d)) for d in template_dirs]
    loaders.append(packaged)
    env = BriefingSandbox(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape_for,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        finalize=_finalize,
    )
    env.globals["range"] = env.budget_range
    env.globals["lipsum"] = env.bounded_lipsum
    filters.install(env)
    return env


def _template_location(exc: BaseException) -> tuple[str | None, int | None]:
    """The innermost template file and line in an exception's (Jinja-rewritten) traceback."""
    where: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if not frame.filename.endswith(".py"):
            where = (frame.filename, frame.lineno)
    return where


def load_source(env: jinja2.Environment, name: str) -> str:
    """The raw text of a file found through the environment's loaders (e.g. the CSS)."""
    try:
        source, _path, _up = env.loader.get_source(env, name)  # type: ignore[union-attr]
    except TemplateNotFound:
        raise TemplateError(f"template not found: {name}") from None
    except SecurityError as exc:
        raise TemplateError(f"template rejected: {exc}") from None
    return source


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render template `name`, turning every Jinja failure into a TemplateError."""
    if isinstance(env, BriefingSandbox):
        env.reset_budget()
    try:
        text = env.get_template(name).render(context)
    except TemplateError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"syntax error in template {exc.name or name}: {exc.message}",
                            path=exc.filename or exc.name or name, line=exc.lineno) from None
    except (TemplateNotFound, jinja2.TemplatesNotFound) as exc:
        raise TemplateError(f"template not found: {exc.message}", path=name) from None
    except SecurityError as exc:
        path, line = _template_location(exc)
        raise TemplateError(f"template rejected: {exc}", path=path or name, line=line) from None
    except jinja2.UndefinedError as exc:
        path, line = _template_location(exc)
        raise TemplateError(f"undefined variable in template {os.path.basename(path or name)}: "
                            f"{exc.message}", path=path or name, line=line) from None
    except RecursionError:
        raise TemplateError("template rejected: recursion too deep", path=name) from None
    except Exception as exc:  # a template calling something with the wrong arguments, etc.
        path, line = _template_location(exc)
        raise TemplateError(f"template failed: {type(exc).__name__}: {exc}",
                            path=path or name, line=line) from None
    if len(text) > MAX_OUTPUT_CHARS:
        raise TemplateError(f"template rejected: output exceeds {MAX_OUTPUT_CHARS} characters",
                            path=name)
    return text
