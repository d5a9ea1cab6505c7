"""A window-modal progress dialog for work done in a few named steps on a worker."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget


class StepProgress:
    """Shows "<what is done>…" and, under it, the step under way, until :meth:`close`.

    ``cancel_text`` names the Cancel button ("&Cancel"); empty for work that cannot stop
    half-way (no button at all). :attr:`dialog`'s ``canceled`` signal tells of a click.
    """

    def __init__(
        self, parent: QWidget, title: str, text: str, steps: int, cancel_text: str = ""
    ) -> None:
        dialog = QProgressDialog(text, cancel_text, 0, steps, parent)
        if not cancel_text:
            dialog.setCancelButton(None)  # type: ignore[arg-type]
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        dialog.show()
        self.dialog = dialog
        self._text = text

    def step(self, what: str, done: int, total: int) -> None:
        """Show the step under way (its first letter as a capital) and how far the work is."""
        self.dialog.setLabelText(f"{self._text}\n{what[:1].upper()}{what[1:]}")
        self.dialog.setMaximum(max(total, 1))
        # Last: a modal progress dialog handles pending events here (the end, perhaps).
        self.dialog.setValue(min(done, total))

    def close(self) -> None:
        """Close the dialog and free it."""
        self.dialog.close()
        self.dialog.deleteLater()
