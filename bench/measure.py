"""One measure of the benchmark: its samples, the statistic its goal is on, and the floor it is compared with."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


@dataclass
class Measure:
    name: str
    unit: str
    samples: list[float]
    goal: str = ""  # human-readable goal
    limit: float | None = None  # the goal's limit on `stat` (or on the ratio when a floor is given)
    stat: str = "p95"
    floor: float | None = None
    notes: str = ""
    extra: dict[str, float] = field(default_factory=dict)

    def value(self, stat: str | None = None) -> float:
        data = sorted(self.samples)
        stat = stat or self.stat
        if stat == "median":
            return statistics.median(data)
        if stat == "max":
            return data[-1]
        if stat == "p95":
            return data[min(len(data) - 1, round(0.95 * (len(data) - 1)))]
        raise ValueError(stat)

    @property
    def ratio(self) -> float | None:
        return self.value() / self.floor if self.floor else None

    @property
    def met(self) -> bool | None:
        if self.limit is None:
            return None
        return (self.ratio if self.floor else self.value()) <= self.limit  # type: ignore[operator]


def _ms(seconds: float) -> float:
    return seconds * 1000
