"""The pipeline in one place: load corpus → segment → index → understand → search → cite."""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import replace
from pathlib import Path

from whoosh.index import FileIndex

from . import paths
from .answer import glossary_hit, passage_hit
from .corpus import Corpus, load_corpus
from .errors import LexiqueError, quoted
from .index import DAMAGED, Progress, build_index, open_index
from .model import Answer, GlossaryEntry, Hit, Passage
from .query import Query, understand
from .search import Scored, run, searcher


GLOSSARY_SIDE_NOTE = 0.5


class Library:
    """A loaded corpus and its index; answers questions. Safe to share between threads."""

    def __init__(self, corpus_dir: Path | None = None, index_dir: Path | None = None) -> None:
        self.index_dir = Path(index_dir) if index_dir else paths.index_dir()
        self.corpus: Corpus = self._with_last_good_glossary(load_corpus(Path(corpus_dir) if corpus_dir else paths.corpus_dir()))
        self._index: FileIndex | None = None
        self._lock = threading.Lock()

    @property
    def warnings(self) -> list[str]:
        """Problems that did not stop the library, one line each (e.g. a broken glossary file)."""
        error = self.corpus.glossary_error
        if error is None:
            return []
        return [f"{error} (using the last version of that file that loaded; {len(self.corpus.glossary)} entries in all)"]

    def _with_last_good_glossary(self, corpus: Corpus) -> Corpus:
        """Keep a copy of each glossary that loads; when a file does not, answer with its last copy.

        Copies are named by corpus folder and content hash, so a copy is written once per corpus
        change, not at every start, and another corpus never answers with this one's glossary.
        """
        prefix = f"last-good-glossary-{corpus.key}-"
        if corpus.glossary_error is None:
            snapshot = self.index_dir / f"{prefix}{corpus.fingerprint}.json"
            if not snapshot.exists():
                data = [dict(e.to_dict(), path=e.path, line=e.line) for e in corpus.glossary]
                try:
                    self.index_dir.mkdir(parents=True, exist_ok=True)
                    tmp = snapshot.with_suffix(".tmp")
                    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
                    os.replace(tmp, snapshot)
                    for old in self.index_dir.glob(f"{prefix}*.json"):
                        if old != snapshot:
                            old.unlink(missing_ok=True)
                except OSError:
                    pass  # a read-only cache only costs the fallback, reported when it is needed
            return corpus
        try:
            newest = max(self.index_dir.glob(f"{prefix}*.json"), key=lambda p: p.stat().st_mtime)
            data = json.loads(newest.read_text(encoding="utf-8"))
            last_good = tuple(GlossaryEntry.from_dict(d, d.pop("path"), d.pop("line")) for d in data)
        except (OSError, ValueError, KeyError, TypeError):  # ValueError: no copy yet (max of nothing)
            last_good = ()
        # the faulty file as it last loaded, the other files as they are now
        broken = corpus.glossary_error.path
        entries = tuple(e for e in corpus.glossary if e.path != broken) + tuple(e for e in last_good if e.path == broken)
        return replace(corpus, glossary=entries)

    def open(self, progress: Progress | None = None) -> FileIndex:
        """The index for this corpus, built first if needed (the corpus changed, or none exists)."""
        with self._lock:
            if self._index is None:
                self._index = open_index(self.corpus, self.index_dir, progress)
            return self._index

    def rebuild(self, progress: Progress | None = None) -> Path:
        with self._lock:
            folder = build_index(self.corpus, self.index_dir, progress, replace=True)
            self._index = None
        return folder

    def ask(self, question: str, limit: int = 10) -> Answer:
        """Ranked, cited hits for a question in English or French; never raises on odd input."""
        started = time.perf_counter()
        query = understand(question, self.corpus)
        ordered: list[Hit] = []
        if query.concepts and limit > 0:
            scored = self._search(query, limit + 5)
            if query.definition is not None:
                top = scored[0].score if scored else 1.0
                ordered.append(glossary_hit(query.definition, query, 0, top + 1.0))
            for doc in scored:
                if query.definition is not None and doc.id == query.definition.id:
                    continue
                if doc.kind == "glossary":
                    if (entry := self.corpus.entry(doc.id)) is not None:
                        # an entry is an answer to "what is X"; to other questions it is a side note
                        ordered.append(glossary_hit(entry, query, 0, doc.score * GLOSSARY_SIDE_NOTE))
                elif (passage := self.corpus.passage(doc.id)) is not None:
                    ordered.append(passage_hit(self.corpus, passage, query, 0, doc.score))
        ordered.sort(key=lambda h: h.score, reverse=True)
        hits = tuple(replace(h, rank=n) for n, h in enumerate(ordered[: max(limit, 0)], 1))
        return Answer(question, query.lang, hits, (time.perf_counter() - started) * 1000)

    def _search(self, query: Query, limit: int) -> list[Scored]:
        try:
            return self._run(query, limit)
        except DAMAGED:  # index files removed or damaged under us: rebuild once
            self.rebuild()
        try:
            return self._run(query, limit)
        except DAMAGED as exc:
            raise LexiqueError(f"{self.index_dir}: the index is damaged ({exc}); delete the folder to rebuild it") from None

    def _run(self, query: Query, limit: int) -> list[Scored]:
        # a searcher per call: Whoosh searchers are not thread-safe, and one costs ~1 ms to open
        with searcher(self.open()) as open_searcher:
            return run(open_searcher, query, limit)

    def passage(self, passage_id: str) -> Passage:
        passage = self.corpus.passage(passage_id)
        if passage is None:
            raise LexiqueError(f"no passage {quoted(passage_id)} (ids look like 'effondrement:3')")
        return passage

    def context(self, passage_id: str, around: int = 1) -> list[Passage]:
        """The passage with ``around`` passages before and after it in its article."""
        passage = self.passage(passage_id)
        siblings = self.corpus.passages_of(passage.doc_id)
        i = siblings.index(passage)
        return siblings[max(0, i - around) : i + around + 1]

    def cite(self, passage: Passage) -> Hit:
        return passage_hit(self.corpus, passage, None, 0, 0.0)
