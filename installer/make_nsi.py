"""Owns filling the NSIS template (installer/smp-desktop.nsi.in) from pyproject.toml into build/<name>.nsi."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "installer" / "smp-desktop.nsi.in"
DISPLAY_NAME = "SMP Desktop"  # what Windows shows: Program Files folder, Start menu, Apps & features


def version_quad(version: str) -> str:
    """A PEP 440 version as the a.b.c.d that Windows file properties need: '0.2.0rc1' -> '0.2.0.0'."""
    release = re.match(r"\d+(?:\.\d+)*", version)
    if release is None:
        raise ValueError(f"version {version!r} does not start with a release number")
    numbers = [int(part) for part in release.group().split(".")][:4]
    return ".".join(str(n) for n in numbers + [0] * (4 - len(numbers)))


def nsis_string(value: str) -> str:
    """`value` made safe inside an NSIS double-quoted string."""
    if any(ch in value for ch in '"`\n\r'):
        raise ValueError(f"{value!r} cannot go into the installer script (quotes, backticks or newlines)")
    return value.replace("$", "$$")


def placeholders(pyproject: Path) -> dict[str, str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    authors = project.get("authors") or [{}]
    publisher = authors[0].get("name") or DISPLAY_NAME
    return {
        "NAME": nsis_string(project["name"]),
        "DISPLAY_NAME": nsis_string(DISPLAY_NAME),
        "VERSION": nsis_string(project["version"]),
        "VERSION_QUAD": version_quad(project["version"]),
        "PUBLISHER": nsis_string(publisher),
    }


def render(template: str, values: dict[str, str]) -> str:
    text = re.sub(r"@([A-Z_]+)@", lambda m: values.get(m.group(1), m.group(0)), template)
    leftover = sorted(set(re.findall(r"@[A-Z_]+@", text)))
    if leftover:
        raise ValueError(f"the template has placeholders with no value: {', '.join(leftover)}")
    return text


def main() -> int:
    values = placeholders(ROOT / "pyproject.toml")
    # The template's paths (..\\dist\\...) are relative to build/, so the script must be written there.
    output = ROOT / "build" / f"{values['NAME']}.nsi"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render(TEMPLATE.read_text(encoding="utf-8"), values), encoding="utf-8")
    print(f"wrote {output.relative_to(ROOT)} ({values['DISPLAY_NAME']} {values['VERSION']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
