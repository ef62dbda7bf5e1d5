"""The pygls wiring: which documents are plans, when they are linted, what is published.

A plan is linted from the editor's buffer, never from the disk: at once when it
is opened or saved, and `debounceMs` after the last change while typing. The
last verdict per document is kept for hover and code actions, which must
describe the text the author sees. Positions go through the client's
negotiated encoding (UTF-16 by default); everything below works in characters.

Settings come pushed (`workspace/didChangeConfiguration` with the values) or,
from a client that keeps them for the editor as VS Code does, pulled
(`workspace/configuration`) at start and whenever it says they changed. A
client that can watch files is asked to report changes of YAML files and of
`pyproject.toml` made outside the editor (a `git checkout`, a script): a
changed configuration or pack re-lints every open plan.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from smplan_lint import __version__
from smplan_lint.findings import Finding
from smplan_lint.lsp import actions, diagnostics
from smplan_lint.lsp.hover import hover_text
from smplan_lint.lsp.linting import Linter
from smplan_lint.lsp.settings import SECTION, Settings, merge
from smplan_lint.records import NamedTuple

WATCHED = ("**/*.yaml", "**/*.yml", "**/pyproject.toml")
"""Files whose change on disk may change a verdict: configurations and packs."""


class Verdict(NamedTuple):
    """The findings published for one version of a document's text."""

    text: str
    findings: list[Finding]


class PlanServer(LanguageServer):
    """A language server that knows which documents are plans and what was last said of them."""

    def __init__(self) -> None:
        super().__init__("smplan-lint", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.linter = Linter(Settings())
        self.verdicts: dict[str, Verdict] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.root: str | None = None  # the workspace folder, when the client names one

    def apply_settings(self, raw: Any) -> None:
        """New settings re-lint every open plan; extra packs are named from the workspace root."""
        settings, warnings = merge(self.linter.settings, raw)
        for warning in warnings:
            self.window_show_message(types.ShowMessageParams(types.MessageType.Warning, warning))
        if self.root:
            settings = replace(settings, rules=tuple(os.path.join(self.root, path)
                                                     for path in settings.rules))
        if settings != self.linter.settings:
            self.linter.configure(settings)
            self.relint_all()

    async def pull_settings(self) -> None:
        """Ask the client for the `smplanLint` section (the pull model)."""
        found = await self.workspace_configuration_async(types.ConfigurationParams(
            items=[types.ConfigurationItem(section=SECTION)]))
        if found and isinstance(found[0], dict):
            self.apply_settings({SECTION: found[0]})

    def can(self, capability: str) -> bool:
        """Whether the client declared a workspace capability (`configuration`, or
        dynamic registration of `did_change_watched_files`)."""
        workspace = self.client_capabilities.workspace
        if workspace is None:
            return False
        if capability == "configuration":
            return bool(workspace.configuration)
        watched = workspace.did_change_watched_files
        return bool(watched and watched.dynamic_registration)

    def path(self, uri: str) -> str | None:
        """The plan's file path, or None when the document is not a plan."""
        path = to_fs_path(uri)
        return path if path and self.linter.wants(path) else None

    def schedule(self, uri: str, delay_ms: int) -> None:
        """Lint `uri` after `delay_ms`, replacing a lint already waiting for it."""
        self.cancel(uri)
        if delay_ms <= 0:
            self.publish(uri)
            return
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(delay_ms / 1000, self.publish, uri)

    def publish(self, uri: str) -> None:
        """Lint the document's current text and publish its diagnostics."""
        self.pending.pop(uri, None)
        path = self.path(uri)
        if path is None:
            return
        document = self.workspace.get_text_document(uri)
        text = document.source
        outcome = self.linter.lint(path, text)
        self.verdicts[uri] = Verdict(text, outcome.findings)
        lines = document.lines
        found = ([diagnostics.from_problem(outcome.problem, lines)] if outcome.problem
                 else [diagnostics.from_finding(finding, lines) for finding in outcome.findings])
        for diagnostic in found:
            diagnostic.range = client_range(document, lines, diagnostic.range)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=document.version, diagnostics=found))

    def relint_all(self) -> None:
        for uri in list(self.verdicts):
            self.schedule(uri, 0)

    def cancel(self, uri: str) -> None:
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()

    def forget(self, uri: str) -> None:
        self.cancel(uri)
        if self.verdicts.pop(uri, None) is not None:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


def client_range(document: TextDocument, lines: Sequence[str], found: types.Range) -> types.Range:
    """A range in characters as the client counts (UTF-16 code units unless negotiated)."""
    return document.position_codec.range_to_client_units(lines, found)


server = PlanServer()


@server.feature(types.INITIALIZE)
def initialize(ls: PlanServer, params: types.InitializeParams) -> None:
    ls.root = to_fs_path(params.root_uri) if params.root_uri else params.root_path
    ls.apply_settings(params.initialization_options)


@server.feature(types.INITIALIZED)
async def initialized(ls: PlanServer, params: types.InitializedParams) -> None:
    if ls.can("watched_files"):
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[
            types.Registration(
                id="smplan-lint-watched-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(
                    watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]))]))
    if ls.can("configuration"):
        await ls.pull_settings()


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def changed_configuration(ls: PlanServer,
                                params: types.DidChangeConfigurationParams) -> None:
    """Settings that came with the notification are used; a client that sends none
    (the pull model) is asked for them."""
    pushed = params.settings
    has_section = isinstance(pushed, dict) and any(
        key == SECTION or str(key).startswith(SECTION + ".") for key in pushed)
    if has_section or not ls.can("configuration"):
        ls.apply_settings(pushed)
    else:
        await ls.pull_settings()


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def changed_files(ls: PlanServer, params: types.DidChangeWatchedFilesParams) -> None:
    """A configuration or pack changed on disk: read them afresh and re-lint. A plan
    changed on disk changes nothing: an open plan is linted from its buffer."""
    paths = [to_fs_path(change.uri) for change in params.changes]
    if any(path is None or not ls.linter.wants(path) for path in paths):
        ls.linter.reload()
        ls.relint_all()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def opened(ls: PlanServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def changed(ls: PlanServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, ls.linter.settings.debounce_ms)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def saved(ls: PlanServer, params: types.DidSaveTextDocumentParams) -> None:
    """A saved plan is linted at once; any other saved file may be a configuration or a
    pack the open plans use, so every plan is linted again with them read afresh."""
    if ls.path(params.text_document.uri) is not None:
        ls.schedule(params.text_document.uri, 0)
    else:
        ls.linter.reload()
        ls.relint_all()


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def closed(ls: PlanServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.forget(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: PlanServer, params: types.HoverParams) -> types.Hover | None:
    uri = params.text_document.uri
    path = ls.path(uri)
    if path is None:
        return None
    document = ls.workspace.get_text_document(uri)
    at = document.position_from_client_units(params.position)
    lines = document.lines
    if at.line >= len(lines):
        return None
    verdict = ls.verdicts.get(uri)
    here = [finding for finding in (verdict.findings if verdict else [])
            if finding.line == at.line + 1]
    text = hover_text(lines[at.line], at.character, here,
                      lambda token: ls.linter.rule(path, token))
    if text is None:
        return None
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text))


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_action(ls: PlanServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    verdict = ls.verdicts.get(uri)
    path = ls.path(uri)
    document = ls.workspace.get_text_document(uri)
    if verdict is None or path is None or verdict.text != document.source:
        return []  # findings of another text would place the edits wrongly
    wanted = document.range_from_client_units(params.range)
    here = [finding for finding in verdict.findings
            if wanted.start.line <= finding.line - 1 <= wanted.end.line]
    lines = document.lines
    found = []
    for fix in actions.fixes(verdict.text, path, here):
        edit = fix.edit
        span = client_range(document, lines, types.Range(
            types.Position(edit.line, edit.column), types.Position(edit.end_line, edit.end_column)))
        found.append(types.CodeAction(
            title=fix.title, kind=types.CodeActionKind.QuickFix,
            diagnostics=[d for d in params.context.diagnostics if d.code == fix.finding.rule
                         and d.range.start.line == fix.finding.line - 1],
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(span, edit.text)]})))
    return found


def serve() -> None:
    """Speak LSP on standard input and output until the client exits."""
    server.start_io()
