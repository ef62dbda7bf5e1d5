"""Warm re-lint in the language server next to an in-process lint of the same plan.

Issue 19 wants the diagnostics of a one-character edit of a 50-account plan
published within 1.5x the time `lint_bytes` takes on that plan in process,
both measured in the same run, debounce excluded (`debounceMs` is 0 here).
The server is a real child process spoken to over stdio, with the test
suite's client (tests/test_lsp.py), so the time includes JSON-RPC, applying
the edit, placing every diagnostic and writing them out.

    python bench/lsp_speed.py [--accounts 50] [--repeat 15]
"""

from __future__ import annotations

import argparse
import datetime
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
from test_lsp import Client  # noqa: E402

from bench.gen_inventory import write  # noqa: E402
from smplan_lint.filters import Selection  # noqa: E402
from smplan_lint.lint import lint_bytes  # noqa: E402
from smplan_lint.setup import Setups  # noqa: E402

TODAY = "2026-11-27"


def in_process(path: Path, text: str, repeat: int) -> list[float]:
    """Seconds per warm `lint_bytes` of the plan, with the command line's setup."""
    setup = Setups(None, (), None).for_path(str(path), Selection())
    today = datetime.date.fromisoformat(TODAY)
    times = []
    for _ in range(repeat + 1):  # the first run warms caches, as the server's open did
        start = time.perf_counter()
        lint_bytes(text.encode(), str(path), setup.compiled, setup.engine, today, setup.policy)
        # The collection a lint defers (smplan_lint/collector.py) is its cost: in the
        # server it happens while the diagnostics are sent.
        gc.collect(1)
        times.append(time.perf_counter() - start)
    return times[1:]


def through_server(folder: Path, path: Path, text: str, repeat: int) -> list[float]:
    """Seconds from sending a one-character didChange to reading its diagnostics."""
    uri = path.as_uri()
    client = Client(folder)
    try:
        client.request("initialize", {"processId": None, "rootUri": folder.as_uri(),
                                      "capabilities": {}, "initializationOptions": {
                                          "smplanLint": {"today": TODAY, "debounceMs": 0}}})
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        client.diagnostics(uri)
        row = next(n for n, line in enumerate(text.splitlines()) if "purpose:" in line)
        end = len(text.splitlines()[row])
        times = []
        for version in range(2, repeat + 3):
            added = version % 2 == 0  # type a character, then delete it again
            span = {"start": {"line": row, "character": end},
                    "end": {"line": row, "character": end + (0 if added else 1)}}
            start = time.perf_counter()
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": span, "text": "s" if added else ""}]})
            client.diagnostics(uri)
            times.append(time.perf_counter() - start)
        client.close()
    finally:
        client.process.kill()
        client.process.wait()
    return times[1:]  # the first edit warms the incremental path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=15, help="edits and lints measured")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / f"p{options.accounts}.smplan.yaml"
        write(options.accounts, path)
        text = path.read_text(encoding="utf-8")
        lint = in_process(path, text, options.repeat)
        served = through_server(folder, path, text, options.repeat)
    for label, times in (("in-process lint_bytes", lint), ("server, edit to diagnostics", served)):
        print(f"{label:>28}: median {statistics.median(times) * 1000:6.1f} ms, "
              f"best {min(times) * 1000:6.1f} ms")
    ratio = statistics.median(served) / statistics.median(lint)
    print(f"warm re-lint ratio (medians): {ratio:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
