"""Voikko's Finnish names of grammatical cases."""

from __future__ import annotations

#: Voikko's case names (``SIJAMUOTO``) as Universal Dependencies ``Case`` values.
VOIKKO_CASES: dict[str, str] = {
    "nimento": "Nom", "omanto": "Gen", "osanto": "Par", "sisaolento": "Ine", "sisaeronto": "Ela",
    "sisatulento": "Ill", "ulkoolento": "Ade", "ulkoeronto": "Abl", "ulkotulento": "All", "olento": "Ess",
    "tulento": "Tra", "keinonto": "Ins", "vajanto": "Abe", "seuranto": "Com", "kohdanto": "Acc",
}
#: Voikko's word class of numerals (``CLASS``).
NUMERAL_CLASS = "lukusana"
#: The case of a target's unit word that names a level to reach: *nousee 38 prosenttiin* (illative).
LEVEL_CASE = "Ill"
#: The case that names the size of a change: *nousee 10 prosentilla* (adessive).
CHANGE_CASE = "Ade"
#: A case ending written onto a number after a colon that names a level reached (illative, translative):
#: *nousi 4,1:een*, *laski 6,8 %:iin*, *kasvoi 120:ksi*.
LEVEL_ENDING = r"\s?%?:[a-zåäö]*?(?:een|iin|ään|aan|uun|yyn|oon|öön|seen|hin|ksi)\b"
#: The elative ending written onto a number after a colon: the whole a share is out of, or where a move starts
#: (*4,4 M€:sta*, *312:sta*, *laski 2,1 %:sta*).
OUT_OF_ENDING = r":st[aä]\b"
#: Cases of a noun that names the whole a share is out of (elative): *osuus energiankulutuksesta*.
OUT_OF_CASES: frozenset[str] = frozenset({"Ela"})
