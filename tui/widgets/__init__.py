"""Provides the widgets the screens are built from."""

from .entry_view import EntryView
from .footer import LexiqueFooter
from .query_bar import QueryBar
from .results_list import ResultsList

__all__ = ["EntryView", "LexiqueFooter", "QueryBar", "ResultsList"]
