"""Files in an inbox folder: which are report files, their content hashes, and the quarantine."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from pipeline.ingest import SUPPORTED


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def inbox_files(inbox: str | Path) -> list[Path]:
    """Report files in ``inbox`` (not in sub-folders), oldest name first.

    Hidden files and files still being written by another system (``.part``,
    ``.tmp``, ``~`` suffixes) are left for a later scan.
    """
    inbox = Path(inbox)
    if not inbox.is_dir():
        raise FileNotFoundError(f"The inbox {inbox} is not a folder; create it or give another with PIPELINE_INBOX.")
    return sorted(p for p in inbox.iterdir()
                  if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUPPORTED)


def quarantine_file(path: str | Path, quarantine: str | Path, error: str) -> Path | None:
    """Move a file that failed into ``quarantine`` with ``<name>.error.txt`` beside it; returns the new path.

    None when the file is gone: another scan running at the same time moved it first.
    """
    path, quarantine = Path(path), Path(quarantine)
    quarantine.mkdir(parents=True, exist_ok=True)
    target = quarantine / path.name
    counter = 1
    while target.exists():
        target = quarantine / f"{path.stem}.{counter}{path.suffix}"
        counter += 1
    try:
        shutil.move(str(path), target)
    except FileNotFoundError:
        return None
    target.with_name(target.name + ".error.txt").write_text(error + "\n", encoding="utf-8")
    return target


def restore_file(moved: str | Path, original: str | Path) -> None:
    """Undo :func:`quarantine_file`: the file back where it was, its ``.error.txt`` removed."""
    moved = Path(moved)
    shutil.move(str(moved), original)
    moved.with_name(moved.name + ".error.txt").unlink(missing_ok=True)
