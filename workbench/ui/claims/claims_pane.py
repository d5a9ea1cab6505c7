"""The claims pane: filters above a sortable table of the article's claims."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.model import ClaimKind, ReviewedClaim
from workbench.ui.claims.claim_state import LOOKS, ReviewState
from workbench.ui.claims.claims_model import (
    CLAIM_ID_ROLE,
    ClaimRow,
    ClaimsFilterModel,
    ClaimsTableModel,
    Column,
)
from workbench.ui.common.theme import TABLE_STYLE, heading, tinted

#: The queue filter's label; the number of claims waiting follows it.
NEEDS_FINAL = "Needs a final verdict"


class ClaimsTable(QTableView):
    """The claims table: a letter typed here is a key of the desk (or nothing), never a jump
    to the next claim that starts with it, which would put the next rating on another claim."""

    def keyboardSearch(self, search: str) -> None:
        """Type-ahead is off."""


class ClaimsPane(QWidget):
    """Owns the claims model and proxy; tells the window which claim is selected."""

    current_changed = Signal(str)
    threshold_changed = Signal(float)
    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ClaimsTableModel(self)
        self.proxy = ClaimsFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._reviewer_id: str | None = None

        self.filter_box = QLineEdit(placeholderText="Filter claims (Ctrl+F)")
        self.filter_box.setClearButtonEnabled(True)
        self.kind_box = QComboBox()
        self.kind_box.addItem("All kinds", None)
        for kind in ClaimKind:
            self.kind_box.addItem(kind.label, kind)
        self.state_box = QComboBox()
        self.state_box.addItem("All states", None)
        for state, look in LOOKS.items():
            self.state_box.addItem(f"{look.marker} {look.label}", state)
        self.unreviewed_box = QCheckBox("Not yet reviewed by me")
        # The queue: claims whose reviewers disagree and that no editor has settled yet.
        self.needs_final_box = QCheckBox(NEEDS_FINAL)
        self.needs_final_box.setObjectName("needsFinalBox")
        self.needs_final_box.setToolTip(
            "Only claims whose reviewers disagree and that have no final verdict yet "
            "(Review ▸ Final verdict…)"
        )
        self.threshold_box = QDoubleSpinBox(decimals=2, minimum=0.0, maximum=1.0, singleStep=0.05)
        self.threshold_box.setToolTip(
            "Sensitivity: found claims scoring below this are hidden (claims you marked always show)"
        )
        self.threshold_box.setAccessibleName("Minimum score")

        self.table = ClaimsTable()
        self.table.setObjectName("claimsTable")
        self.table.setStyleSheet(TABLE_STYLE)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NUMBER, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Tab and Shift+Tab leave the table for the next or previous field instead of walking
        # its cells onto another row, which would silently select another claim.
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.CLAIM, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (Column.NUMBER, 54),
            (Column.SPEAKER, 90),
            (Column.KIND, 108),
            (Column.SCORE, 52),
            (Column.MINE, 96),
            (Column.OTHERS, 124),
            (Column.CHECKED, 70),
            (Column.FINAL, 110),
        ):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)

        self.filter_box.textChanged.connect(lambda text: self._refilter(text=text))
        # Enter or Down: on to the claims the filter shows, to read and rate them by key.
        self.filter_box.returnPressed.connect(self.go_to_results)
        QShortcut(
            QKeySequence(Qt.Key.Key_Down),
            self.filter_box,
            self.go_to_results,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.kind_box.currentIndexChanged.connect(
            lambda _: self._refilter(kind=self.kind_box.currentData())
        )
        self.state_box.currentIndexChanged.connect(
            lambda _: self._refilter(state=self.state_box.currentData())
        )
        self.unreviewed_box.toggled.connect(lambda on: self._refilter(only_unreviewed=on))
        self.needs_final_box.toggled.connect(lambda on: self._refilter(needs_final=on))
        # A rating saved in the editor updates one row: the queue's count follows it.
        self.model.dataChanged.connect(lambda *_: self._update_count())
        self.threshold_box.valueChanged.connect(self._on_threshold)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.filter_box, 2)
        bar.addWidget(self.kind_box)
        bar.addWidget(self.state_box)
        bar2 = QHBoxLayout()
        bar2.addWidget(self.unreviewed_box)
        bar2.addWidget(self.needs_final_box)
        bar2.addStretch(1)
        bar2.addWidget(QLabel("Minimum score"))
        bar2.addWidget(self.threshold_box)
        self.count_label = QLabel()
        self.count_label.setObjectName("claimCount")
        tinted(self.count_label).setContentsMargins(8, 0, 0, 0)
        bar2.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 10, 12, 4)
        layout.setSpacing(6)
        title = QLabel("Claims")
        title.setObjectName("paneHeading")
        heading(title, 12)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addLayout(bar2)
        layout.addWidget(self.table, 1)
        # Claim finding keeps the best N claims of a long article; this says what it left out.
        self.left_out_label = QLabel()
        self.left_out_label.setObjectName("claimsLeftOut")
        self.left_out_label.setWordWrap(True)
        tinted(self.left_out_label)
        self.left_out_label.hide()
        layout.addWidget(self.left_out_label)

    # -- contents --------------------------------------------------------------------------
    def set_claims(self, claims: list[ReviewedClaim], reviewer_id: str | None) -> None:
        """Show an article's claims, keeping the selected claim selected."""
        current = self.current_claim_id()
        self.model.set_claims(claims, reviewer_id)
        if reviewer_id != self._reviewer_id:
            # "Not yet reviewed by me" and the states are someone else's now: filter again.
            self._reviewer_id = reviewer_id
            self.proxy.set_filters()
        if current is not None and self.model.row_of(current) >= 0:
            self.select_claim(current, emit=False)
        self._show_team_columns()
        self._update_count()

    def _show_team_columns(self) -> None:
        """Show the others' and final verdicts only when some claim has one: a journalist
        working alone gets their width for the claims' wording."""
        rows = self.model.rows()
        for column in (Column.OTHERS, Column.FINAL):
            self.table.setColumnHidden(column, not any(row.cells[column] for row in rows))

    def set_left_out(self, message: str | None) -> None:
        """Say below the table which found claims were not kept (None hides the note)."""
        self.left_out_label.setText(message or "")
        self.left_out_label.setVisible(bool(message))

    def visible_rows(self) -> list[ClaimRow]:
        """Rows that pass the sensitivity threshold (these are highlighted in the article)."""
        return [r for r in self.model.rows() if self.proxy.passes_threshold(r)]

    def table_order(self) -> list[str]:
        """Claim ids in the order the table shows them."""
        return [
            self.proxy.index(row, 0).data(CLAIM_ID_ROLE) for row in range(self.proxy.rowCount())
        ]

    # -- selection -------------------------------------------------------------------------
    def current_claim_id(self) -> str | None:
        """The selected claim's id."""
        index = self.table.currentIndex()
        return index.data(CLAIM_ID_ROLE) if index.isValid() else None

    def current_row(self) -> ClaimRow | None:
        """The selected claim's row."""
        claim_id = self.current_claim_id()
        row = self.model.row_of(claim_id) if claim_id else -1
        return self.model.row_at(row) if row >= 0 else None

    def select_claim(self, claim_id: str, *, emit: bool = True) -> bool:
        """Select a claim's row; a claim hidden by the filters is revealed by clearing them."""
        source_row = self.model.row_of(claim_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            self.clear_filters(keep_threshold=False)
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        blocked = self.table.selectionModel().blockSignals(not emit)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.selectionModel().blockSignals(blocked)
        self.table.scrollTo(index)
        return True

    def step(self, delta: int) -> str | None:
        """Select the next (1) or previous (-1) claim in table order."""
        count = self.proxy.rowCount()
        if count == 0:
            return None
        current = self.table.currentIndex()
        row = current.row() + delta if current.isValid() else (0 if delta > 0 else count - 1)
        row = max(0, min(count - 1, row))
        claim_id = self.proxy.index(row, 0).data(CLAIM_ID_ROLE)
        self.select_claim(claim_id)
        return claim_id

    def next_unreviewed(self) -> str | None:
        """Select the next open claim (in table order, wrapping) without my rating."""
        order = self.table_order()
        if not order:
            return None
        current = self.current_claim_id()
        start = order.index(current) + 1 if current in order else 0
        for claim_id in order[start:] + order[:start]:
            row = self.model.row_at(self.model.row_of(claim_id))
            # A draft is still to be reviewed: it has no rating yet.
            unrated = not row.rated_by_me and row.state is not ReviewState.DISMISSED
            if unrated and claim_id != current:
                self.select_claim(claim_id)
                return claim_id
        return None

    # -- sorting and filters ----------------------------------------------------------------
    def focus_table(self) -> None:
        """Put the keyboard focus on the claims table, keeping the selected claim."""
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def leave_filter(self) -> bool:
        """Escape in the filter box: clear it, or when it is empty go to the table."""
        if not self.filter_box.hasFocus():
            return False
        if self.filter_box.text():
            self.filter_box.clear()
        else:
            self.focus_table()
        return True

    def go_to_results(self) -> None:
        """From the filter box to the table: at the selected claim when the filter shows it,
        else at the first claim it shows (the filter stays)."""
        shown = self.table_order()
        if shown and self.current_claim_id() not in shown:
            self.select_claim(shown[0])
        self.focus_table()

    def focus_filter(self) -> None:
        """Put the cursor in the filter box."""
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    def set_score_order(self, on: bool) -> None:
        """Highest score first, or back to article order."""
        if on:
            self.table.sortByColumn(Column.SCORE, Qt.SortOrder.DescendingOrder)
        else:
            self.table.sortByColumn(Column.NUMBER, Qt.SortOrder.AscendingOrder)
        self._keep_current_visible()

    def set_threshold(self, value: float) -> None:
        """Change the sensitivity threshold without announcing it."""
        blocked = self.threshold_box.blockSignals(True)
        self.threshold_box.setValue(value)
        self.threshold_box.blockSignals(blocked)
        self._refilter(threshold=value)

    def clear_filters(self, *, keep_threshold: bool = True) -> None:
        """Show every claim (above the threshold unless ``keep_threshold`` is False)."""
        boxes = (
            self.filter_box,
            self.kind_box,
            self.state_box,
            self.unreviewed_box,
            self.needs_final_box,
        )
        for widget in boxes:
            widget.blockSignals(True)
        self.filter_box.clear()
        self.kind_box.setCurrentIndex(0)
        self.state_box.setCurrentIndex(0)
        self.unreviewed_box.setChecked(False)
        self.needs_final_box.setChecked(False)
        for widget in boxes:
            widget.blockSignals(False)
        self.proxy.set_filters(
            text="", kind=None, state=None, only_unreviewed=False, needs_final=False
        )
        if not keep_threshold:
            self.set_threshold(0.0)
            self.threshold_changed.emit(0.0)
        self._update_count()

    def _refilter(self, **filters: object) -> None:
        # A filter the reviewer changes applies to every claim, the selected one too.
        self.proxy.keep = None
        self.proxy.set_filters(**filters)  # type: ignore[arg-type]
        self.proxy.keep = self.current_claim_id()
        self._update_count()
        self._keep_current_visible()
        self.filters_changed.emit()

    def _on_threshold(self, value: float) -> None:
        self._refilter(threshold=value)
        self.threshold_changed.emit(value)

    def _keep_current_visible(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.table.scrollTo(index)

    def _update_count(self) -> None:
        self.count_label.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()} shown")
        waiting = sum(1 for r in self.visible_rows() if r.reviewed.needs_final)
        self.needs_final_box.setText(f"{NEEDS_FINAL} ({waiting})")

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        claim_id = current.data(CLAIM_ID_ROLE)
        left, self.proxy.keep = self.proxy.keep, claim_id
        if left is not None and left != claim_id and self._filtered_out(left):
            # Moving on drops the claim just left when it no longer matches (rated, settled).
            self.proxy.set_filters()
            self._update_count()
        self.current_changed.emit(claim_id)

    def _filtered_out(self, claim_id: str) -> bool:
        row = self.model.row_of(claim_id)
        return row >= 0 and not self.proxy.filterAcceptsRow(row, QModelIndex())
