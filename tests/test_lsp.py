"""The language server, spoken to as an editor would: a child process, LSP over stdio.

The JSON-RPC framing (Content-Length headers) is written here, not borrowed
from pygls's client, so the test checks the bytes an editor really sees.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, TODAY, run_cli

from smplan_lint.filters import Selection
from smplan_lint.lint import lint_bytes
from smplan_lint.lsp.actions import apply, fixes
from smplan_lint.setup import Setups

try:
    import pygls  # noqa: F401
except ImportError:
    HAVE_PYGLS = False
else:
    HAVE_PYGLS = True
needs_pygls = pytest.mark.skipif(not HAVE_PYGLS,
                                 reason="pygls is not installed (pip install 'smplan-lint[lsp]')")
WAIT = 60  # seconds: only catches a hang


class Client:
    """A minimal LSP client: framed JSON-RPC over the server's stdin and stdout."""

    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "smplan_lint", "lsp"], cwd=cwd,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.transcript: list[tuple[str, dict[str, Any]]] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers = {}
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            if not line:
                return
            body = stream.read(int(headers["content-length"]))
            self.messages.put(json.loads(body))

    def send(self, message: dict[str, Any]) -> None:
        self.transcript.append(("->", message))
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def receive(self, wanted: Any) -> dict[str, Any]:
        """The next message `wanted(message)` accepts; others are kept in the transcript."""
        while True:
            message = self.messages.get(timeout=WAIT)
            self.transcript.append(("<-", message))
            if wanted(message):
                return message

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        number = self.next_id
        self.send({"id": number, "method": method, "params": params})
        reply = self.receive(lambda m: m.get("id") == number and "method" not in m)
        assert "error" not in reply, reply
        return reply["result"]

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        found = self.receive(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"]["uri"] == uri)
        return found["params"]["diagnostics"]

    def close(self) -> int:
        self.request("shutdown", {})
        self.notify("exit", {})
        return self.process.wait(timeout=WAIT)


def _cli_findings(text: str, path: str) -> set[tuple[str, int, str]]:
    """(rule, line, severity) as the command line reports them for this text."""
    setup = Setups(None, (), None).for_path(path, Selection())
    result = lint_bytes(text.encode(), path, setup.compiled, setup.engine, TODAY, setup.policy)
    return {(f.rule, f.line, f.severity) for f in result.findings}


SEVERITY = {1: "error", 2: "warning", 3: "info"}


def _line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines()) if needle in line)


@pytest.fixture
def client(tmp_path):
    """A started, initialized server; the exchange is printed afterwards (`pytest -s`)."""
    started = Client(tmp_path)
    try:
        init = started.request("initialize", {
            "processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {},
            "initializationOptions": {"smplanLint": {"today": TODAY.isoformat(),
                                                     "debounceMs": 20}}})
        assert init["capabilities"]["hoverProvider"]
        assert init["capabilities"]["codeActionProvider"]
        started.notify("initialized", {})
        yield started
    finally:
        started.process.kill()
        started.process.wait()
        _print_transcript(started.transcript)


@needs_pygls
def test_lsp_over_stdio(client, tmp_path):
    plan = tmp_path / "team.smplan.yaml"
    text = (FIXTURES / "failing.smplan.yaml").read_text(encoding="utf-8")
    uri = plan.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    found = client.diagnostics(uri)

    # The command line's verdict, with code, severity and place.
    assert {(d["code"], d["range"]["start"]["line"] + 1, SEVERITY[d["severity"]])
            for d in found} == _cli_findings(text, str(plan))
    assert all("codeDescription" not in d for d in found)
    reference = next(d for d in found if d["code"] == "SMP107")
    row = _line_of(text, "account: ig-mian")
    assert reference["range"] == {"start": {"line": row, "character": 4},
                                  "end": {"line": row, "character": 20}}

    # An edit changes the verdict: the misspelt account reference is fixed.
    column = text.splitlines()[row].index("ig-mian")
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": row, "character": column},
                                      "end": {"line": row, "character": column + 7}},
                            "text": "ig-main"}]})
    text = text.replace("ig-mian", "ig-main")
    changed = client.diagnostics(uri)
    assert "SMP107" not in {d["code"] for d in changed}
    assert {d["code"] for d in changed} < {d["code"] for d in found}

    # Hover on a rule id explains the rule.
    hover = client.request("textDocument/hover", {
        "textDocument": {"uri": uri},
        "position": {"line": _line_of(text, "SMP208: \"kept"), "character": 20}})
    assert "SMP208 account-without-goal" in hover["contents"]["value"]

    # A code action marks the likely fake as reported; comments stay.
    at = {"line": _line_of(text, "handle: acme_c0ffee_official"), "character": 6}
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": at, "end": at},
        "context": {"diagnostics": [d for d in changed if d["code"] == "SMP501"]}})
    action = next(a for a in actions if "status: reported" in a["title"])
    assert action["diagnostics"][0]["code"] == "SMP501"
    fixed = _apply(text, action["edit"]["changes"][uri])
    assert yaml.safe_load(fixed)["discovered"][0]["status"] == "reported"
    assert fixed.count("# expect:") == text.count("# expect:")

    # YAML that cannot be parsed: one error, at the parse error.
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 3},
        "contentChanges": [{"text": "version: 1\naccounts: [\n  {id: a\n"}]})
    broken = client.diagnostics(uri)
    assert len(broken) == 1 and broken[0]["severity"] == 1
    assert "'{' is not closed" in broken[0]["message"]
    assert broken[0]["range"]["start"]["line"] == 2
    assert client.close() == 0


STALE_AUDIT = """version: 1
organisation: {name: Acme}
audit: {last_reviewed: 2026-11-01, review_every_days: 90, reviewer: jo}
people:
  - {id: jo, name: Jo, active: true}
"""


@needs_pygls
def test_settings_pulled_and_configuration_changed_on_disk(tmp_path):
    """A client that keeps settings (VS Code) is asked for them; one that watches files
    is asked to report configurations and packs changed outside the editor."""
    client = Client(tmp_path)
    try:
        client.request("initialize", {
            "processId": None, "rootUri": tmp_path.as_uri(),
            "capabilities": {"workspace": {
                "configuration": True, "didChangeWatchedFiles": {"dynamicRegistration": True}}}})
        client.notify("initialized", {})
        registration = client.receive(lambda m: m.get("method") == "client/registerCapability")
        watchers = registration["params"]["registrations"][0]["registerOptions"]["watchers"]
        assert {"globPattern": "**/pyproject.toml"} in watchers
        client.send({"id": registration["id"], "result": None})
        pulled = client.receive(lambda m: m.get("method") == "workspace/configuration")
        assert pulled["params"]["items"] == [{"section": "smplanLint"}]
        client.send({"id": pulled["id"], "result": [{"today": "2027-06-01"}]})

        plan = tmp_path / "team.smplan.yaml"
        uri = plan.as_uri()
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": STALE_AUDIT}})
        assert "SMP402" in {d["code"] for d in client.diagnostics(uri)}  # today: 2027-06-01

        # The pull model's change: no values, so the server asks again.
        client.notify("workspace/didChangeConfiguration", {"settings": None})
        again = client.receive(lambda m: m.get("method") == "workspace/configuration")
        client.send({"id": again["id"], "result": [{"today": "2026-11-27"}]})
        assert "SMP402" not in {d["code"] for d in client.diagnostics(uri)}

        # A configuration written by another program: every open plan is linted again.
        (tmp_path / ".smplan-lint.yaml").write_text("ignore: [SMP405]\n")
        client.notify("workspace/didChangeWatchedFiles", {"changes": [
            {"uri": (tmp_path / ".smplan-lint.yaml").as_uri(), "type": 1}]})
        assert {d["code"] for d in client.diagnostics(uri)} == {"SMP101"}
        assert client.close() == 0
    finally:
        client.process.kill()
        client.process.wait()


def _apply(text: str, edits: list[dict[str, Any]]) -> str:
    """The text with LSP text edits made (ASCII text: UTF-16 units are characters)."""
    lines = text.splitlines(keepends=True)

    def offset(position: dict[str, int]) -> int:
        return sum(len(line) for line in lines[:position["line"]]) + position["character"]

    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def _print_transcript(transcript: list[tuple[str, dict[str, Any]]]) -> None:
    """Shown with `pytest -s`: the exchange, long values cut short."""
    for direction, message in transcript:
        shown = json.dumps(message)
        print(direction, shown if len(shown) < 300 else shown[:297] + "...")


def test_lsp_without_pygls_says_how_to_install(tmp_path):
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text("import sys\nsys.modules['pygls'] = None\n", encoding="utf-8")
    import os

    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    result = run_cli("lsp", env=env)
    assert result.returncode == 2
    assert "pip install 'smplan-lint[lsp]'" in result.stderr.decode()


FLOW_PLAN = """\
version: 1
organisation: {name: Acme, brand_terms: [acme]}   # the brand
accounts:
- {id: ig, network: instagram, handle: acme, owner: ana,
   followers: 10}   # a flow item over two lines
- id: x
  network: x   # keep this comment
  handle: acme_x
  owner: ana
  lint-ignore:
    SMP208: on its way out
discovered:
- {network: x, handle: acme_0fficial, display_name: Acme Official, status: unreviewed}
"""


def _fixes(text: str, rule: str) -> list:
    path = "plan.smplan.yaml"
    setup = Setups(None, (), "python").for_path(path, Selection())
    result = lint_bytes(text.encode(), path, setup.compiled, setup.engine, TODAY, setup.policy)
    return fixes(text, path, [f for f in result.findings if f.rule == rule])


@pytest.mark.parametrize("rule, pointer, title, check", [
    ("SMP501", "/discovered/0", "reported", lambda p: p["discovered"][0]["status"] == "reported"),
    ("SMP204", "/accounts/0", "delete", lambda p: p["accounts"][0]["status"] == "delete"),
    ("SMP204", "/accounts/1", "delete", lambda p: p["accounts"][1]["status"] == "delete"),
    ("SMP204", "/accounts/0", "lint-ignore",
     lambda p: "SMP204" in p["accounts"][0]["lint-ignore"]),
    ("SMP101", "", "lint-ignore", lambda p: set(p["lint-ignore"]) == {"SMP101"}),
])
def test_fixes_keep_flow_and_block_layout(rule, pointer, title, check):
    """Edits in flow items (one over two lines), block items and at the plan's top level."""
    text = FLOW_PLAN
    chosen = [fix for fix in _fixes(text, rule)
              if title in fix.title and fix.finding.path == pointer]
    assert chosen, [fix.title for fix in _fixes(text, rule)]
    edited = apply(text, chosen[0].edit)
    assert check(yaml.safe_load(edited))
    assert "# keep this comment" in edited and "# a flow item over two lines" in edited
    assert len(edited.splitlines()) - len(text.splitlines()) <= 1


def test_block_lint_ignore_gains_a_line():
    (fix,) = [f for f in _fixes(FLOW_PLAN, "SMP202")
              if "lint-ignore" in f.title and f.finding.path == "/accounts/1"]
    edited = apply(FLOW_PLAN, fix.edit)
    assert '    SMP202: "TODO: say why this finding is accepted"\n' in edited
    assert yaml.safe_load(edited)["accounts"][1]["lint-ignore"]["SMP208"] == "on its way out"


def test_suggestion_replaces_the_value_or_the_key():
    text = FLOW_PLAN
    plan = "plan.smplan.yaml"
    setup = Setups(None, (), "python").for_path(plan, Selection())
    found = lint_bytes(text.encode(), plan, setup.compiled, setup.engine, TODAY,
                       setup.policy).findings
    finding = next(f for f in found if f.rule == "SMP204")
    owner = text.splitlines().index("  owner: ana")
    finding = finding._replace(line=owner + 1, column=3, suggestion="anna")
    (value,) = [f for f in fixes(text, plan, [finding]) if "anna" in f.title]
    assert yaml.safe_load(apply(text, value.edit))["accounts"][1]["owner"] == "anna"
    finding = finding._replace(suggestion="owners")
    (key,) = [f for f in fixes(text, plan, [finding]) if "owners" in f.title]
    assert yaml.safe_load(apply(text, key.edit))["accounts"][1]["owners"] == "ana"


def test_settings_nested_or_dotted_and_bad_values_kept():
    from smplan_lint.lsp.settings import Settings, merge

    settings, warnings = merge(Settings(), {"smplanLint": {"today": "2026-11-27",
                                                           "rules": "org-pack"},
                                            "smplanLint.debounceMs": 50})
    assert settings == Settings(TODAY, None, ("org-pack",), 50) and not warnings
    kept, warnings = merge(settings, {"smplanLint": {"today": "27/11/2026", "engine": "jess",
                                                     "debounceMs": -1, "colour": "red"}})
    assert kept == settings and len(warnings) == 4
