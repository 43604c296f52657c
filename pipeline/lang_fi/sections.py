"""Words that mark the binding-targets section of a whole financial statement (*tilinpäätös*).

The section finder scores every page by these cues, lower-cased, with runs
of white space as one space: a page with a metric table header and
*Talousarviotavoite* is a binding-targets page, a page of the balance sheet
is not.
"""

from __future__ import annotations

#: Headings and row labels that open a binding target or its assessment, weight 2:
#: Seinäjoki's *Talousarviotavoite | Tilannekuvaus ja riskiarvio*, Kauhava's
#: *Arviointi Tila* and *Toteutuminen: Toteutui osittain.*, the seed's *Sitova tavoite*.
TARGET_HEADINGS: tuple[str, ...] = (
    "talousarviotavoite",
    "tilannekuvaus ja riskiarvio",
    "sitova tavoite",
    "sitovat tavoitteet",
    "sitova toiminnallinen tavoite",
    "sitovat toiminnalliset tavoitteet",
    "tavoitteiden toteutuminen",
    "toteutuminen:",
    "arviointi tila",
    "toimenpide/mittari",
    "mittarit ja tavoitetaso",
    "toiminnalliset ja taloudelliset tavoitteet",
    "taloudelliset tavoitteet",
    "toiminnalliset tavoitteet",
)

#: Column headers of metric tables, weight 1 each: *Mittari/mittarit | Nykyarvo |
#: Tavoitearvo | Toteuma-arvo*, *Tavoite | Mittari | Lähtötaso/toteuma | Tavoitetaso |
#: Toteuma*, the seed's *Mittari | Lähtötaso | Tavoitetaso | Mittarien tilanne*.
METRIC_HEADERS: tuple[str, ...] = (
    "mittari/mittarit",
    "nykyarvo",
    "tavoitearvo",
    "toteuma-arvo",
    "lähtötaso",
    "tavoitetaso",
    "mittarien tilanne",
    "vastuuhenkilö",
    "keskeiset toimenpiteet",
)

#: Titles of a whole statement, printed with its year on the cover or every page's header:
#: *Tilinpäätös 2024*, *TILINPÄÄTÖS 2024*, *Toimintakertomus 2024*.
STATEMENT_TITLES: tuple[str, ...] = ("tilinpäätös", "toimintakertomus", "vuosikertomus")
