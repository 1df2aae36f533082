"""Where lexique reads its corpus and keeps its index and user data; each overridable by environment."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def corpus_dir() -> Path:
    """The shipped corpus: inside the wheel (``qa/_corpus``) or, in a checkout, ``<project>/corpus``."""
    if env := os.environ.get("LEXIQUE_CORPUS_DIR"):
        return Path(env)
    packaged = PACKAGE_DIR / "_corpus"
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / "corpus"


def _xdg(variable: str, fallback: str) -> Path:
    base = os.environ.get(variable)
    return Path(base) if base else Path.home() / fallback


def index_dir() -> Path:
    """The parent folder of the built indexes (one sub-folder per corpus content hash)."""
    if env := os.environ.get("LEXIQUE_INDEX_DIR"):
        return Path(env)
    return _xdg("XDG_CACHE_HOME", ".cache") / "lexique" / "index"


def data_dir() -> Path:
    """User data that outlives a run, such as the TUI's query history."""
    if env := os.environ.get("LEXIQUE_DATA_DIR"):
        return Path(env)
    return _xdg("XDG_DATA_HOME", ".local/share") / "lexique"
