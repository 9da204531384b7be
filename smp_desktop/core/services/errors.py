"""Errors a service raises for a person to read: each names the thing and what to do."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One field's problem. `message` is English for logs and the CLI; a front door that speaks the user's
    language words it again from `code` and `params` (stable names), falling back to `message`."""

    field: str  # attribute name on the draft, e.g. "email"
    message: str
    code: str = ""
    params: tuple[tuple[str, str], ...] = ()

    def param(self, name: str) -> str:
        return dict(self.params).get(name, "")


class ValidationFailed(Exception):
    """One or more fields are not acceptable; nothing was saved."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(p.message for p in self.problems))

    def for_field(self, field: str) -> str | None:
        return next((p.message for p in self.problems if p.field == field), None)


class NotFound(Exception):
    pass
