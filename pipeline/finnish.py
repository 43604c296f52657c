"""Everything that touches libvoikko.

Voikko is loaded lazily, once per process, so importing this module is cheap
and a missing native library is reported only when it is needed, with the
packages to install.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

from pipeline.errors import VoikkoMissingError

_INSTALL_HINT = (
    "Install the Debian packages 'libvoikko1' and 'voikko-fi' "
    "(apt-get install libvoikko1 voikko-fi) and the PyPI package 'libvoikko'."
)

_lock = threading.RLock()
# The first base of Voikko's analysis: "[Lt][Xp]toteuttaa[X]toteute..." → toteuttaa.
_FST_ROOT = re.compile(r"\[Xp\]([^\[]+)\[X\]")
_voikko: Any = None


def voikko() -> Any:
    """The process-wide ``libvoikko.Voikko('fi')`` instance."""
    global _voikko
    if _voikko is None:
        with _lock:
            if _voikko is None:
                try:
                    import libvoikko
                except ImportError as exc:  # pragma: no cover - depends on the machine
                    raise VoikkoMissingError(f"The Python package libvoikko is missing. {_INSTALL_HINT}") from exc
                try:
                    _voikko = libvoikko.Voikko("fi")
                except (OSError, libvoikko.VoikkoException) as exc:  # pragma: no cover
                    raise VoikkoMissingError(
                        f"Could not load Voikko with a Finnish dictionary ({exc}). {_INSTALL_HINT}"
                    ) from exc
    return _voikko


@lru_cache(maxsize=200_000)
def analyses(word: str) -> tuple[dict[str, str], ...]:
    """Voikko's morphological analyses of one word form (cached)."""
    with _lock:
        return tuple(dict(a) for a in voikko().analyze(word))


def is_word(word: str) -> bool:
    """True when Voikko recognises ``word`` as a Finnish word form."""
    return bool(word) and bool(analyses(word))


def word_classes(word: str) -> frozenset[str]:
    """The set of Voikko word classes (``CLASS``) of ``word``: ``etunimi``, ``lukusana``, ..."""
    return frozenset(a.get("CLASS", "") for a in analyses(word))


def is_first_name(word: str) -> bool:
    """True when ``word`` is capitalised and Voikko knows it as a first name (*Katri*, *Timo*)."""
    return word[:1].isupper() and "etunimi" in word_classes(word)


def is_proper_noun(word: str) -> bool:
    """True for names of people and places (*Vantaa*, *Katri*)."""
    return bool(word_classes(word) & {"etunimi", "sukunimi", "paikannimi", "nimi"})


def should_join(left: str, right: str) -> bool:
    """Decide whether two pieces split by a narrow column are one word.

    Join when the joined form is a valid word and at least one piece is not:
    ``perhekeskustoimintamal`` + ``lia`` and ``Oppivelvollisuude`` + ``n`` are
    joined; ``perhekeskussuunnittelu`` + ``ryhmä`` stay apart, since both are
    words of their own.
    """
    if not (left.isalpha() and right.isalpha()):
        return False
    if not right.islower():
        return False
    if not is_word(left + right):
        return False
    return not is_word(left) or not is_word(right)


def lemmas(word: str) -> frozenset[str]:
    """Every base form Voikko gives ``word``, with the verb a participle or derived noun comes from.

    *toteutettu* → {*toteutettu*, *toteuttaa*}; *pysyneet* → {*pysynyt*, *pysyä*};
    *laskenta* → {*laskenta*, *laskea*}. An unknown word is its own lemma.
    """
    found = set()
    for analysis in analyses(word.lower()):
        if analysis.get("BASEFORM"):
            found.add(analysis["BASEFORM"].lower())
        root = _FST_ROOT.search(analysis.get("FSTOUTPUT", ""))
        if root:
            found.add(root.group(1).lower())
    return frozenset(found or {word.lower()})


_WORDBASE = re.compile(r"\+([^+()]*)\(([^()]*)\)")


@lru_cache(maxsize=4096)
def compound_head(lemma: str) -> str:
    """The last part of a compound noun, which says what it is: *kerrostaloasunto* → *asunto*.

    After a hyphen the last part is read (*ARA-vuokra-asunto* → *asunto*). A
    derivational ending is not a part (*työntekijä* stays whole).
    """
    word = lemma.lower().rsplit("-", 1)[-1]
    for analysis in analyses(word)[:1]:
        bases = _WORDBASE.findall(analysis.get("WORDBASES", ""))
        if len(bases) > 1 and bases[-1][1] and not bases[-1][1].startswith("+"):
            return bases[-1][1].replace("=", "")
    return word


def is_past_participle(word: str) -> bool:
    """*toteutettu*, *valmistunut*, *pysyneet*: a past participle, which reports something as done."""
    return any(a.get("PARTICIPLE") in ("past_passive", "past_active") for a in analyses(word.lower()))


def is_verb(word: str) -> bool:
    """A finite or infinitive verb form (*pysyvät*, *toteutui*)."""
    return any(a.get("CLASS") == "teonsana" for a in analyses(word.lower()))


def case_names(word: str) -> frozenset[str]:
    """Voikko's case names (``SIJAMUOTO``) for a word form: *prosenttiin* → {``sisatulento``}.

    A number or sign with its ending after a colon (*%:iin*, *38:aan*, *%:lla*)
    is read as a numeral with that ending, since that is how it is spoken.
    """
    if ":" in word:
        word = "10:" + word.rsplit(":", 1)[1]
    return frozenset(a["SIJAMUOTO"] for a in analyses(word.strip(".,;").lower()) if a.get("SIJAMUOTO"))
