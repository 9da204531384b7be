"""The app's log file (in the data folder): where tracebacks go instead of a person's screen."""

from __future__ import annotations

import logging
import logging.handlers

from smp_desktop.paths import StudioPaths

LOG_FILENAME = "smp-desktop.log"


def configure_logging(paths: StudioPaths, *, verbose: bool = False) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_smp_desktop", False) for h in root.handlers):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        paths.logs.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.logs / LOG_FILENAME, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:  # a read-only data folder still lets the app explain itself
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._smp_desktop = True  # type: ignore[attr-defined]
    root.addHandler(handler)
