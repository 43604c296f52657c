"""Words that say which way a figure moved: *nousee*, *noussut*, *laski*, *väheneminen*, *188 työntekijää lisää*."""

from __future__ import annotations

#: Lemmas of change words → ``increase``/``decrease``: verbs (*nousee*, *noussut*,
#: *laski*), their nouns (*väheneminen*, *kasvu*) and adverbs (*188 työntekijää lisää*).
DIRECTION_LEMMAS: dict[str, str] = {
    **dict.fromkeys(
        ("nousta", "nostaa", "kasvaa", "kasvattaa", "lisääntyä", "lisätä", "lisää", "kohota", "kohottaa",
         "nousu", "kasvu", "lisäys", "lisääntyminen", "kasvaminen", "nouseminen", "suurentua", "parantua",
         "korkeampi", "enemmän", "kaksinkertaistua", "parata", "pidetä", "pidentyä"),
        "increase",
    ),
    **dict.fromkeys(
        ("vähentyä", "vähetä", "vähentää", "vähennys", "laskea", "lasku", "väheneminen", "vähentyminen", "vähentäminen",
         "pienentyä", "pienentää", "supistua", "alentua", "alentaa", "pudota", "putoaminen", "aleneminen",
         "lyhentyä", "lyhentää", "madaltua", "vähemmän", "puolittaa", "puolittua", "heiketä", "heikentyä",
         "huonontua", "huonota", "supistaa", "alenema", "pienetä", "pieneneminen", "pienentyminen", "lyhetä",
         "lyheneminen", "kaventua", "kaveta"),
        "decrease",
    ),
}

#: Adjectives whose comparative says which way a figure differs from another: *63 % pienemmät kuin vuonna
#: 1990*, *12 % suurempi*. Lemma → direction, read only in the comparative degree.
COMPARATIVE_DIRECTIONS: dict[str, str] = {
    **dict.fromkeys(("suuri", "iso", "korkea"), "increase"),
    **dict.fromkeys(("pieni", "matala", "alhainen"), "decrease"),
}

#: Words after a figure that put it below or above a level (*31 % alle vuoden 1990 tason*, *5 % yli
#: edellisvuoden tason*): a change that way from that level, named by ``LEVEL_LEMMA``.
LEVEL_SIDE_WORDS: dict[str, str] = {"alle": "decrease", "yli": "increase"}
LEVEL_LEMMA = "taso"

#: The nouns that name a change in the reasons: *nousu 10 %*, *väheneminen 10 prosentilla*.
CHANGE_NOUNS: dict[str, str] = {"increase": "nousu", "decrease": "väheneminen"}
#: Words the reasons use for the level a change implies, by whether lower is better: *vähintään 446,4* after
#: "kasvaa 10 %" or "laskee enintään 1,5 %", *enintään* after "vähenee 10 %" or "kasvaa enintään 3 %".
CHANGE_BOUNDS: dict[bool, str] = {False: "vähintään", True: "enintään"}

#: Words between a figure and an earlier one it is compared with: *742, kun vuotta aiemmin heitä oli 695*.
EARLIER_WORDS: tuple[str, ...] = ("aiemmin", "edellisvuonna", "edellisvuoden", "viime vuonna", "edellisenä")
#: An earlier year's figure in brackets after this year's: *268,4 M€ (2023: 259,6 M€)*, *142 (kevät 2022: 124)*.
EARLIER_YEAR_PATTERN = r"\(\s*(?:v\.\s*|[a-zåäö]+\s+)?(?:\d{1,2}\.\d{1,2}\.)?(?:19|20)\d{2}\s*:?\s*$"
#: A year label right before a figure: *2022: 35 vrk*, *(12/2022: 9,6 %)*. The group is the year.
YEAR_LABEL = r"(?:\b\d{1,2}/)?\b((?:19|20)\d{2})\s*:\s*$"
#: A clause that dates the figure after it to an earlier year: *78 %, kun se vuonna 2023 oli 71 %*,
#: *14 320, vuonna 2023 13 600*.
EARLIER_CLAUSE_PATTERN = r"\bkun\b[^.;]*\b(?:19|20)\d{2}\b[^.;]*$|,\s*(?:vuonna|v\.)\s*(?:19|20)\d{2}\s*:?\s*$"
#: Nouns of change, which a number after them measures rather than counts: *kasvua 5 %*, *lisäystä 12*.
CHANGE_NOUN_LEMMAS: frozenset[str] = frozenset(lemma for lemma in DIRECTION_LEMMAS if lemma.endswith(
    ("u", "ys", "minen", "nen", "ma", "us")) and lemma not in ("lisää",))
#: Nouns that make the target's figure after them a change, its way given by the goal's same figure: *muutos
#: enintään 3,0 %* under *Toimintakate heikkenee enintään 3,0 %* (and any -minen noun of a direction verb,
#: *heikkeneminen*).
CHANGE_NAMING_NOUNS: frozenset[str] = CHANGE_NOUN_LEMMAS | {"muutos"}
#: The year a target counts its change from: *vuoden 2007 tasosta*, *kuin vuonna 2007*, *vuoteen 2007 verrattuna*.
BASE_YEAR_PATTERN = (r"\b((?:19|20)\d{2})\s+tasosta|\bkuin\s+vuonna\s+((?:19|20)\d{2})"
                     r"|\bvuoteen\s+((?:19|20)\d{2})\s+verrattuna")
#: A target counted each year against the one before: *+2 % vuodessa*, *vuosittain*, *edellisvuodesta*.
YEARLY_PATTERN = r"\bvuodessa\b|\bvuosittain\b|\bedellisvuodesta\b|\bedellisestä vuodesta\b"
#: Verbs that say a figure got better or worse, not bigger or smaller: on a net cost printed below zero
#: (*toimintakate −1 412,6 M€*) *heikkenee* makes the sum's size grow and *paranee* makes it shrink.
QUALITY_DIRECTIONS: dict[str, str] = {"heiketä": "worse", "heikentyä": "worse", "huonontua": "worse",
                                      "parantua": "better", "parata": "better", "kohentua": "better"}
