"""Keyword in context: every occurrence of a glossary entry's forms in the passages, aligned.

Matching is done on folded text (case, accents, apostrophes) through :func:`fold_map`, so each
match maps back to an exact slice of the passage and a concordance line never shows text the
article does not contain. A form matches at a word start and may take a plural ending on each
of its words (« levées de fonds » for « levée de fonds », « bulles » for « bulle »).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from .analysis import fold, fold_map, is_acronym
from .answer import cite_passage
from .corpus import Corpus
from .model import GlossaryEntry

SortKey = Literal["doc", "left", "right"]
SORT_KEYS: tuple[SortKey, ...] = ("doc", "left", "right")

# French and English plurals; also lets « subprimes » meet "subprime". Longest first for the regex.
_ENDING = r"(?:es|s|x)?"
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class KwicLine:
    """One occurrence: the match with ``width`` characters of its passage on either side."""

    passage_id: str
    doc_id: str
    start: int  # offsets of the match in the passage text
    end: int
    left: str  # passage text before the match (whitespace shown as spaces)
    match: str  # the passage's own text, as written
    right: str
    citation: str

    def to_json(self) -> dict[str, Any]:
        return {
            "passage_id": self.passage_id,
            "doc_id": self.doc_id,
            "start": self.start,
            "end": self.end,
            "left": self.left,
            "match": self.match,
            "right": self.right,
            "citation": self.citation,
        }


@lru_cache(maxsize=4096)
def _pattern(folded_form: str) -> re.Pattern[str]:
    words = [re.escape(w).replace(r"\-", "[- ]?") for w in folded_form.split(" ")]
    return re.compile(r"(?<!\w)" + (_ENDING + " ").join(words) + _ENDING + r"(?!\w)")


def occurrences(text: str, forms: Iterable[str]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ``(start, end)`` spans of ``text`` where one of ``forms`` occurs.

    Longer forms win over the shorter ones they contain ("AI capex" over "capex"). Acronyms
    (IPO, CA) must be upper case in the text too: folded, « CA » would match « ça ».
    """
    folded, origin = fold_map(text)
    taken: list[tuple[int, int]] = []
    for form in sorted({f.strip() for f in forms}, key=lambda f: (-len(fold(f)), f)):
        key = fold(form)
        if len(key) < 2 or not any(c.isalnum() for c in key):  # "--" or "- -" name nothing
            continue
        for m in _pattern(key).finditer(folded):
            if m.end() == m.start():
                continue
            start, end = origin[m.start()], origin[m.end() - 1] + 1
            if is_acronym(form) and not text[start : start + len(form)].isupper():
                continue
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
    return sorted(taken)


def _flat(text: str) -> str:
    """Whitespace shown as single spaces, one for one, so columns stay aligned."""
    return re.sub(r"\s", " ", text)


def kwic(
    corpus: Corpus,
    entry_or_forms: GlossaryEntry | Sequence[str],
    width: int = 40,
    article: str | None = None,
) -> list[KwicLine]:
    """Concordance lines for an entry (all its forms) or for given forms, in corpus order.

    Args:
        corpus: the loaded corpus.
        entry_or_forms: a glossary entry, or the strings to look for.
        width: characters of context on each side of the match.
        article: keep only this article's passages (its id).

    Returns:
        One line per occurrence, in article then passage then offset order.
    """
    forms = entry_or_forms.forms if isinstance(entry_or_forms, GlossaryEntry) else tuple(entry_or_forms)
    width = max(width, 0)
    lines: list[KwicLine] = []
    for passage in corpus.passages:
        if article is not None and passage.doc_id != article:
            continue
        spans = occurrences(passage.text, forms)
        if not spans:
            continue
        cite = cite_passage(corpus, passage)
        text = passage.text
        for start, end in spans:
            lines.append(
                KwicLine(
                    passage_id=passage.id,
                    doc_id=passage.doc_id,
                    start=start,
                    end=end,
                    left=_flat(text[max(0, start - width) : start]),
                    match=_flat(text[start:end]),
                    right=_flat(text[end : end + width]),
                    citation=cite,
                )
            )
    return lines


def sort_lines(lines: Sequence[KwicLine], by: SortKey = "doc") -> list[KwicLine]:
    """Lines in corpus order, or by the words right of the match, or by the words left of it read
    backwards from the match (what a concordancer does, so "de la bulle" groups with "la bulle")."""
    if by == "doc":
        return list(lines)
    position = {id(line): n for n, line in enumerate(lines)}  # ties keep corpus order

    def key(line: KwicLine) -> tuple[list[str], int]:
        words = _WORDS.findall(fold(line.right if by == "right" else line.left))
        return (words if by == "right" else words[::-1], position[id(line)])

    return sorted(lines, key=key)


def counts(lines: Iterable[KwicLine]) -> dict[str, int]:
    """Occurrences per article id, most frequent first."""
    return dict(Counter(line.doc_id for line in lines).most_common())
