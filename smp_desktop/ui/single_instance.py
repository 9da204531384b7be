"""One copy of the app per data folder: a second copy started on the same folder asks the first to come to the
front and exits, instead of opening the same database twice.

The first copy listens on a local socket (a named pipe on Windows) named after a hash of the data folder's path.
A copy that finds nobody listening takes the name over; on Unix a crashed first copy leaves its socket file
behind, which is removed (QLocalServer.removeServer) when nobody answers on it."""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
CONNECT_TIMEOUT_MS = 500


def instance_key(data_folder: Path) -> str:
    """The socket name for a data folder: the same folder, however it was typed, gives the same name."""
    try:
        folder = data_folder.expanduser().resolve()
    except OSError:
        folder = data_folder.expanduser().absolute()
    digest = hashlib.sha256(os.path.normcase(str(folder)).encode("utf-8")).hexdigest()[:24]
    return f"smp-desktop-{digest}"


class InstanceGuard(QObject):
    activate_requested = Signal()  # another copy was started on this data folder

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._server: QLocalServer | None = None

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def claim(self) -> bool:
        """True when this is the first copy on the data folder (it now listens for later ones); False when
        another copy is running, which has been asked to come to the front."""
        if self._ask_running_copy():
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            if self._ask_running_copy():  # it started between our two attempts
                return False
            log.info("removing a stale single-instance socket %s (%s)", self.key, server.errorString())
            QLocalServer.removeServer(self.key)
            if not server.listen(self.key):
                # Never a reason not to start: without the guard, the database's own locking still protects it.
                log.warning("cannot listen for other copies on %s: %s", self.key, server.errorString())
                return True
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def _ask_running_copy(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(ACTIVATE)
        socket.flush()
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def _on_new_connection(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_message(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._on_message(socket)

    def _on_message(self, socket: QLocalSocket) -> None:
        if ACTIVATE.strip() in bytes(socket.readAll().data()):
            self.activate_requested.emit()
