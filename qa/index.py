"""The Whoosh index: schema, atomic build, and opening the index that matches the corpus.

Each build goes into a temporary folder beside the live ones and is renamed to the corpus
fingerprint when complete; a rename is atomic, so a folder named after a fingerprint is always a
finished index and an interrupted build leaves the previous one untouched. See
``shared/whoosh-notes.md`` for why neither ``create_in`` on a live folder nor ``refresh()`` is used.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.index import FileIndex

from .analysis import english_analyzer, french_analyzer
from .corpus import Corpus
from .errors import LexiqueError

# Bump when the schema or the analyzers change, so existing indexes are rebuilt.
SCHEMA_VERSION = "1"
Progress = Callable[[int, int], None]


def schema() -> Schema:
    fr = french_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        kind=ID(stored=True),
        doc_id=ID(stored=True),
        body=TEXT(analyzer=fr, phrase=True),
        section=TEXT(analyzer=fr),
        title=TEXT(analyzer=fr),
        en=TEXT(analyzer=english_analyzer(), phrase=True),
        paragraph=STORED(),
    )


def index_key(corpus: Corpus) -> str:
    return f"v{SCHEMA_VERSION}-{corpus.fingerprint}"


def _documents(corpus: Corpus) -> list[dict[str, object]]:
    docs: list[dict[str, object]] = []
    for passage in corpus.passages:
        article = corpus.article(passage.doc_id)
        docs.append(
            {
                "id": passage.id,
                "kind": "passage",
                "doc_id": passage.doc_id,
                "body": passage.text,
                "section": passage.section or "",
                "title": article.display_title,
                "paragraph": passage.paragraph,
            }
        )
    for entry in corpus.glossary:
        docs.append(
            {
                "id": entry.id,
                "kind": "glossary",
                "doc_id": "glossary",
                # French forms on the French field, English forms and definition on the English one;
                # the English forms go on both, since the articles borrow many of them.
                "body": " ; ".join([t.term for t in entry.fr] + list(entry.english_forms)),
                "en": " ; ".join([*entry.english_forms, entry.definition]),
                "paragraph": 0,
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
        final = root / key
        if final.exists() and replace:
            # directories cannot be swapped in one rename: move the old one aside first; a reader
            # arriving in between finds no index and builds its own
            aside = Path(tempfile.mkdtemp(prefix=".old-", dir=root))
            os.rename(final, aside / key)
        if final.exists():  # another process finished the same build first
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            os.rename(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _remove_stale(root, keep=key)
    return root / key


# A temporary build folder older than this was abandoned (a killed build); younger ones may belong
# to a build running in another process.
ABANDONED_AFTER_S = 600


def _remove_stale(root: Path, keep: str) -> None:
    """Drop older builds and abandoned temporary folders; readers of those keep their open files."""
    now = time.time()
    for child in root.iterdir():
        if child.name == keep or not child.is_dir():
            continue
        abandoned = child.name.startswith(".build-") and now - child.stat().st_mtime > ABANDONED_AFTER_S
        if abandoned or child.name.startswith((".old-", "v")):
            shutil.rmtree(child, ignore_errors=True)


def current_index(corpus: Corpus, root: Path) -> Path | None:
    """The folder of the finished index for this corpus, or None if it must be built."""
    folder = root / index_key(corpus)
    return folder if whoosh_index.exists_in(folder) else None


def open_index(corpus: Corpus, root: Path, progress: Progress | None = None) -> FileIndex:
    """Open the index matching ``corpus``, building it first if the corpus changed or none exists."""
    folder = current_index(corpus, root) or build_index(corpus, root, progress)
    try:
        return whoosh_index.open_dir(folder)
    except (OSError, whoosh_index.IndexError) as exc:
        raise LexiqueError(f"{folder}: cannot open the index ({exc}); run 'qa index --rebuild'") from None
