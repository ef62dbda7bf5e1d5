"""Mission sentences are counted the way a reader counts them."""

from __future__ import annotations

import pytest
from conftest import TODAY

from smplan_lint.facts import build_facts


def _sentences(statement: str) -> int:
    facts = build_facts({"missions": {"instagram": statement}}, TODAY, {})
    return next(fact["sentence_count"] for fact in facts if fact["type"] == "mission")


@pytest.mark.parametrize("statement", [
    "Förderverein e.V. zeigt, wie Spenden z. B. Schulen helfen.",
    "We share recipes, e.g. cold brew, i.e. what our buyers ask for.",
    "Dr. Lee of Acme Coffee Inc. shows the roastery on St. Mark's Street.",
    "Acme Ltd. and Café S.A. show the people behind every bag.",
    "Wir zeigen u. a. Projekte, d.h. was Spenden bewirken.",
    "We show the bakers at 4 a.m. and what comes out of the oven at 6 p.m. each day.",
])
def test_abbreviations_do_not_end_a_sentence(statement: str) -> None:
    assert _sentences(statement) == 1


@pytest.mark.parametrize(("statement", "count"), [
    ("We roast coffee. We also post photos of it every single day.", 2),
    ("Acme Coffee Inc. roasts. We post!", 2),
    ("One sentence without a full stop", 1),
])
def test_sentences_are_still_counted(statement: str, count: int) -> None:
    assert _sentences(statement) == count
