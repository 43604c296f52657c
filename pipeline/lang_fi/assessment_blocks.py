"""Headings of the assessment-block layout (Kauhava 2024, *Talousarvion toteutuminen*).

Companies: per goal a table *Tavoite | Toimenpide/mittari* and below it
*Arviointi | Tila*, grouped under *Taloudelliset tavoitteet* and
*Toiminnalliset tavoitteet*. Boards: numbered goals after *Tavoitteiden
toteutuminen ja toiminta*, each with *Mittarit ja tavoitetaso:* and
*Toteutuminen: <label>. <text>*. All compared lower-cased, with runs of white
space as one space.
"""

from __future__ import annotations

#: The header row over a goal and its measure: *Tavoite | Toimenpide/mittari*.
GOAL_HEADER: tuple[str, str] = ("tavoite", "toimenpide/mittari")
#: The header row over the assessment: *Arviointi | Tila* (*Tila: Valmis* is the assessment's state, not the status).
ASSESSMENT_HEADER: tuple[str, str] = ("arviointi", "tila")
#: Headings that group a company's goal blocks; they do not change the company.
GOAL_GROUPS: tuple[str, ...] = ("taloudelliset tavoitteet", "toiminnalliset tavoitteet")
#: The line under a board's name: *Kaupunginhallitus* / *Talousarvion toteutuminen*.
BOARD_BUDGET_HEADING = "talousarvion toteutuminen"
#: Headings that open a board's numbered goals.
BOARD_GOALS_HEADINGS: tuple[str, ...] = ("tavoitteiden toteutuminen", "sitova toiminnallinen tavoite",
                                         "sitovat toiminnalliset tavoitteet", "sitovat tavoitteet")
#: The marker of a goal's metrics and target levels (printed *tavotetaso* once, hence the stem).
METRICS_MARKER = "mittarit ja tavo"
#: The marker of a goal's assessment: *Toteutuminen: Toteutui osittain.*
ASSESSMENT_MARKER = "toteutuminen:"
#: Glyphs that open a bullet line.
BULLETS: frozenset[str] = frozenset({"•", "·", "−", "-", "–", "▪", "◦", "*"})
#: Words before which a hyphen at a line's end is kept: *energia-* / *ja korjausavustus...*.
KEEP_HYPHEN_BEFORE: frozenset[str] = frozenset({"ja", "tai", "sekä", "eli", "että"})
#: The group-level metric table: *Konsernille asetetut tavoitteet | TA2024 | TP2024 | TP2023 | TP2022*.
GROUP_TABLE_HEADING = "konsernille asetetut tavoitteet"
#: The group table's year columns: the budget's (*TA2024*, talousarvio) and the actuals' (*TP2023*, tilinpäätös).
BUDGET_COLUMN = "TA"
ACTUAL_COLUMN = "TP"
#: Words that name the target level itself: *Mittari vuotovesikerroin, tavoitearvo 2*.
TARGET_WORDS: tuple[str, ...] = ("tavoitearvo", "tavoitetaso")
#: Stems of nouns that name a limit before its figure: *enimmäispituus 12 tuntia*, *vähimmäismäärä 5*.
LIMIT_STEMS: tuple[str, ...] = ("enimmäis", "vähimmäis", "maksimi", "minimi")
#: Words of a time phrase that stays with a target: *yli 3 % vuoteen 2025 mennessä*.
TIME_WORDS: tuple[str, ...] = ("vuonna", "vuoteen", "vuodelle", "mennessä")
