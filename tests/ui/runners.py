"""A synchronous runner that notes, for each job, whether it was asked for as a write (`writes=True`: queued on the
background runner's one writer thread with every other write). Tests of actions that record an audit event check
that their work is a write."""

from __future__ import annotations

from typing import Any

from smp_desktop.ui.background import ErrorHandler, Job, SynchronousRunner


class WriteNotingRunner(SynchronousRunner):
    def __init__(self, *, report_error: ErrorHandler | None = None) -> None:
        super().__init__(report_error=report_error)
        self.writes: list[bool] = []  # one entry a job, in the order they were asked for

    def run(self, fn: Any, **kwargs: Any) -> Job:
        self.writes.append(bool(kwargs.get("writes")))
        return super().run(fn, **kwargs)
