"""Notice when nobody has touched the keyboard or mouse for a while."""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

#: What counts as someone at the computer.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
#: The longest the timer waits between two looks: a limit changed in Preferences applies soon.
LONGEST_WAIT_MS = 30_000


class IdleWatcher(QObject):
    """Emits :attr:`idle` once no input has arrived for ``limit_ms()`` milliseconds (0: never).

    An application event filter only notes the time of the last input (it does no more, since
    it sees every event of the program); a single-shot timer looks at that time now and then.
    """

    idle = Signal()

    def __init__(self, limit_ms: Callable[[], int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.limit_ms = limit_ms
        self._last_input = monotonic()
        self._watching = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)

    @property
    def watching(self) -> bool:
        """True between :meth:`start` and :meth:`stop`."""
        return self._watching

    def start(self) -> None:
        """Watch from now on, counting from now."""
        self._last_input = monotonic()
        if not self._watching:
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._watching = True
        self._arm(self.limit_ms())

    def stop(self) -> None:
        """Stop watching (the database is locked or closed)."""
        self.timer.stop()
        if self._watching:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = monotonic()
        return False

    def check(self) -> None:
        """Emit :attr:`idle` when the limit has passed since the last input; else look again."""
        if not self._watching:
            return
        limit = self.limit_ms()
        if limit <= 0:
            self._arm(0)
            return
        quiet = int((monotonic() - self._last_input) * 1000)
        if quiet >= limit:
            self.stop()
            self.idle.emit()
        else:
            self._arm(limit - quiet)

    def _arm(self, wait_ms: int) -> None:
        self.timer.start(LONGEST_WAIT_MS if wait_ms <= 0 else min(wait_ms, LONGEST_WAIT_MS))
