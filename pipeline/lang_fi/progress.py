"""Words that say how far work got: done, under way, as planned, or a share of it."""

from __future__ import annotations

#: Lemmas after which a deliverable counts as done: *valmis*, *käytössä*, *otettu käyttöön*.
DONE_LEMMAS: frozenset[str] = frozenset({"valmis", "käytössä", "käyttöönotto"})
#: Word forms that say something is done, whatever their lemma: *valmistui*, *valmistuivat*.
DONE_WORDS: frozenset[str] = frozenset({"valmis", "käytössä", "valmistunut", "valmistui", "valmistuivat"})
#: Verb and the word after it that together say a thing is done and in use: *otettu käyttöön*, *aloitti
#: toimintansa* (began operating).
DONE_PHRASES: tuple[tuple[str, str], ...] = (("ottaa", "käyttöön"), ("aloittaa", "toimintansa"))
#: The word of a deliverable that is in use: *toimintamalleja käytössä*.
IN_USE_WORD = "käytössä"
#: Work under way, not done: *käynnissä*, *valmisteilla*, *jatkuu*.
PROGRESS_LEMMAS: frozenset[str] = frozenset({
    "käynnissä", "käynnistyä", "valmisteilla", "valmistella", "jatkua", "jatkaa", "kesken", "edetä", "aloittaa",
    "pilotoida", "työstää", "käynnistää", "valmistelu", "laatiminen", "osittain", "puolet", "pääosin",
})
#: Words of work starting or going on, which follow a thing done without undoing it: *valmistui; työ jatkuu*,
#: *otettiin käyttöön ja siellä aloitti 720 oppilasta*.
CONTINUING_LEMMAS: frozenset[str] = frozenset({"aloittaa", "jatkua", "jatkaa", "käynnistyä", "käynnistää"})
#: A target that asks for work to be under way (*rakentaminen käynnissä 2024*): met once the work has started.
UNDER_WAY_ASKED_WORDS: frozenset[str] = frozenset({"käynnissä", "käynnistynyt", "käynnistetty", "aloitettu",
                                                   "alkanut"})
#: Lemmas that say work started: *rakentaminen alkoi*, *johtosiirrot käynnistyivät*, *työt aloitettiin*, and the
#: word form of work going on (not *valmisteilla*, still being prepared).
STARTED_LEMMAS: frozenset[str] = frozenset({"alkaa", "aloittaa", "käynnistyä", "käynnistää"})
STARTED_WORDS: frozenset[str] = frozenset({"käynnissä"})
#: Verbs of a thing getting finished, asked in a target's present tense: *peruskorjaus valmistuu*, *kirjasto
#: avautuu*.
FINISHING_LEMMAS: frozenset[str] = frozenset({"valmistua", "avautua"})
#: Word forms of work under way, whatever their lemma.
PROGRESS_WORDS: frozenset[str] = frozenset({"käynnissä", "valmisteilla"})
#: A share of the work: *kesken*, *osittain*, *puolet*; these keep even a negated sentence partial.
SHARE_WORDS: frozenset[str] = frozenset({"kesken", "osittain", "puolet", "pääosin", "osin"})
#: *osa toimenpiteistä siirtyi*, *Toinen hankkeista valmistui*, *yksi kohteista*: a share when an elative
#: follows it (as does a number word: *kaksi kolmesta koulusta*).
SOME_OF_WORDS: frozenset[str] = frozenset({"osa", "toinen", "yksi"})
#: As planned: *suunnitellusti*, *aikataulussa*.
ON_TARGET_WORDS: frozenset[str] = frozenset({"suunnitellusti", "aikataulussa"})
#: *tavoitteen/suunnitelman/aikataulun mukaisesti*: as planned.
ACCORDING_TO_WORD = "mukaisesti"
PLAN_LEMMAS: frozenset[str] = frozenset({"tavoite", "suunnitelma", "aikataulu"})
#: The metric status refers the reader to the measures: *kts. toimenpiteet*, *ks. myös toimenpiteet*.
REFERS_TO_MEASURES_PATTERN = r"\b(?:kts|ks|katso)\.?\s*(?:myös\s+)?toimenpit"
#: Verbs of a target that name ongoing work rather than a thing to deliver: *kehitetään*, *tuetaan*, *vahvistetaan*.
ONGOING_LEMMAS: frozenset[str] = frozenset({
    "kehittää", "tukea", "vahvistaa", "edistää", "seurata", "lisätä", "parantaa", "ylläpitää", "huolehtia",
    "panostaa", "hyödyntää", "tehostaa", "syventää", "jatkaa",
})
