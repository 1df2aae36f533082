"""Shared fixtures: the shipped corpus with a private index, a small writable corpus, and a CLI runner."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from qa import Library
from qa.cli import Env, main

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's real cache or data folders."""
    monkeypatch.setenv("LEXIQUE_INDEX_DIR", str(tmp_path_factory.getbasetemp() / "index"))
    monkeypatch.setenv("LEXIQUE_DATA_DIR", str(tmp_path_factory.getbasetemp() / "data"))
    monkeypatch.delenv("LEXIQUE_CORPUS_DIR", raising=False)


@pytest.fixture(scope="session")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """The shipped corpus, indexed once for the session."""
    lib = Library(SHIPPED, tmp_path_factory.mktemp("shipped-index"))
    lib.open()
    return lib


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """A writable corpus of two of the shipped articles, for tests that change or break it."""
    root = tmp_path / "corpus"
    (root / "articles").mkdir(parents=True)
    for name in ("effondrement.md", "chaine-fragile.md"):
        shutil.copy(SHIPPED / "articles" / name, root / "articles" / name)
    return root


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def qa():
    """Run the ``qa`` command in-process: ``qa("ask", "x", stdin="...")``."""

    def run(*argv: str, stdin: str = "") -> Run:
        env = Env(stdout=io.StringIO(), stderr=io.StringIO(), stdin=io.StringIO(stdin))
        code = main(list(argv), env)
        return Run(code, env.stdout.getvalue(), env.stderr.getvalue())

    return run


FIXTURE_CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"


@pytest.fixture
def glossary_corpus(tmp_path: Path) -> Path:
    """A writable copy of the fixture corpus (two articles, five glossary entries) for glossary tests."""
    root = tmp_path / "glossary-corpus"
    shutil.copytree(FIXTURE_CORPUS, root)
    return root
