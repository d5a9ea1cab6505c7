"""The HTML report in headless Chromium with the network off: the page requests nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from workbench.report.html import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium is not installed (Debian package: chromium)"
    ),
]


def _load(page: Path, workdir: Path) -> tuple[str, list[str]]:
    """Open ``page`` offline; return its DOM and every URL the page itself asked for."""
    netlog = workdir / "netlog.json"
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={workdir / 'profile'}",
            # Network off: no name resolves and any proxy use goes to a closed port.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=http://127.0.0.1:9",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            f"--log-net-log={netlog}",
            "--virtual-time-budget=3000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    # Chromium's own services (clock, updates, sign-in) also appear in the log; only requests
    # made on behalf of the file:// page carry a file:// network isolation key.
    asked = [
        event["params"]["url"]
        for event in log["events"]
        if event["type"] == start_job
        and "url" in event.get("params", {})
        and str(event["params"].get("network_isolation_key", "")).startswith("file://")
        and not event["params"]["url"].startswith("file:")
    ]
    return result.stdout, asked


def test_a_page_that_loads_something_is_caught(tmp_path: Path) -> None:
    page = tmp_path / "control.html"
    page.write_text(
        '<html><body><img src="http://tracker.example.com/pixel.png">'
        '<link rel="stylesheet" href="https://fonts.example.net/css"></body></html>'
    )
    _, asked = _load(page, tmp_path)
    assert "http://tracker.example.com/pixel.png" in asked
    assert "https://fonts.example.net/css" in asked


@pytest.mark.parametrize("keep_csp", [True, False], ids=["as-written", "without-its-csp"])
def test_the_report_makes_no_request(report, tmp_path: Path, keep_csp: bool) -> None:
    html = render_html(report)
    if not keep_csp:
        # The template itself must need nothing, even without the CSP's safety net.
        html = html.replace("default-src 'none'", "default-src *")
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    dom, asked = _load(page, tmp_path)
    assert "Kerry and Putin meet in Moscow" in dom
    assert asked == []
    # The hostile claim stayed text: no script ran to change the page.
    assert "&lt;script&gt;alert(" in dom
