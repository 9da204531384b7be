"""Developer bootstrap: owns setting up the machine and .venv from scratch, then running or testing the app."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

if sys.version_info < (3, 11):  # noqa: UP036 - this script may be started by any python3 on the machine
    sys.exit(f"installer/dev.py needs Python 3.11 or newer; this is {sys.version.split()[0]} ({sys.executable}).")

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
VENV = ROOT / ".venv"
VENV_BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
EXE_SUFFIX = ".exe" if os.name == "nt" else ""
STAMP = VENV / ".smp-dev-stamp"

# Debian/Ubuntu packages the app and its tests need at run time: the Qt libraries that PySide6 6.x loads for
# the xcb and offscreen platforms, a font so text renders, and poppler-utils for checking generated PDFs.
SYSTEM_PACKAGES = (
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
    "libxcb-xinerama0",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-image0",
    "fonts-dejavu-core",
    "fonts-noto-cjk",  # Chinese, Japanese and Korean names on screen
    "poppler-utils",
)
# Only the test suite needs these: a PostgreSQL server the tests start in a temporary folder of their own, to
# prove that the same code runs on a studio's shared server.
TEST_SYSTEM_PACKAGES = ("postgresql",)


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def venv_tool(name: str) -> Path:
    return VENV_BIN / f"{name}{EXE_SUFFIX}"


def run(cmd: Sequence[str | os.PathLike[str]], *, env: dict[str, str] | None = None) -> int:
    try:
        return subprocess.run([os.fspath(part) for part in cmd], cwd=ROOT, env=env, check=False).returncode
    except KeyboardInterrupt:
        return 130


def check(cmd: Sequence[str | os.PathLike[str]], what: str, *, env: dict[str, str] | None = None) -> None:
    code = run(cmd, env=env)
    if code != 0:
        sys.exit(f"[dev] {what} failed (exit code {code}).")


# --- set-up -------------------------------------------------------------------------------------------------


def is_debian() -> bool:
    return Path("/etc/debian_version").exists() and bool(shutil.which("dpkg-query") and shutil.which("apt-get"))


def installed_packages(names: Sequence[str]) -> set[str]:
    """Names among `names` that dpkg reports as installed (any architecture)."""
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package}\t${Status}\n", *names],
        capture_output=True,
        text=True,
        check=False,
    )
    found = set()
    for line in result.stdout.splitlines():
        package, _, status = line.partition("\t")
        if status.split()[-1:] == ["installed"]:
            found.add(package.split(":")[0])
    return found


def missing_system_packages(extra: Sequence[str] = ()) -> list[str]:
    wanted = [*SYSTEM_PACKAGES, *extra]
    try:
        import ensurepip  # noqa: F401
    except ImportError:
        wanted.append("python3-venv")
    # Ubuntu 24.04 renamed some libraries for the 64-bit time_t transition (libglib2.0-0 -> libglib2.0-0t64);
    # either name satisfies the requirement.
    have = installed_packages([*wanted, *(f"{name}t64" for name in wanted)])
    return [name for name in wanted if name not in have and f"{name}t64" not in have]


def ensure_system_packages(extra: Sequence[str] = ()) -> None:
    if not sys.platform.startswith("linux") or not is_debian():
        return
    missing = missing_system_packages(extra)
    if not missing:
        return
    install = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if os.geteuid() != 0:
        say("missing system packages; install them with:")
        print(f"    sudo {' '.join(install)}", flush=True)
        say("continuing without them (the app or its tests may fail to start).")
        return
    say(f"installing system packages: {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "-q", *install[1:]]):
        code = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, check=False).returncode
        if code != 0:
            say(f"'{' '.join(cmd)}' failed (exit code {code}); continuing (the app or its tests may fail).")
            return


def venv_works() -> bool:
    python = venv_tool("python")
    if not python.exists():
        return False
    probe = subprocess.run([python, "-c", "import sys"], capture_output=True, check=False)
    return probe.returncode == 0


def ensure_venv() -> None:
    if venv_works():
        return
    if VENV.exists():
        say(f"{VENV.name} is broken (its python does not run); recreating it")
        shutil.rmtree(VENV)
    say(f"creating {VENV.name} with {sys.executable} (Python {sys.version.split()[0]})")
    check([sys.executable, "-m", "venv", VENV], "creating the virtual environment")


def pyproject_hash() -> str:
    return hashlib.sha256(PYPROJECT.read_bytes()).hexdigest()


def ensure_python_packages() -> None:
    wanted = pyproject_hash()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    pip = [os.fspath(venv_tool("python")), "-m", "pip", "--disable-pip-version-check"]
    say("upgrading pip")
    check([*pip, "install", "--quiet", "--upgrade", "pip"], "upgrading pip")
    say("installing the app and its dev tools: pip install -e .[dev,postgres] (the first time downloads Qt)")
    check([*pip, "install", "--quiet", "-e", ".[dev,postgres]"], "pip install -e .[dev,postgres]")
    STAMP.write_text(wanted + "\n")


def set_up(*, for_tests: bool = False) -> None:
    ensure_system_packages(TEST_SYSTEM_PACKAGES if for_tests else ())
    ensure_venv()
    ensure_python_packages()


# --- subcommands --------------------------------------------------------------------------------------------


def has_display(app_args: Sequence[str]) -> bool:
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return True
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith(("xcb", "wayland")):
        return True  # offscreen, minimal, vnc, ...: the user picked a platform that needs no display
    return "-platform" in app_args or any(arg.startswith("-platform=") for arg in app_args)


def cmd_run(app_args: list[str]) -> int:
    set_up()
    if not has_display(app_args):
        print(
            "[dev] No display: neither $DISPLAY nor $WAYLAND_DISPLAY is set, so the window has nowhere to open.\n"
            "      Run it on a virtual X server instead (Debian/Ubuntu: apt-get install xvfb):\n"
            "          xvfb-run -a python3 installer/dev.py run\n"
            "      or without any window: QT_QPA_PLATFORM=offscreen python3 installer/dev.py run",
            file=sys.stderr,
        )
        return 2
    say("starting smp-desktop")
    return run([venv_tool("smp-desktop"), *app_args])


def parallel(pytest_args: list[str]) -> list[str]:
    """pytest-xdist on every core (the suite takes half the time on two), one test file per worker at a time (a file's
    module fixtures and test order hold; tests/conftest.py). `-n 0`, any other -n/--dist or `-p no:xdist` given is
    used instead."""
    given = any(a.startswith(("-n", "--numprocesses", "--dist")) or a.endswith("no:xdist") for a in pytest_args)
    return [] if given else ["-n", "auto", "--dist", "loadfile"]


def cmd_test(pytest_args: list[str]) -> int:
    set_up(for_tests=True)
    results: list[tuple[str, int]] = []

    say("ruff check .")
    results.append(("ruff", run([venv_tool("ruff"), "check", "."])))

    say("mypy")
    results.append(("mypy", run([venv_tool("mypy")])))

    say("pytest")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    code = run([venv_tool("python"), "-m", "pytest", *parallel(pytest_args), *pytest_args], env=env)
    if code == 5:
        say("pytest collected no tests; that counts as a failure")
    results.append(("pytest", code))

    failed = [f"{name} (exit code {code})" for name, code in results if code != 0]
    if failed:
        say(f"FAILED: {', '.join(failed)}")
        return 1
    return 0  # nothing printed after pytest's summary: CI reads its closing line


def cmd_setup(_: list[str]) -> int:
    set_up()
    say(f"ready: {VENV}")
    return 0


USAGE = """\
usage: python3 installer/dev.py {run,test,setup} [args...]

Sets up the machine and .venv for SMP Desktop (idempotent; quick when nothing changed), then:
  run   [app args...]     open the app (.venv/bin/smp-desktop)
  test  [pytest args...]  run ruff check, mypy and pytest (offscreen); non-zero exit if any fails
  setup                   only set up system packages and .venv
"""


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    handlers = {"run": cmd_run, "test": cmd_test, "setup": cmd_setup}
    if not args or args[0] not in handlers:
        print(USAGE, end="", file=sys.stdout if args[:1] in (["-h"], ["--help"]) else sys.stderr)
        return 0 if args[:1] in (["-h"], ["--help"]) else 2
    # Everything after the subcommand goes untouched to the app or to pytest.
    return handlers[args[0]](args[1:])


if __name__ == "__main__":
    sys.exit(main())
