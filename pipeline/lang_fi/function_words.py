"""Conjunctions and other small words the readers and the figure finder need."""

from __future__ import annotations

#: Words after which a hyphen at a line end is a real, elided compound part:
#: *kieli-* / *ja kulttuuritietoisesta*, *haku-* / *ja valintatoiminnot*.
CONJUNCTIONS: frozenset[str] = frozenset({"ja", "tai", "sekä", "eli", "että", "taikka", "ynnä", "tahi"})

#: Words that join adjectives before a counted noun: *kolme uutta ja kehitettyä mallia*.
NOUN_PHRASE_COORDINATORS: tuple[str, ...] = ("ja", "tai")
#: Words between two counts of the same thing that add them up: *640 osallistujaa ja lisäksi 420 osallistujaa*.
ADDING_WORDS: tuple[str, ...] = ("lisäksi", "sekä", "plus")
#: Words between a whole and the count of its part: *540 asukasta, joista 470 oli tyytyväisiä*.
OF_WHICH_WORDS: tuple[str, ...] = ("joista", "niistä")
#: Words of a metric that counts a total: its parts joined by *ja* add up (*käynnit yhteensä*).
TOTAL_WORDS: tuple[str, ...] = ("yhteensä", "kaikkiaan", "summa")
#: Words that join the parts of a total: *168 rivitaloasuntoa ja 94 kerrostaloasuntoa*.
TOTAL_JOINING_WORDS: tuple[str, ...] = ("ja",)
#: Words of a metric that counts either of two things (*työhön tai koulutukseen siirtyneet*): the parts listed
#: after *joista* add up.
ALTERNATIVE_WORDS: tuple[str, ...] = ("tai", "taikka")
#: Voikko's cases of a subject or object; two counted nouns in another same case share one verb
#: (*myönnettiin 54 yhdistykselle ja 11 taiteilijalle*).
CORE_CASE_NAMES: frozenset[str] = frozenset({"nimento", "omanto", "osanto"})
#: Voikko's genitive: an attribute before the noun it belongs to (*perusopetuksen päättäneestä*).
GENITIVE_CASE = "omanto"
#: Voikko's case of a word that names what a figure counts (*lopettaneita oli 214*), not what qualifies it
#: (*uusien katujen*) nor what does the counting (*jalkautuva nuorisotyö tavoitti 610*).
NAMING_CASE_NAMES: frozenset[str] = frozenset({"osanto"})
#: Voikko's cases of a level reached (*150 kävijään*), which make an elative before it a starting level.
LEVEL_CASE_NAMES: frozenset[str] = frozenset({"sisatulento", "tulento"})
#: Voikko's case of a count that is the whole a share is out of: *1 710 hakemusta 1 980:sta* (elative).
OUT_OF_CASE = "sisaeronto"
#: Punctuation that ends a clause: a change word beyond it does not move the figure (*3 120, koska ... supistettiin*).
CLAUSE_BREAKS: frozenset[str] = frozenset({",", ";", ":", "(", ")"})
#: Punctuation that separates the parts of a sentence even before a figure: *...kasvoi; nyt 1 200*, and an
#: aside in brackets: *10 %:n lasku (≤ 12,8 %)*.
SENTENCE_PART_BREAKS: frozenset[str] = frozenset({";", "("})
#: Words that open another clause: the figure before them is done with its own (*..., mutta ...*).
CLAUSE_WORDS: frozenset[str] = frozenset({"ja", "mutta", "koska", "kun", "sekä", "eli", "joten", "vaikka"})
#: Voikko's cases of the places a count fills or comes out of, right after it: *213 opiskelijaa 220
#: aloituspaikkaan* (illative), *14 koulussa 17:stä* (elative), *412 oppilasta 420 oppilaspaikalla* (adessive).
PLACE_CASE_NAMES: frozenset[str] = frozenset({"sisatulento", "sisaeronto", "ulkoolento"})
#: Voikko's cases of where something is or happens: *uimahalleissa* (inessive), *kentillä* (adessive),
#: *kouluihin* (illative), *kentille* (allative).
LOCATIVE_CASE_NAMES: frozenset[str] = frozenset({"sisaolento", "ulkoolento", "sisatulento", "ulkotulento"})
#: The relative pronoun's lemma: a negation after it describes the counted (*nuorta, jotka eivät käyneet*).
RELATIVE_PRONOUN_LEMMA = "joka"
#: The noun of a metric that is a share of a whole: *LED-valaisimien osuus*.
SHARE_LEMMA = "osuus"
#: Voikko's participle of what was not done: *laskuttamaton* (the caritive, *-maton*/*-mätön*).
NEGATED_PARTICIPLE = "negation"
#: A metric of one count less another: *nettomuutto*, *nettolisäys*, *aloittaneet miinus lopettaneet*, *erotus*.
NET_PREFIX = "netto"
DIFFERENCE_WORDS: tuple[str, ...] = ("miinus", "erotus")
