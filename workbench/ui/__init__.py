"""The review desk: PySide6 widgets that call the services."""
