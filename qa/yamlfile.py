"""Read YAML as nodes, which keep their line numbers, so every data error can name its line."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import CorpusError

# libyaml's parser when PyYAML was built with it: the glossary and lexicon parse about 5× faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def line_of(node: yaml.Node, first_line: int = 1) -> int:
    return node.start_mark.line + first_line


def corpus_path(path: Path, root: Path) -> str:
    """A corpus file's path as the user sees it in the project, ``corpus/<...>``, for messages and citations."""
    try:
        return "corpus/" + path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def read_text(path: Path, rel: str) -> str:
    """A corpus file's text (UTF-8, a byte-order mark ignored); unreadable files are CorpusErrors."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(rel, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise CorpusError(rel, None, f"cannot read ({exc.strerror or exc})") from None


def compose(text: str, rel: str, first_line: int = 1) -> yaml.Node | None:
    """The node tree of ``text``; a syntax error becomes a CorpusError at ``rel``:line.

    ``first_line`` is the file line where ``text`` starts (front matter starts on line 2).
    """
    try:
        return yaml.compose(text, Loader=Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark else None
        raise CorpusError(rel, line, f"not valid YAML ({getattr(exc, 'problem', None) or exc})") from None


def read(path: Path, rel: str) -> yaml.Node | None:
    """Compose a UTF-8 YAML file."""
    return compose(read_text(path, rel), rel)


def mapping(node: yaml.MappingNode, rel: str, first_line: int = 1) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """A mapping's fields by name, with their key and value nodes; keys must be unique text."""
    fields: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise CorpusError(rel, line_of(key, first_line), "field names must be plain text")
        if key.value in fields:
            raise CorpusError(rel, line_of(key, first_line), f"field '{key.value}': given twice")
        fields[key.value] = (key, value)
    return fields


def scalar(node: yaml.Node) -> str | None:
    """A scalar's text as written (no date or number conversion), None for null; else ValueError."""
    if not isinstance(node, yaml.ScalarNode):
        raise ValueError("not a scalar")
    return None if node.tag.endswith(":null") else str(node.value)
