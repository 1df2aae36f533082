"""Load the corpus: articles (YAML front matter + Markdown body) and the glossary, validated.

Every problem becomes a :class:`CorpusError` naming the file, the line and what is wrong.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from .errors import CorpusError
from .glossary import load_glossary
from .lexicon import Lexicon, load_lexicon
from .model import Article, GlossaryEntry, Passage
from .segment import segment
from .yamlfile import compose, corpus_path, line_of, mapping, read_text, scalar

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ARTICLE_FIELDS = {"id", "title", "author", "date", "lang", "source", "seed"}
REQUIRED_FIELDS = {"id", "title", "author", "date", "lang"}
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True)
class Corpus:
    """Everything lexique answers from, loaded once."""

    root: Path
    articles: tuple[Article, ...]
    passages: tuple[Passage, ...]
    glossary: tuple[GlossaryEntry, ...]
    lexicon: Lexicon
    fingerprint: str  # content hash of every corpus file: the index is rebuilt when it changes
    glossary_error: CorpusError | None = None  # set when the glossary files did not load

    @cached_property
    def _articles_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def _passages_by_id(self) -> dict[str, Passage]:
        return {p.id: p for p in self.passages}

    @cached_property
    def _entries_by_id(self) -> dict[str, GlossaryEntry]:
        return {e.id: e for e in self.glossary}

    def article(self, doc_id: str) -> Article:
        return self._articles_by_id[doc_id]

    def passage(self, passage_id: str) -> Passage | None:
        return self._passages_by_id.get(passage_id)

    def entry(self, entry_id: str) -> GlossaryEntry | None:
        return self._entries_by_id.get(entry_id)

    @cached_property
    def key(self) -> str:
        """A short name for the corpus folder, for the caches kept per corpus (index, glossary copy)."""
        return hashlib.sha256(str(self.root.resolve()).encode()).hexdigest()[:8]

    def passages_of(self, doc_id: str) -> list[Passage]:
        return [p for p in self.passages if p.doc_id == doc_id]


def parse_article(path: Path, root: Path) -> Article:
    """Read one article file; raise CorpusError naming the line of the faulty field."""
    rel = corpus_path(path, root)
    text = read_text(path, rel)
    match = _FRONT.match(text)
    if not match:
        raise CorpusError(rel, 1, "missing YAML front matter (a '---' block at the top)")
    node = compose(match.group(1), rel, first_line=2)
    if not isinstance(node, yaml.MappingNode):
        raise CorpusError(rel, 2, "front matter must be a mapping of fields")
    fields = mapping(node, rel, first_line=2)
    lines = {name: line_of(key, 2) for name, (key, _) in fields.items()}
    for key in fields:
        if key not in ARTICLE_FIELDS:
            raise CorpusError(rel, lines[key], f"unknown field '{key}'")
    for key in sorted(REQUIRED_FIELDS - fields.keys()):
        raise CorpusError(rel, 2, f"missing field '{key}'")
    meta: dict[str, str | None] = {}
    for key, (_, value) in fields.items():
        try:
            meta[key] = scalar(value)
        except ValueError:
            raise CorpusError(rel, lines[key], f"field '{key}': expected text or null") from None
    ident = meta["id"]
    if ident is None or not _ID.fullmatch(ident):
        raise CorpusError(rel, lines["id"], f"field 'id': expected a lowercase slug, got {ident!r}")
    date = meta["date"]
    if date is not None and not _is_iso_date(date):
        raise CorpusError(rel, lines["date"], f"field 'date': expected a date YYYY-MM-DD or null, got {date!r}")
    if meta["lang"] is None:
        raise CorpusError(rel, lines["lang"], "field 'lang': expected a language code such as 'fr'")
    body = text[match.end() :]
    return Article(
        id=ident,
        title=meta["title"],
        author=meta["author"],
        date=date,
        lang=meta["lang"],
        source=meta.get("source"),
        seed=meta.get("seed"),
        path=rel,
        body=body,
    )


def _is_iso_date(text: str) -> bool:
    try:
        return bool(_ISO_DATE.fullmatch(text)) and datetime.date.fromisoformat(text) is not None
    except ValueError:  # 2025-13-45
        return False


def fingerprint(root: Path) -> str:
    """A hash of every file the index is built from (names and bytes)."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".md", ".yaml", ".yml"}:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(b"\0")
            digest.update(read_text(path, corpus_path(path, root)).encode())
            digest.update(b"\0")
    return digest.hexdigest()[:16]


def load_corpus(root: Path) -> Corpus:
    """Load and validate every article and glossary file under ``root``."""
    article_dir = root / "articles"
    if not article_dir.is_dir():
        raise CorpusError(str(article_dir), None, "no articles folder: is this a lexique corpus?")
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for path in sorted(article_dir.glob("*.md")):
        article = parse_article(path, root)
        if article.id in seen:
            raise CorpusError(article.path, 2, f"duplicate id '{article.id}' (also in {seen[article.id]})")
        seen[article.id] = article.path
        articles.append(article)
    passages = tuple(p for a in articles for p in segment(a))
    # A broken glossary must not take the articles down with it: the error is kept for the front
    # ends to report, the files that loaded are kept, and the Library fills in the broken file
    # from the last glossary that loaded.
    glossary, glossary_error = load_glossary(root / "glossary", root) if (root / "glossary").is_dir() else ((), None)
    lexicon = load_lexicon(root / "lexicon", root)
    return Corpus(root, tuple(articles), passages, tuple(glossary), lexicon, fingerprint(root), glossary_error)
