"""The index: folding, stable ids, rebuilds on change, and no broken index after an interruption."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import Library
from qa.index import current_index


def ids(library: Library, question: str) -> list[str]:
    return [hit.id for hit in library.ask(question).hits]


@pytest.mark.parametrize(
    ("plain", "accented"),
    [("depenses", "dépenses"), ("rentabilite", "rentabilité"), ("l'IA generative", "l’IA générative"), ("DETTE", "dette")],
)
def test_accents_case_and_apostrophes_fold(library, plain, accented):
    found = ids(library, plain)
    assert found and found == ids(library, accented)
    top = first_passage(library, plain)
    assert any(top.text[a:b] for a, b in top.highlights)


def first_passage(library: Library, question: str):
    return next(h for h in library.ask(question).hits if h.kind == "passage")


def test_an_unaccented_query_highlights_the_accented_word(library):
    hit = first_passage(library, "rentabilite")
    assert "rentabilité" in [hit.text[a:b].lower() for a, b in hit.highlights]


def test_elided_article_finds_the_word(library):
    hit = first_passage(library, "IA")
    assert any(hit.text[a:b] == "IA" for a, b in hit.highlights)


def test_ids_are_stable_across_rebuilds(small_corpus: Path, tmp_path: Path):
    first = Library(small_corpus, tmp_path / "a")
    first.open()
    second = Library(small_corpus, tmp_path / "b")
    second.rebuild()
    assert [p.id for p in first.corpus.passages] == [p.id for p in second.corpus.passages]
    assert ids(first, "data centers") == ids(second, "data centers")


def test_the_index_is_rebuilt_when_the_corpus_changes(small_corpus: Path, tmp_path: Path):
    index_dir = tmp_path / "index"
    before = Library(small_corpus, index_dir)
    before.open()
    old_folder = current_index(before.corpus, index_dir)
    assert ids(before, "zorglub") == []

    article = small_corpus / "articles" / "effondrement.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nLe zorglub coûte cher.\n", encoding="utf-8")
    after = Library(small_corpus, index_dir)
    found = after.ask("zorglub").hits
    assert [h.text for h in found] == ["Le zorglub coûte cher."]
    assert current_index(after.corpus, index_dir) != old_folder
    assert not old_folder.exists()  # the stale build is cleaned up


def test_an_interrupted_build_keeps_the_previous_index(small_corpus: Path, tmp_path: Path):
    index_dir = tmp_path / "index"
    good = Library(small_corpus, index_dir)
    good.open()
    good_answer = ids(good, "dette")

    article = small_corpus / "articles" / "chaine-fragile.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nUn ajout.\n", encoding="utf-8")
    changed = Library(small_corpus, index_dir)

    def interrupt(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        changed.open(progress=interrupt)
    assert [p.name for p in index_dir.iterdir() if p.name.startswith(".build-")] == []
    assert current_index(good.corpus, index_dir) is not None
    assert ids(good, "dette") == good_answer  # readers of the previous build still answer


def test_rebuild_replaces_the_index_of_the_same_corpus(small_corpus: Path, tmp_path: Path):
    lib = Library(small_corpus, tmp_path / "index")
    lib.open()
    folder = current_index(lib.corpus, lib.index_dir)
    before = folder.stat().st_ino
    lib.rebuild()
    assert current_index(lib.corpus, lib.index_dir) == folder
    assert folder.stat().st_ino != before
    assert sorted(p.name for p in lib.index_dir.iterdir() if p.is_dir()) == [folder.name]
    assert ids(lib, "dette")


@pytest.mark.parametrize("damage", ["garbage-toc", "truncated-segment", "deleted-segment"])
def test_a_damaged_index_is_rebuilt(small_corpus: Path, tmp_path: Path, damage: str):
    index_dir = tmp_path / "index"
    first = Library(small_corpus, index_dir)
    first.open()
    expected = ids(first, "dette")
    folder = current_index(first.corpus, index_dir)
    if damage == "garbage-toc":
        next(folder.glob("*.toc")).write_text("junk")
    else:
        segment = max(folder.glob("*.seg"), key=lambda p: p.stat().st_size)
        if damage == "truncated-segment":
            segment.write_bytes(segment.read_bytes()[:100])
        else:
            segment.unlink()
    assert ids(Library(small_corpus, index_dir), "dette") == expected


def test_two_corpora_share_an_index_folder_without_evicting_each_other(small_corpus: Path, tmp_path: Path):
    from .conftest import SHIPPED

    index_dir = tmp_path / "index"
    mine, shipped = Library(small_corpus, index_dir), Library(SHIPPED, index_dir)
    mine.open()
    shipped.open()
    assert current_index(mine.corpus, index_dir) is not None
    assert current_index(shipped.corpus, index_dir) is not None


def test_concurrent_rebuilds_and_questions_all_succeed(small_corpus: Path, tmp_path: Path):
    import subprocess
    import sys

    from .conftest import ROOT

    base = [sys.executable, "-m", "qa.cli", "--corpus-dir", str(small_corpus), "--index-dir", str(tmp_path / "index")]
    commands = [base + ["index", "--rebuild"], base + ["ask", "--json", "dette"]] * 4
    procs = [subprocess.Popen(c, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for c in commands]
    errors = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    assert all(code == 0 for code, _ in errors), errors
