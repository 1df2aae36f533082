"""Retrieval quality on the public dev questions, through ``qa ask --batch`` as scripts use it.

    python bench/quality.py [../shared/dev-questions.yaml] [--show-misses]

Prints Recall@1, Recall@5 and MRR@10 per language and overall. A result is a hit when its text
contains one of the question's evidence excerpts (after NFC, case folding and whitespace
collapsing), or, for definition questions, when it is the glossary entry named by ``glossary_term``.
Figures, not a test: it never fails on a low score.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_QUESTIONS = ROOT.parent / "shared" / "dev-questions.yaml"


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).casefold()).strip()


def is_hit(result: dict, question: dict) -> bool:
    if result["kind"] == "glossary":
        term = question.get("glossary_term")
        return bool(term) and normalise(result.get("term", "")) == normalise(term)
    text = normalise(result["text"])
    return any(normalise(e["text"]) in text for e in question["evidence"])


def first_hit_rank(results: list[dict], question: dict) -> int | None:
    return next((r["rank"] for r in results if is_hit(r, question)), None)


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT_QUESTIONS
    questions = yaml.safe_load(path.read_text(encoding="utf-8"))
    batch = "\n".join(q["question"] for q in questions) + "\n"
    proc = subprocess.run(
        [sys.executable, "-m", "qa.cli", "ask", "--batch", "--limit", "10"],
        input=batch, capture_output=True, text=True, cwd=ROOT, check=False,
    )
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return proc.returncode
    answers = [json.loads(line) for line in proc.stdout.splitlines()]
    ranks: dict[str, list[int | None]] = {"en": [], "fr": []}
    misses = []
    for question, answer in zip(questions, answers, strict=True):
        rank = first_hit_rank(answer["results"], question)
        ranks[question["lang"]].append(rank)
        if rank != 1:
            misses.append((question["id"], question["question"], rank, answer["lang"]))
    rows = [("fr", ranks["fr"]), ("en", ranks["en"]), ("all", ranks["fr"] + ranks["en"])]
    print(f"{'lang':<5} {'n':>3} {'R@1':>6} {'R@5':>6} {'MRR@10':>7}")
    for name, rs in rows:
        n = len(rs)
        r1 = sum(1 for r in rs if r == 1) / n
        r5 = sum(1 for r in rs if r and r <= 5) / n
        mrr = sum(1 / r for r in rs if r and r <= 10) / n
        print(f"{name:<5} {n:>3} {r1:>6.3f} {r5:>6.3f} {mrr:>7.3f}")
    if "--show-misses" in argv:
        print("\nnot first:")
        for qid, text, rank, lang in misses:
            print(f"  {qid} [{lang}] rank={rank}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
