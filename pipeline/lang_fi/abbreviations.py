"""Abbreviations whose period is not the end of a sentence."""

from __future__ import annotations

#: Abbreviations that come before what they qualify, so their period never
#: ends a sentence: *n. 90 %*, *esim. Kerhot*, *kts. toimenpiteet*.
#: Abbreviations that often end a sentence (*noin 80 kpl. Korona-avustuksella*,
#: *kerhot jne. Lisäksi*) are left out: they end one when a capital follows,
#: and *1,2 milj. euroa* goes on since a lower-case word follows.
SENTENCE_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "n.", "noin.", "esim.", "mm.", "ns.", "ks.", "kts.", "vrt.", "klo.", "ko.", "em.", "nro.", "dnro.",
        "os.", "s.", "ma.", "ti.", "ke.", "to.", "pe.", "la.", "su.", "yht.", "tod.",
    }
)

#: Abbreviations that carry meaning for the status classifier although they are not words:
#: *n.* (about) and *kts.* (see: *kts. toimenpiteet*).
MEANINGFUL_ABBREVIATIONS: tuple[str, ...] = ("n.", "kts.")
