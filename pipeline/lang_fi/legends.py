"""Legends of status numbers: a traffic light printed as 1/2/3 with its meaning.

Seinäjoki 2024, PDF page 19: *Vihreä (1) = Toteutunut v. 2024*, *Oranssi (2) =
Toteuman hieman alle tavoitteen v. 2024*, *Punainen (3) = Toteutuma
merkittävästi alle tavoitteen v. 2024*. The extracted text breaks words
(*Tote uman hie man*), so meanings are compared with white space removed.
"""

from __future__ import annotations

#: Colour names a legend line opens with.
COLOURS: tuple[str, ...] = ("vihreä", "keltainen", "oranssi", "punainen", "harmaa", "musta", "sininen", "valkoinen")

#: Words of a legend's meaning (squashed, lower case) → status, most specific first:
#: *hieman alle tavoitteen* is partial although it does not say *ei*.
MEANINGS: tuple[tuple[str, str], ...] = (
    ("merkittävästialle", "none"),
    ("selvästialle", "none"),
    ("eitoteutunut", "none"),
    ("hiemanalle", "partial"),
    ("osittain", "partial"),
    ("eiarvioitavissa", "not_assessable"),
    ("eimitattu", "not_assessable"),
    ("toteutunut", "full"),
    ("saavutettu", "full"),
)

#: The traffic light when a report prints no legend of its own, and its 4: Seinäjoki
#: 2024 prints 4 in a black ball on five metric rows, each without a 2024 figure
#: (actual *…*, *tulossa 2025*, *ei mitattu*), and its legend stops at 3, so 4 is
#: "not assessed".
DEFAULT_TRAFFIC_LIGHT: dict[str, str] = {"1": "full", "2": "partial", "3": "none", "4": "not_assessable"}

#: A legend that defines "slightly below" by a share of the target: *2 = ... mittarin arvo jäi enintään 5 % alle
#: tavoitetason*, *toteuma enintään 5 % tavoitetason alapuolella*, *toteuma poikkeaa tavoitetasosta
#: epäedulliseen suuntaan enintään 5 %*. The (first matching) group is the share in per cent.
SLIGHTLY_BELOW_BAND_PATTERN = (r"enint(?:ään|\.)\s*(\d+(?:,\d+)?)\s*(?:%|prosentti\w*)\s*"
                               r"(?:alle|alempi|pienempi|jäljessä|vajaa|(?:\w+\s+)?alapuolell)"
                               r"|(?:poikke|jää|jäi|alitt)\w*[^.;]{0,60}?enint(?:ään|\.)\s*(\d+(?:,\d+)?)\s*"
                               r"(?:%|prosentti)")
