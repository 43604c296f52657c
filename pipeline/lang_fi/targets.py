"""Words for reading a target: general nouns, metrics where lower is better, required components, relative changes."""

from __future__ import annotations

#: Nouns too general to tie evidence to a target: *määrä*, *tavoite*, *vuosi*.
GENERIC_LEMMAS: frozenset[str] = frozenset({
    "määrä", "lukumäärä", "tavoite", "vuosi", "osa", "käyttö", "toiminta", "toimenpide", "kpl", "prosentti",
    "osuus", "taso", "mittari", "asia", "aika", "yhteys", "kaupunki", "toimiala", "palvelualue",
})
#: Lemmas of metrics where less is better: waiting times, dropouts, emissions.
INVERSE_LEMMAS: frozenset[str] = frozenset({
    "jonotusaika", "odotusaika", "jono", "päästö", "hiilidioksidipäästö", "keskeyttäminen", "keskeyttänyt",
    "poissaolo", "sairauspoissaolo", "kustannus", "kulu", "vahinko", "tapaturma", "syrjäytyminen",
    "työttömyys", "työtön", "läpimenoaika", "käsittelyaika", "vaihtuvuus",
})
#: *10 yhteistyökumppania, joista osa kansainvälisiä*: what follows names a required kind among the counted.
COMPONENT_WORD = "joista"
#: A per cent of the baseline, not a level: *kasvaa 10 prosentilla*, *10 %:lla*.
RELATIVE_CHANGE_WORDS: tuple[str, ...] = ("prosentilla", "%:lla")
#: A reported level stated against the target: *jäi 30 % alle tavoitteen*, *ylitti 5 % yli tavoitteen*.
BELOW_TARGET: tuple[str, ...] = ("alle tavoitteen", "tavoitetta vähemmän", "tavoitetta alempi", "tavoitetta pienempi")
ABOVE_TARGET: tuple[str, ...] = ("yli tavoitteen", "tavoitetta enemmän", "tavoitetta korkeampi", "tavoitetta suurempi")
#: Coordination that splits a deliverable into parts: *sekä A että B*, *A ja B*.
BOTH_WORD = "sekä"
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
