"""Provides the app's screens."""

from .glossary import GlossaryScreen
from .help import HelpScreen
from .reader import ReaderScreen
from .search import SearchScreen

__all__ = ["GlossaryScreen", "HelpScreen", "ReaderScreen", "SearchScreen"]
