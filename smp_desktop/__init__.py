"""SMP Desktop: practice manager for scalp micropigmentation studios."""

# Kept equal to pyproject.toml's version by tests/test_packaging.py; a constant, because asking the installed
# package's metadata costs tens of milliseconds at every start.
__version__ = "0.1.0"

APP_NAME = "SMP Desktop"
APP_ID = "smp-desktop"
ORG_NAME = "SMP Desktop"
