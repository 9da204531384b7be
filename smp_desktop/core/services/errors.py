"""Errors a service raises for a person to read: each names the thing and what to do."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FieldProblem:
    field: str  # attribute name on the draft, e.g. "email"
    message: str


class ValidationFailed(Exception):
    """One or more fields are not acceptable; nothing was saved."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(p.message for p in self.problems))

    def for_field(self, field: str) -> str | None:
        return next((p.message for p in self.problems if p.field == field), None)


class NotFound(Exception):
    pass
