"""Words that say which way a figure moved: *nousee*, *noussut*, *laski*, *väheneminen*, *188 työntekijää lisää*."""

from __future__ import annotations

#: Lemmas of change words → ``increase``/``decrease``: verbs (*nousee*, *noussut*,
#: *laski*), their nouns (*väheneminen*, *kasvu*) and adverbs (*188 työntekijää lisää*).
DIRECTION_LEMMAS: dict[str, str] = {
    **dict.fromkeys(
        ("nousta", "nostaa", "kasvaa", "kasvattaa", "lisääntyä", "lisätä", "lisää", "kohota", "kohottaa",
         "nousu", "kasvu", "lisäys", "lisääntyminen", "kasvaminen", "nouseminen", "suurentua", "parantua",
         "korkeampi", "enemmän", "kaksinkertaistua"),
        "increase",
    ),
    **dict.fromkeys(
        ("vähentyä", "vähetä", "vähentää", "vähennys", "laskea", "lasku", "väheneminen", "vähentyminen", "vähentäminen",
         "pienentyä", "pienentää", "supistua", "alentua", "alentaa", "pudota", "putoaminen", "aleneminen",
         "lyhentyä", "lyhentää", "madaltua", "vähemmän", "puolittaa", "puolittua", "heiketä", "heikentyä",
         "huonontua", "huonota", "supistaa", "alenema"),
        "decrease",
    ),
}

#: The nouns that name a change in the reasons: *nousu 10 %*, *väheneminen 10 prosentilla*.
CHANGE_NOUNS: dict[str, str] = {"increase": "nousu", "decrease": "väheneminen"}
#: Words the reasons use for the level a change implies: *vähintään 446,4* (increase), *enintään* (decrease).
CHANGE_BOUNDS: dict[str, str] = {"increase": "vähintään", "decrease": "enintään"}
