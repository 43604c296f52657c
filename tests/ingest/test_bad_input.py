"""Each bad input gives a message that names the file and the problem."""

import subprocess
import sys

import pytest

from pipeline.errors import ReportError
from pipeline.ingest import read_report

SEED_TEXT = (
    "Strateginen tavoite 1. Kaupunki\n\n1.1 Tehdään\nasia\n\nMittari\n\nEi ole\n\nOn\n\n"
    "Katri Kalske Tehtiin.\n\nTehty.\n\nToteutui\n"
)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", r"empty\.txt: the file is empty"),
        ("blank.txt", b"  \n\n ", r"blank\.txt: the file is empty"),
        ("notes.txt", b"Kokouksen muistio\n\nEi tavoitteita.\n", r"notes\.txt: no goal rows found"),
        ("win.txt", SEED_TEXT.replace("Tehtiin", "Tehtiin kävijöitä").encode("cp1252"),
         r"win\.txt: the file is not valid UTF-8 .*Windows-1252.*--encoding cp1252"),
        ("empty.pdf", b"", r"empty\.pdf: the file is empty"),
        ("fake.pdf", b"hello, not a pdf", r"fake\.pdf: not a PDF file"),
        ("cut.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", r"cut\.pdf: the PDF is damaged or truncated"),
        ("bad.xlsx", b"PK\x03\x04 broken zip", r"bad\.xlsx: not a readable XLSX workbook"),
        ("empty.csv", b"", r"empty\.csv: the file is empty"),
        ("bad.json", b"{not json", r"bad\.json: not valid JSON"),
        ("list.json", b"[1, 2]", r"list\.json: expected a JSON object with a 'goals' list"),
        ("report.docx", b"PK", r"report\.docx: unsupported file type '\.docx'"),
    ],
)
def test_bad_file_message(tmp_path, voikko, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReportError, match=message):
        read_report(path)


def test_cp1252_reads_with_encoding_option(tmp_path, voikko):
    path = tmp_path / "win.txt"
    path.write_bytes(SEED_TEXT.replace("Tehtiin", "Tehtiin kävijöitä").encode("cp1252"))
    (goal,) = read_report(path, encoding="cp1252").goals
    assert goal.measures == "Tehtiin kävijöitä."


def _pdf(tmp_path, name, **kwargs):
    from reportlab.pdfgen import canvas

    path = tmp_path / name
    c = canvas.Canvas(str(path), **kwargs)
    return path, c


def test_encrypted_pdf(tmp_path):
    from reportlab.lib import pdfencrypt

    path, c = _pdf(tmp_path, "locked.pdf", encrypt=pdfencrypt.StandardEncryption("salasana", canPrint=0))
    c.drawString(100, 700, "Sitova tavoite")
    c.save()
    with pytest.raises(ReportError, match=r"locked\.pdf: the PDF is encrypted"):
        read_report(path)


def test_image_only_pdf(tmp_path):
    path, c = _pdf(tmp_path, "scan.pdf")
    c.rect(100, 100, 300, 300, fill=1)
    c.save()
    with pytest.raises(ReportError, match=r"scan\.pdf: the PDF has no text layer .*OCR"):
        read_report(path)


def test_missing_file():
    with pytest.raises(ReportError, match=r"nope\.txt: no such file"):
        read_report("nope.txt")


def test_cli_exits_non_zero_with_one_line_message(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "pipeline", "parse", str(path), "--json"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [(f"error: {path.name}: the file is empty; "
                                                  "expected the text of a report table.")]
