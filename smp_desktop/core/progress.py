"""How long-running core work reports progress: it yields Progress; front doors turn that into a bar or a line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    text: str = ""

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0
