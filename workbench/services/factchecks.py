"""The fact-check library: importing files, counting, and matching a text against it ("Checked before?").

A library entry is matched as one text, its headline (when it has one) then its claim
(:func:`library_text`): the encoder was trained on fact-checks read that way, and a headline
often names what the claim leaves implicit ("Did 122 prisoners released from Guantanamo return
to the battlefield?").

Matching is hybrid. Lexical: BM25 over the library's word index (the 100 best). Semantic, when
an encoder is given: the cosine of the query's vector with every stored vector (vectors missing
for new entries are computed first, in batches, and stored). The candidates of both (the 100
nearest by vector, the 100 best by words) are ranked by ``cosine + LEXICAL_WEIGHT * BM25 /
best BM25 of the query``: the encoder finds the same claim in other words, BM25 adds the exact
names and numbers. On the CheckThat! 2020 dev tweets this did better than weighted
reciprocal-rank fusion of the two rankings (MAP@5 0.846 against 0.837), and as well on the
train tweets. Beside the encoder the word search leaves out the query's words found in more
than :data:`COMMON_WORDS` of the library (0.852 on dev, 0.900 on train; and faster).
When the re-ranker is installed (:mod:`workbench.claims.reranking`), it reads the best
:data:`RERANK_DEPTH` fused candidates again beside the query and re-orders them by ``fused +
RERANK_WEIGHT * its probability`` (dev 0.852 → 0.904; on train tweets held out of its
training 0.919 → 0.944); without it the fused order stands.

The ``score`` of a match is what a journalist can read as "how alike": with the encoder, the
cosine similarity of the two texts' vectors (about 0.3 unrelated, 0.7+ the same claim; the
re-ranker changes the order, not the score);
without it, the share of words the two have in common (Dice coefficient over their words,
the entry's headline and claim together, stop words left out; 1.0 for the same wording).
"""

from __future__ import annotations

import html
import math
import re
import threading
import weakref
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from workbench.ingest.errors import IngestError
from workbench.ingest.factchecks import BadItem, FactCheckRecord, read_factchecks
from workbench.store.factchecks import FACTCHECK_FIELDS, STOP_WORDS

if TYPE_CHECKING:
    import numpy as np

    from workbench.store import Store

#: The weight of the words' score (BM25 over the query's best) added to the cosine; chosen on
#: the CheckThat! 2020 dev and train tweets alike (0.05-0.15 all did well on both).
LEXICAL_WEIGHT = 0.1
#: Beside the encoder, the word search leaves out query words found in more than this share of
#: the library (dev MAP@5 0.846 → 0.852, train 0.897 → 0.900; a third faster). Words alone keep
#: every word: there the cut costs (dev 0.768 → 0.761).
COMMON_WORDS = 0.02
#: How many candidates each ranking gives the fusion.
CANDIDATES = 100
#: How many of the best fused candidates the re-ranker reads again (see :func:`rerank`).
#: Chosen on the CheckThat! 2020 dev tweets (3 to 20 all gave MAP@5 0.903-0.904 at the weight
#: below); each costs about 3 ms on two cores.
RERANK_DEPTH = 3
#: The weight of the re-ranker's probability added to the fused score (dev: 0.1-0.15 best;
#: on a fifth of the train tweets held out of its training, 0.15-0.2): it re-orders close
#: candidates, it does not overrule the encoder (the re-ranker alone does worse than fused).
RERANK_WEIGHT = 0.15
#: Items stored per transaction while importing: a cancelled import keeps whole batches.
BATCH = 1000
#: Texts encoded at a time when vectors are computed.
ENCODE_BATCH = 64
#: Names the way :func:`library_text` builds the text that is encoded. Stored with each vector
#: (see :func:`vector_model`): change it whenever that text changes, so that vectors made from
#: the old text are made again rather than compared with queries as if they were alike.
TEXT_RECIPE = "title+claim"

Progress = Callable[[str, int, int], None]


class Encoder(Protocol):
    """A sentence encoder: L2-normalised float32 rows, one per text."""

    name: str

    def encode(self, texts: list[str]) -> np.ndarray: ...


@dataclass(slots=True)
class FileImport:
    """What importing one file did."""

    name: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    #: Why items were not imported → how many.
    bad: Counter[str] = field(default_factory=Counter)
    #: Why the file could not be read at all (nothing was imported from it).
    error: str | None = None

    @property
    def bad_items(self) -> int:
        return sum(self.bad.values())


@dataclass(slots=True)
class LibraryImport:
    """What an import of several files did; ``cancelled`` when it was stopped part-way."""

    files: list[FileImport] = field(default_factory=list)
    cancelled: bool = False

    def total(self, what: str) -> int:
        """The sum of one count (``added``, ``updated``, ``unchanged``, ``bad_items``) over the files."""
        return sum(getattr(f, what) for f in self.files)


@dataclass(frozen=True, slots=True)
class Match:
    """One earlier fact-check that matches a text, with how alike the two are."""

    id: str
    claim: str
    rating: str | None
    publisher: str | None
    date: str | None
    url: str | None
    score: float
    origin: str
    #: The headline of the published fact-check, when the library has one.
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Cancelled(Exception):
    """Raised inside the import loop when the caller asked to stop."""


# -- import ---------------------------------------------------------------------------------
def import_files(
    store: Store,
    paths: Sequence[str | Path],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch: int = BATCH,
) -> LibraryImport:
    """Import fact-check files into the library, ``batch`` items per transaction.

    ``progress(file name, bytes read, file size)`` is told after each batch; ``cancelled()``
    is asked between batches, and stops the import keeping only the batches already stored.
    """
    result = LibraryImport()
    for path in map(Path, paths):
        counts = FileImport(path.name)
        result.files.append(counts)
        try:
            _import_one(store, path, counts, progress, cancelled, batch)
        except IngestError as exc:
            counts.error = str(exc)
        except Cancelled:
            result.cancelled = True
            break
    return result


def _import_one(
    store: Store,
    path: Path,
    counts: FileImport,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    batch: int,
) -> None:
    size = path.stat().st_size if path.exists() else 0
    position = [0]

    def flush(pending: list[dict[str, Any]]) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled
        done = store.upsert_factchecks(pending, source_name=path.name)
        for key in ("added", "updated", "unchanged"):
            setattr(counts, key, getattr(counts, key) + done[key])
        pending.clear()
        if progress is not None:
            progress(path.name, position[0], size)

    pending: list[dict[str, Any]] = []
    for item in read_factchecks(path, lambda n: position.__setitem__(0, n)):
        if isinstance(item, BadItem):
            counts.bad[item.reason] += 1
            continue
        pending.append(_row(item))
        if len(pending) >= batch:
            flush(pending)
    if pending:
        flush(pending)
    if progress is not None:
        progress(path.name, size, size)


def _row(record: FactCheckRecord) -> dict[str, Any]:
    row = {name: getattr(record, name) for name in FACTCHECK_FIELDS}
    row["key"] = record.key
    return row


def library_counts(store: Store) -> dict[str, int]:
    """How many fact-checks the library holds per origin: ``import`` and ``team``."""
    store.sync_team_factchecks()
    return store.factcheck_counts()


# -- matching -------------------------------------------------------------------------------
def library_text(title: str | None, claim: str) -> str:
    """The text a library entry is encoded and compared from: its headline, then its claim.

    The one place that decides it: the vectors, the word-overlap score and the encoder's
    training all read an entry this way (the word index holds the same two fields).
    """
    headline = " ".join((title or "").split())
    wording = " ".join(claim.split())
    return f"{headline} {wording}" if headline else wording


def vector_model(encoder: Encoder) -> str:
    """The name stored with each vector: the encoder and the text it was given
    (:data:`TEXT_RECIPE`), so a new model or a new recipe makes every vector again.
    """
    return f"{encoder.name}|{TEXT_RECIPE}"


_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S*", re.IGNORECASE)
# "— Jane Doe (@jane) January 14, 2020" at the end of an embedded tweet.
_SIGNATURE = re.compile(
    r"\s*[—–-]+\s*[^—–\n]{0,80}\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*$"
)


# A hashtag or a handle, and where its run-together words part ("realDonaldTrump", "COVID19").
_TAG = re.compile(r"[#@](\w+)")
_WORD_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])")
# Pictographs, dingbats and the emoji variation selector: no words to match.
_PICTOGRAPHS = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f]")


def query_text(text: str) -> str:
    """Pasted text as matched: web addresses, picture links and a tweet's closing signature
    ("— Name (@handle) Month D, YYYY") left out, HTML entities decoded, hashtags and handles
    split into their words ("#FakeNews" → "Fake News", "@realDonaldTrump" → "real Donald
    Trump": a fact-check names the person, not the account), emoji left out, spaces tidied.
    On the CheckThat! 2020 queries the split lifts MAP@5 on both the train and the dev tweets.
    """
    text = html.unescape(text)
    text = _SIGNATURE.sub("", text)
    text = _URL.sub(" ", text)
    text = _TAG.sub(lambda tag: _WORD_JOIN.sub(" ", tag.group(1)), text)
    text = _PICTOGRAPHS.sub(" ", text)
    return " ".join(text.split())


def match(
    store: Store,
    text: str,
    k: int = 5,
    encoder: Encoder | None = None,
    *,
    reranker: Reranker | Literal["shipped"] | None = "shipped",
) -> list[Match]:
    """The ``k`` library entries most like ``text``, best first (see the module's notes)."""
    return match_many(store, [text], k, encoder, reranker=reranker)[0]


def match_many(
    store: Store,
    texts: Sequence[str],
    k: int = 5,
    encoder: Encoder | None = None,
    *,
    lexical_weight: float | None = LEXICAL_WEIGHT,
    reranker: Reranker | Literal["shipped"] | None = "shipped",
) -> list[list[Match]]:
    """:func:`match` for many texts, their vectors computed in batches.

    ``lexical_weight`` None leaves the word ranking out (the encoder alone, for comparison).
    ``reranker`` re-orders the first :data:`RERANK_DEPTH` fused candidates (words and encoder
    both, see :func:`rerank`): ``"shipped"`` the installed re-ranker when there is one, None
    never.
    """
    rankings = _rankings(store, texts, encoder, lexical_weight)
    if reranker == "shipped":
        reranker = shipped_reranker() if encoder is not None else None
    results = []
    for ranking in rankings:
        order = ranking.order
        if reranker is not None and lexical_weight is not None and ranking.cosine:
            order = rerank(store, reranker, ranking)
        results.append(_matches(store, ranking, order[:k]))
    return results


def ranked_candidates(
    store: Store, texts: Sequence[str], encoder: Encoder, depth: int
) -> list[list[tuple[str, float, float | None]]]:
    """For each text, the ``depth`` best candidates of the words and the encoder fused, best
    first, as (id, fused score, cosine): what the re-ranker is given (and trained on).
    """
    return [
        [(fid, r.fused[fid], r.cosine.get(fid)) for fid in r.order[:depth]]
        for r in _rankings(store, texts, encoder, LEXICAL_WEIGHT)
    ]


@dataclass(slots=True)
class _Ranking:
    """One query's candidates in fused order, with their fused scores and cosines."""

    query: str
    order: list[str]
    fused: dict[str, float]
    cosine: dict[str, float]


def _rankings(
    store: Store,
    texts: Sequence[str],
    encoder: Encoder | None,
    lexical_weight: float | None,
) -> list[_Ranking]:
    store.sync_team_factchecks()
    queries = [query_text(t) for t in texts]
    dense: list[list[tuple[int, float]]] = [[] for _ in queries]
    asked: list[np.ndarray | None] = [None for _ in queries]
    index: _VectorIndex | None = None
    words: _WordSearch | None = None
    if encoder is not None:
        model = vector_model(encoder)
        known = _INDEXES.get(store, {}).get(model)
        # Looking for items without a vector reads the whole table: only when the library
        # changed since every item was last found to have one.
        if known is None or not known.complete or known.generation != store.library_generation():
            fill_vectors(store, encoder)
        index = vector_index(store, model)
        index.complete = True
        if index.ids:
            if lexical_weight is not None:
                # The word search runs in SQLite and the encoder in onnxruntime, both without
                # Python's lock: on a second core, side by side, while nothing else uses the
                # connection (the vectors are stored by now; only reads remain).
                words = _WordSearch(store, queries)
            try:
                for start in range(0, len(queries), ENCODE_BATCH):
                    chunk = queries[start : start + ENCODE_BATCH]
                    vectors = encoder.encode(chunk)
                    for n, row in enumerate(index.top(vectors, CANDIDATES)):
                        dense[start + n] = row
                        asked[start + n] = vectors[n]
            except BaseException:
                if words is not None:  # the connection is the caller's again only after
                    words.join()
                raise
    use_words = lexical_weight is not None or encoder is None
    if words is not None:
        found_words = words.result()
    else:
        found_words = [store.lexical_matches(q, CANDIDATES) if use_words else [] for q in queries]
    rankings = []
    for query, near, vector, lexical in zip(queries, dense, asked, found_words, strict=True):
        weight = 1.0 if vector is None or lexical_weight is None else lexical_weight
        rankings.append(_fused(query, lexical, near, vector, index, weight))
    return rankings


class _WordSearch:
    """The BM25 candidates of every query, found on a thread of their own."""

    def __init__(self, store: Store, queries: list[str]) -> None:
        self._found: list[list[tuple[str, float]]] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(store, queries), name="word-search", daemon=True
        )
        self._thread.start()

    def _run(self, store: Store, queries: list[str]) -> None:
        try:
            self._found = [
                store.lexical_matches(q, CANDIDATES, common=COMMON_WORDS) for q in queries
            ]
        except BaseException as exc:  # handed to the caller's thread by result()
            self._error = exc

    def join(self) -> None:
        """Wait until the search is over."""
        self._thread.join()

    def result(self) -> list[list[tuple[str, float]]]:
        """The candidates, once found (what went wrong is raised here)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._found


def _fused(
    query: str,
    lexical: list[tuple[str, float]],
    near: list[tuple[int, float]],
    vector: np.ndarray | None,
    index: _VectorIndex | None,
    weight: float,
) -> _Ranking:
    cosine: dict[str, float] = {}
    if index is not None and vector is not None:
        cosine = {index.ids[position]: similarity for position, similarity in near}
        cosine.update(index.cosines(vector, [f for f, _ in lexical if f not in cosine]))
    fused = dict(cosine)
    best_words = max((score for _, score in lexical), default=0.0) or 1.0
    for fid, words_score in lexical:
        fused[fid] = fused.get(fid, 0.0) + weight * words_score / best_words
    # Stable: equal scores keep the order the rankings gave (BM25 ties stay in SQLite's order).
    return _Ranking(query, sorted(fused, key=lambda f: -fused[f]), fused, cosine)


def _matches(store: Store, ranking: _Ranking, best: list[str]) -> list[Match]:
    words = set(_content_words(ranking.query))
    matches = []
    for row in store.get_factchecks(best):
        score = ranking.cosine.get(row["id"])
        if score is None:
            text = library_text(row["title"], row["claim"])
            score = _overlap(words, set(_content_words(text)))
        matches.append(
            Match(
                id=row["id"],
                claim=row["claim"],
                rating=row["rating"],
                publisher=row["publisher"],
                date=row["published"],
                url=row["url"],
                score=round(float(score), 4),
                origin=row["origin"],
                title=row["title"],
            )
        )
    return matches


# -- re-ranking -----------------------------------------------------------------------------
def rerank(store: Store, reranker: Reranker, ranking: _Ranking) -> list[str]:
    """The candidates re-ordered: the first :data:`RERANK_DEPTH` by ``fused score +
    RERANK_WEIGHT * the re-ranker's probability``, the rest after them as fused.

    The probability adds less than :data:`RERANK_WEIGHT`, so a candidate whose fused score is
    that far from its neighbours' keeps its place whatever the re-ranker says: only the
    candidates that could change places are read by it.
    """
    head = ranking.order[:RERANK_DEPTH]
    movable = [
        fid
        for n, fid in enumerate(head)
        if any(
            abs(ranking.fused[fid] - ranking.fused[other]) < RERANK_WEIGHT
            for other in head[max(0, n - 1) : n + 2]
            if other != fid
        )
    ]
    sure = dict.fromkeys(head, 0.0)
    if movable:
        rows = store.get_factchecks(movable)
        texts = {row["id"]: library_text(row["title"], row["claim"]) for row in rows}
        asked = [fid for fid in movable if fid in texts]
        logits = reranker.score(ranking.query, [texts[fid] for fid in asked])
        for fid, value in zip(asked, logits, strict=True):
            sure[fid] = 1.0 / (1.0 + math.exp(-float(value)))
    combined = {fid: ranking.fused[fid] + RERANK_WEIGHT * sure[fid] for fid in head}
    reordered = sorted(head, key=lambda f: -combined[f])
    return reordered + ranking.order[RERANK_DEPTH:]


class Reranker(Protocol):
    """A cross-encoder: one relevance logit per (query, text) pair."""

    name: str

    def score(self, query: str, texts: Sequence[str]) -> Any: ...


_SHIPPED: list[Reranker | None] = []
_SHIPPED_LOCK = threading.Lock()


def shipped_reranker() -> Reranker | None:
    """The installed re-ranker, loaded once; None when its folder is missing or unreadable
    (matching then keeps the fused order).
    """
    with _SHIPPED_LOCK:
        if not _SHIPPED:
            _SHIPPED.append(_load_reranker())
        return _SHIPPED[0]


def _load_reranker() -> Reranker | None:
    from workbench.claims.errors import ClaimsError

    try:
        from workbench.claims.reranking import default_model_dir, load_reranker

        if not default_model_dir().is_dir():
            return None
        return load_reranker()
    except (ClaimsError, ImportError, OSError):
        return None


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text.casefold()) if w not in STOP_WORDS]


def _overlap(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


# -- vectors ----------------------------------------------------------------------------------
def fill_vectors(
    store: Store,
    encoder: Encoder,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Compute and store the vectors the library lacks for ``encoder``; how many were added."""
    import numpy as np

    if store.read_only:
        return 0
    model = vector_model(encoder)
    added = 0
    while True:
        if cancelled is not None and cancelled():
            return added
        todo = store.factchecks_without_vectors(model, limit=BATCH)
        if not todo:
            return added
        rows: list[tuple[str, bytes]] = []
        for start in range(0, len(todo), ENCODE_BATCH):
            chunk = todo[start : start + ENCODE_BATCH]
            texts = [library_text(title, claim) for _, title, claim in chunk]
            vectors = np.asarray(encoder.encode(texts), dtype="<f2")
            rows += [(fid, vectors[n].tobytes()) for n, (fid, _, _) in enumerate(chunk)]
        store.set_factcheck_vectors(rows, model)
        added += len(rows)
        if progress is not None:
            progress("vectors", added, added + len(store.factchecks_without_vectors(model, 1)))


class _VectorIndex:
    """Every stored vector of one encoder as a float32 matrix, kept while the library is unchanged."""

    def __init__(self, generation: tuple[int, int], ids: list[str], matrix: np.ndarray) -> None:
        import numpy as np

        self.generation = generation
        #: Set once every item of the library was found to have a vector of this model.
        self.complete = False
        self.ids = ids
        self.row = {fid: n for n, fid in enumerate(ids)}
        self.matrix = np.ascontiguousarray(matrix, dtype=np.float32)

    def top(self, queries: np.ndarray, n: int) -> list[list[tuple[int, float]]]:
        """For each query row, the ``n`` nearest stored rows and their cosines, best first."""
        import numpy as np

        with _one_blas_thread():
            scores = np.asarray(queries, dtype=np.float32) @ self.matrix.T
        n = min(n, scores.shape[1])
        found = []
        for row in scores:
            part = np.argpartition(-row, n - 1)[:n]
            order = part[np.argsort(-row[part])]
            found.append([(int(i), float(row[i])) for i in order])
        return found

    def cosines(self, vector: np.ndarray, ids: list[str]) -> dict[str, float]:
        """The cosine of a query's ``vector`` with each of ``ids`` that has a vector."""
        known = [self.row[f] for f in ids if f in self.row]
        if not known:
            return {}
        with _one_blas_thread():
            found = self.matrix[known] @ vector.astype(self.matrix.dtype)
        return {self.ids[row]: float(c) for row, c in zip(known, found, strict=True)}


_BLAS: Any = None


def _one_blas_thread() -> Any:
    """A context in which numpy's BLAS runs on one thread. A product with the stored vectors is
    bound by memory, not arithmetic, so a second thread hardly speeds it; and BLAS threads go
    on waiting for work after it, on the cores the encoder and the re-ranker run on next.
    """
    global _BLAS
    if _BLAS is None:
        from threadpoolctl import ThreadpoolController

        _BLAS = ThreadpoolController()
    return _BLAS.limit(limits=1, user_api="blas")


_INDEXES: weakref.WeakKeyDictionary[Any, dict[str, _VectorIndex]] = weakref.WeakKeyDictionary()


def vector_index(store: Store, model: str) -> _VectorIndex:
    """The cached vectors of ``model`` for this store, read again when the library changed."""
    held = _INDEXES.setdefault(store, {})
    generation = store.library_generation()
    index = held.get(model)
    if index is None or index.generation != generation:
        ids, matrix = store.factcheck_vectors(model)
        index = _VectorIndex(generation, ids, matrix)
        held[model] = index
    return index
