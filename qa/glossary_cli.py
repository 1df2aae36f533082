"""Handlers of ``qa glossary`` and ``qa kwic``: look up, list, export and check the glossary; concordance.

``qa.cli`` builds the parsers and calls these.
"""

from __future__ import annotations

import argparse
import difflib
import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from . import paths
from .analysis import fold
from .answer import glossary_hit
from .contexts import context_hit, uncited, unverified_contexts
from .corpus import Corpus, load_corpus
from .errors import LexiqueError, quoted
from .exports import export
from .kwic import counts, kwic, sort_lines
from .model import GlossaryEntry, Hit
from .query import lookup_entry
from .terminal import BOLD, DIM, MARK, RESET, Env, ExitCode, library_for, print_hit


def _corpus(args: argparse.Namespace) -> Corpus:
    """The corpus as the files say, without the Library's fallback: for --list, --export, --check
    and --uncited, where working on a stale copy would hide the broken file."""
    corpus = load_corpus(args.corpus_dir or paths.corpus_dir())
    if corpus.glossary_error is not None:
        raise corpus.glossary_error
    return corpus


def _answering_corpus(args: argparse.Namespace, env: Env) -> Corpus:
    """For lookups and concordances: like ``qa ask``, a broken glossary file is a warning and the
    last glossary that loaded answers."""
    return library_for(args, env).corpus


def _find(corpus: Corpus, subject: str) -> GlossaryEntry:
    """The entry ``subject`` names, or a one-line error with the closest forms as suggestions."""
    entry = lookup_entry(subject, corpus.glossary)
    if entry is not None:
        return entry
    forms = {fold(f): f for e in corpus.glossary for f in e.forms}
    close = [forms[k] for k in difflib.get_close_matches(fold(subject), list(forms), n=3, cutoff=0.6)]
    hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
    raise LexiqueError(f"no glossary entry for {quoted(subject)}{hint}")


def _language(subject: str, entry: GlossaryEntry) -> str:
    """Whether ``subject`` is closer to the entry's French or English forms; a shared loan counts as English."""
    wanted = fold(subject)

    def best(forms: tuple[str, ...]) -> float:
        return max((difflib.SequenceMatcher(None, wanted, fold(f)).ratio() for f in forms), default=0.0)

    return "fr" if best(tuple(t.term for t in entry.fr)) > best(entry.english_forms) else "en"


def context_hits(corpus: Corpus, entry: GlossaryEntry, first_rank: int = 1) -> list[Hit]:
    """The entry's listed contexts as cited passage hits, the entry's forms highlighted."""
    passages = [p for pid in entry.contexts if (p := corpus.passage(pid)) is not None]  # missing ones: --check
    return [context_hit(corpus, entry, p, rank) for rank, p in enumerate(passages, first_rank)]


def _print_entry(env: Env, entry: GlossaryEntry) -> None:
    c = env.color
    env.out(f"{BOLD}{entry.term}{RESET}  {DIM}({entry.pos} · {entry.domain}){RESET}" if c else f"{entry.term}  ({entry.pos} · {entry.domain})")
    if entry.synonyms:
        env.out(f"   synonyms: {', '.join(entry.synonyms)}")
    if entry.abbreviations:
        env.out(f"   abbreviations: {', '.join(entry.abbreviations)}")
    env.out(f"   {entry.definition}")
    env.out(f"   source: {entry.source}")
    for n, fr in enumerate(entry.fr):
        details = ", ".join(x for x in (fr.gender, fr.status) if x)
        usage = f" — {fr.usage}" if fr.usage else ""
        env.out(f"   {'fr:' if n == 0 else '   '} {fr.term} ({details}){usage}")
    if entry.related:
        env.out(f"   related: {', '.join(entry.related)}")
    if entry.note:
        env.out(f"   note: {entry.note}")
    env.out(f"   {DIM}{entry.path}:{entry.line}{RESET}" if c else f"   {entry.path}:{entry.line}")
    env.out()


def _lookup(args: argparse.Namespace, env: Env, corpus: Corpus) -> int:
    started = time.perf_counter()
    subject = " ".join(args.term)
    entry = _find(corpus, subject)
    hits = [glossary_hit(entry, None, 1, 1.0), *context_hits(corpus, entry, first_rank=2)]
    if args.json:
        env.json(
            {
                "query": subject,
                "lang": _language(subject, entry),
                "results": [h.to_json() for h in hits],
                "elapsed_ms": round((time.perf_counter() - started) * 1000, 2),
            }
        )
        return ExitCode.OK
    _print_entry(env, entry)
    if len(hits) > 1:
        env.out(f"contexts ({len(hits) - 1})")
        env.out()
    for hit in hits[1:]:
        print_hit(env, replace(hit, rank=hit.rank - 1))
    return ExitCode.OK


def _entries(corpus: Corpus, domain: str | None) -> tuple[GlossaryEntry, ...]:
    if domain is None:
        return corpus.glossary
    chosen = tuple(e for e in corpus.glossary if fold(e.domain) == fold(domain))
    if not chosen:
        domains = sorted({e.domain for e in corpus.glossary})
        raise LexiqueError(f"no glossary entry in domain {domain!r} (domains: {', '.join(domains) or 'none'})")
    return chosen


def _list(args: argparse.Namespace, env: Env, corpus: Corpus) -> int:
    entries = _entries(corpus, args.domain)
    if args.json:
        env.json({"domain": args.domain, "count": len(entries), "entries": [e.to_dict() for e in entries]})
        return ExitCode.OK
    width = max((len(e.term) for e in entries), default=0)
    for e in entries:
        env.out(f"{e.term:<{width}}  {e.preferred_fr.term}  ({e.domain})")
    return ExitCode.OK


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, so readers never see half a file.

    A symlink is followed (its target is replaced, the link kept); a device or pipe (``/dev/stdout``)
    is written directly; the new file gets the mode a plain ``open`` would give it (the umask's, or
    the replaced file's).
    """
    try:
        if path.exists() and not path.is_file():
            with path.open("w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            return
        path = path.resolve()
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            os.chmod(tmp, mode)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        raise LexiqueError(f"cannot write {path}: {exc.strerror or exc}") from None


def _umask() -> int:
    current = os.umask(0)  # the only way to read it is to set it
    os.umask(current)
    return current


def _export(args: argparse.Namespace, env: Env, corpus: Corpus) -> int:
    entries = _entries(corpus, args.domain)
    text = export(entries, args.export, corpus)
    if args.output is None:
        env.stdout.write(text)
        return ExitCode.OK
    write_atomically(args.output, text)
    print(f"wrote {len(entries)} entries as {args.export} to {args.output}", file=env.stderr)
    return ExitCode.OK


def _uncited(args: argparse.Namespace, env: Env, corpus: Corpus) -> int:
    entry = _find(corpus, " ".join(args.term)) if args.term else None
    found = uncited(corpus, entry)
    if args.json:
        env.json(
            {
                "uncited": [
                    {"term": u.entry.term, "passage_id": u.passage.id, "spans": [list(s) for s in u.spans]} for u in found
                ]
            }
        )
        return ExitCode.OK
    if not found:
        print("every passage using a glossary term is cited as its context", file=env.stderr)
    for u in found:
        start, end = u.spans[0]
        excerpt = " ".join(u.passage.text[max(0, start - 30) : end + 30].split())
        env.out(f"{u.entry.term}\t{u.passage.id}\t…{excerpt}…")
    return ExitCode.OK


def _check(args: argparse.Namespace, env: Env, corpus: Corpus) -> int:
    problems = unverified_contexts(corpus)
    total = sum(len(e.contexts) for e in corpus.glossary)
    if args.json:
        env.json(
            {
                "checked": total,
                "problems": [{"term": p.entry.term, "passage_id": p.passage_id, "message": str(p)} for p in problems],
            }
        )
    else:
        for problem in problems:
            print(f"qa: error: {problem}", file=env.stderr)
        if not problems:
            env.out(f"{total} contexts of {len(corpus.glossary)} glossary entries verified")
    return ExitCode.ERROR if problems else ExitCode.OK


def cmd_glossary(args: argparse.Namespace, env: Env) -> int:
    """``qa glossary``: one entry and its contexts, or --list, --export, --uncited, --check."""
    if args.term and (args.list or args.export or args.check):
        print("qa glossary: error: a TERM goes with a lookup or --uncited, not with --list, --export or --check", file=env.stderr)
        return ExitCode.USAGE
    if args.list:
        return _list(args, env, _corpus(args))
    if args.export:
        return _export(args, env, _corpus(args))
    if args.uncited:
        return _uncited(args, env, _corpus(args))
    if args.check:
        return _check(args, env, _corpus(args))
    if not " ".join(args.term).strip():
        print("qa glossary: error: give a TERM, or one of --list, --export, --uncited, --check", file=env.stderr)
        return ExitCode.USAGE
    return _lookup(args, env, _answering_corpus(args, env))


def cmd_kwic(args: argparse.Namespace, env: Env) -> int:
    """``qa kwic``: every occurrence of an entry's forms (or of the text as typed), aligned on the match."""
    corpus = _answering_corpus(args, env)
    subject = " ".join(args.term).strip()
    if not subject:
        print("qa kwic: error: give a TERM", file=env.stderr)
        return ExitCode.USAGE
    if args.article is not None and args.article not in {a.id for a in corpus.articles}:
        raise LexiqueError(f"no article '{args.article}' (ids: {', '.join(a.id for a in corpus.articles)})")
    entry = lookup_entry(subject, corpus.glossary)
    forms = entry.forms if entry is not None else (subject,)
    width = args.width
    lines = sort_lines(kwic(corpus, forms, width, args.article), args.sort)
    per_article = counts(lines)
    if args.json:
        env.json(
            {
                "term": subject,
                "entry": entry.term if entry is not None else None,
                "forms": list(forms),
                "lines": [line.to_json() for line in lines],
                "counts": per_article,
            }
        )
        return ExitCode.OK
    if not lines:
        print(f"no occurrence of {quoted(subject)}", file=env.stderr)
        return ExitCode.OK
    c = env.color
    match_width = max(len(line.match) for line in lines)
    for line in lines:
        match = f"{MARK}{line.match}{RESET}" if c else line.match
        pad = " " * (match_width - len(line.match))
        tail = f"{DIM}{line.passage_id}{RESET}" if c else line.passage_id
        env.out(f"{line.left:>{width}} {match}{pad} {line.right:<{width}}  {tail}")
    env.out()
    for doc_id, n in per_article.items():
        env.out(f"{n:>4}  {doc_id}  {corpus.article(doc_id).display_title}")
    env.out(f"{len(lines):>4}  occurrences" + (f" of {entry.term!r} and its French forms" if entry is not None else ""))
    return ExitCode.OK
