"""The claims table: a thin Qt model over an article's reviewed claims, and its filter proxy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from workbench.model import ClaimKind, ClaimOrigin, ReviewedClaim, Verdict
from workbench.services.blind import blind_hint, hidden_cell, hidden_count
from workbench.ui.claims.claim_state import ReviewState, review_state
from workbench.ui.claims.settling import FINAL_MARK, team_lines

Index = QModelIndex | QPersistentModelIndex

#: Role that gives each cell's sort key (numbers sort as numbers).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role that gives the claim id of a row.
CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    """The table's columns."""

    NUMBER = 0
    CLAIM = 1
    SPEAKER = 2
    KIND = 3
    SCORE = 4
    MINE = 5
    OTHERS = 6
    CHECKED = 7
    FINAL = 8


HEADERS = {
    Column.NUMBER: "#",
    Column.CLAIM: "Claim",
    Column.SPEAKER: "Speaker",
    Column.KIND: "Kind",
    Column.SCORE: "Score",
    Column.MINE: "My verdict",
    Column.OTHERS: "Others' verdicts",
    Column.CHECKED: "Checked",
    Column.FINAL: "Final verdict",
}

_DIM = QBrush(QColor("#6b6b6b"))
_COLUMNS = len(Column)
# Roles as plain ints: the view asks for ~10 roles per visible cell on every paint.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_SORT = int(SORT_ROLE)
_CLAIM_ID = int(CLAIM_ID_ROLE)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_NUMBER, _SCORE, _CHECKED = int(Column.NUMBER), int(Column.SCORE), int(Column.CHECKED)


@dataclass(slots=True)
class ClaimRow:
    """One row, with everything the table shows worked out once."""

    number: int
    reviewed: ReviewedClaim
    state: ReviewState
    #: What the "My verdict" column says: the rating, "in progress" for a draft, or nothing.
    mine: str
    others: str
    haystack: str
    cells: tuple[str, ...] = ()
    #: True once the current reviewer has given a rating (a draft does not count).
    rated_by_me: bool = False
    #: How many earlier fact-checks look like the claim (None until they have been counted).
    checked: int | None = None

    @property
    def claim_id(self) -> str:
        """The claim's id."""
        return self.reviewed.claim.id


def make_rows(
    claims: list[ReviewedClaim],
    reviewer_id: str | None,
    checked: Mapping[str, int] | None = None,
) -> list[ClaimRow]:
    """Rows for claims in article order, numbered as the report numbers them.

    ``checked`` holds, per claim id, how many earlier fact-checks look like it (when counted).
    """
    checked = checked or {}
    rows = []
    short = _short_names(claims)
    for position, rc in enumerate(claims, 1):
        mine_verdict = rc.verdict_by(reviewer_id) if reviewer_id else None
        others = [v for v in rc.verdicts if v.reviewer_id != reviewer_id]
        claim = rc.claim
        rows.append(
            ClaimRow(
                # The claim's stable number (the report's); article order for an unnumbered one.
                number=claim.number if claim.number is not None else position,
                reviewed=rc,
                state=review_state(rc, reviewer_id),
                mine=verdict_text(mine_verdict),
                # Blind review: the others' verdicts are not here, only how many (services.blind).
                others="; ".join(_other_text(v, short) for v in others) or hidden_cell(rc),
                haystack=" ".join(
                    (claim.claim, claim.quote, claim.speaker or "", claim.kind.label)
                ).casefold(),
                rated_by_me=mine_verdict is not None and not mine_verdict.is_draft,
                checked=checked.get(claim.id),
            )
        )
    for row in rows:
        row.cells = tuple(ClaimsTableModel._display(row, column) for column in range(len(Column)))
    return rows


def verdict_text(verdict: Verdict | None) -> str:
    """A verdict as a table cell: its rating, "in progress" for a draft, "" for none."""
    if verdict is None:
        return ""
    return verdict.rating if verdict.rating is not None else DRAFT_TEXT


#: How a draft (a verdict without a rating yet) reads in the table and the editor.
DRAFT_TEXT = "in progress"


def _short_names(claims: list[ReviewedClaim]) -> dict[str, str]:
    """Each reviewer's first name, or the whole name when two share a first name."""
    names = {v.reviewer_name or "another reviewer" for rc in claims for v in rc.verdicts}
    firsts = [n.split()[0] for n in names]
    return {n: n if firsts.count(n.split()[0]) > 1 else n.split()[0] for n in names}


def _other_text(verdict: Verdict, short: dict[str, str]) -> str:
    # The rating first: a narrow column still shows what matters before it is cut off.
    name = verdict.reviewer_name or "another reviewer"
    return f"{verdict_text(verdict)} ({short.get(name, name)})"


class ClaimsTableModel(QAbstractTableModel):
    """Rows are claims in article order; the proxy sorts and filters them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ClaimRow] = []
        self._row_of: dict[str, int] = {}
        self._order: tuple[int, Qt.SortOrder] = (Column.NUMBER, Qt.SortOrder.AscendingOrder)
        self._checked: dict[str, int] = {}

    # -- contents --------------------------------------------------------------------------
    def set_claims(self, claims: list[ReviewedClaim], reviewer_id: str | None) -> None:
        """Show these claims; rows that kept their place are updated without a reset."""
        rows = make_rows(claims, reviewer_id, self._checked)
        self._sort_rows(rows, *self._order)
        if [r.claim_id for r in rows] == [r.claim_id for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(Column) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self._row_of = {r.claim_id: i for i, r in enumerate(rows)}
        self.endResetModel()

    def update_claim(self, reviewed: ReviewedClaim, reviewer_id: str | None) -> ClaimRow | None:
        """Refresh one claim's row in place (after an edit of its verdict or wording)."""
        index = self._row_of.get(reviewed.claim.id, -1)
        if index < 0:
            return None
        [row] = make_rows([reviewed], reviewer_id, self._checked)
        self._rows[index] = row
        self.dataChanged.emit(self.index(index, 0), self.index(index, _COLUMNS - 1))
        return row

    def set_checked_counts(self, counts: Mapping[str, int]) -> None:
        """Show how many earlier fact-checks match each of these claims (counted meanwhile)."""
        self._checked.update(counts)
        for claim_id, count in counts.items():
            index = self._row_of.get(claim_id, -1)
            if index < 0:
                continue
            row = self._rows[index]
            row.checked = count
            cells = row.cells
            row.cells = (*cells[:_CHECKED], self._display(row, _CHECKED), *cells[_CHECKED + 1 :])
            cell = self.index(index, _CHECKED)
            self.dataChanged.emit(cell, cell)

    def rows(self) -> list[ClaimRow]:
        """All rows, in the order of the last sort."""
        return list(self._rows)

    def row_at(self, row: int) -> ClaimRow:
        """The row object at a source row number."""
        return self._rows[row]

    def row_of(self, claim_id: str) -> int:
        """The source row of a claim, -1 when it is not shown."""
        return self._row_of.get(claim_id, -1)

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else _COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return HEADERS[Column(section)]
            if role == Qt.ItemDataRole.ToolTipRole and section == Column.NUMBER:
                return "The claim's number (as in the report); the mark shows the review state"
            if role == Qt.ItemDataRole.ToolTipRole and section == Column.FINAL:
                return "An editor's final verdict: the rating the report publishes for the claim"
            if role == Qt.ItemDataRole.ToolTipRole and section == Column.CHECKED:
                return "Checked before: how many earlier fact-checks in the library look like the claim"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row_number = index.row()
        if row_number < 0 or row_number >= len(self._rows):
            return None
        row = self._rows[row_number]
        column = index.column()
        if role == _DISPLAY:
            return row.cells[column]
        if role == _BACKGROUND:
            return row.state.look.brush if column == _NUMBER else None
        if role == _FOREGROUND:
            return _DIM if row.state is ReviewState.DISMISSED else None
        if role == _ALIGNMENT:
            return _RIGHT if column in (_NUMBER, _SCORE, _CHECKED) else None
        if role == _CLAIM_ID:
            return row.claim_id
        if role == _SORT:
            return self._sort_key(row, column)
        if role == _TOOLTIP:
            return _tooltip(row)
        if role == _ACCESSIBLE:
            return f"{row.cells[column]} ({row.state.look.label})"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows by one column (in Python, once, not per comparison)."""
        if not 0 <= column < _COLUMNS:
            return
        self.layoutAboutToBeChanged.emit()
        ids_before = [r.claim_id for r in self._rows]
        self._order = (column, order)
        self._sort_rows(self._rows, column, order)
        self._row_of = {r.claim_id: i for i, r in enumerate(self._rows)}
        old = self.persistentIndexList()
        new = [self.index(self._row_of[ids_before[i.row()]], i.column()) for i in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sort_rows(self, rows: list[ClaimRow], column: int, order: Qt.SortOrder) -> None:
        # Ties keep article order, in either direction.
        rows.sort(key=lambda r: r.number)
        rows.sort(
            key=lambda r: self._sort_key(r, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    @staticmethod
    def _display(row: ClaimRow, column: int) -> str:
        claim = row.reviewed.claim
        match column:
            case Column.NUMBER:
                return f"{row.state.look.marker} {row.number}"
            case Column.CLAIM:
                return claim.claim
            case Column.SPEAKER:
                return claim.speaker or ""
            case Column.KIND:
                return claim.kind.label
            case Column.SCORE:
                return "manual" if claim.origin is ClaimOrigin.MANUAL else f"{claim.score:.2f}"
            case Column.MINE:
                return row.mine
            case Column.CHECKED:
                return "" if row.checked is None else str(row.checked) if row.checked else "–"
            case Column.FINAL:
                final = row.reviewed.final
                return f"{FINAL_MARK} {final.rating}" if final else ""
            case _:
                return row.others

    @staticmethod
    def _sort_key(row: ClaimRow, column: int) -> Any:
        claim = row.reviewed.claim
        match column:
            case Column.NUMBER:
                return row.number
            case Column.SCORE:
                return claim.score
            case Column.CLAIM:
                return claim.claim.casefold()
            case Column.SPEAKER:
                return (claim.speaker or "").casefold()
            case Column.KIND:
                return claim.kind.label
            case Column.MINE:
                return row.mine
            case Column.CHECKED:
                return -1 if row.checked is None else row.checked
            case Column.FINAL:
                return row.reviewed.final.rating if row.reviewed.final else ""
            case _:
                return row.others


def _tooltip(row: ClaimRow) -> str:
    claim = row.reviewed.claim
    reasons = ", ".join(claim.reasons) or "no reasons recorded"
    lines = [
        f"{row.state.look.marker} {row.state.look.label}",
        f"{claim.kind.label}, score {claim.score:.2f}",
        f"Why: {reasons}",
    ]
    if row.checked:
        lines.append(f"Checked before: {row.checked} earlier fact-check(s) look like it")
    # The table cuts long cells short: every reviewer's verdict is readable here in full.
    lines += [
        f"{v.reviewer_name or 'Another reviewer'}: {verdict_text(v)}" for v in row.reviewed.verdicts
    ]
    if hidden_count(row.reviewed):
        lines.append(blind_hint(hidden_count(row.reviewed)))
    return "\n".join(lines + team_lines(row.reviewed))


class ClaimsFilterModel(QSortFilterProxyModel):
    """Sorting by any column and the filters of the claims pane."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)
        self.text = ""
        self.kind: ClaimKind | None = None
        self.state: ReviewState | None = None
        self.only_unreviewed = False
        #: Only claims waiting for a final verdict (reviewers disagree, nobody settled it).
        self.needs_final = False
        self.threshold = 0.0
        #: The selected claim stays listed after it stops matching the state, queue or "not yet
        #: reviewed by me" filters (just rated, settled or dismissed) until the reviewer moves on.
        self.keep: str | None = None

    def set_filters(
        self,
        *,
        text: str | None = None,
        kind: ClaimKind | bool | None = False,
        state: ReviewState | bool | None = False,
        only_unreviewed: bool | None = None,
        needs_final: bool | None = None,
        threshold: float | None = None,
    ) -> None:
        """Change some filters (``False`` leaves kind and state as they are) and refilter once."""
        self.beginFilterChange()
        if text is not None:
            self.text = text.strip().casefold()
        if kind is not False:
            self.kind = kind  # type: ignore[assignment]
        if state is not False:
            self.state = state  # type: ignore[assignment]
        if only_unreviewed is not None:
            self.only_unreviewed = only_unreviewed
        if needs_final is not None:
            self.needs_final = needs_final
        if threshold is not None:
            self.threshold = threshold
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the source model, once per request rather than per comparison.

        The proxy keeps the source order, so the table stays fast with thousands of claims.
        """
        model = self.sourceModel()
        if isinstance(model, ClaimsTableModel):
            model.sort(column, order)

    def passes_threshold(self, row: ClaimRow) -> bool:
        """Claims marked by hand always pass; found ones need a score at the threshold."""
        claim = row.reviewed.claim
        return claim.origin is ClaimOrigin.MANUAL or claim.score >= self.threshold

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ClaimsTableModel) or source_parent.isValid():
            return True
        row = model.row_at(source_row)
        if not self.passes_threshold(row):
            return False
        if self.kind is not None and row.reviewed.claim.kind is not self.kind:
            return False
        kept = self.keep is not None and row.claim_id == self.keep
        if not kept and self.state is not None and row.state is not self.state:
            return False
        if not kept and self.needs_final and not row.reviewed.needs_final:
            return False
        unreviewed = not row.rated_by_me and row.state is not ReviewState.DISMISSED
        if not kept and self.only_unreviewed and not unreviewed:
            return False
        return not self.text or self.text in row.haystack
