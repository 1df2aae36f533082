"""Cut an article body into passages: paragraphs, with long ones split at sentence boundaries.

Offsets are exact: ``body[p.start:p.end] == p.text`` for every passage, so a citation can always be
traced back to the file. Headings (Markdown ``#`` lines) are not passages; each passage keeps the
nearest one above it as its section.
"""

from __future__ import annotations

import re

from .model import Article, Passage

# A paragraph longer than this is split into pieces of whole sentences of about TARGET characters:
# short enough to read as one answer, long enough to keep a sentence's context.
MAX_PASSAGE = 700
TARGET = 420

_BLOCK = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")  # runs of text between blank lines
_HEADING = re.compile(r"#{1,6}[ \t]+(.*)")
_IMAGE_ONLY = re.compile(r"!\[[^\]]*\]\([^)]*\)")
# A sentence ends at . ! ? or … (optionally closed by a quote or bracket) before a space and a
# capital, digit, quote, dash or bullet; or at a line break inside a block (list items, table rows).
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"”)]?[ \t\u00a0\u202f]+(?=[A-ZÀ-ÖØ-Þ0-9«\"“(—•-])|\n")


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text`` (trimmed), shifted by ``offset``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start() if match.group() == "\n" else match.start() + len(match.group().rstrip())))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if b - trail > a + lead:
            out.append((offset + a + lead, offset + b - trail))
    return out


def _pieces(start: int, end: int, body: str) -> list[tuple[int, int]]:
    """Group the sentences of a long paragraph into passages of about TARGET characters."""
    if end - start <= MAX_PASSAGE:
        return [(start, end)]
    groups: list[tuple[int, int]] = []
    for a, b in sentence_spans(body[start:end], start):
        if groups and b - groups[-1][0] <= TARGET:
            groups[-1] = (groups[-1][0], b)
        else:
            groups.append((a, b))
    # a trailing scrap reads badly alone: give it to the piece before
    if len(groups) > 1 and groups[-1][1] - groups[-1][0] < TARGET // 3:
        last = groups.pop()
        groups[-1] = (groups[-1][0], last[1])
    return groups


def segment(article: Article) -> list[Passage]:
    """The passages of an article, in reading order."""
    body = article.body
    passages: list[Passage] = []
    section: str | None = None
    paragraph = 0
    for block in _BLOCK.finditer(body):
        raw = block.group()
        text = raw.strip()
        if not text:
            continue
        if heading := _HEADING.fullmatch(text):
            section = heading.group(1).strip()
            continue
        if _IMAGE_ONLY.fullmatch(text):
            continue
        paragraph += 1
        start = block.start() + (len(raw) - len(raw.lstrip()))
        end = start + len(text)
        for a, b in _pieces(start, end, body):
            passages.append(
                Passage(
                    id=f"{article.id}:{len(passages) + 1}",
                    doc_id=article.id,
                    paragraph=paragraph,
                    start=a,
                    end=b,
                    text=body[a:b],
                    section=section,
                )
            )
    return passages
