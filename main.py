"""Start SMP Desktop from a source checkout: `python main.py [--data-dir DIR] [COMMAND ...]`."""

import sys

from smp_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
