"""Check a glossary's cited contexts against the articles, and find passages worth citing.

A context is a passage id listed under an entry's ``contexts``: it must exist and must use one of
the entry's forms, English or French (articles borrow « burn rate » as often as they translate it).
Both checks use the concordancer's matcher, so "contains the term" means the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .corpus import Corpus
from .answer import passage_hit
from .kwic import occurrences
from .model import GlossaryEntry, Hit, Passage


@dataclass(frozen=True)
class ContextProblem:
    """A listed context that does not back its entry."""

    entry: GlossaryEntry
    passage_id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.entry.path}:{self.entry.line}: field 'contexts': {self.reason}"


@dataclass(frozen=True)
class Uncited:
    """A passage that uses an entry's forms but is not among its contexts."""

    entry: GlossaryEntry
    passage: Passage
    spans: tuple[tuple[int, int], ...]  # where the forms occur in the passage text


def context_hit(corpus: Corpus, entry: GlossaryEntry, passage: Passage, rank: int = 0) -> Hit:
    """A passage cited as a context of ``entry``, with the entry's forms marked in it."""
    hit = passage_hit(corpus, passage, None, rank, 0.0)
    return replace(hit, highlights=tuple(occurrences(passage.text, entry.forms)))


def unverified_contexts(corpus: Corpus) -> list[ContextProblem]:
    """Every listed context, in glossary order, that names no passage or contains none of the entry's forms."""
    problems: list[ContextProblem] = []
    for entry in corpus.glossary:
        forms = entry.forms
        for passage_id in entry.contexts:
            passage = corpus.passage(passage_id)
            if passage is None:
                problems.append(ContextProblem(entry, passage_id, f"'{passage_id}' names no passage"))
            elif not occurrences(passage.text, forms):
                problems.append(
                    ContextProblem(entry, passage_id, f"passage '{passage_id}' uses no form of '{entry.term}'")
                )
    return problems


def uncited(corpus: Corpus, entry: GlossaryEntry | None = None) -> list[Uncited]:
    """Passages using an entry's forms that its ``contexts`` do not list (for every entry by default)."""
    found: list[Uncited] = []
    for item in (entry,) if entry is not None else corpus.glossary:
        forms = item.forms
        listed = set(item.contexts)
        for passage in corpus.passages:
            if passage.id in listed:
                continue
            spans = occurrences(passage.text, forms)
            if spans:
                found.append(Uncited(item, passage, tuple(spans)))
    return found
