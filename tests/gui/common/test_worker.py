"""Slow work runs on the worker thread; its result, error or cancellation reaches the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from workbench.store import InvalidInputError
from workbench.ui.common.worker import Job, JobRunner

pytestmark = pytest.mark.gui


def test_a_job_runs_off_the_gui_thread_and_reports_back_on_it(qtbot) -> None:
    runner = JobRunner()
    seen: dict[str, object] = {}

    def work(progress, is_cancelled):
        seen["worker"] = QThread.currentThread()
        progress(1, 2)
        return 42

    job = Job(
        "Counting…",
        work,
        on_finished=lambda result: seen.update(result=result, gui=QThread.currentThread()),
    )
    with qtbot.waitSignal(job.finished, timeout=5000) as blocker:
        runner.start(job)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert blocker.args == [42]
    assert seen["result"] == 42
    assert seen["worker"] is not seen["gui"]
    runner.shut_down()


def test_a_failing_job_gives_a_message_for_people(qtbot) -> None:
    runner = JobRunner()

    def work(progress, is_cancelled):
        raise InvalidInputError("The article has no text; nothing was saved.")

    job = Job("Importing…", work)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        runner.start(job)
    assert blocker.args == ["The article has no text; nothing was saved."]
    runner.shut_down()


def test_cancel_stops_a_running_job(qtbot) -> None:
    runner = JobRunner()
    started = threading.Event()

    def work(progress, is_cancelled):
        started.set()
        stop = threading.Event()
        while not is_cancelled():
            stop.wait(0.005)
        return "too late"

    job = Job("Finding claims…", work)
    runner.start(job)
    assert started.wait(5)
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        runner.cancel_all()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    runner.shut_down()


def test_a_stopped_extraction_is_cancelled_quietly(qtbot, caplog) -> None:
    from workbench.claims.errors import ExtractionCancelled

    runner = JobRunner()
    started = threading.Event()

    def work(progress, is_cancelled):
        started.set()
        stop = threading.Event()
        while not is_cancelled():
            stop.wait(0.005)
        raise ExtractionCancelled()  # what claims/ raises when its pipeline is stopped

    job = Job("Finding claims…", work)
    failures: list[str] = []
    job.failed.connect(failures.append)
    runner.start(job)
    assert started.wait(5)
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        runner.cancel_all()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    runner.shut_down()
    assert failures == []
    assert [r for r in caplog.records if r.levelname in ("WARNING", "ERROR") or r.exc_info] == []
