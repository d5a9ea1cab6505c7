"""The review desk: Qt widgets, models and dialogs, one folder per feature.

``window/`` composes the others; ``common/`` is shared by all and imports none of them. A
controller (``*_controller.py``) is handed the window as a narrow view (a Protocol) and is
tested without it. A dialog (``*_dialog.py``) is imported only when first needed; the ones the
window opens are asked through ``window/hooks.py``, one place to replace in tests.
"""
