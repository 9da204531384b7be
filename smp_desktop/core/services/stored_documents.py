"""Stored documents: attach a file (or bytes the app made) to a client or a lot, list a client's documents, open one
with its hash checked. The bytes go to the content-addressed store under documents/ (the photo store's code:
named by SHA-256, written atomically, identical bytes kept once) before the row that names them is committed.

Doctor's letters and scans are health data: VIEW_DOCUMENTS (owner, artist) reads them; ADD_DOCUMENTS attaches.
Opening a document is audited, and every open re-hashes the file so an altered file is reported, never shown as
the record."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from smp_desktop.core.models import Client
from smp_desktop.core.models.document import DocumentKind, StoredDocument
from smp_desktop.core.photos.store import PhotoStore, sha256_file
from smp_desktop.core.services import audit
from smp_desktop.core.services.access import Actor, Permission, require
from smp_desktop.core.services.errors import FieldProblem, NotFound, ValidationFailed

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
MAX_TITLE_LENGTH = 200
MAX_NOTE_LENGTH = 2000

# Leading bytes -> (media type, stored suffix). A document is a PDF, a scan or a photo of paper.
_SIGNATURES: tuple[tuple[bytes, int, str, str], ...] = (
    (b"%PDF-", 0, "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", 0, "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png", ".png"),
    (b"II*\x00", 0, "image/tiff", ".tif"),
    (b"MM\x00*", 0, "image/tiff", ".tif"),
    (b"WEBP", 8, "image/webp", ".webp"),
)
_HEIF_BRANDS = (b"heic", b"heix", b"mif1", b"msf1", b"heif")


@dataclass(frozen=True, slots=True)
class StoredDocumentRecord:
    id: int
    client_id: int | None
    kind: DocumentKind
    title: str
    original_filename: str
    media_type: str
    content_hash: str
    size_bytes: int
    dated_on: date | None
    note: str
    created_at: datetime
    created_by_id: int | None


@dataclass(frozen=True, slots=True)
class DocumentCheck:
    """A stored document's file as found on disk: intact (its bytes still hash to the recorded SHA-256), altered,
    or missing. problem is a sentence for a person when not intact."""

    document: StoredDocumentRecord
    path: Path
    intact: bool
    problem: str = ""


class DocumentAltered(Exception):
    """The file on disk no longer matches the hash recorded when it was stored."""

    def __init__(self, check: DocumentCheck) -> None:
        super().__init__(check.problem)
        self.check = check


def sniff_media_type(data: bytes) -> tuple[str, str] | None:
    """(media type, suffix) from a file's first bytes, or None when it is not a PDF or an image of paper."""
    for magic, offset, media_type, suffix in _SIGNATURES:
        if data[offset : offset + len(magic)] == magic and (offset == 0 or data[:4] == b"RIFF"):
            return media_type, suffix
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "image/heic", ".heic"
    return None


def to_record(row: StoredDocument) -> StoredDocumentRecord:
    return StoredDocumentRecord(
        id=row.id,
        client_id=row.client_id,
        kind=row.kind,
        title=row.title,
        original_filename=row.original_filename,
        media_type=row.media_type,
        content_hash=row.content_hash,
        size_bytes=row.size_bytes,
        dated_on=row.dated_on,
        note=row.note,
        created_at=row.created_at,
        created_by_id=row.created_by_id,
    )


class StoredDocumentService:
    def __init__(self, sessions: sessionmaker[Session], documents: Path) -> None:
        """documents: the store's folder (<data>/documents)."""
        self._sessions = sessions
        self.store = PhotoStore(documents)  # the same content-addressed, atomic store as the photos'

    # --- adding --------------------------------------------------------------------------------------------
    def attach_file(
        self,
        actor: Actor,
        path: Path,
        *,
        kind: DocumentKind,
        client_id: int | None = None,
        title: str = "",
        dated_on: date | None = None,
        note: str = "",
    ) -> StoredDocumentRecord:
        """Keep a copy of the file at path (a scan, a photo of a letter, a PDF) on record."""
        require(actor, Permission.ADD_DOCUMENTS)
        try:
            size = path.stat().st_size
            if size > MAX_DOCUMENT_BYTES:
                raise ValidationFailed([_too_big(path.name, size)])
            data = path.read_bytes()
        except OSError as exc:
            raise ValidationFailed(
                [
                    FieldProblem(
                        "file",
                        f"The file {path} cannot be read ({exc.strerror or exc}). Check that it exists and try again.",
                        "document_unreadable",
                        (("path", str(path)),),
                    )
                ]
            ) from exc
        return self.attach_bytes(
            actor,
            data,
            kind=kind,
            original_filename=path.name,
            client_id=client_id,
            title=title or path.stem,
            dated_on=dated_on,
            note=note,
        )

    def attach_bytes(
        self,
        actor: Actor,
        data: bytes,
        *,
        kind: DocumentKind,
        original_filename: str,
        client_id: int | None = None,
        title: str = "",
        dated_on: date | None = None,
        note: str = "",
    ) -> StoredDocumentRecord:
        """Keep bytes (a PDF the app made, a scan received) on record; the file is in place before the row."""
        require(actor, Permission.ADD_DOCUMENTS)
        with self._sessions.begin() as session:
            row = self.add(
                session,
                actor,
                data,
                kind=kind,
                original_filename=original_filename,
                client_id=client_id,
                title=title,
                dated_on=dated_on,
                note=note,
            )
            return to_record(row)

    def add(
        self,
        session: Session,
        actor: Actor,
        data: bytes,
        *,
        kind: DocumentKind,
        original_filename: str,
        client_id: int | None = None,
        title: str = "",
        dated_on: date | None = None,
        note: str = "",
    ) -> StoredDocument:
        """Inside a caller's transaction (a signed consent and its PDF commit together): check, store the file,
        add and audit the row. The caller has checked the actor's permission for what it is doing."""
        title = _clean_title(title or original_filename, original_filename)
        note = note.strip()
        problems: list[FieldProblem] = []
        if len(data) > MAX_DOCUMENT_BYTES:
            problems.append(_too_big(original_filename, len(data)))
        sniffed = sniff_media_type(data)
        if sniffed is None and not problems:
            problems.append(
                FieldProblem(
                    "file",
                    f"“{original_filename}” is not a PDF or a photo (JPEG, PNG, TIFF, WebP or HEIC), so it cannot be "
                    "kept as a document. Scan or save it as a PDF and attach that.",
                    "document_type",
                    (("name", original_filename),),
                )
            )
        if len(note) > MAX_NOTE_LENGTH:
            problems.append(FieldProblem("note", f"The note is longer than {MAX_NOTE_LENGTH} characters.", "too_long"))
        if problems:
            raise ValidationFailed(problems)
        assert sniffed is not None
        if client_id is not None and session.get(Client, client_id) is None:
            raise NotFound(f"Client #{client_id} does not exist (it may have been erased).")
        media_type, suffix = sniffed
        stored = self.store.put(data, suffix)
        row = StoredDocument(
            client_id=client_id,
            kind=kind,
            title=title,
            original_filename=original_filename[:255],
            media_type=media_type,
            content_hash=stored.content_hash,
            stored_name=stored.name,
            size_bytes=stored.size_bytes,
            dated_on=dated_on,
            note=note,
            created_by_id=actor.staff_id,
        )
        session.add(row)
        session.flush()
        audit.record(session, actor, "attach", "stored_document", row.id, f"{kind.value} {stored.content_hash[:12]}")
        return row

    # --- reading -------------------------------------------------------------------------------------------
    def get(self, actor: Actor, document_id: int) -> StoredDocumentRecord:
        require(actor, Permission.VIEW_DOCUMENTS)
        with self._sessions() as session:
            return to_record(self._load(session, document_id))

    def for_client(
        self, actor: Actor, client_id: int, kinds: Iterable[DocumentKind] | None = None
    ) -> list[StoredDocumentRecord]:
        """The client's documents, newest first (optionally only some kinds)."""
        require(actor, Permission.VIEW_DOCUMENTS)
        statement = select(StoredDocument).where(StoredDocument.client_id == client_id)
        wanted = tuple(kinds or ())
        if wanted:
            statement = statement.where(StoredDocument.kind.in_(wanted))
        statement = statement.order_by(StoredDocument.created_at.desc(), StoredDocument.id.desc())
        with self._sessions() as session:
            return [to_record(row) for row in session.scalars(statement)]

    def check(self, actor: Actor, document_id: int) -> DocumentCheck:
        """Re-hash the document's file: intact, altered or missing (no audit: db check and the gate use it)."""
        require(actor, Permission.VIEW_CONSENTS)
        with self._sessions() as session:
            return self._check(self._load(session, document_id))

    def open_path(self, actor: Actor, document_id: int) -> DocumentCheck:
        """The document's file to show, its hash checked first; the opening is audited. A caller must show
        check.problem loudly when not check.intact (the file was altered or is missing)."""
        require(actor, Permission.VIEW_DOCUMENTS)
        with self._sessions.begin() as session:
            row = self._load(session, document_id)
            check = self._check(row)
            audit.record(session, actor, "open", "stored_document", row.id, "intact" if check.intact else "ALTERED")
            return check

    def read_verified(self, actor: Actor, document_id: int) -> bytes:
        """The document's bytes, only if they still match the recorded hash (else DocumentAltered)."""
        check = self.open_path(actor, document_id)
        if not check.intact:
            raise DocumentAltered(check)
        return check.path.read_bytes()

    def _load(self, session: Session, document_id: int) -> StoredDocument:
        row = session.get(StoredDocument, document_id)
        if row is None:
            raise NotFound(f"Document #{document_id} does not exist (its client may have been erased).")
        return row

    def _check(self, row: StoredDocument) -> DocumentCheck:
        record = to_record(row)
        path = self.store.path(row.stored_name)
        try:
            found = sha256_file(path)
        except OSError:
            return DocumentCheck(
                record,
                path,
                False,
                f"The file of “{row.title}” is missing from the documents folder ({path}). Restore it from a backup.",
            )
        if found != row.content_hash:
            return DocumentCheck(
                record,
                path,
                False,
                f"WARNING: the file of “{row.title}” has been altered since it was stored: its SHA-256 is now "
                f"{found}, the record says {row.content_hash}. It is not the document on record; restore it from "
                "a backup.",
            )
        return DocumentCheck(record, path, True)


def _clean_title(title: str, fallback: str) -> str:
    text = " ".join((title or fallback).split())
    return (text or "Document")[:MAX_TITLE_LENGTH]


def _too_big(name: str, size: int) -> FieldProblem:
    return FieldProblem(
        "file",
        f"“{name}” is {size / 1024 / 1024:.0f} MB; a document can be at most {MAX_DOCUMENT_BYTES // 1024 // 1024} MB. "
        "Scan it at a lower resolution or save it as a smaller PDF.",
        "document_too_big",
        (("name", name),),
    )
