"""Scored documents → hits a reader can check: citation, exact text, highlighted terms."""

from __future__ import annotations

from collections.abc import Iterable

from .analysis import spans
from .corpus import Corpus
from .model import GlossaryEntry, Hit, Passage
from .query import Query


def citation(title: str, author: str | None, date: str | None, paragraph: int) -> str:
    """``Title — Author, 2025-11-17, ¶12``; what the article does not state is left out."""
    details = ", ".join(x for x in (author, date, f"¶{paragraph}") if x)
    return f"{title} — {details}"


def cite_passage(corpus: Corpus, passage: Passage) -> str:
    """The citation of a corpus passage: its article's title, author and date, and its paragraph."""
    article = corpus.article(passage.doc_id)
    return citation(article.display_title, article.author, article.date, passage.paragraph)


def mark(text: str, spans: Iterable[tuple[int, int]], before: str, after: str) -> str:
    """``text`` with ``before`` and ``after`` around each highlighted span (colour codes, ``**``…)."""
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], before, text[start:end], after]
        last = end
    return "".join(out) + text[last:]


def _wanted(query: Query, lang: str) -> set[str]:
    forms = (c.fr if lang == "fr" else c.en for c in query.concepts)
    return {term for group in forms for form in group for term in form}


def _merge(found: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Adjacent highlighted words of one phrase (« flux de trésorerie ») become one span."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def passage_hit(corpus: Corpus, passage: Passage, query: Query | None, rank: int, score: float) -> Hit:
    article = corpus.article(passage.doc_id)
    highlights = _merge(spans(passage.text, _wanted(query, "fr"), "fr")) if query else ()
    return Hit(
        rank=rank,
        kind="passage",
        id=passage.id,
        doc_id=passage.doc_id,
        path=article.path,
        title=article.display_title,
        author=article.author,
        date=article.date,
        section=passage.section,
        paragraph=passage.paragraph,
        start=passage.start,
        end=passage.end,
        text=passage.text,
        highlights=highlights,
        score=score,
        citation=cite_passage(corpus, passage),
    )


def glossary_hit(entry: GlossaryEntry, query: Query | None, rank: int, score: float) -> Hit:
    text = entry.definition
    highlights = _merge(spans(text, _wanted(query, "en"), "en")) if query else ()
    return Hit(
        rank=rank,
        kind="glossary",
        id=entry.id,
        doc_id="glossary",
        path=entry.path,
        title=entry.term,
        author=None,
        date=None,
        section=entry.domain,
        paragraph=0,
        start=0,
        end=len(text),
        text=text,
        highlights=highlights,
        score=score,
        citation=f"lexique glossary — {entry.term} ({entry.path}:{entry.line})",
        entry=entry,
    )
