"""Provides the messages workers post to their screen (post_message is thread-safe); none bubble."""

from __future__ import annotations

from dataclasses import dataclass

from qa import Answer
from textual.message import Message


@dataclass
class ResultsReady(Message, bubble=False):
    """A search finished; applied only if ``query`` is still what the search box holds."""

    query: str
    """The query as typed when the search started."""
    answer: Answer | None
    """The hits, or None for a query too short to search."""


@dataclass
class SearchFailed(Message, bubble=False):
    """A search could not run (typically: the index is missing and cannot be built)."""

    query: str
    reason: str


@dataclass
class IndexProgress(Message, bubble=False):
    """The index build has written ``done`` of ``total`` documents."""

    done: int
    total: int


@dataclass
class IndexReady(Message, bubble=False):
    """The index is open: searches are instant from now on."""


@dataclass
class IndexFailed(Message, bubble=False):
    """The index could not be built or opened; the reason is one line."""

    reason: str
