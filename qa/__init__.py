"""lexique: cited passages from French articles on the AI-boom economy, asked in English or French.

    >>> from qa import Library
    >>> answer = Library().ask("what is vendor financing")
    >>> answer.hits[0].citation
"""

from __future__ import annotations

from functools import lru_cache

from .errors import CorpusError, LexiqueError
from .library import Library
from .model import Answer, Article, FrenchTerm, GlossaryEntry, Hit, Passage

__all__ = ["Library", "ask", "Answer", "Hit", "Passage", "Article", "GlossaryEntry", "FrenchTerm", "LexiqueError", "CorpusError"]


@lru_cache(maxsize=1)
def _default_library() -> Library:
    return Library()


def ask(question: str, limit: int = 10) -> Answer:
    """Answer ``question`` from the shipped corpus (the index is built on first use)."""
    return _default_library().ask(question, limit)
