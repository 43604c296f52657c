"""Status labels of real reports, one list per normalised status.

Labels are compared by their words' lemmas (Voikko), in any order, without
the filler words below; a word Voikko does not know (a typo as printed,
*Totetutui*, *Ei toteunut*) may differ by a small edit distance from a word
of these lists. A negation (*ei*, *eivät*, *toteutumatta*) is a word of its
own and never matched away: *Ei toteutunut* is never *Toteutunut*.

Vantaa: *Toteutuu täysin / osittain / Ei toteudu lainkaan*; Tampere:
*Toteutui / Toteutui osittain / Ei toteutunut / Ei arvioitavissa*; Helsinki:
*Toteutui / Ei toteutunut / Ei voida todentaa*; Kauhava 2024: *Toteutui
suunnitellusti*, *Pääsääntöisesti toteutunut*, *Tavoitteet toteutuvat*, *Ei
toteutunut kaikilta osin*, *Tavoitteet jäivät osin toteutumatta*.
"""

from __future__ import annotations

#: Labels of a target that was met.
FULL: tuple[str, ...] = (
    "Toteutuu täysin",
    "Toteutuu",
    "Toteutui",
    "Toteutui täysin",
    "Toteutunut",
    "Toteutunut täysin",
    "Täysin toteutunut",
    "Toteutui suunnitellusti",
    "Toteutunut suunnitellusti",
    "Toteutuu suunnitellusti",
    "Tavoitteet toteutuvat",
    "Tavoitteet toteutuivat",
    "Saavutettu",
    "Tavoite saavutettu",
)

#: Labels of a target met in part.
PARTIAL: tuple[str, ...] = (
    "Toteutuu osittain",
    "Toteutui osittain",
    "Toteutunut osittain",
    "Osittain toteutunut",
    "Osittain",
    "Toteutuu pääosin",
    "Toteutui pääosin",
    "Pääosin toteutunut",
    "Pääsääntöisesti toteutunut",
    "Pääsääntöisesti toteutui",
    "Pääsääntöisesti toteutuu",
    "Ei toteutunut kaikilta osin",
    "Ei toteudu kaikilta osin",
    "Tavoitteet jäivät osin toteutumatta",
    "Jäi osin toteutumatta",
)

#: Labels of a target that was not met.
NONE: tuple[str, ...] = (
    "Ei toteudu lainkaan",
    "Ei toteudu",
    "Ei toteutunut",
    "Ei toteutunut lainkaan",
    "Ei saavutettu",
    "Jäi toteutumatta",
    "Tavoitteet jäivät toteutumatta",
)

#: Labels of a target that cannot be assessed.
NOT_ASSESSABLE: tuple[str, ...] = (
    "Ei arvioitavissa",
    "Ei voida todentaa",
    "Ei voida arvioida",
    "Ei mitattavissa",
)

#: Lemmas that say nothing about the status: *Tavoitteet toteutuvat*, *Tavoite on toteutunut*.
FILLER_LEMMAS: frozenset[str] = frozenset({"tavoite", "olla"})

#: Words that limit a negated label to a part of the target, in the label's own sentence:
#: *Ei toteudu tuottotavoitteen osalta, muuten ok* is partial, not none.
PART_WORDS: frozenset[str] = frozenset({"osalta", "osin", "osittain", "muuten", "pääosin"})

#: The most words a status label has; longer text is a sentence, not a label.
MAX_LABEL_WORDS = 6

#: Labels quoted in the unknown-label warning, one per status.
EXAMPLES: tuple[str, ...] = ("Toteutuu täysin", "Toteutui osittain", "Ei toteutunut", "Ei arvioitavissa")
