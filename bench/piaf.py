"""French retrieval on PIAF v1.1 (external, Wikipedia paragraphs), against the bm25s baseline.

    python bench/piaf.py [--limit N]

Indexes the 1,518 PIAF paragraphs (text, and the Wikipedia title as the section heading) with lexique's French analyzer and scoring
(qa.index schema, qa.search query building: one concept per question word), runs the 7,569
questions and prints Recall@1/5/10 and MRR@10 beside the baseline in ../shared/bench. This measures
the French analysis and ranking on text that is not ours, so tuning to our dev set shows up here.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from whoosh import index as whoosh_index

from qa.analysis import terms
from qa.index import schema
from qa.query import Concept, Query
from qa.search import searcher, whoosh_query

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"


def question_query(text: str) -> Query:
    concepts = tuple(Concept(t, ((t,),), ()) for t in dict.fromkeys(terms(text, "fr")))
    return Query(text, "fr", concepts, (), None)


def main(argv: list[str]) -> int:
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    passages = [json.loads(line) for line in (BENCH / "passages.jsonl").open(encoding="utf-8")]
    queries = [json.loads(line) for line in (BENCH / "queries.jsonl").open(encoding="utf-8")][:limit]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        ix = whoosh_index.create_in(tmp, schema())
        with ix.writer(limitmb=128) as writer:
            for p in passages:
                writer.add_document(id=p["id"], kind="passage", body=p["text"], section=p["title"])
        built = time.perf_counter() - t0
        ranks = []
        t1 = time.perf_counter()
        with searcher(ix) as s:
            for q in queries:
                found = [hit["id"] for hit in s.search(whoosh_query(question_query(q["question"])), limit=10)]
                gold = set(q["gold_passage_ids"])
                ranks.append(next((n for n, pid in enumerate(found, 1) if pid in gold), None))
        per_query = (time.perf_counter() - t1) / len(queries) * 1000
    n = len(ranks)
    ours = {
        "R@1": sum(r == 1 for r in ranks) / n,
        "R@5": sum(bool(r and r <= 5) for r in ranks) / n,
        "R@10": sum(bool(r) for r in ranks) / n,
        "MRR@10": sum(1 / r for r in ranks if r) / n,
    }
    print(f"PIAF v1.1: {len(passages)} passages, {n} questions; build {built:.1f} s, {per_query:.1f} ms/question")
    print(f"{'system':<34} {'R@1':>6} {'R@5':>6} {'R@10':>6} {'MRR@10':>7}")
    print(f"{'lexique (title as section + text)':<34} " + " ".join(f"{ours[k]:>6.3f}" for k in ("R@1", "R@5", "R@10")) + f" {ours['MRR@10']:>7.3f}")
    baseline = json.loads((BENCH / "baseline-bm25s.json").read_text(encoding="utf-8"))
    for v in baseline["variants"]:
        name = "bm25s: " + v["variant"].replace(" | fr stopwords", "").replace(" (primary)", "")
        print(f"{name:<34} {v['R1']:>6.3f} {v['R5']:>6.3f} {v['R10']:>6.3f} {v['MRR10']:>7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
