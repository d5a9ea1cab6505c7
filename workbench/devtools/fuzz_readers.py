"""Fuzz every reader with generated inputs: ``make fuzz`` (``python -m workbench.devtools.fuzz_readers``).

Inputs are seed documents mutated at random with a fixed seed, so a run is repeatable: bytes
flipped, cut, repeated, spliced and inserted; for Word files the text part is mutated too and
the zip rebuilt, so the mutations reach python-docx and not just the zip check. Each reader must
end in an article whose blocks lie in its text or in :class:`IngestError`; anything else is an
uncaught error ("generic" counts refusals that only read_bytes' last line of defence turned
into the generic "looks damaged" message; the report names the library errors behind them).

Each reader runs in a process of its own, so its peak memory is its own: in one process the
garbage of thousands of inputs in a row (python-docx leaves reference cycles that Python's
collector frees only now and then, and the C allocator keeps what lxml freed) and every
library's first-use cost add up to a figure no single input comes near. The report gives, per reader, the inputs, uncaught errors, the peak
memory of its process, the largest rise of that peak during one input and the slowest input.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import resource
import subprocess
import sys
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from workbench.ingest import IngestError, read_bytes, read_pasted
from workbench.model import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
_TEXT = (
    "Kerry meets Putin in Moscow\n\nBy Jane Doe\n\nRussia and the United States are well "
    "prepared to discuss Syria, officials said on Friday. “We agreed,” Kerry said. "
    "Unemployment fell by 12% in 2015.\n\n• A meeting on Dec. 18\n\nReuters/Andrew Kelly\n"
)
# Pieces a hostile or damaged file is made of, spliced into the inputs.
_NASTY = (
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\r",
    b"\n\n",
    b"\xe2\x80\xae",
    b"<!DOCTYPE x [<!ENTITY e 'x'>]>",
    b"&e;",
    b"<div>" * 50,
    b"</p>",
    b"<p>",
    b"# ",
    b"---\n",
    b"*",
    b"[a](b)",
    b"|a|b|\n|-|-|\n",
    b"obj",
    b"endobj",
    b"stream",
    b"xref",
    b"trailer",
    b"/Length 999999",
    b"PK\x03\x04",
    b"\xd0\xbf\xd1\x80",
    "Путин".encode("utf-16-le"),
    b"a" * 5000,
    b". " * 500,
)
_RUN_TEXT = re.compile(rb"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")


@dataclass
class Tally:
    """Results for one reader."""

    inputs: int = 0
    articles: int = 0
    refused: int = 0
    generic: int = 0
    uncaught: list[str] = field(default_factory=list)
    slowest: float = 0.0
    slowest_input: str = ""
    #: Library exception types behind the generic refusals, with how often each came.
    generic_causes: Counter[str] = field(default_factory=Counter)
    #: The largest rise of the process's peak memory during one input, and that input.
    growth_mb: float = 0.0
    growth_input: str = ""
    #: The peak memory of the process that read this reader's inputs.
    peak_mb: float = 0.0


def _docx_seed() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Kerry meets Putin", style="Title")
    for paragraph in _TEXT.split("\n\n")[1:]:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "2015"
    table.cell(0, 1).text = "250,000"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf_seed() -> bytes:
    lines = [line for line in _TEXT.splitlines() if line.strip()]
    content = "BT /F1 11 Tf " + " ".join(
        f"1 0 0 1 72 {720 - 20 * i} Tm ({line.encode('ascii', 'replace').decode()}) Tj"
        for i, line in enumerate(lines)
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content} ET\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def _seeds() -> dict[str, list[bytes]]:
    texts = [path.read_bytes() for path in sorted(SEEDS.glob("*.txt"))[:3]] or [_TEXT.encode()]
    markdown = b"---\ntitle: Talks\nauthor: Jane Doe\n---\n# Kerry meets Putin\n\n*Standfirst.*\n\n"
    markdown += (
        b"Body with [a link](https://e.x) and **bold**.\n\n- one\n- two\n\n|a|b|\n|-|-|\n|1|2|\n"
    )
    html = (
        b"<html lang='en'><head><title>Kerry meets Putin</title><meta charset='utf-8'></head>"
        b"<body><article><h1>Kerry meets Putin</h1><p class='standfirst'>Talks end.</p>"
        b"<figure><img src='x.jpg'><figcaption>Kerry speaks. Reuters</figcaption></figure>"
        b"<p>Russia and the United States are well prepared to discuss Syria, officials said "
        b"on Friday in Moscow.</p><ul><li>one</li><li>two</li></ul><table><tr><td>2015</td>"
        b"<td>250,000</td></tr></table></article></body></html>"
    )
    return {
        ".txt": [*texts, _TEXT.encode("utf-16"), _TEXT.encode("cp1252", "replace")],
        ".md": [markdown, _TEXT.encode()],
        ".html": [html],
        ".docx": [_docx_seed()],
        ".pdf": [_pdf_seed()],
        "pasted": [_TEXT.encode()],
    }


def mutate(data: bytes, rng: random.Random) -> bytes:
    """``data`` changed by one to four random edits."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        edit = rng.randrange(7)
        at = rng.randrange(len(out) + 1)
        if edit == 0 and out:
            for _ in range(rng.randint(1, 16)):
                out[rng.randrange(len(out))] = rng.randrange(256)
        elif edit == 1:
            del out[at:]
        elif edit == 2:
            out[at:at] = rng.choice(_NASTY) * rng.choice((1, 1, 2, 50))
        elif edit == 3 and out:
            end = min(len(out), at + rng.randint(1, 2000))
            out[at:at] = out[at:end] * rng.randint(1, 20)
        elif edit == 4:
            del out[at : at + rng.randint(1, 500)]
        elif edit == 5:
            out[at:at] = rng.randbytes(rng.randint(1, 200))
        else:
            other = rng.randrange(len(out) + 1)
            out[at:at] = out[min(at, other) : max(at, other)][:5000]
    return bytes(out)


def _mutate_runs(xml: bytes, rng: random.Random) -> bytes:
    """Mutate the text of the runs only, so the XML stays well formed and reaches the reader."""

    def change(match: re.Match[bytes]) -> bytes:
        if rng.random() < 0.5:
            return match.group(0)
        text = mutate(match.group(2), rng).decode("utf-8", errors="replace")
        # Characters XML 1.0 cannot hold would only test lxml's refusal.
        text = "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20)
        return match.group(1) + escape(text).encode() + match.group(3)

    return _RUN_TEXT.sub(change, xml)


def _mutate_docx(data: bytes, rng: random.Random) -> bytes:
    """Mutate a Word file's parts and rebuild the zip (or, sometimes, mutate the zip itself)."""
    if rng.random() < 0.3:
        return mutate(data, rng)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml" and rng.random() < 0.6:
                content = _mutate_runs(content, rng)
            elif info.filename == "word/document.xml" or rng.random() < 0.05:
                content = mutate(content, rng)
            archive.writestr(info.filename, content)
    return out.getvalue()


def _check(article: Article) -> None:
    """The promises every article keeps; AssertionError when one is broken."""
    assert isinstance(article.text, str) and article.text.strip()
    assert "\r" not in article.text
    previous = 0
    for block in article.blocks:
        assert previous <= block.start < block.end <= len(article.text), block
        piece = article.text[block.start : block.end]
        assert piece.strip() and piece == piece.strip(), block
        previous = block.end


def _reader(kind: str) -> Callable[[bytes], Article]:
    if kind == "pasted":
        # surrogateescape keeps every byte: bad bytes become lone surrogates, as a clipboard
        # holding broken text can deliver.
        return lambda data: read_pasted(data.decode("utf-8", errors="surrogateescape"))
    return lambda data: read_bytes(data, f"fuzz{kind}")


def _peak_mb() -> float:
    """The peak resident memory of this process so far, in MB."""
    try:
        # ru_maxrss keeps the forking parent's size across exec; VmHWM is this program's.
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(inputs: int, seed: int, kinds: list[str]) -> dict[str, Tally]:
    """Fuzz each reader in ``kinds`` with ``inputs`` generated inputs."""
    seeds = _seeds()
    tallies: dict[str, Tally] = {}
    for kind in kinds:
        rng = random.Random(f"{seed}:{kind}")
        read = _reader(kind)
        tally = tallies[kind] = Tally()
        for number in range(inputs):
            base = rng.choice(seeds[kind])
            data = _mutate_docx(base, rng) if kind == ".docx" else mutate(base, rng)
            peak_before = _peak_mb()
            started = time.perf_counter()
            try:
                _check(read(data))
                tally.articles += 1
            except IngestError as exc:
                tally.refused += 1
                # Refused by read_bytes' last line of defence: a library error the reader
                # itself did not expect (the user still gets one clear line).
                if exc.__cause__ is not None and str(exc).endswith("the file looks damaged."):
                    tally.generic += 1
                    cause = type(exc.__cause__)
                    tally.generic_causes[f"{cause.__module__}.{cause.__qualname__}"] += 1
            except Exception:  # every other error is what the fuzzer is for
                tally.uncaught.append(f"input {number}: {traceback.format_exc(limit=3)}")
            elapsed = time.perf_counter() - started
            growth = _peak_mb() - peak_before
            tally.inputs += 1
            if elapsed > tally.slowest:
                tally.slowest = elapsed
                tally.slowest_input = f"input {number} ({len(data):,} bytes)"
            if growth > tally.growth_mb:
                tally.growth_mb = growth
                tally.growth_input = f"input {number} ({len(data):,} bytes)"
        tally.peak_mb = _peak_mb()
    return tallies


def run_isolated(inputs: int, seed: int, kinds: list[str]) -> dict[str, Tally]:
    """Fuzz each reader in ``kinds`` in a fresh process, so each peak memory is its own."""
    tallies: dict[str, Tally] = {}
    for kind in kinds:
        command = [sys.executable, "-m", "workbench.devtools.fuzz_readers"]
        command += ["--inputs", str(inputs), "--seed", str(seed), "--readers", kind, "--child"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        try:
            fields = json.loads(done.stdout)
            fields["generic_causes"] = Counter(fields["generic_causes"])
            tallies[kind] = Tally(**fields)
        except (ValueError, KeyError, TypeError):
            # The process died (a crash in a library, killed for memory): that is an
            # uncaught error too, and what it said last is the clue.
            tallies[kind] = Tally(
                uncaught=[
                    f"the {kind} process ended with code {done.returncode}: {done.stderr[-2000:]}"
                ]
            )
    return tallies


def _report(tallies: dict[str, Tally], seconds: float) -> None:
    """Print the table of figures per reader and what the generic refusals came from."""
    print(
        f"{'reader':8} {'inputs':>7} {'articles':>8} {'refused':>8} {'generic':>8} "
        f"{'uncaught':>8} {'peak MB':>8} {'input MB':>8}  slowest"
    )
    for kind, tally in tallies.items():
        print(
            f"{kind:8} {tally.inputs:7,} {tally.articles:8,} {tally.refused:8,} "
            f"{tally.generic:8,} {len(tally.uncaught):8,} {tally.peak_mb:8.0f} "
            f"{tally.growth_mb:8.1f}  {tally.slowest:.2f} s, {tally.slowest_input}"
        )
    peak_kind = max(tallies, key=lambda kind: tallies[kind].peak_mb)
    growth_kind = max(tallies, key=lambda kind: tallies[kind].growth_mb)
    slow_kind = max(tallies, key=lambda kind: tallies[kind].slowest)
    print(
        f"peak memory {tallies[peak_kind].peak_mb:.0f} MB ({peak_kind}, each reader in a "
        f"process of its own); largest rise for one input "
        f"{tallies[growth_kind].growth_mb:.1f} MB ({growth_kind} {tallies[growth_kind].growth_input}); "
        f"slowest input {tallies[slow_kind].slowest:.2f} s ({slow_kind} "
        f"{tallies[slow_kind].slowest_input}); {seconds:.0f} s in all"
    )
    for kind, tally in tallies.items():
        if tally.generic_causes:
            causes = ", ".join(f"{name} ×{n}" for name, n in tally.generic_causes.most_common())
            print(f"generic refusals of {kind} came from: {causes}")


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer and print its report; exit 1 when a reader let an error through."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="inputs per reader")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument(
        "--readers", default=".txt,.md,.html,.docx,.pdf,pasted", help="comma-separated"
    )
    # Run by run_isolated: one reader, its figures as JSON for the parent.
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    kinds = args.readers.split(",")
    if args.child:
        (tally,) = run(args.inputs, args.seed, kinds).values()
        print(json.dumps(asdict(tally)))
        return 0
    started = time.perf_counter()
    tallies = run_isolated(args.inputs, args.seed, kinds)
    _report(tallies, time.perf_counter() - started)
    failures = [error for tally in tallies.values() for error in tally.uncaught]
    for error in failures[:10]:
        print(error, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
