"""The English glossary: load and validate its YAML files.

A malformed entry, an unknown field, a duplicate term or a ``related`` naming no entry stops the
load with one :class:`CorpusError` naming the file, the line and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import CorpusError
from .model import FrenchTerm, GlossaryEntry
from .yamlfile import corpus_path, mapping, read

ENTRY_FIELDS = {
    "term", "synonyms", "abbreviations", "pos", "domain", "definition", "source", "fr", "related", "contexts", "note",
}
REQUIRED = {"term", "pos", "domain", "definition", "source", "fr"}
FR_FIELDS = {"term", "gender", "status", "usage"}
POS = {"noun", "verb", "adjective", "adverb", "other"}
GENDERS = {"masculine", "feminine"}
STATUSES = {"preferred", "admitted", "deprecated"}


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _Reader:
    """Turns the composed YAML nodes of one file into entries, failing on the first problem."""

    def __init__(self, rel: str) -> None:
        self.rel = rel

    def fail(self, node: yaml.Node, message: str) -> CorpusError:
        return CorpusError(self.rel, _line(node), message)

    def text(self, node: yaml.Node, field: str, *, optional: bool = False) -> str | None:
        if optional and isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
            return None
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith((":null", ":bool")) or not str(node.value).strip():
            raise self.fail(node, f"field '{field}': expected non-empty text")
        return str(node.value).strip()

    def texts(self, node: yaml.Node, field: str) -> tuple[str, ...]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"field '{field}': expected a list")
        return tuple(self.text(item, field) or "" for item in node.value)

    def choice(self, node: yaml.Node, field: str, allowed: set[str], *, optional: bool = False) -> Any:
        value = self.text(node, field, optional=optional)
        if value is not None and value not in allowed:
            raise self.fail(node, f"field '{field}': {value!r} is not one of {', '.join(sorted(allowed))}")
        return value

    def french(self, node: yaml.Node, pos: str) -> tuple[FrenchTerm, ...]:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            raise self.fail(node, "field 'fr': expected a list of French equivalents")
        terms = []
        for item in node.value:
            if not isinstance(item, yaml.MappingNode):
                raise self.fail(item, "field 'fr': each equivalent is a mapping with 'term' and 'status'")
            fields = mapping(item, self.rel)
            for key, (knode, _) in fields.items():
                if key not in FR_FIELDS:
                    raise self.fail(knode, f"field 'fr.{key}': unknown field")
            for key in ("term", "status"):
                if key not in fields:
                    raise self.fail(item, f"field 'fr.{key}': missing")
            gender = self.choice(fields["gender"][1], "fr.gender", GENDERS, optional=True) if "gender" in fields else None
            if pos == "noun" and gender is None:
                raise self.fail(fields["term"][1], "field 'fr.gender': required for a noun")
            terms.append(
                FrenchTerm(
                    term=self.text(fields["term"][1], "fr.term") or "",
                    status=self.choice(fields["status"][1], "fr.status", STATUSES),
                    gender=gender,
                    usage=self.text(fields["usage"][1], "fr.usage", optional=True) if "usage" in fields else None,
                )
            )
        if sum(t.status == "preferred" for t in terms) != 1:
            raise self.fail(node, "field 'fr': exactly one equivalent must have status 'preferred'")
        return tuple(terms)

    def entry(self, node: yaml.Node) -> GlossaryEntry:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, "each glossary entry must be a mapping of fields")
        fields = mapping(node, self.rel)
        for key, (knode, _) in fields.items():
            if key not in ENTRY_FIELDS:
                raise self.fail(knode, f"field '{key}': unknown field")
        for key in sorted(REQUIRED - fields.keys()):
            raise self.fail(node, f"field '{key}': missing")
        pos = self.choice(fields["pos"][1], "pos", POS)

        def seq(key: str) -> tuple[str, ...]:
            return self.texts(fields[key][1], key) if key in fields else ()

        return GlossaryEntry(
            term=self.text(fields["term"][1], "term") or "",
            definition=self.text(fields["definition"][1], "definition") or "",
            source=self.text(fields["source"][1], "source") or "",
            domain=self.text(fields["domain"][1], "domain") or "",
            pos=pos,
            fr=self.french(fields["fr"][1], pos),
            synonyms=seq("synonyms"),
            abbreviations=seq("abbreviations"),
            related=seq("related"),
            contexts=seq("contexts"),
            note=self.text(fields["note"][1], "note", optional=True) if "note" in fields else None,
            path=self.rel,
            line=_line(node),
        )


def read_glossary_file(path: Path, rel: str) -> list[GlossaryEntry]:
    root = read(path, rel)
    if root is None:
        return []
    reader = _Reader(rel)
    if not isinstance(root, yaml.SequenceNode):
        raise reader.fail(root, "a glossary file is a list of entries")
    return [reader.entry(item) for item in root.value]


def load_glossary(folder: Path, corpus_root: Path) -> tuple[tuple[GlossaryEntry, ...], CorpusError | None]:
    """All entries of ``folder/*.yaml``, checked for duplicates and dangling ``related`` links.

    Returns the entries and the first problem found. A file that does not load contributes no
    entries, but the other files' entries are still returned, so a caller can keep working.
    """
    entries: list[GlossaryEntry] = []
    error: CorpusError | None = None
    for path in sorted(folder.glob("*.yaml")):
        rel = corpus_path(path, corpus_root)
        try:
            entries.extend(read_glossary_file(path, rel))
        except CorpusError as exc:
            error = error or exc
    return tuple(entries), error or _cross_check(entries, complete=error is None)


def _cross_check(entries: list[GlossaryEntry], complete: bool) -> CorpusError | None:
    """Duplicate terms, and ``related`` links to no entry (only meaningful when every file loaded)."""
    seen: dict[str, GlossaryEntry] = {}
    for entry in entries:
        key = entry.term.casefold()
        if key in seen:
            other = seen[key]
            return CorpusError(entry.path, entry.line, f"field 'term': duplicate term '{entry.term}' (also at {other.path}:{other.line})")
        seen[key] = entry
    for entry in entries if complete else ():
        for name in entry.related:
            if name.casefold() not in seen:
                return CorpusError(entry.path, entry.line, f"field 'related': '{name}' names no glossary entry")
    return None
