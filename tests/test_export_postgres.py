"""The exports on a studio's shared PostgreSQL server: the same walk of the schema, the same ZIP and record PDF."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pypdf
import pytest
from test_export_helpers import HEALTH_NOTE, make_rich_client, sha256

from smp_desktop.core.progress import run_to_end
from smp_desktop.core.services.exports import RecordOptions
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.paths import StudioPaths
from tests.postgres_server import Server


@pytest.fixture(scope="module")
def pg_studio(postgres: Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenStudio]:
    paths = StudioPaths(tmp_path_factory.mktemp("pg-studio"))
    with open_studio(paths, url=postgres.new_database(), today=lambda: date(2026, 11, 25)) as studio:
        studio.services.studio.create("Server Studio", "Paula Owner", country="GB")
        yield studio


def test_subject_export_and_record_on_postgresql(pg_studio: OpenStudio, tmp_path: Path) -> None:
    assert pg_studio.engine.dialect.name == "postgresql"
    owner = pg_studio.services.studio.owner()
    rich = make_rich_client(pg_studio, owner, tmp_path / "in")
    out = tmp_path / "export.zip"
    result = run_to_end(pg_studio.services.exports.subject_export(owner, rich.client_id, out))
    assert result is not None and result.problems == ()
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert all(sha256(archive.read(f["path"])) == f["sha256"] for f in manifest["files"])
        data = json.loads(archive.read("data/subject.json"))
    assert data["database_revision"] == "0005"
    tables = data["tables"]
    assert [p["id"] for p in tables["photo"]["rows"]] == list(rich.photo_ids)
    assert len(tables["session_zone"]["rows"]) == 2 and len(tables["consent_record"]["rows"]) == 1
    assert "not yours" not in json.dumps(data, ensure_ascii=False)
    pdf = pg_studio.services.exports.record_pdf_bytes(owner, rich.client_id, RecordOptions(True, True))
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert HEALTH_NOTE in text
