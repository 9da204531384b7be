"""The background runner: results, progress and errors on the GUI thread; cancel; newer requests supersede older."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from smp_desktop.ui.background import BackgroundRunner, Progress, SynchronousRunner


def count_to(total: int, finished: list[str]) -> Iterator[Progress]:
    try:
        for done in range(1, total + 1):
            yield Progress(done, total, f"step {done}")
        return f"counted to {total}"
    finally:
        finished.append("closed")


# --- the synchronous stand-in ---------------------------------------------------------------------------------
def test_synchronous_runner_delivers_result_progress_and_the_generators_return_value() -> None:
    done: list[object] = []
    progress: list[Progress] = []
    finished: list[str] = []
    SynchronousRunner().run(lambda: count_to(3, finished), on_done=done.append, on_progress=progress.append)
    assert [p.done for p in progress] == [1, 2, 3]
    assert done == ["counted to 3"]
    assert finished == ["closed"]


def test_an_error_goes_to_on_error_and_without_one_to_the_error_report() -> None:
    handled: list[Exception] = []
    reported: list[Exception] = []
    runner = SynchronousRunner(report_error=reported.append)

    def fail() -> None:
        raise ValueError("disk on fire")

    runner.run(fail, on_done=lambda _: pytest.fail("on_done after a failure"), on_error=handled.append)
    assert [str(e) for e in handled] == ["disk on fire"]
    assert reported == []
    runner.run(fail, on_done=lambda _: None)
    assert [str(e) for e in reported] == ["disk on fire"]


def test_a_failing_handler_is_reported_not_raised_into_qt() -> None:
    reported: list[Exception] = []

    def broken_handler(_result: object) -> None:
        raise KeyError("bug in a slot")

    SynchronousRunner(report_error=reported.append).run(lambda: 1, on_done=broken_handler)
    assert [type(e) for e in reported] == [KeyError]


def test_cancelling_stops_a_cancellable_generator_at_its_next_yield() -> None:
    finished: list[str] = []
    cancelled: list[bool] = []
    seen: list[int] = []
    runner = SynchronousRunner()

    def on_progress(progress: Progress) -> None:
        seen.append(progress.done)
        if progress.done == 2:
            assert runner.current is not None
            assert runner.current.cancel()  # what the progress dialog's Cancel button does

    runner.run(
        lambda: count_to(10, finished),
        on_done=lambda _: pytest.fail("a cancelled job delivered its result"),
        on_progress=on_progress,
        on_cancelled=lambda: cancelled.append(True),
        cancellable=True,
    )
    assert seen == [1, 2]
    assert finished == ["closed"]  # the generator's finally ran
    assert cancelled == [True]


def test_a_job_not_started_as_cancellable_refuses_to_cancel() -> None:
    job = SynchronousRunner().run(lambda: 1, on_done=lambda _: None)
    assert job.cancel() is False


# --- the threaded runner --------------------------------------------------------------------------------------
@pytest.fixture
def threaded(qtbot: QtBot) -> Iterator[tuple[BackgroundRunner, list[Exception]]]:
    reported: list[Exception] = []
    runner = BackgroundRunner(report_error=reported.append)
    yield runner, reported
    runner.wait(5000)


def test_threaded_runner_computes_off_the_gui_thread_and_delivers_on_it(
    qtbot: QtBot, threaded: tuple[BackgroundRunner, list[Exception]]
) -> None:
    runner, reported = threaded
    gui_thread = QApplication.instance().thread()  # type: ignore[union-attr]
    worked_on: list[QThread] = []
    delivered_on: list[QThread] = []
    progress_on: list[QThread] = []

    def work() -> Iterator[Progress]:
        worked_on.append(QThread.currentThread())
        yield Progress(1, 2)
        yield Progress(2, 2)
        return 42

    results: list[object] = []
    runner.run(
        work,
        on_done=lambda value: (delivered_on.append(QThread.currentThread()), results.append(value)),
        on_progress=lambda _p: progress_on.append(QThread.currentThread()),
    )
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert worked_on and worked_on[0] is not gui_thread
    assert delivered_on == [gui_thread]
    assert progress_on == [gui_thread, gui_thread]
    assert reported == []


def test_a_newer_request_in_the_same_stream_drops_the_older_result(
    qtbot: QtBot, threaded: tuple[BackgroundRunner, list[Exception]]
) -> None:
    runner, _ = threaded
    release_old = threading.Event()
    shown: list[str] = []

    def old_search() -> str:
        release_old.wait(5)
        return "old"

    old = runner.run(old_search, on_done=shown.append, latest_only="search")
    runner.run(lambda: "new", on_done=shown.append, latest_only="search")
    qtbot.waitUntil(lambda: shown == ["new"], timeout=5000)
    release_old.set()
    qtbot.waitUntil(lambda: old.finished, timeout=5000)
    assert shown == ["new"]  # the stale result never reached the screen


def test_threaded_cancel_stops_the_worker(qtbot: QtBot, threaded: tuple[BackgroundRunner, list[Exception]]) -> None:
    runner, _ = threaded
    finished: list[str] = []
    cancelled: list[bool] = []
    started = threading.Event()

    def endless() -> Iterator[Progress]:
        try:
            done = 0
            while True:
                started.set()
                done += 1
                yield Progress(done, 0)
        finally:
            finished.append("closed")

    job = runner.run(
        endless,
        on_done=lambda _: pytest.fail("cancelled work delivered a result"),
        on_cancelled=lambda: cancelled.append(True),
        cancellable=True,
    )
    assert started.wait(5)
    assert job.cancel()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
    assert finished == ["closed"]


def test_threaded_errors_reach_on_error_on_the_gui_thread(
    qtbot: QtBot, threaded: tuple[BackgroundRunner, list[Exception]]
) -> None:
    runner, reported = threaded
    errors: list[tuple[Exception, QThread]] = []

    def fail() -> None:
        raise RuntimeError("database went away")

    runner.run(fail, on_done=lambda _: None, on_error=lambda e: errors.append((e, QThread.currentThread())))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0][0]) == "database went away"
    assert errors[0][1] is QApplication.instance().thread()  # type: ignore[union-attr]
    assert reported == []
