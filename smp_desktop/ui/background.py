"""Running work off the GUI thread: the one helper every controller uses for service calls (STYLE #5).

A piece of work is a plain function, or a generator function that `yield`s `Progress` and `return`s its result.
Results, progress and errors always arrive on the GUI thread. Cancelling is cooperative: a cancellable generator is
stopped at its next `yield` (its `finally` blocks run); whatever a cancelled or superseded job returns is dropped.
`latest_only` names a stream of requests (e.g. the search box): a newer request supersedes the older ones, whose
results are never shown. Database writes pass `writes=True` and run one at a time, in the order they were asked.
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable, Generator
from typing import Any, Protocol, cast

from PySide6.QtCore import QEventLoop, QObject, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from smp_desktop.core.progress import Progress
from smp_desktop.ui import error_report

__all__ = [
    "BackgroundRunner",
    "CancelToken",
    "Cancelled",
    "Job",
    "Progress",
    "Runner",
    "SynchronousRunner",
    "run_and_wait",
    "run_with_progress",
]


class Cancelled(Exception):
    """The job was cancelled or superseded before it finished."""


class CancelToken:
    """Set from the GUI thread, read by the worker at each `yield`."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


Work = Callable[[], Any]
DoneHandler = Callable[[Any], None]
ErrorHandler = Callable[[Exception], None]
ProgressHandler = Callable[[Progress], None]


class Job:
    """One request: computes on any thread, delivers (or drops) on the GUI thread."""

    def __init__(
        self,
        fn: Work,
        *,
        on_done: DoneHandler,
        on_error: ErrorHandler | None,
        on_progress: ProgressHandler | None,
        on_cancelled: Callable[[], None] | None,
        cancellable: bool,
        report_error: ErrorHandler,
    ) -> None:
        self.token = CancelToken()
        self.cancellable = cancellable
        self._fn = fn
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._on_cancelled = on_cancelled
        self._report_error = report_error
        self._superseded = False
        self.finished = False

    def cancel(self) -> bool:
        """Ask the job to stop; False (and nothing happens) when it was not started as cancellable."""
        if not self.cancellable or self.finished:
            return False
        self.token.cancel()
        return True

    def supersede(self) -> None:
        """A newer request of the same stream was made: this one's result must not be shown."""
        self._superseded = True

    @property
    def dropped(self) -> bool:
        return self._superseded or self.token.cancelled

    # --- the worker side (any thread) -----------------------------------------------------------------------
    def compute(self, emit_progress: ProgressHandler) -> tuple[Any, Exception | None]:
        if self.dropped:  # superseded while it waited in the queue: do not even start
            return None, Cancelled()
        try:
            outcome = self._fn()
            if inspect.isgenerator(outcome):
                outcome = self._drain(cast(Generator[Progress, None, Any], outcome), emit_progress)
            return outcome, None
        except Exception as exc:  # delivered to on_error on the GUI thread; never lost, never fatal
            return None, exc

    def _drain(self, steps: Generator[Progress, None, Any], emit_progress: ProgressHandler) -> Any:
        while True:
            if self.token.cancelled or (self._superseded and self.cancellable):
                steps.close()
                raise Cancelled()
            try:
                progress = next(steps)
            except StopIteration as stop:
                return stop.value
            emit_progress(progress)

    # --- the GUI side ---------------------------------------------------------------------------------------
    def deliver_progress(self, progress: Progress) -> None:
        if self._on_progress is not None and not self.dropped:
            self._guarded(self._on_progress, progress)

    def deliver(self, result: Any, error: Exception | None) -> None:
        self.finished = True
        if self.dropped or isinstance(error, Cancelled):
            if self.token.cancelled and self._on_cancelled is not None:
                self._guarded(self._on_cancelled)
            return
        if error is None:
            self._guarded(self._on_done, result)
        elif self._on_error is not None:
            self._guarded(self._on_error, error)
        else:
            self._report_error(error)

    def _guarded(self, handler: Callable[..., None], *args: Any) -> None:
        # A bug in a handler is reported like a failed job instead of escaping into Qt's event loop.
        try:
            handler(*args)
        except Exception as exc:
            self._report_error(exc)


class Runner(Protocol):
    """What controllers depend on: the threaded runner in the app, the synchronous one in tests."""

    def run(
        self,
        fn: Work,
        *,
        on_done: DoneHandler,
        on_error: ErrorHandler | None = None,
        on_progress: ProgressHandler | None = None,
        on_cancelled: Callable[[], None] | None = None,
        cancellable: bool = False,
        latest_only: str | None = None,
        writes: bool = False,
    ) -> Job: ...

    def report_error(self, error: Exception) -> None: ...

    def wait(self, msecs: int = -1) -> bool: ...


class _Bridge(QObject):
    """Lives on the GUI thread; signals emitted from a worker are queued to it, so handlers run on the GUI thread."""

    progressed = Signal(object, object)
    finished = Signal(object, object, object)

    def __init__(self, release: Callable[[Job], None]) -> None:
        super().__init__()
        self._release = release
        # Emitted only on the pool's threads (BackgroundRunner.run's work), so Qt's automatic connection queues them
        # to this object's thread. (Naming Qt.ConnectionType.QueuedConnection would make the `Qt` namespace's enums
        # before the client list's first paint: ui/qt_values.py.)
        self.progressed.connect(self._on_progressed)
        self.finished.connect(self._on_finished)

    @Slot(object, object)
    def _on_progressed(self, job: Job, progress: Progress) -> None:
        job.deliver_progress(progress)

    @Slot(object, object, object)
    def _on_finished(self, job: Job, result: Any, error: Exception | None) -> None:
        self._release(job)
        job.deliver(result, error)


class BackgroundRunner:
    """Runs work on a thread pool; writes on their own single thread so that one writer runs at a time."""

    def __init__(self, *, report_error: ErrorHandler | None = None, pool: QThreadPool | None = None) -> None:
        self._report = report_error or error_report.show_unexpected_error
        self._pool = pool or QThreadPool.globalInstance()
        self._writer = QThreadPool()
        self._writer.setMaxThreadCount(1)
        self._bridge = _Bridge(self._release)
        self._running: set[Job] = set()
        self._latest: dict[str, Job] = {}

    def run(
        self,
        fn: Work,
        *,
        on_done: DoneHandler,
        on_error: ErrorHandler | None = None,
        on_progress: ProgressHandler | None = None,
        on_cancelled: Callable[[], None] | None = None,
        cancellable: bool = False,
        latest_only: str | None = None,
        writes: bool = False,
    ) -> Job:
        job = Job(
            fn,
            on_done=on_done,
            on_error=on_error,
            on_progress=on_progress,
            on_cancelled=on_cancelled,
            cancellable=cancellable,
            report_error=self._report,
        )
        if latest_only is not None:
            previous = self._latest.get(latest_only)
            if previous is not None:
                previous.supersede()
            self._latest[latest_only] = job
        self._running.add(job)
        bridge = self._bridge

        def work() -> None:
            result, error = job.compute(lambda progress: bridge.progressed.emit(job, progress))
            bridge.finished.emit(job, result, error)

        (self._writer if writes else self._pool).start(work)
        return job

    def report_error(self, error: Exception) -> None:
        self._report(error)

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued work has finished (used when the app closes, before the database is closed)."""
        return self._writer.waitForDone(msecs) and self._pool.waitForDone(msecs)

    def _release(self, job: Job) -> None:
        self._running.discard(job)
        for key, latest in list(self._latest.items()):
            if latest is job:
                del self._latest[key]


class SynchronousRunner:
    """The same interface, run at once on the calling thread: deterministic UI tests (STYLE #13)."""

    def __init__(self, *, report_error: ErrorHandler | None = None) -> None:
        self._report = report_error or error_report.show_unexpected_error
        self.jobs_run = 0
        self.current: Job | None = None

    def run(
        self,
        fn: Work,
        *,
        on_done: DoneHandler,
        on_error: ErrorHandler | None = None,
        on_progress: ProgressHandler | None = None,
        on_cancelled: Callable[[], None] | None = None,
        cancellable: bool = False,
        latest_only: str | None = None,
        writes: bool = False,
    ) -> Job:
        job = Job(
            fn,
            on_done=on_done,
            on_error=on_error,
            on_progress=on_progress,
            on_cancelled=on_cancelled,
            cancellable=cancellable,
            report_error=self._report,
        )
        self.jobs_run += 1
        self.current = job  # lets a test's progress handler press "Cancel" on the job that is running
        try:
            result, error = job.compute(job.deliver_progress)
            job.deliver(result, error)
        finally:
            self.current = None
        return job

    def report_error(self, error: Exception) -> None:
        self._report(error)

    def wait(self, msecs: int = -1) -> bool:
        return True  # nothing is ever left running


def run_with_progress(
    runner: Runner,
    parent: QWidget | None,
    label: str,
    fn: Work,
    *,
    on_done: DoneHandler,
    on_error: ErrorHandler | None = None,
    cancellable: bool = False,
    writes: bool = False,
) -> Job:
    """Run work behind a window-modal progress dialog fed by the work's `Progress` yields."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(parent.windowTitle() if parent is not None else label)
    from PySide6.QtCore import Qt  # (not at import: ui/qt_values.py)

    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    if cancellable:
        dialog.setCancelButtonText(dialog.tr("Cancel"))
    else:
        dialog.setCancelButton(None)  # Qt takes None: no cancel button

    def on_progress(progress: Progress) -> None:
        dialog.setMaximum(max(progress.total, 0))
        dialog.setValue(min(progress.done, progress.total) if progress.total else 0)
        dialog.setLabelText(f"{label}\n{progress.text}" if progress.text else label)

    def close_dialog() -> None:
        dialog.close()
        dialog.deleteLater()

    def closing(handler: Callable[[Any], None]) -> Callable[[Any], None]:
        def close_then(value: Any) -> None:
            close_dialog()
            handler(value)

        return close_then

    job = runner.run(
        fn,
        on_done=closing(on_done),
        on_error=closing(on_error or runner.report_error),
        on_progress=on_progress,
        on_cancelled=close_dialog,
        cancellable=cancellable,
        writes=writes,
    )
    if cancellable and not job.finished:
        dialog.canceled.connect(job.cancel)
    return job


def run_and_wait(runner: Runner, parent: QWidget | None, label: str, fn: Work, *, writes: bool = False) -> Any:
    """Run work behind the progress dialog and wait for it, the GUI still painting: for the few steps that
    cannot go on until it is done (a restore, before the studio reopens). Returns its result or raises its error."""
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def finish(key: str) -> Callable[[Any], None]:
        def store(value: Any) -> None:
            outcome[key] = value
            loop.quit()

        return store

    run_with_progress(runner, parent, label, fn, on_done=finish("result"), on_error=finish("error"), writes=writes)
    if not outcome:  # a threaded runner delivers later, through this loop
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")
