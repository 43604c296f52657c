"""Negated and postponed statements: *ei ole järjestetty*, *siirtyi vuodelle 2023*, *viivästyi*."""

from __future__ import annotations

#: Negation verbs, besides what the morphology marks as ``Polarity=Neg``.
NEGATION_WORDS: frozenset[str] = frozenset({"ei", "eivät", "eikä"})
#: Postponed or stopped: *viivästyi*, *lykättiin*, *peruttiin*.
SETBACK_LEMMAS: frozenset[str] = frozenset({"viivästyä", "lykkääntyä", "lykätä", "perua", "keskeytyä", "peruuntua"})
#: *siirtyi vuodelle 2023*, *jäi kesken*: setbacks only with a later time or an unfinished state after them.
MOVED_LEMMAS: frozenset[str] = frozenset({"siirtyä", "siirtää", "jäädä"})
#: A later time or an unfinished state after a moved-word (:data:`MOVED_LEMMAS`).
LATER_WORDS: frozenset[str] = frozenset({"vuodelle", "vuoteen", "myöhemmäksi", "myöhempään", "ensi", "seuraavalle",
                                         "syksyyn", "kevääseen", "kesken", "toteutumatta", "pois"})
#: How many words after a moved-word a later time may come (*siirtyi vuodelle 2023*).
LATER_WINDOW = 3
