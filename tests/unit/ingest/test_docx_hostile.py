"""Word files crafted to hurt: a zip directory that lies about sizes, XML entities."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from workbench.ingest import IngestError, read_path

from .test_docx_reader import make_docx, write

# The bomb inflates to 400 MB but says 5 KB; the process must stay far below that.
BOMB_BYTES = 400 * 1024 * 1024
DECLARED = 5 * 1024
PEAK_LIMIT_MB = 300


def lying_docx(path: Path) -> None:
    """A Word document whose text part inflates to 400 MB of spaces but is declared as 5 KB."""
    with zipfile.ZipFile(io.BytesIO(make_docx())) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for part, content in parts.items():
            if part != "word/document.xml":
                archive.writestr(part, content)
        with archive.open("word/document.xml", "w") as member:
            member.write(parts["word/document.xml"])
            chunk = b" " * (4 * 1024 * 1024)
            for _ in range(BOMB_BYTES // len(chunk)):
                member.write(chunk)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    # The uncompressed size in the local header (offset 22) and the central directory (24).
    struct.pack_into("<I", data, info.header_offset + 22, DECLARED)
    entry = data.rindex(b"word/document.xml") - 46
    assert data[entry : entry + 4] == b"PK\x01\x02"
    struct.pack_into("<I", data, entry + 24, DECLARED)
    path.write_bytes(bytes(data))


def test_lying_zip_bomb_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    lying_docx(path)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("word/document.xml").file_size == DECLARED
    probe = (
        "import resource, sys\n"
        "from workbench.ingest import IngestError, read_path\n"
        "try:\n"
        "    read_path(sys.argv[1])\n"
        "    print('read')\n"
        "except IngestError as exc:\n"
        "    print(exc)\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024\n"
        "try:\n"
        "    # ru_maxrss keeps the forking parent's size across exec; VmHWM is this program's.\n"
        "    status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
        "    peak = int(status.split()[0]) // 1024\n"
        "except (OSError, IndexError):\n"
        "    pass\n"
        "print(peak)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    message, peak_mb = result.stdout.strip().rsplit("\n", 1)
    assert "“bomb.docx” has a part that unpacks to far more than the file says" in message
    assert "zip bomb" in message
    assert int(peak_mb) < PEAK_LIMIT_MB, f"peak memory {peak_mb} MB"
    assert result.stderr == ""


def _with_document_xml(change: bytes, before: bytes = b"<w:document") -> bytes:
    """The sample document with ``change`` put before the root element of its text part."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(make_docx())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = content.replace(before, change + before, 1)
                content = content.replace(b"officials said.", b"officials &secret; said.", 1)
            archive.writestr(info.filename, content)
    return out.getvalue()


def test_docx_with_entities_is_refused_not_read_with_text_missing(tmp_path: Path) -> None:
    data = _with_document_xml(b'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "/etc/hostname">]>')
    with pytest.raises(IngestError, match=r"“xxe\.docx” declares XML entities.*not opened"):
        read_path(write(tmp_path, data, "xxe.docx"))


def test_damaged_compressed_part_is_refused_as_damaged(tmp_path: Path) -> None:
    data = bytearray(make_docx())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start : start + 64] = b"\xff" * 64
    with pytest.raises(IngestError, match=r"“broken\.docx” is not a Word document or it is dam"):
        read_path(write(tmp_path, bytes(data), "broken.docx"))
