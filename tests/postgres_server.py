"""A throwaway PostgreSQL server for the tests: initdb in a temporary folder, a Unix socket only, stopped after.

The test command installs Debian's `postgresql` package (installer/dev.py); the server binaries are found under
/usr/lib/postgresql/<version>/bin. As root, the server runs as the `postgres` system user (PostgreSQL refuses root).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PORT = 54329


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


@contextmanager
def temporary_server(folder: Path) -> Iterator[str]:
    """Start a server with its data and socket in folder; yields a SQLAlchemy URL of an empty database."""
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
        run(str(bin_dir / "createdb"), "-h", str(sockets), "-p", str(PORT), "-U", "postgres", "studio")
        yield f"postgresql+psycopg://postgres@/studio?host={sockets}&port={PORT}"
    finally:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
