"""Text analysis in one place: folding for comparisons, and the Whoosh analyzers of both languages.

Folding comes before stemming (an unaccented query must meet an accented text at the same stem),
apostrophes are one character (’ and ' alike), and brand names are never stemmed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.analysis.analyzers import Analyzer
from whoosh.lang import stopwords_for_language
from whoosh.support.charset import accent_map

APOSTROPHES = "\u2019\u02bc\u2018`´"
_APOS = str.maketrans({c: "'" for c in APOSTROPHES})
_SPACES = re.compile(r"\s+")

# Elided articles and pronouns (l’IA, d’OpenAI, qu’il) split off by the tokenizer, and dates and
# digits kept whole: "2025", "3.5", "4,3". Hyphenated words stay whole (acqui-hire, capital-risque)
# except the subject pronoun of a French question: « perd-il » is « perd » and « il ».
CLITIC = r"(?:t-)?(?:il|ils|elle|elles|on|je|tu|nous|vous|ce)\b"
TOKEN_PATTERN = rf"\d+(?:[.,]\d+)*|[^\W\d_]+(?:-(?!{CLITIC})[^\W\d_]+)*"

# Words that must not be stemmed: brand names collide with common words once stemmed (OpenAI → open).
PROPER_NAMES = frozenset(
    "openai anthropic nvidia microsoft google alphabet amazon meta apple tesla oracle deepseek qwen zhipu "
    "glean cursor perplexity coreweave crusoe softbank windsurf cognify mistral gemini claude chatgpt".split()
)

# Whoosh's French list lacks "les" and holds "été" (summer), which would drop « l’été ».
FRENCH_STOP = (frozenset(stopwords_for_language("fr")) | {"les", "a", "ca", "cela", "t"}) - {"été", "ete"}
ENGLISH_STOP = frozenset(stopwords_for_language("en")) | {"s", "t", "does", "did", "has", "have", "much", "many"}


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form, with whitespace collapsed: for comparisons."""
    text = unicodedata.normalize("NFKD", text.translate(_APOS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub(" ", text.casefold()).strip()


def fold_map(text: str) -> tuple[str, tuple[int, ...]]:
    """``fold`` that keeps offsets: the folded text and, for each of its characters, its index in ``text``.

    Whitespace runs become one space (as in ``fold``) but nothing is stripped, so a match found in
    the folded text maps back to an exact slice of the original: ``text[origin[i]:origin[j - 1] + 1]``.
    """
    chars: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        decomposed = unicodedata.normalize("NFKD", c.translate(_APOS))
        # a compatibility decomposition may yield a space too (¯ → space + combining macron)
        for d in "".join(d for d in decomposed if not unicodedata.combining(d)).casefold():
            if d.isspace():
                if chars and chars[-1] == " ":
                    continue
                d = " "
            chars.append(d)
            origin.append(i)
    return "".join(chars), tuple(origin)


def is_acronym(form: str) -> bool:
    """IPO, CA, GPU: two or more letters, all capitals."""
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def names_acronym(form: str, text: str) -> bool:
    """Whether ``text`` may be naming the acronym ``form``.

    Folded, a two-letter acronym is an everyday word (« CA » → « ça », « PE », « IP »), so those
    must be written in capitals; longer ones (ipo, gdp) are recognised in any case.
    """
    if sum(c.isalpha() for c in form) > 2:
        return True
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) is not None


def _analyzer(lang: str, stop: frozenset[str]) -> Analyzer:
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=stop, minsize=1)
        | StemFilter(lang=lang, ignore=PROPER_NAMES, cachesize=50000)
    )


@lru_cache(maxsize=None)
def french_analyzer() -> Analyzer:
    return _analyzer("fr", frozenset(fold(w) for w in FRENCH_STOP))


@lru_cache(maxsize=None)
def english_analyzer() -> Analyzer:
    return _analyzer("en", ENGLISH_STOP)


def borrowable(form: str) -> bool:
    """Whether an English form can be searched in French text as it stands: French stop words
    would shorten "AI cloud" to « cloud » (« ai » is a form of avoir), which means something else."""
    return len(terms(form, "fr")) == len(re.findall(TOKEN_PATTERN, form.translate(_APOS).replace("'", " ")))


def terms(text: str, lang: str = "fr") -> list[str]:
    """The index terms of ``text`` as the given language's analyzer produces them."""
    analyzer = french_analyzer() if lang == "fr" else english_analyzer()
    return [t.text for t in analyzer(text.translate(_APOS))]


def spans(text: str, wanted: set[str], lang: str = "fr") -> list[tuple[int, int]]:
    """Character spans in ``text`` of the tokens whose index term is in ``wanted``."""
    analyzer = french_analyzer() if lang == "fr" else english_analyzer()
    # Translating apostrophes one-for-one keeps every offset valid in the original text.
    return [(t.startchar, t.endchar) for t in analyzer(text.translate(_APOS), chars=True) if t.text in wanted]
