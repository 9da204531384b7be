"""A few of the `Qt` namespace's values as plain ints, for what is built before the client list's first paint.

PySide6 makes the Python enums of the whole `Qt` namespace (93 enums, ~40 ms) the first time any one of them is
touched, a cost a bare Qt window never pays (issue #8's cold start). So the window, the client list and the code they
load before the list paints never name `Qt`: these values go through Qt's property system (`QObject.setProperty`
takes ints for enum properties) or are compared as the ints PySide passes, and the header's labels come from a
C++ model (ui/models/client_list_model.py `header_labels`) instead of a Python `headerData`, which PySide calls
with a `Qt.Orientation`. Anything built later uses the `Qt` enums as usual. tests/ui/test_qt_values.py checks
every value here against its enum.
"""

from __future__ import annotations

# Qt.ItemDataRole
DISPLAY_ROLE = 0
TOOLTIP_ROLE = 3
FONT_ROLE = 6
TEXT_ALIGNMENT_ROLE = 7
FOREGROUND_ROLE = 9
USER_ROLE = 0x0100

# Qt.AlignmentFlag
ALIGN_LEFT_VCENTER = 0x0001 | 0x0080  # AlignLeft | AlignVCenter
ALIGN_CENTER = 0x0084  # AlignHCenter | AlignVCenter

# Qt.FocusPolicy
NO_FOCUS = 0

# Qt.ToolButtonStyle
TOOL_BUTTON_TEXT_BESIDE_ICON = 2
