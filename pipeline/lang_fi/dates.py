"""Month names as written in dates: *syyskuussa*, *tammi–helmikuu 2021*."""

from __future__ import annotations

#: The stem of each month's name (before *kuu*) → its number.
MONTHS: dict[str, int] = {
    "tammi": 1, "helmi": 2, "maalis": 3, "huhti": 4, "touko": 5, "kesä": 6,
    "heinä": 7, "elo": 8, "syys": 9, "loka": 10, "marras": 11, "joulu": 12,
}
