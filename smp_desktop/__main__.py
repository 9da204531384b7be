"""`python -m smp_desktop` is the same as the smp-desktop command."""

import sys

from smp_desktop.cli import main

sys.exit(main())
