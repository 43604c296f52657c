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


GOAL = {"goal_id": "1.1", "goal": "Lisätään asuntotuotantoa", "status_label": "Toteutuu täysin"}


def _nested(depth: int) -> str:
    return '{"goals": ' + "[" * depth + "]" * depth + "}"


@pytest.mark.parametrize(("document", "message"), [
    pytest.param(_nested(100_000), r"nests deeper than", id="nested-100000-deep"),
    pytest.param(_nested(100), r"nests deeper than 32 levels", id="nested-100-deep"),
    pytest.param({"report": {}, "goals": [1, 2]}, r"at goals/0: 1 \(expected object\)", id="goals-are-numbers"),
    pytest.param({"goals": [{**GOAL, "status_label": 3}]}, r"at goals/0/status_label: 3 \(expected string or null\)",
                 id="label-is-a-number"),
    pytest.param('{"goals": [{"goal": "A", "status_label": NaN}]}', r"NaN is not a JSON value", id="label-is-nan"),
    pytest.param({"report": "vantaa", "goals": [GOAL]}, r"at report: \"vantaa\" \(expected object\)",
                 id="report-is-a-string"),
    pytest.param({"goals": [{**GOAL, "status": "maybe"}]},
                 r"at goals/0/status: \"maybe\" \(expected one of full, partial, none, not_assessable, null\)",
                 id="status-maybe"),
    pytest.param({"goals": [{**GOAL, "goal_id": 12.4}]}, r"at goals/0/goal_id: 12.4 \(expected string or null\)",
                 id="goal-id-is-a-number"),
    pytest.param({"report": {"year": "2021"}, "goals": [GOAL]}, r"at report/year: \"2021\"", id="year-is-text"),
    pytest.param({"goals": [{**GOAL, "metrics": [{"name": ["x"]}]}]}, r"at goals/0/metrics/0/name",
                 id="metric-name-is-a-list"),
])
def test_json_of_the_wrong_shape_is_refused_in_one_line(tmp_path, document, message):
    from pipeline.hostile import json_document

    with pytest.raises(ReportError, match=message) as caught:
        read_report(json_document(tmp_path, "r.json", document))
    assert "\n" not in str(caught.value)


def test_json_of_the_wrong_shape_exits_2_with_one_line(tmp_path):
    from pipeline.hostile import json_document

    path = json_document(tmp_path, "r.json", {"goals": [1]})
    result = subprocess.run([sys.executable, "-m", "pipeline", "parse", str(path), "--json"],
                            capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (2, "")
    assert len(result.stderr.strip().splitlines()) == 1 and "goals/0" in result.stderr


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_a_field_of_megabytes_is_refused_before_the_analysis(tmp_path, suffix):
    from pipeline.hostile import json_document

    long = " ".join(["Toimenpide jatkuu."] * 600_000)  # 11 MB
    if suffix == ".json":
        path = json_document(tmp_path, "r.json", {"goals": [{**GOAL, "measures": long}]})
    else:
        path = tmp_path / "r.csv"
        path.write_text(f"Sitova tavoite;Keskeiset toimenpiteet;Tila\n1.1 A;{long};Toteutui\n", encoding="utf-8")
    with pytest.raises(ReportError, match=r"goal 1\.1: the field 'measures' holds 11,399,999 characters"):
        read_report(path)


@pytest.mark.parametrize(("data", "message"), [
    pytest.param(SEED_TEXT.encode("utf-16"), None, id="utf-16-with-bom"),
    pytest.param(SEED_TEXT.encode("utf-16-le"), r"looks like UTF-16.*--encoding utf-16-le", id="utf-16-le"),
    pytest.param(SEED_TEXT.encode("utf-16-be"), r"looks like UTF-16.*--encoding utf-16-be", id="utf-16-be"),
])
def test_utf16_text_is_read_or_named(tmp_path, voikko, data, message):
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    if message is None:
        assert [g.goal_id for g in read_report(path).goals] == ["1.1"]
    else:
        with pytest.raises(ReportError, match=message):
            read_report(path)


def test_a_folder_is_not_called_missing(tmp_path):
    folder = tmp_path / "raportit.txt"
    folder.mkdir()
    with pytest.raises(ReportError, match=r"raportit\.txt: is a folder, not a report file"):
        read_report(folder)
