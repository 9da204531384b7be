"""The aftercare sheet: real calendar dates counted from the session, the studio's own wording, the next session,
warning signs and contact, any-script names, the audit trail and `document aftercare` on the command line.
Every PDF is read back with pypdf."""

from __future__ import annotations

import io
import json
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from smp_desktop.core.documents import aftercare
from smp_desktop.core.domain import ScalpZone, SessionKind, SessionStatus
from smp_desktop.core.models import AuditEvent
from smp_desktop.core.removal_vocabulary import RemovalMethod, RemovalReason
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.services.documents import DocumentRefused, DocumentService
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.paths import StudioPaths
from tests.conftest import TODAY, run_cli

SESSION_DAY = date(2024, 5, 12)  # a Sunday: day 4 is Thursday 16 May


def text_of(pdf: bytes | Path) -> str:
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFKC", " ".join(text.split()))


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[OpenStudio]:
    """A studio with its contact details filled in."""
    opened = open_studio(StudioPaths(tmp_path / "studio"), today=lambda: TODAY)
    opened.services.studio.create(
        "Studio Ωmega",
        "Olivia Owner",
        country="GB",
        address="12 High Street\nLondon N1 9AA",
        phone="+44 20 7946 0000",
        email="hello@omega.test",
        website="omega.test",
    )
    yield opened
    opened.close()


@pytest.fixture
def boss(shop: OpenStudio) -> Actor:
    return shop.services.studio.owner()


@pytest.fixture
def documents(shop: OpenStudio) -> DocumentService:
    return DocumentService.for_studio(shop)


def add_client(shop: OpenStudio, actor: Actor, first: str, last: str) -> int:
    return shop.services.clients.create(actor, ClientDraft(first_name=first, last_name=last), allow_duplicate=True).id


def add_sessions(
    shop: OpenStudio, actor: Actor, client_id: int, *items: tuple[SessionKind, date, SessionStatus]
) -> list[int]:
    drafts = [
        (
            client_id,
            SessionDraft(
                kind=kind,
                starts_at=datetime(day.year, day.month, day.day, 10, 0).astimezone(),
                artist_id=actor.staff_id,
                health_unchanged=True,
                zones=(ZoneEntry(ScalpZone.HAIRLINE), ZoneEntry(ScalpZone.CROWN)),
            ),
            status,
            "client ill" if status is SessionStatus.CANCELLED else "",
        )
        for kind, day, status in items
    ]
    shop.services.sessions.create_many(actor, drafts)
    overview = shop.services.sessions.overview(actor, client_id)
    return [s.id for s in sorted(overview.sessions, key=lambda s: s.starts_at)]


def test_the_sheet_dates_every_phase_from_the_session(
    shop: OpenStudio, boss: Actor, documents: DocumentService
) -> None:
    client = add_client(shop, boss, "Zoë Νίκος", "Łukasiewicz محمد")
    first, second = add_sessions(
        shop,
        boss,
        client,
        (SessionKind.SESSION_1, SESSION_DAY, SessionStatus.COMPLETED),
        (SessionKind.SESSION_2, date(2024, 5, 24), SessionStatus.PLANNED),
    )

    made = documents.aftercare(boss, first)

    reader = PdfReader(io.BytesIO(made.pdf))
    assert len(reader.pages) == 2
    text = text_of(made.pdf)
    assert "Zoë Νίκος Łukasiewicz محمد" in text
    assert "Session 1, Sunday 12 May 2024" in text
    assert "No water on the scalp until Thursday 16 May" in text
    assert "Water-only rinse from Thursday 16 May" in text
    assert "Gentle cleanser from Sunday 19 May" in text
    assert "Shampoo, razor and exercise from Wednesday 22 May" in text
    assert "No swimming, sauna or sunbeds until Tuesday 11 June" in text
    assert "For the long term, from Tuesday 11 June" in text
    assert "Your next session: Friday 24 May 2024" in text
    assert "Hairline, Crown" in text and "Olivia Owner" in text
    assert "Pus, a yellow crust" in text  # warning signs
    assert "+44 20 7946 0000" in text and "hello@omega.test" in text  # when to call
    assert made.file_name == "Zoë-Νίκος-Łukasiewicz-محمد - Aftercare - 2024-05-12.pdf"
    assert reader.metadata is not None and reader.metadata.author == "Studio Ωmega"
    assert "Aftercare" in (reader.metadata.title or "")
    fonts = {str(f.get_object()["/BaseFont"]) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in f for f in fonts)

    with shop.sessions() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event is not None
    assert (event.action, event.entity, event.entity_id, event.staff_id) == ("print", "aftercare", first, boss.staff_id)
    assert second != first


def test_markup_in_a_name_prints_literally(shop: OpenStudio, boss: Actor, documents: DocumentService) -> None:
    client = add_client(shop, boss, '<b>Ann & "Co"</b>', "Дмитрий")
    (only,) = add_sessions(shop, boss, client, (SessionKind.TOUCH_UP, SESSION_DAY, SessionStatus.COMPLETED))
    made = documents.aftercare(boss, only)
    assert '<b>Ann & "Co"</b> Дмитрий' in text_of(made.pdf)
    assert "/" not in made.file_name and "<" not in made.file_name and '"' not in made.file_name


def test_chinese_and_korean_names_print_through_the_fallback_fonts(
    shop: OpenStudio, boss: Actor, documents: DocumentService
) -> None:
    wang = add_client(shop, boss, "伟", "王")
    kim = add_client(shop, boss, "민준", "김")
    for client, family in ((wang, "王"), (kim, "김")):
        (only,) = add_sessions(shop, boss, client, (SessionKind.SESSION_1, SESSION_DAY, SessionStatus.COMPLETED))
        made = documents.aftercare(boss, only)
        name = documents.aftercare_sheet(boss, only).client_name
        assert family in name
        assert name.replace(" ", "") in text_of(made.pdf).replace(" ", "")
        reader = PdfReader(io.BytesIO(made.pdf))
        fonts = {str(f.get_object()["/BaseFont"]) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
        assert any(("DroidSansFallback" if family == "王" else "NanumGothic") in f for f in fonts), fonts


def test_without_a_booked_next_session_the_usual_window_is_given(
    shop: OpenStudio, boss: Actor, documents: DocumentService
) -> None:
    client = add_client(shop, boss, "Дмитрий", "Nguyễn Văn Hùng")
    (only,) = add_sessions(shop, boss, client, (SessionKind.SESSION_1, SESSION_DAY, SessionStatus.COMPLETED))
    text = text_of(documents.aftercare(boss, only).pdf)
    # the studio's spacing settings: 10 to 14 days
    assert "Your next session is usually Wednesday 22 May 2024 to Sunday 26 May 2024" in text

    shop.services.studio.set_setting(boss, "session_spacing_min_days", 20)
    shop.services.studio.set_setting(boss, "session_spacing_max_days", 25)
    text = text_of(documents.aftercare(boss, only).pdf)
    assert "usually Saturday 1 June 2024 to Thursday 6 June 2024" in text


def test_removal_sessions_get_the_removal_text_set(shop: OpenStudio, boss: Actor, documents: DocumentService) -> None:
    client = add_client(shop, boss, "Sam", "Jones")
    (only,) = add_sessions(shop, boss, client, (SessionKind.REMOVAL, SESSION_DAY, SessionStatus.COMPLETED))
    assert "Aftercare after laser removal" in text_of(documents.aftercare(boss, only).pdf)
    saline = text_of(documents.aftercare(boss, only, aftercare.REMOVAL_SALINE).pdf)
    assert "Aftercare after saline removal" in saline
    assert "Keep the area dry until Wednesday 22 May" in saline


def test_a_removal_session_follows_the_clients_removal_plan(
    shop: OpenStudio, boss: Actor, documents: DocumentService
) -> None:
    client = add_client(shop, boss, "Sam", "Jones")
    (only,) = add_sessions(shop, boss, client, (SessionKind.REMOVAL, SESSION_DAY, SessionStatus.COMPLETED))
    removals = shop.services.removals
    plan = removals.create(boss, client, removals.new_draft(boss, client, RemovalMethod.SALINE, RemovalReason.SHAPE))
    assert documents.aftercare_sheet(boss, only).template_key == aftercare.REMOVAL_SALINE
    assert "Aftercare after saline removal" in text_of(documents.aftercare(boss, only).pdf)
    removals.update(boss, plan.id, plan.draft.replace(aftercare=aftercare.REMOVAL_LASER))
    assert documents.aftercare_sheet(boss, only).template_key == aftercare.REMOVAL_LASER


def test_consultations_and_cancelled_sessions_have_no_aftercare(
    shop: OpenStudio, boss: Actor, documents: DocumentService
) -> None:
    client = add_client(shop, boss, "Sam", "Jones")
    consult, cancelled = add_sessions(
        shop,
        boss,
        client,
        (SessionKind.CONSULTATION, date(2024, 5, 1), SessionStatus.COMPLETED),
        (SessionKind.SESSION_1, SESSION_DAY, SessionStatus.CANCELLED),
    )
    with pytest.raises(DocumentRefused, match="consultation"):
        documents.aftercare(boss, consult)
    with pytest.raises(DocumentRefused, match="cancelled"):
        documents.aftercare(boss, cancelled)


def studio_copy(shop: OpenStudio, change: dict[str, object] | None = None, text: str | None = None) -> Path:
    shipped = json.loads(aftercare.template_path("smp").read_text(encoding="utf-8"))
    shipped["phases"][1].update({"to_day": 5, "until_day": 5, "headline": "Keep it dry & safe until {until}"})
    shipped.update(change or {})
    target = shop.paths.root / "aftercare" / "smp.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text if text is not None else json.dumps(shipped), encoding="utf-8")
    return target


def test_a_studio_copy_of_the_template_changes_wording_and_days(
    shop: OpenStudio, boss: Actor, documents: DocumentService
) -> None:
    client = add_client(shop, boss, "Sam", "Jones")
    (only,) = add_sessions(shop, boss, client, (SessionKind.SESSION_1, SESSION_DAY, SessionStatus.COMPLETED))
    studio_copy(shop)
    text = text_of(documents.aftercare(boss, only).pdf)
    assert "Keep it dry & safe until Friday 17 May" in text
    assert "No water on the scalp" not in text


@pytest.mark.parametrize(
    ("change", "raw", "message"),
    [
        (None, "{not json", "not valid JSON"),
        ({"phases": []}, None, "at least one phase"),
        ({"phases": [{"from_day": 5, "to_day": 2, "headline": "x", "guidance": []}]}, None, "before"),
        ({"phases": [{"from_day": -1, "headline": "x"}]}, None, "whole number of days"),
        ({"title": ""}, None, '"title"'),
    ],
)
def test_a_broken_studio_copy_is_refused_with_the_file_named(
    shop: OpenStudio,
    boss: Actor,
    documents: DocumentService,
    change: dict[str, object] | None,
    raw: str | None,
    message: str,
) -> None:
    client = add_client(shop, boss, "Sam", "Jones")
    (only,) = add_sessions(shop, boss, client, (SessionKind.SESSION_1, SESSION_DAY, SessionStatus.COMPLETED))
    target = studio_copy(shop, change, raw)
    with pytest.raises(DocumentRefused, match=message) as caught:
        documents.aftercare(boss, only)
    assert str(target) in str(caught.value)


def test_dated_phases_are_plain_dates() -> None:
    template = aftercare.load_template("smp")
    phases = aftercare.dated_phases(template, date(2025, 12, 20))
    no_water = phases[1]
    assert (no_water.starts, no_water.ends, no_water.until) == (
        date(2025, 12, 21),
        date(2025, 12, 24),
        date(2025, 12, 24),
    )
    assert no_water.filled_headline() == "No water on the scalp until Wednesday 24 December"
    swim = phases[5]
    assert swim.filled_headline() == "No swimming, sauna or sunbeds until Monday 19 January 2026"  # next year: shown
    assert phases[-1].ends is None and phases[-1].when == "From Mon 19 Jan"
    assert aftercare.long_date(date(2024, 5, 16)) == "Thursday 16 May 2024"
    with pytest.raises(aftercare.AftercareTemplateError, match="not an aftercare template name"):
        aftercare.load_template("../smp")


def test_every_shipped_text_set_loads() -> None:
    for key in (aftercare.SMP, aftercare.REMOVAL_LASER, aftercare.REMOVAL_SALINE):
        template = aftercare.load_template(key)
        assert template.phases and template.warning_signs and template.when_to_call


# ----- command line ------------------------------------------------------------------------------------------


def test_cli_writes_the_aftercare_pdf(
    shop: OpenStudio, boss: Actor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    client = add_client(shop, boss, "Nguyễn", "Văn Hùng")
    (only,) = add_sessions(shop, boss, client, (SessionKind.SESSION_1, SESSION_DAY, SessionStatus.COMPLETED))
    out = tmp_path / "sheet.pdf"
    code, stdout, err = run_cli(
        capsys, "--data-dir", shop.paths.root, "document", "aftercare", "--session", only, "--out", out
    )
    assert code == 0, err
    assert f"Wrote {out}" in stdout
    text = text_of(out)
    assert "Nguyễn Văn Hùng" in text and "No water on the scalp until Thursday 16 May" in text


def test_cli_takes_a_text_set_and_refuses_an_unknown_one(
    shop: OpenStudio, boss: Actor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    client = add_client(shop, boss, "Sam", "Jones")
    (only,) = add_sessions(shop, boss, client, (SessionKind.REMOVAL, SESSION_DAY, SessionStatus.COMPLETED))
    out = tmp_path / "saline.pdf"
    base = ("--data-dir", shop.paths.root, "document", "aftercare", "--session", only, "--out", out)
    code, _out, err = run_cli(capsys, *base, "--template", "removal_saline")
    assert code == 0, err
    assert "Aftercare after saline removal" in text_of(out)
    out.unlink()
    code, _out, err = run_cli(capsys, *base, "--template", "nope")
    assert code == 1 and err.startswith("error: There is no aftercare template 'nope'")
    assert not out.exists()


def test_cli_refuses_an_unknown_session_and_a_missing_folder(
    shop: OpenStudio, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sheet.pdf"
    code, _out, err = run_cli(
        capsys, "--data-dir", shop.paths.root, "document", "aftercare", "--session", 999, "--out", out
    )
    assert code == 1
    assert err.startswith("error: Session #999 does not exist")
    assert not out.exists()
    code, _out, err = run_cli(
        capsys,
        "--data-dir",
        shop.paths.root,
        "document",
        "aftercare",
        "--session",
        1,
        "--out",
        tmp_path / "no" / "x.pdf",
    )
    assert code == 1 and "does not exist; create it" in err


def test_cli_sets_the_letterhead_logo(
    shop: OpenStudio, boss: Actor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (400, 160), (20, 60, 90)).save(logo)
    code, stdout, err = run_cli(capsys, "--data-dir", shop.paths.root, "document", "logo", logo)
    assert code == 0, err
    assert "logo.png" in stdout
    assert shop.services.studio.setting("letterhead_logo") == "letterhead/logo.png"
    client = add_client(shop, boss, "Sam", "Jones")
    (only,) = add_sessions(shop, boss, client, (SessionKind.SESSION_1, SESSION_DAY, SessionStatus.COMPLETED))
    pdf = DocumentService.for_studio(shop).aftercare(boss, only).pdf
    assert len(PdfReader(io.BytesIO(pdf)).pages[0].images) == 1

    bogus = tmp_path / "logo.jpg"
    bogus.write_text("not a picture")
    code, _out, err = run_cli(capsys, "--data-dir", shop.paths.root, "document", "logo", bogus)
    assert code == 1 and "not a PNG or JPEG image" in err

    code, _stdout, _err = run_cli(capsys, "--data-dir", shop.paths.root, "document", "logo", "--clear")
    assert code == 0 and shop.services.studio.setting("letterhead_logo") == ""
