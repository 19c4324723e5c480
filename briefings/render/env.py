"""The sandboxed Jinja environment: rooted loaders, autoescape rules, limits and error mapping."""
from __future__ import annotations

import os
import re
import signal
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator
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


class TemplateLimitError(SecurityError):
    """A template asked for more output, memory or time than a briefing may take."""


MAX_INT_BITS = 1_000_000
MAX_WRAP_CHARS = 200_000  # textwrap is slow: a 1 MB text wrapped at width 1 takes many seconds
MAX_RENDER_SECONDS = 30.0
_WIDTH_METHODS = {"center": 0, "ljust": 0, "rjust": 0, "zfill": 0, "expandtabs": 0}
_FORMAT_NUMBER = re.compile(r"\d+")
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[a-zA-Z%]")


def _too_big(what: str) -> TemplateLimitError:
    return TemplateLimitError(f"{what} exceeds the size limit")


def _weight(value: Any, budget: int = MAX_REPEAT_CHARS, depth: int = 0) -> int:
    """Roughly how many characters `value` prints as (strings and nested lists), capped."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, (list, tuple)) and depth < 4:
        total = len(value)
        for item in value:
            total += _weight(item, budget, depth + 1)
            if total > budget:
                return total
        return total
    return 1


def _check_percent_format(fmt: str, args: Any) -> None:
    """``'%999999999d' % x`` and ``|format``: refuse widths and precisions over the limit."""
    values = args if isinstance(args, tuple) else (args,)
    for m in _PERCENT_SPEC.finditer(fmt):
        for part in (m[1], m[2]):
            if part == "*":
                if any(isinstance(v, int) and abs(v) > MAX_REPEAT_CHARS for v in values):
                    raise _too_big("format width")
            elif part and int(part) > MAX_REPEAT_CHARS:
                raise _too_big("format width")


def _check_brace_format(fmt: str) -> None:
    """``'{:>999999999}'.format(x)``: refuse format specs with huge or nested widths."""
    for field in re.findall(r"\{[^{}]*:([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}", fmt):
        if "{" in field:
            raise TemplateLimitError("nested format specs are not allowed in templates")
        if any(int(n) > MAX_REPEAT_CHARS for n in _FORMAT_NUMBER.findall(field)):
            raise _too_big("format width")


def _check_str_call(obj: Any, args: tuple, kwargs: dict) -> None:
    """Bound str methods that can build huge strings from small inputs."""
    target = getattr(obj, "__self__", None)
    if not isinstance(target, (str, bytes)):
        return
    name = getattr(obj, "__name__", "")
    if name in _WIDTH_METHODS:
        width = args[0] if args else next(iter(kwargs.values()), 0)
        n = width if isinstance(width, int) else 0
        if name == "expandtabs":
            n = n * max(target.count("\t" if isinstance(target, str) else b"\t"), 1)
        if n > MAX_REPEAT_CHARS:
            raise _too_big(f"str.{name}()")
    elif name == "replace" and len(args) >= 2:
        old, new = args[0], args[1]
        if isinstance(old, (str, bytes)) and isinstance(new, (str, bytes)):
            count = len(target) + 1 if not old else target.count(old)
            if len(target) + count * max(len(new) - len(old), 0) > MAX_OUTPUT_CHARS:
                raise _too_big("str.replace()")
    elif name == "join" and args:
        if _weight(args[0], MAX_OUTPUT_CHARS) + len(target) * len(args[0] if isinstance(
                args[0], (list, tuple)) else ()) > MAX_OUTPUT_CHARS:
            raise _too_big("str.join()")
    elif name == "translate" and args and isinstance(args[0], dict):
        longest = max((len(v) for v in args[0].values() if isinstance(v, (str, bytes))),
                      default=1)
        if len(target) * longest > MAX_OUTPUT_CHARS:
            raise _too_big("str.translate()")


def _limited_filters(env: jinja2.Environment) -> None:
    """Wrap the built-in filters that can turn a small template into a huge string."""
    f = env.filters
    center, indent, wordwrap, fmt, replace, join = (f["center"], f["indent"], f["wordwrap"],
                                                    f["format"], f["replace"], f["join"])

    def l_center(value: Any, width: int = 80) -> str:
        if isinstance(width, int) and width > MAX_REPEAT_CHARS:
            raise _too_big("center")
        return center(value, width)

    def l_indent(s: Any, width: Any = 4, first: bool = False, blank: bool = False) -> str:
        size = len(width) if isinstance(width, str) else (width if isinstance(width, int) else 0)
        if size * (str(s).count("\n") + 1) > MAX_OUTPUT_CHARS or size > MAX_REPEAT_CHARS:
            raise _too_big("indent")
        return indent(s, width, first, blank)

    def l_wordwrap(environment: Any, s: Any, width: int = 79, break_long_words: bool = True,
                   wrapstring: str | None = None, break_on_hyphens: bool = True) -> str:
        text = str(s)
        lines = len(text) // max(int(width) if isinstance(width, int) else 1, 1) + 1
        if lines * (len(wrapstring or "\n") + 1) > MAX_OUTPUT_CHARS or len(text) > MAX_WRAP_CHARS:
            raise _too_big("wordwrap")
        return wordwrap(environment, s, width, break_long_words, wrapstring, break_on_hyphens)

    def l_format(value: Any, *args: Any, **kwargs: Any) -> str:
        _check_percent_format(str(value), tuple(args) or tuple(kwargs.values()))
        return fmt(value, *args, **kwargs)

    def l_replace(eval_ctx: Any, s: Any, old: Any, new: Any, count: int | None = None) -> str:
        _check_str_call(str(s).replace, (str(old), str(new)), {})
        return replace(eval_ctx, s, old, new, count)

    def l_join(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> str:
        items = list(value) if not isinstance(value, (list, tuple)) else value
        if _weight(items, MAX_OUTPUT_CHARS) + len(str(d)) * len(items) > MAX_OUTPUT_CHARS:
            raise _too_big("join")
        return join(eval_ctx, items, d, attribute)

    l_wordwrap.jinja_pass_arg = wordwrap.jinja_pass_arg  # type: ignore[attr-defined]
    l_replace.jinja_pass_arg = replace.jinja_pass_arg  # type: ignore[attr-defined]
    l_join.jinja_pass_arg = join.jinja_pass_arg  # type: ignore[attr-defined]
    f.update({"center": l_center, "indent": l_indent, "wordwrap": l_wordwrap,
              "format": l_format, "replace": l_replace, "join": l_join})


class _LimitedCodeGenerator(CodeGenerator):
    """Compiles ``a ~ b`` so that its result is size-checked (the sandbox has no hook for
    concatenation, and repeated ``{% set ns.s = ns.s ~ ns.s %}`` doubles a string each time)."""

    def visit_Concat(self, node: Any, frame: Any) -> None:  # noqa: N802 - Jinja's naming
        self.write("environment.check_size(")
        super().visit_Concat(node, frame)
        self.write(")")


def _lint_xmlattr(tree: jinja2.nodes.Template, name: str | None, filename: str | None) -> None:
    """`xmlattr` only on a dict literal with constant keys: attribute names never come from data
    (threats.md C6; Jinja checks the characters, this keeps data out of names altogether)."""
    from jinja2 import nodes

    for node in tree.find_all(nodes.Filter):
        if node.name != "xmlattr":
            continue
        keys = node.node.items if isinstance(node.node, nodes.Dict) else None
        if keys is None or not all(isinstance(pair.key, nodes.Const) for pair in keys):
            raise jinja2.TemplateSyntaxError("xmlattr is allowed only on a {...} literal with quoted "
                                             "keys: attribute names must not come from data",
                                             node.lineno, name, filename)


class BriefingSandbox(ImmutableSandboxedEnvironment):
    """Immutable sandbox that also caps what a template can build: string and list
    repetition, big integers, format widths, padding methods and filters, loops, output
    size and render time (threats.md C3)."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})
    code_generator_class = _LimitedCodeGenerator

    def _parse(self, source: str, name: str | None, filename: str | None) -> jinja2.nodes.Template:
        """The template's syntax tree, once it passes the lint (`_lint_xmlattr`)."""
        tree = super()._parse(source, name, filename)
        _lint_xmlattr(tree, name, filename)
        return tree

    def check_size(self, value: Any) -> Any:
        """The result of a concatenation, if it is not too long."""
        if len(value) > MAX_OUTPUT_CHARS:
            raise _too_big("concatenation")
        return value

    def call_binop(self, context: jinja2.runtime.Context, operator: str,
                   left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int):
                    if _weight(seq) * n > MAX_REPEAT_CHARS:
                        raise _too_big("sequence repetition")
            if isinstance(left, int) and isinstance(right, int) and \
                    left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise _too_big("number")
        if operator == "**" and isinstance(right, (int, float)):
            if abs(right) > MAX_EXPONENT:
                raise _too_big("exponent")
            if isinstance(left, int) and isinstance(right, int) and \
                    left.bit_length() * max(right, 0) > MAX_INT_BITS:
                raise _too_big("number")
        if operator == "%" and isinstance(left, str):
            _check_percent_format(left, right)
        if operator == "+" and isinstance(left, (str, list, tuple)) and \
                isinstance(right, type(left)) and len(left) + len(right) > MAX_OUTPUT_CHARS:
            raise _too_big("concatenation")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any,  # noqa: N805
             *args: Any, **kwargs: Any) -> Any:
        _check_str_call(__obj, args, kwargs)
        __self.check_deadline()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.check_deadline()
        return super().getattr(obj, attribute)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_brace_format(str(getattr(value, "__self__", "")))
        return wrapped

    def reset_budget(self) -> None:
        """Start a new render's budget of ``range()`` items (nested loops multiply)."""
        self.range_items = 0
        self.deadline = time.monotonic() + MAX_RENDER_SECONDS

    def check_deadline(self) -> None:
        deadline = getattr(self, "deadline", None)
        if deadline is not None and time.monotonic() > deadline:
            raise TemplateLimitError(f"rendering took longer than {MAX_RENDER_SECONDS:g} s")

    def budget_range(self, *args: int) -> range:
        """``range()`` that fails once a render has asked for too many items in total."""
        r = range(*args)
        self.range_items = getattr(self, "range_items", 0) + len(r)
        if len(r) > MAX_RANGE_ITEMS or self.range_items > MAX_RANGE_ITEMS:
            raise TemplateLimitError("loops exceed the iteration limit")
        return r

    def bounded_lipsum(self, n: int = 5, html: bool = True, min: int = 20,
                       max: int = 100) -> str:
        """Jinja's ``lipsum()`` with at most a few paragraphs."""
        from jinja2.utils import generate_lorem_ipsum

        if n > MAX_LIPSUM_PARAGRAPHS or max > 1_000:
            raise TemplateLimitError("lipsum() arguments exceed the size limit")
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
    _limited_filters(env)
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


class _Alarm:
    """A wall-clock limit for one render, as SIGALRM raising TemplateLimitError.

    Only in the main thread and only when nobody else handles SIGALRM; the sandbox's own
    deadline checks (on every attribute access and call) cover the other cases. It catches
    loops that touch nothing the sandbox sees, e.g. nested ``for`` over long lists."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.previous: Any = None
        self.armed = False

    def _fire(self, signum: int, frame: Any) -> None:
        raise TemplateLimitError(f"rendering took longer than {self.seconds:g} s")

    def __enter__(self) -> "_Alarm":
        if (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
                and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)):
            self.previous = signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self.armed = True
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)


def _generate(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render chunk by chunk, stopping as soon as the output passes MAX_OUTPUT_CHARS."""
    chunks: list[str] = []
    total = 0
    for chunk in template.generate(context):
        total += len(chunk)
        if total > MAX_OUTPUT_CHARS:
            raise TemplateLimitError(f"output exceeds {MAX_OUTPUT_CHARS:,} characters")
        chunks.append(chunk)
    return "".join(chunks)


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render template `name`, turning every Jinja failure into a TemplateError."""
    if isinstance(env, BriefingSandbox):
        env.reset_budget()
    try:
        with _Alarm(MAX_RENDER_SECONDS):
            text = _generate(env.get_template(name), context)
    except TemplateError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"syntax error in template {exc.name or name}: {exc.message}",
                            path=exc.filename or exc.name or name, line=exc.lineno) from None
    except (TemplateNotFound, jinja2.TemplatesNotFound) as exc:
        raise TemplateError(f"template not found: {exc.message}", path=name) from None
    except TemplateLimitError as exc:
        path, line = _template_location(exc)
        raise TemplateError(f"template exceeded limits: {exc}", path=path or name,
                            line=line) from None
    except SecurityError as exc:
        path, line = _template_location(exc)
        raise TemplateError(f"template rejected: {exc}", path=path or name, line=line) from None
    except jinja2.UndefinedError as exc:
        path, line = _template_location(exc)
        raise TemplateError(f"undefined variable in template {os.path.basename(path or name)}: "
                            f"{exc.message}", path=path or name, line=line) from None
    except RecursionError:
        raise TemplateError("template rejected: recursion too deep", path=name) from None
    except MemoryError:
        raise TemplateError("template exceeded limits: out of memory", path=name) from None
    except Exception as exc:  # a template calling something with the wrong arguments, etc.
        path, line = _template_location(exc)
        raise TemplateError(f"template failed: {type(exc).__name__}: {exc}",
                            path=path or name, line=line) from None
    return text
