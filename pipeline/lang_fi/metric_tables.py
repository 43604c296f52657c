"""Headings and column headers of metric tables that give each metric row its own status.

Seinäjoki 2024 prints, per budget unit (*Tulosalue 150 Henkilöstöpalvelut*),
goal blocks *Talousarviotavoite | Tilannekuvaus ja riskiarvio* followed by a
table *Mittari/mittarit | Nykyarvo | Tavoitearvo | Toteuma-arvo* and, per
subsidiary (*Tytäryhteisö Seipark Oy*), a table *Tavoite | Mittari |
Lähtötaso/toteuma | Tavoitetaso | Toteuma*; each row ends in a status number.
Headers are compared lower-cased with white space removed.
"""

from __future__ import annotations

#: The line that names a budget unit: *Tulosalue 150 Henkilöstöpalvelut*.
UNIT_HEADING = "tulosalue"
#: The line that names a subsidiary company: *Tytäryhteisö Into Seinäjoki Oy*.
COMPANY_HEADING = "tytäryhteisö"
#: The labels above a goal block: *Strateginen valinta* (the goal's theme) and *Strateginen
#: tavoite* (its strategic goal), each followed by its text, the label sometimes wrapped.
STRATEGY_HEADER = "strateginen"
STRATEGY_LABEL_ENDS: tuple[str, ...] = ("valinta", "tavoite")
#: The header of a goal block; the goal is the cell below it.
GOAL_HEADER = "talousarviotavoite"

#: A unit's metric table header, in column order: the row's name, baseline, target and actual.
UNIT_TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("mittari", "name"),
    ("nykyarvo", "baseline"),
    ("tavoitearvo", "target"),
    ("toteuma", "actual"),
)
#: Header lines that carry only the rest of a wrapped header (*/toteuma*, *taso/toteuma taso*) or
#: its years (*2022 2024 2024*), skipped inside a table.
HEADER_REST_WORDS: tuple[str, ...] = ("taso/toteuma", "/toteuma", "toteuma", "taso")

#: A company's metric table header, in column order: goal, name, baseline, target, actual.
#: The second *Tavoite* (*Tavoite-taso*) is the target; *Lähtötaso /toteuma* (or *Lähtö-*
#: wrapped before *taso/toteuma*) the baseline.
COMPANY_TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("tavoite", "goal"),
    ("mittari", "name"),
    ("lähtö", "baseline"),
    ("tavoite", "target"),
    ("toteuma", "actual"),
)
#: Squashed header text that marks each table, for the detector.
TABLE_MARKERS: tuple[str, ...] = ("nykyarvotavoitearvototeuma-arvo", "lähtötaso/toteuma")

#: Lines that end a metric table (lower-cased starts): the next goal block, unit or company.
TABLE_END_STARTS: tuple[str, ...] = (
    "strateginen",
    "talousarviotavoite",
    "tulosalue ",
    "tytäryhteisö ",
    "toiminnan tunnusluvut",
    "tunnusluku",
    "toiminta-ajatus",
    "palvelukeskus",
    "merkittävimmät investoinnit",
)
