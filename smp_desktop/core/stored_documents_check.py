"""`db check` for the documents store: every stored document's file present and still matching its SHA-256 (a
signed consent altered on disk is reported), and every file under documents/ named by a record (orphans and
unfinished .partial copies are reported)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, select

from smp_desktop.core.models import StoredDocument
from smp_desktop.core.photos.store import PARTIAL_SUFFIX, sha256_file


def document_store_problems(connection: Connection, data_root: Path, documents: Path) -> list[str]:
    """Sentences for a person, one per problem, in file-name order."""
    rows = connection.execute(
        select(StoredDocument.id, StoredDocument.title, StoredDocument.stored_name, StoredDocument.content_hash)
    ).all()
    referenced = {name for _id, _title, name, _hash in rows}
    problems: list[tuple[str, str]] = []
    checked: set[str] = set()
    for document_id, title, name, content_hash in sorted(rows, key=lambda r: r[2]):
        if name in checked:
            continue  # identical bytes kept once for several records
        checked.add(name)
        path = documents / name
        shown = path.relative_to(data_root).as_posix() if path.is_relative_to(data_root) else str(path)
        try:
            found = sha256_file(path)
        except OSError:
            problems.append(
                (
                    name,
                    f"{shown} is missing: document #{document_id} (“{title}”) has no file. Restore it from a backup.",
                )
            )
            continue
        if found != content_hash:
            problems.append(
                (
                    name,
                    f"{shown} has been altered: document #{document_id} (“{title}”) no longer matches "
                    "the fingerprint recorded when it was stored. Restore it from a backup.",
                )
            )
    if documents.is_dir():
        for path in sorted(p for p in documents.rglob("*") if p.is_file()):
            name = path.relative_to(documents).as_posix()
            shown = path.relative_to(data_root).as_posix() if path.is_relative_to(data_root) else str(path)
            if path.name.endswith(PARTIAL_SUFFIX):
                problems.append(
                    (
                        name,
                        f"{shown} is an unfinished copy left by a save that was interrupted; the "
                        "finished file was never put in its place. It can be deleted.",
                    )
                )
            elif name not in referenced:
                problems.append(
                    (
                        name,
                        f"{shown} is an orphan file: no record refers to it, so it is not shown "
                        "anywhere in the app. It may have been put there by hand; move it out of the data folder if it "
                        "is not needed.",
                    )
                )
    return [text for _name, text in sorted(problems)]
