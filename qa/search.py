"""Query → Whoosh query built in code (never parsed from user text) → scored documents.

Building the query in code is what makes any input safe: Whoosh syntax characters, quotes and
brackets in a question are just characters, and no wildcard, range or fuzzy operator can be typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from whoosh import query as wq
from whoosh import scoring
from whoosh.index import FileIndex
from whoosh.searching import Searcher

from .query import Concept, Query

# Where a concept's forms are looked for, and how much a match there counts.
# A section heading often names what its passages are about (« OpenAI », « Anthropic » over each
# company's figures); an article title, shared by every passage of the article, tells them apart
# from nothing, so it is not searched.
FIELD_BOOSTS = {"body": 1.0, "section": 0.6, "en": 0.8}
# How much a match of more of the question's concepts is rewarded (Whoosh's coordination bonus).
COORDINATION = 0.9


# BM25F with milder length normalisation than Whoosh's default (B=0.75): the corpus mixes one-line
# paragraphs with long ones, and full normalisation lets a short line that repeats one common word
# outrank the paragraph that holds the whole answer.
B = 0.4
K1 = 1.2


def searcher(index: FileIndex) -> Searcher:
    return index.searcher(weighting=scoring.BM25F(B=B, K1=K1))


@dataclass(frozen=True)
class Scored:
    id: str
    kind: str
    score: float


def _form(field: str, form: tuple[str, ...], boost: float) -> wq.Query:
    if len(form) == 1:
        return wq.Term(field, form[0], boost=boost)
    return wq.Phrase(field, list(form), slop=1, boost=boost)


def concept_query(concept: Concept) -> wq.Query | None:
    alternatives: list[wq.Query] = []
    for form in concept.fr:
        alternatives.append(_form("body", form, FIELD_BOOSTS["body"]))
        alternatives.append(_form("section", form, FIELD_BOOSTS["section"]))
    alternatives.extend(_form("en", form, FIELD_BOOSTS["en"]) for form in concept.en)
    if not alternatives:
        return None
    # The best way a passage says the concept counts, plus a little for each other way.
    return wq.DisjunctionMax(alternatives, tiebreak=0.1, boost=concept.weight)


def whoosh_query(query: Query) -> wq.Query:
    parts = [q for c in query.concepts if (q := concept_query(c)) is not None]
    if not parts:
        return wq.NullQuery
    return wq.Or(parts, scale=COORDINATION)


def run(searcher: Searcher, query: Query, limit: int) -> list[Scored]:
    q = whoosh_query(query)
    if q is wq.NullQuery:
        return []
    results = searcher.search(q, limit=limit)
    return [Scored(hit["id"], hit["kind"], float(hit.score)) for hit in results]
