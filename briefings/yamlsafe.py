"""Safe YAML: file bytes -> plain data plus the line and column of every key path.

No tags that construct objects, no anchors or aliases (no alias bombs), duplicate keys are errors,
and the size and nesting depth are capped before anything is built.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from briefings.errors import ConfigError

MAX_BYTES = 1_000_000
MAX_DEPTH = 40
# Above this many '[' and '{', the depth is checked on the event stream first (see below).
_FLOW_SCAN_FROM = 1_000
_STD_TAG = "tag:yaml.org,2002:"
_ALLOWED_SCALARS = {f"{_STD_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}

# key path -> (line, column, the scalar as written when it was unquoted, else None)
Positions = dict[tuple, tuple[int, int, str | None]]

try:  # libyaml's parser has no recursion limit problem on deep input
    _Parser = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - pure-Python fallback
    _Parser = yaml.SafeLoader


def load_yaml(path: Path, text: str | None = None) -> tuple[object, Positions]:
    """Parse one YAML document; return its data and {key path: (line, column, raw)} (1-based)."""
    if text is None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ConfigError(f"cannot read config: {exc.strerror or exc}", path=str(path)) from None
        if len(raw) > MAX_BYTES:
            raise ConfigError(f"config is too large ({len(raw):,} bytes; the limit is {MAX_BYTES:,})",
                              path=str(path))
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ConfigError(f"config is not valid UTF-8 (byte {exc.start})", path=str(path)) from None
    elif len(text.encode("utf-8")) > MAX_BYTES:
        raise ConfigError(f"config is too large (the limit is {MAX_BYTES:,} bytes)", path=str(path))
    if text.count("[") + text.count("{") > _FLOW_SCAN_FROM:
        _check_flow_depth(text, path)
    loader = _Parser(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or str(exc)
            ctx = exc.context_mark
            if exc.context and ctx and mark and (ctx.line, ctx.column) != (mark.line, mark.column):
                problem += f" ({exc.context} that starts on line {ctx.line + 1}, column {ctx.column + 1})"
            snippet = _caret(text, mark) if mark else ""
            raise ConfigError(f"invalid YAML: {problem}{snippet}", path=str(path),
                              line=mark.line + 1 if mark else None,
                              column=mark.column + 1 if mark else None) from None
        except yaml.YAMLError as exc:
            raise ConfigError(f"invalid YAML: {exc}", path=str(path)) from None
        except RecursionError:
            raise ConfigError(f"config is nested too deeply (the limit is {MAX_DEPTH} levels)",
                              path=str(path)) from None
        if node is None:
            return None, {}
        positions: Positions = {}
        data = _build(node, (), positions, path, loader, 0, set())
        return data, positions
    finally:
        loader.dispose()


def _check_flow_depth(text: str, path: Path) -> None:
    """Refuse deep nesting from the event stream, before anything is composed.

    libyaml's scanner costs O(depth) per token inside flow collections, so composing a
    20,000-deep ``[[[...`` takes seconds (quadratic); walking the events and stopping at the
    first level past MAX_DEPTH costs next to nothing. Syntax errors are left to the real parse.
    """
    loader = _Parser(text)
    depth = 0
    try:
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise ConfigError(f"config is nested too deeply (the limit is {MAX_DEPTH} "
                                      "levels)", path=str(path), line=mark.line + 1,
                                      column=mark.column + 1)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in str(exc.problem):  # libyaml's own limit (1,000 levels), met while scanning ahead
            mark = exc.problem_mark
            raise ConfigError(f"config is nested too deeply (the limit is {MAX_DEPTH} levels)", path=str(path),
                              line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None) from None
        return
    except yaml.YAMLError:
        return
    finally:
        loader.dispose()


def _caret(text: str, mark) -> str:
    """The offending line with a caret under the column, for syntax errors."""
    lines = text.splitlines()
    if not 0 <= mark.line < len(lines):
        return ""
    line = lines[mark.line]
    return f"\n    {line}\n    {' ' * mark.column}^"


def _err(path: Path, node, message: str, keypath: tuple) -> ConfigError:
    return ConfigError(message, path=str(path), line=node.start_mark.line + 1,
                       column=node.start_mark.column + 1, key=dotted(keypath) or None)


def dotted(keypath: tuple) -> str:
    """('sections', 1, 'limit') -> 'sections[1].limit'."""
    out = ""
    for part in keypath:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _build(node, keypath: tuple, positions: Positions, path: Path, loader, depth: int, seen_nodes: set):
    """Turn a node into plain data, rejecting aliases, object tags and duplicate keys."""
    if depth > MAX_DEPTH:
        raise _err(path, node, f"config is nested too deeply (the limit is {MAX_DEPTH} levels)", keypath)
    plain = node.value if isinstance(node, yaml.ScalarNode) and not node.style else None
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    positions[keypath] = positions.get(keypath, (line, col, None))[:2] + (plain,)
    if id(node) in seen_nodes:  # an alias: the composer hands back the anchored node again
        line, col = positions[keypath][:2]
        raise ConfigError("anchors and aliases are not allowed in configs", path=str(path),
                          line=line, column=col, key=dotted(keypath))
    seen_nodes.add(id(node))
    if isinstance(node, yaml.MappingNode):
        if node.tag not in (f"{_STD_TAG}map",):
            raise _err(path, node, f"tag {node.tag!r} is not allowed", keypath)
        out: dict = {}
        seen: dict = {}
        for knode, vnode in node.value:
            if knode.tag == f"{_STD_TAG}merge":
                raise _err(path, knode, "merge keys (<<) are not allowed in configs", keypath)
            if not isinstance(knode, yaml.ScalarNode) or id(knode) in seen_nodes:
                raise _err(path, knode, "keys must be plain strings", keypath)
            seen_nodes.add(id(knode))
            key = knode.value  # as written: `NO:` stays "NO", `1:` stays "1"
            if key in seen:
                raise _err(path, knode, f"duplicate key {key!r} (first defined on line {seen[key]})",
                           keypath + (key,))
            seen[key] = knode.start_mark.line + 1
            positions[keypath + (key,)] = (knode.start_mark.line + 1, knode.start_mark.column + 1, None)
            out[key] = _build(vnode, keypath + (key,), positions, path, loader, depth + 1, seen_nodes)
            raw = positions[keypath + (key,)][2]
            positions[keypath + (key,)] = (knode.start_mark.line + 1, knode.start_mark.column + 1, raw)
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != f"{_STD_TAG}seq":
            raise _err(path, node, f"tag {node.tag!r} is not allowed", keypath)
        return [_build(item, keypath + (i,), positions, path, loader, depth + 1, seen_nodes)
                for i, item in enumerate(node.value)]
    if node.tag not in _ALLOWED_SCALARS:
        raise _err(path, node, f"tag {node.tag!r} is not allowed", keypath)
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise _err(path, node, f"invalid value: {exc}", keypath) from None


