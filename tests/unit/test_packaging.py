"""The Linux desktop entry, AppStream metainfo and app icons agree with each other and validate."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from workbench import __version__

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "resources" / "icons"
APP_ID = "org.factcheckworkbench.Workbench"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_desktop_entry_launches_the_workbench_with_our_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Factcheck Workbench"
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "workbench"
    assert entry["Terminal"] == "false"


def test_metainfo_has_the_required_elements_and_matching_ids() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("name") == _desktop_entry()["Name"]
    assert root.findtext("summary")
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.find("content_rating") is not None
    versions = [r.get("version") for r in root.findall("releases/release")]
    assert __version__ in versions
    assert root.find("screenshots/screenshot/image") is not None


@pytest.mark.parametrize("size", SIZES)
def test_icon_png_exists_at_every_size(size: int) -> None:
    png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png.is_file(), (
        f"missing {png.relative_to(ROOT)}: run python -m workbench.devtools.render_icons"
    )
    assert _png_size(png) == (size, size)


def test_scalable_icon_and_platform_icons_exist() -> None:
    svg = ET.parse(ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").getroot()
    assert svg.tag.endswith("svg")
    assert (ICONS / "workbench.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (ICONS / "workbench.icns").read_bytes()[:4] == b"icns"


def _pixels(path: Path):  # type: ignore[no-untyped-def]
    import numpy as np
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8)
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].astype(int)


def test_committed_icons_are_rendered_from_the_svg(qapp: object, tmp_path: Path) -> None:
    """Editing the SVG without re-rendering the PNGs fails here (small antialiasing drift allowed)."""
    from workbench.devtools import render_icons

    render_icons.render_all(icons=tmp_path)
    for size in SIZES:
        fresh = render_icons.png_path(size, tmp_path)
        committed = render_icons.png_path(size)
        drift = abs(_pixels(fresh) - _pixels(committed))
        assert drift.mean() < 2 and (drift > 64).mean() < 0.01, (
            f"{committed.relative_to(ROOT)} is out of date: run python -m workbench.devtools.render_icons"
        )


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate not installed (Debian/Ubuntu package desktop-file-utils)",
)
def test_desktop_entry_passes_desktop_file_validate() -> None:
    done = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


@pytest.mark.skipif(
    shutil.which("appstreamcli") is None,
    reason="appstreamcli not installed (Debian/Ubuntu package appstream)",
)
def test_metainfo_passes_appstreamcli_validate() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
