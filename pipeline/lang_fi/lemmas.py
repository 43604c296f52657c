"""Lemma choices Voikko leaves open."""

from __future__ import annotations

#: Rare base forms that share every inflected form with a common word, the common one after it: *kertoja*
#: (times, partitive plural) is read by Voikko as *kerto* as readily as *kerta*, also at the end of a compound
#: (*käyntikertoja* → *käyntikerta*, not *käyntikerto*).
RARE_HOMOGRAPHS: dict[str, str] = {"kerto": "kerta"}
