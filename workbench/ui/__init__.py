"""The review desk: PySide6 widgets, Qt models and background workers."""
