"""Read YAML as nodes, which keep their line numbers, so every data error can name its line."""

from __future__ import annotations

import yaml

from .errors import CorpusError

# libyaml's parser when PyYAML was built with it: the glossary and lexicon parse about 5× faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


def read(path, rel: str) -> yaml.Node | None:
    """Compose a UTF-8 YAML file."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(rel, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return compose(text, rel)
