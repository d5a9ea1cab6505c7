"""Random edits on two or three copies of a file, merged in random orders, end alike, losing nothing.

Each copy is a fresh file (its own device) that merged a common starting file in. Reviewers
rate, change ratings, add and remove sources, dismiss, reword and delete claims, give final
verdicts and import the same article separately; any copy merges any other at any time. At the
end every copy is merged into one, and that one into every copy: all must hold the very same
content and history, every event ever written must be there, and every rating ever saved must
be in a verdict or in the history.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from workbench.model import Article, Claim, Judgement
from workbench.services.audit import verify_history
from workbench.services.bundle import write_bundle
from workbench.services.merge import merge_file, merge_stores
from workbench.store import Store, open_store

from .merge_helpers import TEXT, content, new_claim

RATINGS = ["True", "Mostly true", "Half true", "Mostly false", "False", "Unproven"]
REVIEWERS = ["Anna", "Ben", "Chloé"]
#: Spans a reviewer may add as a claim of the shared article.
QUOTES = [
    "The mayor said crime fell by 20 percent last year.",
    "Critics said the police changed how they count burglaries.",
    "The council will vote on the budget in March.",
    "crime fell by 20 percent",
    "the police changed how they count",
]
#: An article each copy may import on its own (same text: recognised when merging).
SECOND_TEXT = "Unemployment rose to 7 percent in May, the minister said. Economists disagreed."
SECOND_QUOTE = "Unemployment rose to 7 percent in May, the minister said."

replica = st.integers(min_value=0, max_value=2)
pick = st.integers(min_value=0, max_value=50)


class MergeMachine(RuleBasedStateMachine):
    """Copies of one file, edited and merged at random."""

    stores: list[Store]
    saved_ratings: set[str]

    @initialize(copies=st.integers(min_value=2, max_value=3))
    def start(self, copies: int) -> None:
        base = open_store(None)
        article = base.add_article(
            Article(text=TEXT, title="Crime figures"), [new_claim(QUOTES[0]), new_claim(QUOTES[1])]
        )
        for name in REVIEWERS[:2]:
            base.add_reviewer(name)
        del article
        self.stores = []
        for _ in range(copies):
            store = open_store(None)
            merge_stores(store, base, backup=False)
            self.stores.append(store)
        base.close()
        self.saved_ratings = set()
        self.folder = Path(tempfile.mkdtemp(prefix="merge-properties-"))
        self.bundles = 0

    # -- helpers -----------------------------------------------------------------------------
    def _store(self, i: int) -> Store:
        return self.stores[i % len(self.stores)]

    @staticmethod
    def _claims(store: Store) -> list[dict[str, Any]]:
        return store.query("SELECT * FROM claims ORDER BY quote, id")

    @staticmethod
    def _reviewer(store: Store, n: int) -> str:
        return store.ensure_reviewer(REVIEWERS[n % len(REVIEWERS)]).id

    # -- edits -------------------------------------------------------------------------------
    @rule(i=replica, c=pick, r=pick, rating=st.sampled_from(RATINGS))
    def rate(self, i: int, c: int, r: int, rating: str) -> None:
        store = self._store(i)
        claims = self._claims(store)
        if claims:
            claim = claims[c % len(claims)]
            store.save_verdict(
                claim["id"], self._reviewer(store, r), Judgement(rating=rating, rationale=rating)
            )
            self.saved_ratings.add(rating)

    @rule(i=replica, q=pick)
    def add_claim(self, i: int, q: int) -> None:
        store = self._store(i)
        quote = QUOTES[q % len(QUOTES)]
        articles = store.query("SELECT id FROM articles WHERE text = ?", [TEXT])
        if not articles:
            return
        start = TEXT.index(quote)
        taken = store.query(
            "SELECT 1 FROM claims WHERE article_id = ? AND start = ? AND [end] = ?",
            [articles[0]["id"], start, start + len(quote)],
        )
        if not taken:
            store.add_claims(articles[0]["id"], [new_claim(quote)])

    @rule(i=replica, v=pick, title=st.sampled_from(["Police data", "Council minutes"]))
    def add_source(self, i: int, v: int, title: str) -> None:
        store = self._store(i)
        verdicts = store.query("SELECT id FROM verdicts ORDER BY id")
        if verdicts:
            store.add_source(verdicts[v % len(verdicts)]["id"], title=title)

    @rule(i=replica, s=pick)
    def remove_source(self, i: int, s: int) -> None:
        store = self._store(i)
        sources = store.query("SELECT id FROM sources ORDER BY id")
        if sources:
            store.remove_source(sources[s % len(sources)]["id"])

    @rule(i=replica, c=pick, r=pick)
    def dismiss(self, i: int, c: int, r: int) -> None:
        store = self._store(i)
        claims = self._claims(store)
        if claims:
            store.dismiss_claim(
                claims[c % len(claims)]["id"],
                reviewer_id=self._reviewer(store, r),
                reason="Opinion",
            )

    @rule(i=replica, c=pick, wording=st.sampled_from(["Crime fell 20%", "Counting changed"]))
    def edit_claim(self, i: int, c: int, wording: str) -> None:
        store = self._store(i)
        claims = self._claims(store)
        if claims:
            store.update_claim(claims[c % len(claims)]["id"], claim=wording, said_where="TV")

    @rule(i=replica, c=pick)
    def delete_claim(self, i: int, c: int) -> None:
        store = self._store(i)
        claims = self._claims(store)
        if claims:
            store.delete_claim(claims[c % len(claims)]["id"])

    @rule(i=replica, c=pick, r=pick, rating=st.sampled_from(RATINGS))
    def final_verdict(self, i: int, c: int, r: int, rating: str) -> None:
        store = self._store(i)
        claims = self._claims(store)
        if claims:
            claim = claims[c % len(claims)]["id"]
            store.set_final_verdict(claim, rating, editor_id=self._reviewer(store, r))

    @rule(i=replica)
    def import_same_article(self, i: int) -> None:
        store = self._store(i)
        if not store.query("SELECT 1 FROM articles WHERE text = ?", [SECOND_TEXT]):
            start = SECOND_TEXT.index(SECOND_QUOTE)
            claim = Claim(
                article_id="", start=start, end=start + len(SECOND_QUOTE), quote=SECOND_QUOTE
            )
            store.add_article(Article(text=SECOND_TEXT, title="Jobs"), [claim])

    @precondition(lambda self: len(self.stores) > 1)
    @rule(i=replica, j=replica)
    def merge(self, i: int, j: int) -> None:
        a, b = self._store(i), self._store(j)
        if a is not b:
            merge_stores(a, b, backup=False)

    @precondition(lambda self: len(self.stores) > 1)
    @rule(i=replica, j=replica, a=pick)
    def send_bundle(self, i: int, j: int, a: int) -> None:
        """A review bundle of one article (other work withheld) goes from one copy to another."""
        sender, receiver = self._store(i), self._store(j)
        articles = sender.query("SELECT id FROM articles ORDER BY id")
        if sender is receiver or not articles:
            return
        self.bundles += 1
        out = self.folder / f"bundle-{self.bundles}.zip"
        write_bundle(sender, [articles[a % len(articles)]["id"]], out)
        merge_file(receiver, out, backup=False)
        assert verify_history(receiver).ok

    # -- the end -----------------------------------------------------------------------------
    def teardown(self) -> None:
        stores = getattr(self, "stores", [])
        if not stores:
            return
        written = {r["uid"] for s in stores for r in s.query("SELECT uid FROM events")}
        first, rest = stores[0], stores[1:]
        for store in rest:
            merge_stores(first, store, backup=False)
        for store in rest:
            merge_stores(store, first, backup=False)
        expected = content(first)
        for store in rest:
            assert content(store) == expected
        assert written <= set(expected["events"])
        kept = {r["rating"] for r in first.query("SELECT rating FROM verdicts")}
        logged = set()
        for row in first.query("SELECT before, after FROM events WHERE entity = 'verdict'"):
            for side in (row["before"], row["after"]):
                if side:
                    logged.add(json.loads(side).get("rating"))
        assert self.saved_ratings <= kept | logged
        for store in stores:
            report = verify_history(store)
            assert report.ok and report.withheld == 0, report.problems
        assert not first.query("PRAGMA foreign_key_check")
        numbers = first.query(
            "SELECT article_id, number, count(*) AS n FROM claims GROUP BY 1, 2 HAVING n > 1"
        )
        assert not numbers
        for store in stores:
            store.close()
        shutil.rmtree(self.folder, ignore_errors=True)


MergeMachine.TestCase.settings = settings(
    max_examples=40,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestMerging = MergeMachine.TestCase
