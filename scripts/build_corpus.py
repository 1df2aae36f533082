"""Rebuild ``corpus/articles/*.md`` from the plain-text seed articles.

Run once when a seed changes (``python scripts/build_corpus.py ../shared/seeds``); the output is
committed, so a fresh clone needs neither the seeds nor this script. The script only re-flows
whitespace and marks headings with ``## ``: ``tests/test_corpus.py`` checks that every word of each
seed survives in the same order.

Metadata the seeds do not state is ``null``. What each seed says of itself is in the seeds' README.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

# What the text of each seed states about itself (see the seeds' README); nothing is guessed.
META = {
    "000_f490c7ffd6a447c7.txt": {"id": "mille-milliards", "author": "Thomas", "date": None, "source": None},
    "001_1218b1cc66d6746a.txt": {"id": "effondrement", "author": None, "date": None, "source": "wheresyoured.at"},
    "002_1024bdc4711c6b81.txt": {"id": "fuite-en-avant", "author": None, "date": "2025-11-17", "source": None},
    "003_a005071a7c3e5b28.txt": {"id": "business-model", "author": None, "date": None, "source": None},
    "004_a273d8aefb182513.txt": {"id": "chaine-fragile", "author": None, "date": None, "source": None},
}

# Short lines the heading rule would take for headings but are not: a signature, a chart caption, a source line.
NOT_HEADINGS = {"Thomas", "Indice NASDAQ 100", "Source : wheresyoured.at"}
TERMINAL = tuple(".?!…:;,»\"")
# PDF lines of 003 are about 100 characters wide; a line ending a sentence well short of that ends a paragraph.
PDF_FULL_LINE = 90
# Where 003's layout says more than its line lengths do (read off the PDF text by eye): headings that
# end like sentences, company sub-headings, paragraphs that start after a full-width line, and the
# one wrapped line that the rules would take for a heading.
HEADINGS_003 = {"L'analogie AWS : promesse ou mirage ?", "Les signaux d'alarme", "Alors, est-ce rentable — un jour ?"}
SUBHEADINGS_003 = {"OpenAI", "Anthropic", "Google (Gemini / DeepMind)", "DeepSeek", "Qwen (Alibaba)", "Zhipu AI / Z.ai (GLM)"}
PARA_STARTS_003 = ("Deutsche Bank estime", "Mais contrairement à une salle", "La preuve : depuis", "L'industrie de l'IA est dans")
CONTINUATIONS_003 = {"Alibaba Cloud"}


def looks_like_heading(block: str) -> bool:
    """A heading is a one-line block, short, capitalised, with no closing punctuation."""
    line = block.strip()
    return (
        "\n" not in line
        and 0 < len(line) <= 80
        and line[0].isupper()
        and not line.endswith(TERMINAL)
        and line not in NOT_HEADINGS
    )


def blocks_of(text: str) -> list[str]:
    return [b.strip("\n").rstrip() for b in re.split(r"\n[ \t]*\n", text) if b.strip()]


def markdown_of(blocks: list[str]) -> str:
    out = [f"## {b.strip()}" if looks_like_heading(b) and not b.startswith("#") else b for b in blocks]
    return "\n\n".join(out) + "\n"


def repair_pdf(text: str) -> list[str]:
    """Re-flow 003's PDF extraction: one line a visual line, blank lines between all of them.

    Paragraphs end at a short line that closes a sentence; bullets (•) start their own paragraph and
    a bullet list stays one block, one bullet a line; the price table keeps one row a line.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    blocks: list[list[str]] = []
    current: list[str] = []
    kind = "para"

    def flush() -> None:
        nonlocal current
        if current:
            blocks.append(current)
        current = []

    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line in CONTINUATIONS_003:
            current[-1] = current[-1] + " " + line
            continue
        if line in HEADINGS_003 or line in SUBHEADINGS_003:
            flush()
            kind = "para"
            blocks.append([("### " if line in SUBHEADINGS_003 else "## ") + line])
            continue
        if line.startswith(PARA_STARTS_003):
            flush()
            kind = "para"
        is_row = bool(re.search(r"\d,\d\d( |$)|Gratuit", line)) and len(line) < 45 or line.startswith("Modèle Input")
        if is_row:
            if kind != "table":
                flush()
                kind = "table"
            current.append(line)
            continue
        if kind == "table":
            flush()
            kind = "para"
        if line.startswith("•"):
            # a new bullet: same block as the previous bullets, on its own line
            if current and not current[-1].startswith("•") and kind != "list":
                flush()
            kind = "list"
            current.append(line)
            continue
        if kind == "list" and current and not current[-1].endswith(":") and not (len(current[-1]) < 60 and nxt.startswith("•")) and not line[0].isupper() or (kind == "list" and current and line[0] in "$("):
            current[-1] = current[-1] + " " + line  # a bullet wrapped over two PDF lines
            continue
        if kind == "list":
            flush()
            kind = "para"
        if current:
            current[-1] = current[-1] + " " + line
        else:
            current.append(line)
        ends_sentence = line.endswith((".", "?", "!", ":", ")")) or not line.endswith(TERMINAL)
        short = len(line) < PDF_FULL_LINE
        if short and ends_sentence and (nxt[:1].isupper() or nxt.startswith("•") or not nxt):
            flush()
    flush()
    return ["\n".join(b) for b in blocks]


def split_front_matter(text: str) -> tuple[dict, str]:
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        return yaml.safe_load(text[4:end]), text[end + 5 :]
    return {}, text


def build(seed: Path) -> tuple[str, str]:
    meta = dict(META[seed.name])
    fm, text = split_front_matter(seed.read_text(encoding="utf-8"))
    if fm:  # 004 has its own front matter
        title = fm["title"]
        meta["author"] = fm.get("author")
        meta["date"] = str(fm["pubDate"])[:10] if fm.get("pubDate") else None
        blocks = blocks_of(text)
    elif seed.name.startswith("003"):
        title = None  # the PDF has no title line, only a lede
        blocks = repair_pdf(text)
    else:
        first, _, rest = text.lstrip().partition("\n")
        title = first.strip()
        blocks = blocks_of(rest)
    front = {
        "id": meta["id"],
        "title": title,
        "author": meta["author"],
        "date": meta["date"],
        "lang": "fr",
        "source": meta["source"],
        "seed": seed.name,
    }
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    return meta["id"], f"---\n{head}---\n{markdown_of(blocks)}"


def main(argv: list[str]) -> int:
    seeds = Path(argv[1] if len(argv) > 1 else "../shared/seeds")
    out = Path(__file__).resolve().parent.parent / "corpus" / "articles"
    out.mkdir(parents=True, exist_ok=True)
    for seed in sorted(seeds.glob("0*.txt")):
        ident, text = build(seed)
        (out / f"{ident}.md").write_text(text, encoding="utf-8")
        print(f"{seed.name} -> {ident}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
