"""File ▸ Export: the dialog, the controller and the report written on a worker."""
