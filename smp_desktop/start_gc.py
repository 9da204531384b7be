"""The garbage collector paused while the desktop app starts (issue #8's cold start).

Start-up allocates several hundred thousand objects (Qt's and SQLAlchemy's modules, our models and services, the
window) and frees almost none of them, yet each allocation threshold sets off a collection that walks them all
again: 0.1-0.2 s of a one-second start on the development VM, for nothing. `pause` stops collection as the app
begins loading (cli.main, before Qt); `resume` starts it again once the window is built (ui/app.py, before the event
loop and before any dialog a person could leave open), with what start-up made moved out of the collector's way
(`gc.freeze`: the modules, classes and window live as long as the app). A studio restored later rebuilds the window:
`release_start_up` then lets the collector see the old one again. The command-line tools never pause it."""

from __future__ import annotations

import gc


def pause() -> None:
    gc.disable()


def resume() -> None:
    """Collection on again (nothing happens if it was not paused here)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def release_start_up() -> None:
    """What start-up made may become garbage now (a window replaced): let the collector examine it again."""
    if gc.get_freeze_count():
        gc.unfreeze()
