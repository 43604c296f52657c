"""Repairing text that a PDF table layout broke into lines.

Shared by the readers of extracted text and of PDF tables: both see a cell as
lines wrapped at the column width.
"""

from __future__ import annotations

import re

from pipeline.finnish import is_word, should_join
from pipeline.lang_fi.function_words import CONJUNCTIONS

_LAST_WORD = re.compile(r"(\w+)$")
_FIRST_WORD = re.compile(r"^(\w+)")


def join_two(left: str, right: str) -> str:
    """Join one wrapped line to the next, repairing words the wrap broke.

    - ``sote-`` + ``keskus`` → ``sote-keskus`` (a real hyphen is kept);
    - ``kieli-`` + ``ja kulttuuri...`` → ``kieli- ja kulttuuri...``;
    - ``kohtaamiseen -`` + ``hankkeeseen`` → ``kohtaamiseen -hankkeeseen``;
    - ``kehittä-`` + ``mistä`` → ``kehittämistä`` (a typesetting hyphen is dropped);
    - ``perhekeskustoimintamal`` + ``lia`` → ``perhekeskustoimintamallia`` (Voikko);
    - otherwise the lines are joined with one space.
    """
    left = left.rstrip()
    right = right.strip()
    if not left:
        return right
    if not right:
        return left
    first = _FIRST_WORD.match(right)
    first_word = first.group(1) if first else ""
    if left.endswith("-"):
        if first_word.lower() in CONJUNCTIONS:  # "kieli-" / "ja kulttuuritietoisesta"
            return f"{left} {right}"
        stem = _LAST_WORD.search(left[:-1])
        if (
            stem
            and left[-2:-1].isalpha()
            and first_word.isalpha()
            and first_word.islower()
            and not is_word(stem.group(1))
            and is_word(stem.group(1) + first_word)
        ):
            return left[:-1] + right
        return left + right
    last = _LAST_WORD.search(left)
    if last and first_word and should_join(last.group(1), first_word):
        return left + right
    return f"{left} {right}"


def wrap_tolerance(width: float) -> float:
    """Slack, in characters, when comparing lines with a column ``width`` characters wide.

    Proportional fonts make character counts approximate.
    """
    return max(2.0, 0.12 * width)


def wrap_room(line: str, next_line: str, width: float) -> float:
    """Room left after ``line`` for the first word of ``next_line``, in a column ``width`` characters wide.

    Above zero the word would have fitted on ``line``: the line was not
    wrapped at this width but ended there (a paragraph's end, or a narrower
    column). Zero or below: ``line`` is full, and ``next_line`` may go on
    with the same paragraph.
    """
    words = next_line.split()
    if not words:
        return 0.0
    return width - wrap_tolerance(width) - (len(line) + 1 + len(words[0]))


def join_lines(lines: list[str]) -> str:
    """Join the wrapped lines of one paragraph into a single line of text."""
    text = ""
    for line in lines:
        text = join_two(text, line) if text else line.strip()
    return re.sub(r"[ \t]+", " ", text).strip()


def join_paragraphs(paragraphs: list[list[str]]) -> str | None:
    """A cell's text: each paragraph's lines joined, paragraphs separated by ``\\n``."""
    parts = [join_lines(p) for p in paragraphs]
    text = "\n".join(p for p in parts if p)
    return text or None
