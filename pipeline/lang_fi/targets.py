"""Words for reading a target: general nouns, metrics where lower is better, required components, relative changes."""

from __future__ import annotations

#: Nouns too general to tie evidence to a target: *määrä*, *tavoite*, *vuosi*.
GENERIC_LEMMAS: frozenset[str] = frozenset({
    "määrä", "lukumäärä", "tavoite", "vuosi", "osa", "käyttö", "toiminta", "toimenpide", "kpl", "prosentti",
    "osuus", "taso", "mittari", "asia", "aika", "yhteys", "kaupunki", "toimiala", "palvelualue",
    # the labels of a report's fields: "Tavoitetaso: käytössä 8/2024"
    "tavoitetaso", "tavoitearvo", "tavoitetila", "lähtötaso", "lähtötilanne", "toteuma",
})
#: Heads of lemmas of metrics where less is better, matched as the end of a compound (*nettokustannus*,
#: *lupahakemusten käsittelyaika*, *jakelukeskeytys*): costs, prices and debt, waiting and handling times,
#: consumption and emissions, absences and dropouts, harm (accidents, damage, crime, interruptions, faults,
#: bullying), complaints and unemployment. Shared by goal targets and metric tables.
LOWER_IS_BETTER_LEMMAS: tuple[str, ...] = (
    # money
    "kustannus", "kulu", "hinta", "meno", "velka", "velkamäärä", "ylitys",
    # time
    "käsittelyaika", "odotusaika", "jonotusaika", "läpimenoaika", "vasteaika", "toimitusaika", "viive",
    "viivästys", "myöhästyminen", "jono",
    # consumption and emissions
    "päästö", "kulutus", "hävikki", "hukka", "melu",
    # people out of work, school or care
    "poissaolo", "keskeyttäminen", "keskeyttäjä", "keskeyttänyt", "työttömyys", "työtön", "syrjäytyminen",
    "vaihtuvuus",
    # harm and faults
    "tapaturma", "vahinko", "onnettomuus", "rikos", "ilkivalta", "kiusaaminen", "keskeytys", "katko", "häiriö",
    "virhe",
    # complaints
    "valitus", "reklamaatio",
)
#: *10 yhteistyökumppania, joista osa kansainvälisiä*: what follows names a required kind among the counted.
COMPONENT_WORD = "joista"
#: A per cent of the baseline, not a level: *kasvaa 10 prosentilla*, *10 %:lla*.
RELATIVE_CHANGE_WORDS: tuple[str, ...] = ("prosentilla", "%:lla")
#: A reported level stated against the target: *jäi 30 % alle tavoitteen*, *ylitti 5 % yli tavoitteen*.
BELOW_TARGET: tuple[str, ...] = ("alle tavoitteen", "tavoitetta vähemmän", "tavoitetta alempi", "tavoitetta pienempi")
ABOVE_TARGET: tuple[str, ...] = ("yli tavoitteen", "tavoitetta enemmän", "tavoitetta korkeampi", "tavoitetta suurempi")
#: Coordination that splits a deliverable into parts: *sekä A että B*, *A ja B*.
BOTH_WORD = "sekä"
#: A target that only points back to the goal's parts: *Molemmat toteutettu 2024*, *kaikki toteutettu*.
BOTH_WORDS: frozenset[str] = frozenset({"molemmat", "kumpikin", "kaikki", "molemmissa", "kaikissa"})
AND_TOO_WORD = "että"
AND_WORD = "ja"
#: Words of a target that asks for all of something: *kaikki liikunta- ja nuorisotilat*.
ALL_WORDS: frozenset[str] = frozenset({"kaikki", "kaikkiin", "kaikissa", "kaikkien", "kaikille", "jokainen",
                                       "jokaisessa", "jokaiseen", "jokaiselle"})
#: Words of a target that asks for a result above zero: *tulos on ylijäämäinen*, *Voitollinen*.
POSITIVE_RESULT_WORDS: frozenset[str] = frozenset({"ylijäämäinen", "ylijäämäisenä", "positiivinen", "voitollinen",
                                                   "voitollisena", "positiivisena", "ylijäämä"})
#: Lemmas of the result a surplus is asked of, to find the sentence that reports it: *Tilikauden tulos oli ...*.
RESULT_LEMMAS: frozenset[str] = frozenset({"tulos", "ylijäämä", "alijäämä", "voitto", "tappio"})
#: A target to keep the level of an earlier year: *vähintään vuoden 2023 taso*, *pysyy edellisvuoden tasolla*. The
#: lemma of the level noun, and words that name the earlier year without a figure.
LEVEL_LEMMA = "taso"
EARLIER_YEAR_WORDS: frozenset[str] = frozenset({"edellisvuoden", "edellisen", "viime", "edellisvuotisella",
                                                "edellisvuotinen"})
#: A rating scale named by the goal or the metric: *(asteikko 1–5)*, *Kunta10-indeksi (1–5)*, *asteikolla 4–10*.
#: Groups: the lowest and the highest value.
SCALE_PATTERN = r"asteiko?\w*\s*(\d{1,2})\s*[–-]\s*(\d{1,3})\b|\((\d)\s*[–-]\s*(\d{1,2})\)"
#: The level of a named year, which a negated sentence compares with rather than denying the goal: *ei ole
#: palannut vuoden 2019 tasolle*.
EARLIER_LEVEL_PATTERN = r"\b(?:19|20)\d{2}\s+tas[oa]"
#: A label that makes the figure after it the target again, not a result: *52 % (tavoite 60 %)*, *Tavoitetaso
#: 2024: 60 %*.
TARGET_LABEL_PATTERN = r"\btavoite(?:taso|arvo)?(?:\s+(?:19|20)\d{2})?\s*:?\s*$"
#: Words that say a figure in the evidence is the baseline again, not this year's: *61 % on kevään 2023 lähtötaso*.
BASELINE_WORDS: tuple[str, ...] = ("lähtötaso", "lähtötilanne", "lähtöarvo")
#: A label that makes the figure after it a budget, not an actual: *TA 2023: 3,5 milj. €*, *talousarvio 4,85 M€*.
BUDGET_LABEL_PATTERN = r"\b(?:TA|talousarvio\w*|budjet\w*|muutettu TA)\s*(?:(?:19|20)\d{2})?\s*:?\s*$"
#: The lemma of the word *tavoite* (aim, target), whose year is the year aimed at, not a column's.
TARGET_LEMMA = "tavoite"
#: Kinds of a column of a table flattened into text: the actual (*TP* tilinpäätös, *toteuma*) and a plan (*TA*
#: talousarvio, *ennuste*).
ACTUAL_COLUMNS: tuple[str, ...] = ("TP", "TOT", "toteuma")
BUDGET_COLUMNS: tuple[str, ...] = ("TA", "talousarvio", "budjetti", "ennuste")
#: Beginnings of words that name a base a signed per cent is measured from other than the year before: the
#: budget (*TA:sta*, *talousarviosta*, *budjetista*, *ennusteesta*) or the target (*tavoitteesta*).
OTHER_BASE_STEMS: tuple[str, ...] = ("ta:", "talousarvi", "budjet", "ennuste", "tavoit")
#: Kinds of a column of other cities' or the country's figure, printed beside the city's own for comparison
#: (*TP 2021 | kuusikko 2021*, *koko maa 2023*): beginnings of the words, as a column names them.
PEER_COLUMNS: tuple[str, ...] = ("kuusik", "kuutoskaupun", "koko maa", "vertailukun", "suuret kaupungit")
#: The label of such a column: *TP 2023*, *TA 2024*, *TA2024*, *12/2024*, *31.12.2022*, *TA 2023 (muutettu)*,
#: *kuusikko 2021*: an optional kind, a year, perhaps after a month or a day, and a remark in brackets. Group
#: ``kind``.
COLUMN_LABEL_PATTERN = (rf"(?:(?P<kind>{'|'.join(ACTUAL_COLUMNS + BUDGET_COLUMNS)}"
                        rf"|(?:{'|'.join(PEER_COLUMNS)})\w*)\s*)?(?:\d{{1,2}}/|\d{{1,2}}\.\d{{1,2}}\.)?(?:19|20)\d{{2}}"
                        r"(?:\s*\([^)|]*\))?")
#: Columns of a flattened table that hold no year's figure but the change between years: *31.12.2021 |
#: 31.12.2022 | muutos*.
CHANGE_COLUMNS: tuple[str, ...] = ("muutos", "muutos %", "muutos-%", "ero")
#: Two labels over two values (*TP 2023 / TA 2023: 5,02 / 4,85 M€*): the n-th value is the n-th label's.
#: Groups: the two labels, then where the second value starts.
LABELLED_PAIR_PATTERN = (r"\b([A-Za-zÅÄÖåäö]+)\s*(?:(?:19|20)\d{2})?\s*/\s*([A-Za-zÅÄÖåäö]+)\s*(?:(?:19|20)\d{2})?\s*:"
                         r"\s*[−-]?\d[\d \u00a0.,]*?\s*/\s*()")
#: Words that make a figure someone else's, for comparison: *Valtakunnallisesti keskeyttäneitä on noin 3,5 %*,
#: *koko maassa*, *maan keskiarvo*, *vertailukunnissa*.
ELSEWHERE_WORDS: tuple[str, ...] = ("valtakunnallisesti", "koko maassa", "koko maan", "koko maa ", "koko maa:",
                                    "maan keskiarvo",
                                    "vertailukun", "naapurikun", "kuutoskaupun", "kuusikko", "kuusikon",
                                    "suurten kaupunkien", "muut suuret")
#: Net costs whatever the sign they are printed with: their size growing is their getting worse.
NET_COST_LEMMAS: frozenset[str] = frozenset({"toimintakate", "nettomeno", "nettokustannus"})
#: Nouns of an aim or an estimate, which are no whole a count is out of: *5 000 oppilaan tavoitteesta*,
#: *1 700 lapsen ennätyksestä*.
NO_WHOLE_LEMMAS: frozenset[str] = frozenset({"tavoite", "ennätys", "ennuste", "arvio", "talousarvio", "budjetti"})
#: The other cities a target compares the city with: *kuusikon*, *kuusikkokuntien*, *suurten kaupunkien*.
PEER_GROUP = r"(?:kuusik\w*|kuutoskaupunki\w*|suurten kaupunkien|suurimpien kaupunkien)"
#: A target of a place among other cities: *kuusikon alhaisin*, *kuusikon 1. sija*, *suurten kaupunkien paras*.
#: Groups: lowest, highest, best.
PEER_EXTREME_PATTERN = (rf"\b{PEER_GROUP}\s+(?:(alhaisin|matalin|pienin|edullisin)|(korkein|suurin)"
                        r"|(paras|1\.\s*sija|ensimmäinen))\b")
#: A target against other cities' average: *alle kuusikkokuntien keskiarvon*, *≥ kuusikon keskiarvo*,
#: *kuusikon keskiarvoa alempi*. Groups: the side before it (*alle*, *yli*, *vähintään*, *enintään*, *≥*, *≤*)
#: and the side after it (*alle*, *alempi*, *parempi* …); without either it is no target.
PEER_AVERAGE_PATTERN = (rf"(?:(?<!\w)(alle|yli|vähintään|enintään|≥|≤|>=|<=)\s*)?{PEER_GROUP}\s+keskia\w*"
                        r"(?:\s+(alle|yli|alempi|alhaisempi|pienempi|parempi|korkeampi|suurempi)\b)?")
#: The sides of a comparison with an average that ask for less (before it: *alle*; after it: *alempi*).
BELOW_SIDES: frozenset[str] = frozenset({"alle", "enintään", "≤", "<=", "alempi", "alhaisempi", "pienempi"})
#: A target of one amount at least another: *vuosikate ≥ poistot*, *vuosikate kattaa poistot*, *vähintään poistojen
#: suuruinen*.
COMPARISON_PATTERN = r"[a-zåäö]\s*(?:≥|>=)\s*[a-zåäö]|\bkatta\w*\s+[a-zåäö]|\bsuuruinen\b"
