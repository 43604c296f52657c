"""Opening a PDF with pdfplumber, with a clear message for each way a file can be unreadable."""

from __future__ import annotations

import io

from pipeline.errors import ReportError


def check_header(data: bytes, source: str) -> None:
    """Refuse an empty file, or one that does not start as a PDF does."""
    if not data.strip():
        raise ReportError(source, "the file is empty; expected a report PDF.")
    if not data.lstrip().startswith(b"%PDF"):
        raise ReportError(source, "not a PDF file (it does not start with '%PDF'); check the file type.")


def open_pdf(data: bytes, source: str):
    """A pdfplumber document of ``data``, its page tree parsed.

    Raises
    ------
    ReportError
        For an empty, non-PDF, encrypted, damaged or truncated file.
    """
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    check_header(data, source)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages  # parses the page tree: a truncated file fails here
    except (PdfminerException, PDFSyntaxError, PDFPasswordIncorrect, PDFEncryptionError) as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in str(cause).lower():
            raise ReportError(source, "the PDF is encrypted; save an unprotected copy and read that.") from exc
        problem = f"the PDF is damaged or truncated ({cause!r}); get a fresh copy of the file."
        raise ReportError(source, problem) from exc
    return pdf
