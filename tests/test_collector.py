"""A lint pauses Python's cyclic garbage collector, and a host process gets its own
setting back afterwards, whatever happens."""

from __future__ import annotations

import gc

import pytest
from conftest import FIXTURES, TODAY

from smplan_lint import collector, lint
from smplan_lint.engine import backend
from smplan_lint.load import UnusableInput
from smplan_lint.packs import compile_packs, core_pack

PLAN = FIXTURES / "failing.smplan.yaml"


@pytest.fixture
def lint_plan():
    compiled = compile_packs([core_pack()])

    def run(data: bytes) -> lint.FileResult:
        return lint.lint_bytes(data, str(PLAN), compiled, backend("python"), TODAY)

    return run


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_during_a_lint_and_on_again_after(lint_plan, collector_on,
                                                               monkeypatch):
    seen = []
    validate = lint.validate

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return validate(*args, **kwargs)

    monkeypatch.setattr(lint, "validate", watched)
    assert lint_plan(PLAN.read_bytes()).findings
    assert seen == [False]
    assert gc.isenabled()


def test_an_unusable_file_gives_the_collector_back_too(lint_plan, collector_on):
    with pytest.raises(UnusableInput):
        lint_plan(b"version: 1\naccounts: [\n")
    assert gc.isenabled()


def test_a_host_that_turned_the_collector_off_keeps_it_off(lint_plan, collector_on):
    gc.disable()
    lint_plan(PLAN.read_bytes())
    assert not gc.isenabled()


def test_overlapping_pauses_turn_it_on_when_the_last_one_ends(collector_on):
    first, second = collector.paused(), collector.paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the second lint is still running
    second.__exit__(None, None, None)
    assert gc.isenabled()
