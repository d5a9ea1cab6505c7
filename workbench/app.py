"""Start the review desk."""

from __future__ import annotations

import sys
from pathlib import Path


def run_app(db_path: str | Path | None = None, argv: list[str] | None = None) -> int:
    """Open the window on ``db_path`` (default: the platform data folder) and run until closed."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QPlainTextEdit

    from workbench import __version__
    from workbench.services.library import seed_if_new
    from workbench.store import StoreError, default_db_path, open_store

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Factcheck Workbench")
    app.setApplicationVersion(__version__)
    try:
        store = open_store(Path(db_path) if db_path else default_db_path())
        seed_if_new(store, run_extraction=False)
    except StoreError as exc:
        QMessageBox.critical(None, "Factcheck Workbench", str(exc))
        return 1
    window = QMainWindow()
    window.setWindowTitle(f"Factcheck Workbench — {store.display_name}")
    view = QPlainTextEdit(readOnly=True)
    articles = store.list_articles()
    if articles:
        view.setPlainText(store.get_article(articles[0]["id"]).text)
    window.setCentralWidget(view)
    window.resize(1100, 720)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
