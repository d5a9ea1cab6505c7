"""The review desk: PySide6 widgets, Qt models, dialogs and background workers."""
