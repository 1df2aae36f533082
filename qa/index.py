"""The Whoosh index: schema, atomic build, and opening the index that matches the corpus.

Each build goes into a temporary folder beside the live ones and is renamed to the corpus
fingerprint when complete; a rename is atomic, so a folder named after a fingerprint is always a
finished index and an interrupted build leaves the previous one untouched. See
``shared/whoosh-notes.md`` for why neither ``create_in`` on a live folder nor ``refresh()`` is used.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema
from whoosh.index import FileIndex

from .analysis import borrowable, english_analyzer, french_analyzer
from .corpus import Corpus
from .errors import LexiqueError

# Bump when the schema or the analyzers change, so existing indexes are rebuilt.
SCHEMA_VERSION = "5"
Progress = Callable[[int, int], None]


def schema() -> Schema:
    fr = french_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        kind=ID(stored=True),
        body=TEXT(analyzer=fr, phrase=True),
        section=TEXT(analyzer=fr),
        en=TEXT(analyzer=english_analyzer(), phrase=True),
    )


def index_key(corpus: Corpus) -> str:
    """The index folder's name: schema version, which corpus folder, and that corpus's content hash.

    Naming the corpus folder lets several corpora share one index folder without removing each
    other's builds.
    """
    return f"{_corpus_prefix(corpus)}{corpus.fingerprint}"


def _corpus_prefix(corpus: Corpus) -> str:
    return f"v{SCHEMA_VERSION}-{corpus.key}-"


def _documents(corpus: Corpus) -> list[dict[str, object]]:
    docs: list[dict[str, object]] = []
    for passage in corpus.passages:
        docs.append(
            {
                "id": passage.id,
                "kind": "passage",
                "body": passage.text,
                "section": passage.section or "",
            }
        )
    for entry in corpus.glossary:
        docs.append(
            {
                "id": entry.id,
                "kind": "glossary",
                # French forms on the French field, English forms and definition on the English one;
                # the English forms go on both, since the articles borrow many of them.
                "body": " ; ".join([t.term for t in entry.fr] + [f for f in entry.english_forms if borrowable(f)]),
                "en": " ; ".join([*entry.english_forms, entry.definition]),
            }
        )
    return docs


def build_index(corpus: Corpus, root: Path, progress: Progress | None = None, replace: bool = False) -> Path:
    """Build the index of ``corpus`` under ``root`` and return its folder; old builds are removed.

    With ``replace``, an existing index of the same corpus is replaced by the new build.
    """
    key = index_key(corpus)
    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=root))
    except OSError as exc:
        raise LexiqueError(f"{root}: cannot write the index ({exc.strerror})") from None
    try:
        ix = whoosh_index.create_in(tmp, schema())
        docs = _documents(corpus)
        writer = ix.writer(limitmb=64)
        try:
            for n, doc in enumerate(docs, 1):
                writer.add_document(**doc)
                if progress and (n % 25 == 0 or n == len(docs)):
                    progress(n, len(docs))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        ix.close()
        _publish(tmp, root / key, replace)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _remove_stale(root, keep=key, prefix=_corpus_prefix(corpus))
    return root / key


def _publish(tmp: Path, final: Path, replace: bool) -> None:
    """Rename a finished build into place; when another process got there first, its build stands."""
    if replace and final.exists():
        # a directory cannot be swapped in one rename: move the old one aside first; a reader
        # arriving in between finds no index and builds its own
        aside = Path(tempfile.mkdtemp(prefix=".old-", dir=final.parent))
        with contextlib.suppress(FileNotFoundError):  # another rebuild moved it already
            os.rename(final, aside / final.name)
    try:
        os.rename(tmp, final)
    except OSError:  # the folder exists again: a concurrent build of the same corpus won
        shutil.rmtree(tmp, ignore_errors=True)


# A temporary build folder older than this was abandoned (a killed build); younger ones may belong
# to a build running in another process.
ABANDONED_AFTER_S = 600


def _remove_stale(root: Path, keep: str, prefix: str) -> None:
    """Drop this corpus's older builds and abandoned temporary folders; other corpora's are kept."""
    now = time.time()
    for child in root.iterdir():
        if child.name == keep or not child.is_dir():
            continue
        abandoned = child.name.startswith(".build-") and now - child.stat().st_mtime > ABANDONED_AFTER_S
        if abandoned or child.name.startswith((".old-", prefix)):
            shutil.rmtree(child, ignore_errors=True)


def current_index(corpus: Corpus, root: Path) -> Path | None:
    """The folder of the finished index for this corpus, or None if it must be built."""
    folder = root / index_key(corpus)
    try:
        return folder if whoosh_index.exists_in(folder) else None
    except Exception:  # a damaged table of contents: as good as no index
        return None


# What Whoosh raises on a damaged or half-deleted index folder.
DAMAGED = (OSError, EOFError, ValueError, whoosh_index.IndexError)


def _open_checked(folder: Path) -> FileIndex:
    ix = whoosh_index.open_dir(folder)
    with ix.searcher() as searcher:  # read the stored fields now rather than fail at the first question
        for _ in searcher.reader().all_stored_fields():
            pass
    return ix


def open_index(corpus: Corpus, root: Path, progress: Progress | None = None) -> FileIndex:
    """Open the index matching ``corpus``, building it first if the corpus changed or none exists.

    A damaged index (a cache folder edited or cut short) is rebuilt once; if that fails too the
    error says so in one line.
    """
    folder = current_index(corpus, root) or build_index(corpus, root, progress)
    try:
        return _open_checked(folder)
    except DAMAGED:
        folder = build_index(corpus, root, progress, replace=True)
    try:
        return _open_checked(folder)
    except DAMAGED as exc:
        raise LexiqueError(f"{folder}: cannot open the index ({exc}); delete the folder to rebuild it") from None
