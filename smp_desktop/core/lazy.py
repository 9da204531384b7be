"""Package attributes loaded with their module on first use (PEP 562), so importing a package stays cheap: start-up
loads only the modules the client list needs (issue #8's cold start)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_attributes(package: str, where: Mapping[str, str], namespace: dict[str, Any]) -> Callable[[str], object]:
    """A module-level __getattr__ for package: name is imported from package.<where[name]> when first asked for,
    then kept in namespace (the package's globals()) so the next look-up finds it directly."""

    def __getattr__(name: str) -> object:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    return __getattr__
