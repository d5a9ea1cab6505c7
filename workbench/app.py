"""Start the review desk: the window shows first, spaCy loads later on a worker thread."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# Imported before PySide6 on purpose: PySide6 reads the source of every module imported after it
# (looking for its own name), and the layers under the window never use Qt.
from workbench.services.desk import Extractor
from workbench.store import default_db_path

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from workbench.model import Article
    from workbench.ui.window.main_window import MainWindow

APP_ID = "org.factcheckworkbench.Workbench"
ORGANISATION = "FactcheckWorkbench"
APP_NAME = "Workbench"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the program's names, desktop id and look."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from workbench import __version__
    from workbench.ui.common.theme import apply_theme, style_arguments

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app, style_set = existing, False
    else:
        app, style_set = QApplication([*(argv or sys.argv[:1]), *style_arguments()]), True
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Factcheck Workbench")
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    apply_theme(app, style_set=style_set)
    return app


def build_window(
    db_path: str | Path | None,
    settings: QSettings,
    *,
    extractor: Extractor | None = None,
    reviewer: str | None = None,
    backup_on_open: bool = True,
    passphrase: str | None = None,
    ask_passphrase: bool = True,
) -> MainWindow:
    """Open the database and build the window on it (it is not shown yet).

    An encrypted file is unlocked first, in a dialog unless ``passphrase`` opens it (with
    ``ask_passphrase`` False, never: its ``StoreError`` is raised); giving up raises
    ``UnlockCancelled`` and nothing is opened.
    """
    from workbench.ui.security.unlock import open_desk
    from workbench.ui.window.main_window import MainWindow

    # A file that cannot be written opens read-only; the status bar says so.
    desk = open_desk(
        Path(db_path) if db_path else default_db_path(), passphrase=passphrase, ask=ask_passphrase
    )
    window = MainWindow(desk, settings, extractor=extractor, backup_on_open=backup_on_open)
    if reviewer:
        window.use_reviewer(reviewer)
    return window


def start(window: MainWindow, *, ask_reviewer: bool = True) -> None:
    """After the window shows: seed a new database, restore the last article, ask who reviews."""
    try:
        seeded: list[Article] = []
        try:
            seeded = window.desk.seed()
        except Exception as exc:
            window.report_error(exc, "Add the sample article")
        window.restore_last_article()
        if seeded and not window.desk.encrypted:
            # A first start: say, without stopping anyone, how to protect what will be kept.
            window.show_status(
                "Tip: File ▸ Encrypt this database… protects it with a passphrase.", 20000
            )
        if ask_reviewer and window.desk.reviewer is None:
            window.ensure_reviewer()
    finally:
        # What start-up made (modules, classes, the window) lives as long as the program: the
        # collector need not walk it again at each full collection, nor when the program quits.
        gc.freeze()
        gc.enable()  # the launcher paused it while the window was being built


def run_app(
    db_path: str | Path | None = None,
    argv: list[str] | None = None,
    *,
    passphrase: str | None = None,
) -> int:
    """Open the window on ``db_path`` (default: the platform data folder) and run until closed.

    An encrypted file asks for its passphrase first, unless ``passphrase`` opens it.
    """
    from PySide6.QtCore import QSettings, QTimer

    from workbench.store import StoreError
    from workbench.ui.common.errors import MessageBoxes, install_excepthook
    from workbench.ui.preferences.settings import DeskSettings
    from workbench.ui.security.security_controller import remembered_database
    from workbench.ui.security.unlock import UnlockCancelled

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = make_application(argv)
    install_excepthook()
    settings = QSettings()
    desk_settings = DeskSettings(settings)
    # The database chosen last in File ▸ New/Open database…, unless one was named.
    remembered = None if db_path else remembered_database(desk_settings.last_database)
    db_path = db_path or remembered
    try:
        window = build_window(db_path, settings, passphrase=passphrase)
    except UnlockCancelled:
        if remembered is not None:
            # Not unlocked (a colleague's file, a forgotten passphrase): the next start opens
            # the default database rather than asking for this one again and again.
            desk_settings.last_database = ""
        return 0  # the reviewer chose not to unlock: nothing was opened or changed
    except StoreError as exc:
        if remembered is None:
            MessageBoxes.warning(None, "Factcheck Workbench", str(exc))
            return 1
        desk_settings.last_database = ""
        MessageBoxes.warning(
            None, "Factcheck Workbench", f"{exc}\n\nThe default database opens instead."
        )
        try:
            window = build_window(None, settings, passphrase=None)
        except (UnlockCancelled, StoreError) as again:
            if isinstance(again, StoreError):
                MessageBoxes.warning(None, "Factcheck Workbench", str(again))
            return 1
    # The open file holds its key from here on; once the window locks, nothing else may.
    passphrase = None
    window.show()
    QTimer.singleShot(0, lambda: start(window))
    code = app.exec()
    window.desk.close()
    return code


def render_screenshot(
    png: str | Path,
    *,
    db_path: str | Path | None = None,
    article: str | None = None,
    passphrase: str | None = None,
) -> Path:
    """Render the main window offscreen with the article's claims found and shown; save a PNG.

    An encrypted file needs ``passphrase`` (nobody is asked offscreen).
    """
    import tempfile

    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from workbench.store import DatabaseDamagedError
    from workbench.ui.common.errors import MessageBoxes

    app = make_application(["workbench"])
    MessageBoxes.quiet = True
    MessageBoxes.errors.clear()
    with tempfile.TemporaryDirectory() as tmp:
        # A private settings file: a screenshot never changes the reviewer's own settings.
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        # A picture of the window is no reason to back the database up (or prune old backups).
        window = build_window(
            db_path, settings, backup_on_open=False, passphrase=passphrase, ask_passphrase=False
        )
        try:
            reviewers = window.desk.reviewers()
            if reviewers:
                window.use_reviewer(reviewers[0].name)
            window.resize(1600, 960)
            window.show()
            start(window, ask_reviewer=False)
            if article:
                window.open_article(window.desk.article_id(article))
            loop = QEventLoop()
            imports = window.imports
            for signal in (imports.extraction_finished, imports.extraction_failed):
                signal.connect(lambda *_: loop.quit())
            if imports.runner.busy:
                QTimer.singleShot(120_000, loop.quit)
                loop.exec()
            _select_showcase_claim(window)
            app.processEvents()
            # A damaged page met while the window filled itself in: the picture would show a
            # desk with parts missing, so the file's damage is the answer instead.
            damage = [e for e in MessageBoxes.errors if isinstance(e, DatabaseDamagedError)]
            if damage:
                raise damage[0]
            out = Path(png)
            out.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(out)):
                raise OSError(f"Could not write the screenshot to “{out}”.")
            return out
        finally:
            window.close()
            window.desk.close()


def _select_showcase_claim(window: MainWindow) -> None:
    """Select a claim that shows the editor at work: one of mine, else the first open one."""
    from workbench.ui.claims.claim_state import ReviewState

    rows = [
        window.claims_pane.model.row_at(window.claims_pane.model.row_of(i))
        for i in window.claims_pane.table_order()
    ]
    for wanted in (ReviewState.MINE, ReviewState.UNREVIEWED):
        for row in rows:
            if row.state is wanted:
                window.claims_pane.select_claim(row.claim_id)
                return
    window.claims_pane.step(1)
