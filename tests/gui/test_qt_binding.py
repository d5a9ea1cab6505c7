"""The pinned Qt binding keeps Python's reference counts right (PySide6 6.12.0 did not on 3.11)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel

pytestmark = pytest.mark.gui


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_calling_qt_methods_does_not_wear_down_none(qapp) -> None:
    # PySide6 6.12.0 dropped a reference to None on every call of a void method: after a few
    # thousand calls the interpreter aborted with "none_dealloc" while the reviewer worked.
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("claim")
    assert sys.getrefcount(None) >= before - 50
