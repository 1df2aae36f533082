"""The values that flow through the pipeline: corpus → passages → hits → answer.

All are frozen dataclasses, so a value handed to a view or a script cannot change under it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Kind = Literal["passage", "glossary"]


@dataclass(frozen=True)
class Article:
    """One article of the corpus: its front matter and its Markdown body."""

    id: str
    title: str | None
    author: str | None
    date: str | None
    lang: str
    source: str | None
    seed: str | None
    path: str  # relative to the project root, e.g. "corpus/articles/effondrement.md"
    body: str  # the file's text after its front-matter block

    @property
    def display_title(self) -> str:
        """The title, or the body's first sentence when the article has none (003, a PDF lede)."""
        if self.title:
            return self.title
        first = self.body.strip().split(". ", 1)[0]
        return first if len(first) <= 80 else first[:79].rstrip() + "…"


@dataclass(frozen=True)
class Passage:
    """A paragraph, or a sentence-aligned piece of a long one; ``article.body[start:end] == text``."""

    id: str  # "<article-id>:<n>", n counting passages from 1
    doc_id: str
    paragraph: int  # 1-based paragraph number in the article (headings are not counted)
    start: int
    end: int
    text: str
    section: str | None  # the nearest heading above the passage


@dataclass(frozen=True)
class FrenchTerm:
    """A French equivalent of a glossary entry, as term bases record it."""

    term: str
    status: Literal["preferred", "admitted", "deprecated"]
    gender: Literal["masculine", "feminine"] | None = None
    usage: str | None = None


@dataclass(frozen=True)
class GlossaryEntry:
    """One concept of the English glossary with its French equivalents and cited contexts."""

    term: str
    definition: str
    source: str
    domain: str
    pos: str
    fr: tuple[FrenchTerm, ...]
    synonyms: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    note: str | None = None
    path: str = ""
    line: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The entry as its YAML reads (without where it was read from)."""
        data = asdict(self)
        data["fr"] = [asdict(t) for t in self.fr]
        for key in ("synonyms", "abbreviations", "related", "contexts"):
            data[key] = list(data[key])
        del data["path"], data["line"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], path: str = "", line: int = 0) -> GlossaryEntry:
        fields = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k != "fr"}
        return cls(**fields, fr=tuple(FrenchTerm(**t) for t in data["fr"]), path=path, line=line)

    @property
    def slug(self) -> str:
        return "-".join("".join(c if c.isalnum() else " " for c in self.term.lower()).split())

    @property
    def id(self) -> str:
        return f"glossary:{self.slug}"

    @property
    def preferred_fr(self) -> FrenchTerm:
        return next(t for t in self.fr if t.status == "preferred")

    @property
    def english_forms(self) -> tuple[str, ...]:
        return (self.term, *self.synonyms, *self.abbreviations)

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way a text may name the entry: English term, synonyms, abbreviations, French equivalents."""
        return (*self.english_forms, *(t.term for t in self.fr))


@dataclass(frozen=True)
class Hit:
    """One ranked result: a corpus passage or a glossary entry, with its citation."""

    rank: int
    kind: Kind
    id: str
    doc_id: str
    path: str
    title: str
    author: str | None
    date: str | None
    section: str | None
    paragraph: int
    start: int
    end: int
    text: str
    highlights: tuple[tuple[int, int], ...]
    score: float
    citation: str
    entry: GlossaryEntry | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rank": self.rank,
            "kind": self.kind,
            "id": self.id,
            "doc_id": self.doc_id,
            "path": self.path,
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "section": self.section,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "highlights": [list(span) for span in self.highlights],
            "score": round(self.score, 4),
            "citation": self.citation,
        }
        if self.entry is not None:
            data["term"] = self.entry.term
            data["synonyms"] = list(self.entry.synonyms)
            data["abbreviations"] = list(self.entry.abbreviations)
            data["fr"] = [
                {"term": t.term, "gender": t.gender, "status": t.status, "usage": t.usage} for t in self.entry.fr
            ]
        return data


@dataclass(frozen=True)
class Answer:
    """What a lookup returns: the question as asked, its language and the ranked hits."""

    query: str
    lang: Literal["en", "fr"]
    hits: tuple[Hit, ...]
    elapsed_ms: float

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "lang": self.lang,
            "results": [hit.to_json() for hit in self.hits],
            "elapsed_ms": round(self.elapsed_ms, 2),
        }
