"""How long-running core work reports progress: it yields Progress; front doors turn that into a bar or a line."""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TypeVar, cast

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    text: str = ""

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0


def run_to_end(steps: Generator[Progress, None, T], on_progress: Callable[[Progress], None] | None = None) -> T:
    """Run progress-yielding work to its end on this thread (the CLI, nested work, tests) and return its result."""
    while True:
        try:
            progress = next(steps)
        except StopIteration as finished:
            return cast(T, finished.value)
        if on_progress is not None:
            on_progress(progress)
