"""A throwaway PostgreSQL server for the tests: initdb in a temporary folder, a Unix socket only, stopped after.

The test command installs Debian's `postgresql` package (installer/dev.py); the server binaries are found under
/usr/lib/postgresql/<version>/bin. As root, the server runs as the `postgres` system user (PostgreSQL refuses root).
The tests share one server per run (tests/conftest.py `postgres`), each module or test on its own new database.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

# One server per test process: pytest-xdist's workers (PYTEST_XDIST_WORKER "gw0", "gw1", ...) each take their own port.
PORT = 54329 + int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


class NoPostgres(RuntimeError):
    pass


def server_bin() -> Path:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    if candidates:
        return candidates[0].parent
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise NoPostgres(
        "PostgreSQL's server programs are missing: run the README's test command "
        "(python3 installer/dev.py test), which installs Debian's postgresql package."
    )


class Server:
    """A running throwaway server; each new_database() is a fresh, empty database on it."""

    def __init__(self, run: Callable[..., None], bin_dir: Path, sockets: Path) -> None:
        self._run, self._bin, self._sockets = run, bin_dir, sockets
        self._count = 0

    def new_database(self) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        self._count += 1
        name = f"studio{self._count}"
        self._run(str(self._bin / "createdb"), "-h", str(self._sockets), "-p", str(PORT), "-U", "postgres", name)
        return f"postgresql+psycopg://postgres@/{name}?host={self._sockets}&port={PORT}"


@contextmanager
def running_server(folder: Path) -> Iterator[Server]:
    """Start a server with its data and socket in folder (initdb, then start); stopped when the block ends."""
    bin_dir = server_bin()
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir(parents=True)
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(sockets, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]

    def run(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True, cwd=folder)

    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
    options = f"-c listen_addresses='' -c unix_socket_directories={sockets} -p {PORT} -c fsync=off"
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l", str(folder / "server.log"), "start")
    try:
        yield Server(run, bin_dir, sockets)
    finally:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")


@contextmanager
def temporary_server(folder: Path) -> Iterator[str]:
    """Start a server with its data and socket in folder; yields a SQLAlchemy URL of an empty database."""
    with running_server(folder) as server:
        yield server.new_database()
