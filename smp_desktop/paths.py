"""Where the studio's files live: resolved once, from --data-dir, SMP_DATA_DIR or the platform's data folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_DATA_DIR = "SMP_DATA_DIR"
DATABASE_FILENAME = "studio.sqlite"


@dataclass(frozen=True, slots=True)
class StudioPaths:
    """Every folder of one studio's data. Nothing here is created until `ensure()` is called."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_FILENAME

    @property
    def photos(self) -> Path:
        return self.root / "photos"

    @property
    def documents(self) -> Path:
        return self.root / "documents"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def ensure(self) -> StudioPaths:
        for folder in (self.root, self.photos, self.documents, self.cache, self.backups, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def default_data_dir() -> Path:
    import platformdirs  # imported here: resolving the platform folder is only needed without an override

    return Path(platformdirs.user_data_dir("SMP Desktop", "SMP Desktop", roaming=False))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> StudioPaths:
    """The command-line option wins, then the environment variable, then the platform's data folder."""
    if cli_value:
        root = Path(cli_value)
    elif os.environ.get(ENV_DATA_DIR):
        root = Path(os.environ[ENV_DATA_DIR])
    else:
        root = default_data_dir()
    return StudioPaths(root.expanduser().resolve())
