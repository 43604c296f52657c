"""What every reader shares: decoding bytes, goal ids and headings, column headers, the report year, checks.

The readers (:mod:`~pipeline.ingest.text`, :mod:`~pipeline.ingest.pdf`,
:mod:`~pipeline.ingest.tabular`, :mod:`~pipeline.ingest.jsondoc`) take these
from here rather than from one another; the Finnish words come from
:mod:`pipeline.lang_fi.headers`.
"""

from __future__ import annotations

import re

from pipeline.errors import ReportError
from pipeline.lang_fi.headers import COLUMN_HEADERS, FOR_YEAR_WORD, STRATEGIC_GOAL_WORDS
from pipeline.records import GOAL_COLUMNS, Report
from pipeline.status import unknown_label_warning

#: A goal id starting a goal cell: ``12.4 Vahvistetaan ...``, ``1.2.3. Lisätään ...``, and in whole
#: financial statements three-digit parts such as ``150.2`` (Seinäjoki numbers goals by cost centre).
GOAL_ID = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){1,2})\.?\s+(?=[^\W\d_])")
#: Anything numbered like a goal, however long its parts: a row that starts so
#: is never read into another goal without a warning.
GOAL_LIKE = re.compile(r"^(\d+(?:\.\d+)+)\.?\s+(?=[^\W\d_])")
#: A row spanning the table: ``Strateginen tavoite 12. Hyvinvointierot vähenevät``.
STRATEGIC = re.compile(r"^" + r"\s+".join(STRATEGIC_GOAL_WORDS) + r"\s+(\d+)\s*\.?\s*(.*)$",
                       re.IGNORECASE | re.DOTALL)
#: The number a strategic goal's title may keep in a table cell: ``3. Hyvinvointierot vähenevät``.
STRATEGIC_NUMBER = re.compile(r"^(?:" + r"\s+".join(STRATEGIC_GOAL_WORDS) + r"\s+)?\d{1,2}\s*\.\s*(?=\S)",
                              re.IGNORECASE)
#: A date footer: ``02.02.2022``.
DATE_FOOTER = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
#: ``Sitova tavoite vuodelle 2021``: the year a table covers.
HEADER_YEAR = re.compile(FOR_YEAR_WORD + r"\s*(\d{4})", re.IGNORECASE)
#: Text that ends a sentence (a cell whose last line matches is not continued mid-sentence).
SENTENCE_END = re.compile(r"[.!?:)]$")


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode report bytes as UTF-8 (or ``encoding``), naming the problem if they are not."""
    if not data.strip():
        raise ReportError(source, "the file is empty; expected the text of a report table.")
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ReportError(source, f"cannot decode the file as {encoding!r} ({exc}).") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # A byte order mark says UTF-16 for certain (Notepad's "Unicode", Excel's "Unicode text").
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReportError(source, f"the file starts as UTF-16 but is damaged at offset {exc.start} ({exc.reason}); "
                                      "save it again as UTF-8.") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if data[:200].count(0) >= min(len(data[:200]), 200) // 4:
            order = "utf-16-le" if data[1:200:2].count(0) > data[0:200:2].count(0) else "utf-16-be"
            raise ReportError(source, f"the file looks like UTF-16 text without a byte order mark. Convert it to "
                                      f"UTF-8 (iconv -f {order} -t utf-8) or pass --encoding {order}.") from exc
        hint = ""
        try:
            sample = data.decode("cp1252")
        except UnicodeDecodeError:
            sample = ""
        if any(ch in sample for ch in "äöåÄÖÅ"):
            hint = " It looks like Windows-1252 (cp1252) text."
        bad = data[exc.start : exc.start + 1].hex()
        raise ReportError(
            source,
            f"the file is not valid UTF-8 (byte 0x{bad} at offset {exc.start}).{hint} "
            "Convert it to UTF-8 (iconv -f cp1252 -t utf-8) or pass --encoding cp1252.",
        ) from exc


def header_key(header: object) -> str:
    """A column header folded for lookup: lower case, no parentheses, digits, punctuation or spaces."""
    text = str(header).lower()
    # "Vastuuhenkilö(t)", "Tavoitetaso 2021", "Mittarien tilanne 1.1.-31.12.2021"
    text = re.sub(r"\(.*?\)|\d[\d.\s-]*", "", text)
    return re.sub(r"[\W_]+", "", text)


def header_field(header: object) -> str | None:
    """The goal field a column header names (Finnish title or field name), or ``None``.

    ``Sitova tavoite vuodelle 2021`` → ``goal``: a title may go on after the
    known words, so the longest known title the header starts with wins.
    """
    name = str(header).strip()
    if name in GOAL_COLUMNS:
        return name
    key = header_key(header)
    if key in COLUMN_HEADERS:
        return COLUMN_HEADERS[key]
    prefixes = [k for k in COLUMN_HEADERS if len(k) >= 5 and key.startswith(k)]
    return COLUMN_HEADERS[max(prefixes, key=len)] if prefixes else None


def year_from_date(date: str) -> int:
    """The reporting year a report dated ``date`` (ISO) most likely covers.

    Annual reports are signed in the first months of the next year
    (``02.02.2022`` → 2021); one dated in the second half covers its own year.
    """
    year, month = int(date[:4]), int(date[5:7])
    return year - 1 if month <= 6 else year


def date_and_year(report: Report, text: str) -> None:
    """Set the report's year from a *vuodelle 2021* heading and its date from the latest date footer of ``text``."""
    if m := HEADER_YEAR.search(text):
        report.year = int(m.group(1))
    footers = (DATE_FOOTER.match(line.strip()) for line in text.split("\n"))
    dates = [f"{int(m[3]):04d}-{int(m[2]):02d}-{int(m[1]):02d}" for m in footers if m]
    if dates:
        report.date = max(dates)
        report.year = report.year or year_from_date(report.date)


def strategic_title(text: str | None) -> str | None:
    """A strategic goal's title without its ``Strateginen tavoite N.`` or ``N.`` prefix, as the contract wants.

    >>> strategic_title("3. Hyvinvointierot vähenevät")
    'Hyvinvointierot vähenevät'
    """
    if text is None:
        return None
    title = re.sub(r"\s+", " ", STRATEGIC_NUMBER.sub("", text.strip(), count=1)).strip()
    return title or None


def check_goals(report: Report, source: str) -> None:
    """Fail on a report without goals; warn on duplicate ids and unknown status labels."""
    if not report.goals:
        raise ReportError(
            source,
            "no goal rows found; expected rows that start with a goal id such as '12.4' "
            "followed by the goal's text (is this the text of a binding-targets report?).",
        )
    # Ids are numbered within a department where one report holds several (company goals 1, 2, ...).
    seen: set[tuple[str | None, str]] = set()
    for goal in report.goals:
        if (goal.department, goal.goal_id) in seen:
            where = f" of {goal.department}" if goal.department else ""
            report.warnings.append(f"{source}: goal id {goal.goal_id}{where} appears more than once.")
        seen.add((goal.department, goal.goal_id or ""))
        if goal.status_label and goal.status is None:
            report.warnings.append(unknown_label_warning(source, f"goal {goal.goal_id}", goal.status_label))
