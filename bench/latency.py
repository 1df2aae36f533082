"""Index build time and question latency on the shipped corpus.

    python bench/latency.py [--repeat 5]

Prints the build time, the time to open a built index, and per-question latency (median, p95, max)
of ``Library.ask`` over the dev questions plus a set of short lookups. Figures, not assertions.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from qa import Library

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT.parent / "shared" / "dev-questions.yaml"
LOOKUPS = ["dette", "OpenAI", "bulle internet", "what is a neocloud", "capex", "data centers", "Nvidia revenue", "« l’IA »"]


def main(argv: list[str]) -> int:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 5
    questions = LOOKUPS + ([q["question"] for q in yaml.safe_load(QUESTIONS.read_text())] if QUESTIONS.exists() else [])
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        lib = Library(index_dir=Path(tmp))
        loaded = time.perf_counter()
        lib.open()
        built = time.perf_counter()
        fresh = Library(index_dir=Path(tmp))
        t0 = time.perf_counter()
        fresh.open()
        opened = time.perf_counter() - t0
        for q in questions:  # warm-up: analyzer caches, first searcher
            lib.ask(q)
        times = []
        for _ in range(repeat):
            for q in questions:
                t = time.perf_counter()
                lib.ask(q)
                times.append((time.perf_counter() - t) * 1000)
    times.sort()
    corpus = lib.corpus
    print(f"corpus: {len(corpus.articles)} articles, {len(corpus.passages)} passages, {len(corpus.glossary)} glossary entries")
    print(f"load corpus: {(loaded - started) * 1000:.0f} ms   build index: {(built - loaded) * 1000:.0f} ms   open built index: {opened * 1000:.1f} ms")
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"ask ({len(times)} runs of {len(questions)} questions): median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
