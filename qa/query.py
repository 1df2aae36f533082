"""From a question as typed to what to look for: language, concepts and their French forms.

There is no translation model. An English question reaches the French articles through the
glossary (its English terms and their French equivalents) and the EN→FR lexicon; every word also
searches as typed, since the articles borrow English terms and names (« burn rate », OpenAI).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Literal, TypeVar

from .analysis import CLITIC, ENGLISH_STOP, FRENCH_STOP, PROPER_NAMES, borrowable, fold, is_acronym, names_acronym, terms
from .corpus import Corpus
from .model import GlossaryEntry

Lang = Literal["en", "fr"]
T = TypeVar("T")
_WORD = re.compile(rf"[^\W_]+(?:-(?!{CLITIC})[^\W_]+|'[^\W_]+)*")

FRENCH_QUESTION_WORDS = frozenset(
    "quoi combien comment quel quelle quels quelles pourquoi quand ou definition signification signifie "
    "veut dire est-ce qu'est-ce c'est qu'est".split()
)
ENGLISH_QUESTION_WORDS = frozenset("what whats who whom how which when where why define definition meaning mean means".split())
_FOLDED_FRENCH_STOP = frozenset(fold(w) for w in FRENCH_STOP)

# "what is X", "define X", « qu'est-ce que X », « définition de X » … (on folded text)
_DEFINITION_PATTERNS = [
    re.compile(p)
    for p in (
        r"^(?:what(?: i|')s|what are|what does|define|definition of|meaning of|explain)\s+(?:an?\s+|the\s+)?(?P<x>.+?)(?:\s+mean)?\s*\??$",
        r"^(?:qu'est[- ]ce que?|qu'est[- ]ce qu'|c'est quoi|que (?:signifie|veut dire)|definition d[eu']|signification d[eu']|definir)\s*(?:(?:le|la|les|un|une|des)\s+|l')?(?P<x>.+?)\s*\??$",
        r"^(?:(?:le|la|les|l')\s*)?(?P<x>.+?)\s*(?::\s*)?(?:meaning|definition|defined|definition\s*\?|signification|c'est quoi)\s*\??$",
    )
]
NAME_WEIGHT = 1.5
TERM_WEIGHT = 1.0  # a glossary term named in the question, searched through all its forms
_LEADING_ARTICLE = re.compile(r"^(?:(?:le|la|les|un|une|the|an?)\s+|l')")


@dataclass(frozen=True)
class Concept:
    """One idea of the question and the ways the corpus may say it; the best match counts once."""

    label: str
    fr: tuple[tuple[str, ...], ...]  # analysed French forms: one term, or a phrase
    en: tuple[tuple[str, ...], ...]  # analysed English forms, for the glossary's English field
    weight: float = 1.0


@dataclass(frozen=True)
class Query:
    text: str
    lang: Lang
    concepts: tuple[Concept, ...]
    entries: tuple[GlossaryEntry, ...]  # glossary entries the question names
    definition: GlossaryEntry | None  # set when the question asks what a glossary term means


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def detect_language(words: list[str], names: set[str], corpus: Corpus, has_accents: bool) -> Lang:
    """English or French, by the function words and the vocabulary of the question; names don't vote."""
    lexicon = corpus.lexicon
    vocab = corpus_vocabulary(corpus)
    french_words = _FOLDED_FRENCH_STOP | FRENCH_QUESTION_WORDS
    english_words = ENGLISH_STOP | ENGLISH_QUESTION_WORDS
    voters = [w for w in words if w not in names and not w.isdigit()]
    english = sum(1 for w in voters if (w in english_words or w in lexicon) and w not in french_words)
    french = sum(
        1 for w in voters if w in french_words or (w in vocab and w not in english_words and w not in lexicon)
    )
    if has_accents:
        french += 2
    if english == french:
        return "fr" if has_accents else "en"
    return "en" if english > french else "fr"


def _cached_on_corpus(compute: Callable[[Corpus], T]) -> Callable[[Corpus], T]:
    """Compute once per corpus value and keep the result on it (as ``functools.cached_property``
    does, through ``__dict__``, which a frozen dataclass allows)."""
    name = f"_cached_{compute.__name__}"

    @functools.wraps(compute)
    def cached(corpus: Corpus) -> T:
        if name not in corpus.__dict__:
            corpus.__dict__[name] = compute(corpus)
        return corpus.__dict__[name]

    return cached


@_cached_on_corpus
def corpus_vocabulary(corpus: Corpus) -> frozenset[str]:
    """Every folded word of the articles."""
    return frozenset(w for p in corpus.passages for w in _WORD.findall(fold(p.text)))


def _english_keys(word: str) -> list[str]:
    """The word and the dictionary forms it may come from: losses → loss, borrowed → borrow."""
    keys = [word]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("'s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            keys.append(word[: -len(suffix)] + repl)
    return keys


def _analysed(forms: list[str], lang: str) -> tuple[tuple[str, ...], ...]:
    out = dict.fromkeys(tuple(terms(f, lang)) for f in forms)
    return tuple(t for t in out if t)


def _with_plurals(forms: list[str]) -> list[str]:
    """Each form and its plural (head word + s): Snowball stems many loanwords differently in the
    singular and the plural (hyperscaler → « hyperscal », hyperscalers → « hyperscaler »)."""
    out = list(forms)
    for form in forms:
        head, sep, rest = form.partition(" ")
        if head and not head.endswith(("s", "x")) and head.isalpha():
            out.append(f"{head}s{sep}{rest}")
    return out


def _borrowed(forms: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """English forms as the French articles may borrow them, analysed as French."""
    return _analysed([f for f in forms if borrowable(f)], "fr")


@functools.lru_cache(maxsize=4)
def _glossary_forms(glossary: tuple[GlossaryEntry, ...]) -> tuple[tuple[GlossaryEntry, str, str, re.Pattern[str]], ...]:
    """Every (entry, form, folded form, pattern of the folded form as a whole word), longest first
    within each entry: folded and compiled once per glossary, not at every question."""
    return tuple(
        (entry, form, fold(form), re.compile(rf"(?<!\w){re.escape(fold(form))}(?!\w)"))
        for entry in glossary
        for form in sorted(entry.forms, key=lambda f: len(fold(f)), reverse=True)
    )


def find_entries(text: str, glossary: tuple[GlossaryEntry, ...], cased: str | None = None) -> list[tuple[GlossaryEntry, str]]:
    """Glossary entries named in ``text`` (any English or French form), longest mention first.

    ``cased`` is the text as typed, when ``text`` was folded: short acronyms need their capitals.
    """
    folded = fold(text)
    found: dict[GlossaryEntry, str] = {}
    for entry, form, key, pattern in _glossary_forms(glossary):
        if entry in found or len(key) < 2 or (is_acronym(form) and not names_acronym(form, cased or text)):
            continue
        if pattern.search(folded):
            found[entry] = key
    return sorted(found.items(), key=lambda pair: len(pair[1]), reverse=True)


def lookup_entry(subject: str, glossary: tuple[GlossaryEntry, ...], cased: str | None = None) -> GlossaryEntry | None:
    """The entry whose English or French form is ``subject`` (folded), tolerating a typo or two.

    ``cased`` is the text as typed, when ``subject`` was folded (see :func:`find_entries`).
    """
    wanted = _LEADING_ARTICLE.sub("", fold(subject)).strip(" ?!.«»\"")
    if not wanted:
        return None
    forms: dict[str, GlossaryEntry] = {}
    for entry, form, key, _ in _glossary_forms(glossary):
        if not is_acronym(form) or names_acronym(form, cased or subject):
            forms.setdefault(key, entry)
    if wanted in forms:
        return forms[wanted]
    # plural or singular of a form: "hyperscalers", "data centres"
    for variant in (wanted.rstrip("s"), wanted + "s"):
        if variant in forms:
            return forms[variant]
    close = difflib.get_close_matches(wanted, list(forms), n=1, cutoff=0.85)
    return forms[close[0]] if close else None


@_cached_on_corpus
def _spelling_words(corpus: Corpus) -> tuple[frozenset[str], dict[str, list[str]]]:
    """The words lexique knows, and per language the words a typo may be corrected to."""

    def words_of(forms: list[str]) -> set[str]:
        return {w for f in forms for w in _WORD.findall(fold(f).replace("'", " "))}

    english = words_of([f for e in corpus.glossary for f in e.english_forms]) | {k for k in corpus.lexicon if " " not in k}
    french = words_of([t.term for e in corpus.glossary for t in e.fr]) | corpus_vocabulary(corpus)
    known = frozenset(english | french | ENGLISH_STOP | _FOLDED_FRENCH_STOP | ENGLISH_QUESTION_WORDS | FRENCH_QUESTION_WORDS)
    return known, {"en": sorted(english), "fr": sorted(french)}


def correct_spelling(folded: str, lang: Lang, names: set[str], corpus: Corpus) -> str:
    """Replace each unknown word by the closest known one of the question's language ("revnue")."""
    known, candidates = _spelling_words(corpus)

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        if len(word) <= 3 or "'" in word or word.isdigit() or word in names or word in known:
            return word
        close = difflib.get_close_matches(word, candidates[lang], n=1, cutoff=0.8)
        return close[0] if close else word

    return _WORD.sub(fix, folded)


def _definition_subject(folded: str) -> str | None:
    for pattern in _DEFINITION_PATTERNS:
        if match := pattern.match(folded):
            return match.group("x")
    return None


def understand(question: str, corpus: Corpus) -> Query:
    """Parse a question into concepts to search for."""
    text = _normalise(question)
    folded = fold(text)
    words = _WORD.findall(folded.replace("'", " "))
    has_accents = folded != text.casefold().translate(str.maketrans("’", "'")) and any(
        unicodedata.combining(c) for c in unicodedata.normalize("NFD", text)
    )
    names = {fold(t) for t in _WORD.findall(text) if any(c.isupper() for c in t[1:])} | {w for w in words if w in PROPER_NAMES}
    lang = detect_language(words, names, corpus, has_accents)
    folded = correct_spelling(folded, lang, names, corpus)

    definition: GlossaryEntry | None = None
    subject = _definition_subject(folded)
    if subject is not None:
        definition = lookup_entry(subject, corpus.glossary, cased=text)
        if definition is None:  # "what is a token in AI pricing": the term the subject starts with
            starting = [
                e for e, form in find_entries(subject, corpus.glossary, cased=text) if _LEADING_ARTICLE.sub("", subject).startswith(form)
            ]
            definition = starting[0] if starting else None
    elif len(words) <= 5:
        definition = lookup_entry(folded, corpus.glossary, cased=text)  # a term alone asks for its definition

    mentions = find_entries(folded, corpus.glossary, cased=text)
    entries = [e for e, _ in mentions]
    if definition is not None and definition not in entries:
        entries.insert(0, definition)
        mentions.insert(0, (definition, fold(subject or folded)))

    concepts: list[Concept] = []
    covered = folded
    for entry, form in mentions:
        covered = covered.replace(form, " ")
        fr_forms = [t.term for t in entry.fr if t.status != "deprecated"]
        concepts.append(
            Concept(
                label=entry.term,
                fr=tuple(dict.fromkeys(_analysed(_with_plurals(fr_forms), "fr") + _borrowed(tuple(_with_plurals(list(entry.english_forms)))))),
                en=_analysed(list(entry.english_forms), "en"),
                weight=TERM_WEIGHT,
            )
        )

    rest = [w for w in _WORD.findall(covered) if w]
    concepts.extend(_word_concepts(rest, lang, corpus, names))
    return Query(text=question, lang=lang, concepts=tuple(c for c in concepts if c.fr or c.en), entries=tuple(entries), definition=definition)


def _word_concepts(words: list[str], lang: Lang, corpus: Corpus, names: set[str]) -> list[Concept]:
    lexicon = corpus.lexicon
    vocab = corpus_vocabulary(corpus)
    stop = ENGLISH_STOP | ENGLISH_QUESTION_WORDS if lang == "en" else _FOLDED_FRENCH_STOP | FRENCH_QUESTION_WORDS
    concepts: list[Concept] = []
    i = 0
    while i < len(words):
        word = words[i]
        # two-word English phrases first: "data center", "cash flow"
        if lang == "en" and i + 1 < len(words):
            pair = f"{word} {words[i + 1]}"
            key = next((k for k in _english_keys(pair) if k in lexicon), None)
            if key is not None:
                concepts.append(Concept(pair, _analysed([*lexicon[key], pair], "fr"), _analysed([pair], "en")))
                i += 2
                continue
        i += 1
        if word in stop or (lang == "fr" and word in ENGLISH_QUESTION_WORDS and word not in vocab):
            continue
        forms = [word]
        keys = [k for k in _english_keys(word) if k in lexicon]
        if lang == "fr" and (word in vocab or word.isdigit()):
            keys = []
        # an English word inside a French question (« les losses d’Anthropic ») is translated too
        for key in keys[:1]:
            forms.extend(lexicon[key])
            forms.append(key)
        # a name (Perplexity, Zhipu) is the most specific thing a lookup question holds
        weight = NAME_WEIGHT if word in names else 1.0
        concepts.append(Concept(word, _analysed(forms, "fr"), _analysed([word], "en"), weight))
    return concepts
