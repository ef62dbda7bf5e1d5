"""The judgement providers' questions, answered from the cache kept between runs.

Each answer is looked up first (see :mod:`smplan_lint.cache`); only questions not
answered before load a reader or build an impersonation index, and their answers
are kept. With the cache off (a library caller, `--no-cache`), every question is
worked out, as before: the answers are the same either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from smplan_lint import cache, pattern_cache
from smplan_lint.derive.answers import GoalReading, Verdict

Question = TypeVar("Question")
Answer = TypeVar("Answer")


def goal_readings(statements: Iterable[str]) -> dict[str, GoalReading]:
    """Each distinct goal sentence's reading (`derive.goals.read_goal`)."""
    distinct = list(dict.fromkeys(statements))

    def read(todo: list[str]) -> list[GoalReading]:
        from smplan_lint.derive.goals import read_all

        readings = read_all(todo)
        return [readings[statement] for statement in todo]

    answers = _answered("goal-readings", distinct, cache.key, read, list, _goal_reading)
    return dict(zip(distinct, answers, strict=True))


def metric_families(names: Iterable[str]) -> dict[str, str | None]:
    """The family of each structured metric name (`derive.goals.classify_metric`)."""
    distinct = list(dict.fromkeys(names))

    def classify(todo: list[str]) -> list[str | None]:
        from smplan_lint.derive.goals import classify_metric

        return [classify_metric(name) for name in todo]

    answers = _answered("metric-families", distinct, cache.key, classify, _same, _family)
    return dict(zip(distinct, answers, strict=True))


def verdicts(brand: Mapping[str, Any], profiles: Sequence[tuple[Any, ...]]) -> list[Verdict | None]:
    """The verdict on each profile, judged against `brand` (the arguments of
    `derive.impersonation.ImpersonationIndex`)."""
    # The brand written out once, each value with its type (a date is not its text,
    # 1 is not True), and digested: a profile's key holds the digest, not the brand.
    brand_key = cache.key(repr(sorted(brand.items()))) if cache.store("verdicts") else ""

    def key(profile: tuple[Any, ...]) -> str:
        return cache.key(f"{brand_key}\0{profile!r}")

    def judge(todo: list[tuple[Any, ...]]) -> list[Verdict | None]:
        from smplan_lint.derive.impersonation import ImpersonationIndex

        return ImpersonationIndex(**brand).assess_all(todo)

    return _answered("verdicts", list(profiles), key, judge, _verdict_json, _verdict)


def _answered(kind: str, questions: list[Question], key: Callable[[Question], str],
              work: Callable[[list[Question]], list[Answer]],
              to_json: Callable[[Answer], Any], from_json: Callable[[Any], Answer]) -> list[Answer]:
    """The kept answers, and `work` done on the questions that have none (in one batch);
    keys are worked out only while the cache is on."""
    store = cache.store(kind)
    if store is None or not questions:
        return _worked(work, questions) if questions else []
    keys = [key(question) for question in questions]
    answers: list[Any] = [_recalled(store.get(key), from_json) for key in keys]
    todo = [number for number, answer in enumerate(answers) if answer is cache.MISSING]
    if todo:
        worked = _worked(work, [questions[n] for n in todo])
        for number, answer in zip(todo, worked, strict=True):
            answers[number] = answer
            store.put(keys[number], to_json(answer))
    return answers


def _worked(work: Callable[[list[Question]], list[Answer]],
            questions: list[Question]) -> list[Answer]:
    """`work` done, the patterns it builds from the questions not kept between runs
    (pattern_cache.py): they differ from plan to plan, and the answers are kept."""
    with pattern_cache.not_kept():
        return work(questions)


def _recalled(kept: Any, from_json: Callable[[Any], Answer]) -> Any:
    """A kept answer as the reader gives it; one of another shape is worked out again."""
    if kept is cache.MISSING:
        return kept
    try:
        return from_json(kept)
    except (TypeError, ValueError):
        return cache.MISSING


def _same(answer: Any) -> Any:
    return answer


def _goal_reading(kept: Any) -> GoalReading:
    if not isinstance(kept, list):
        raise TypeError("not a reading")
    return GoalReading._make(tuple(value) if isinstance(value, list) else value for value in kept)


def _family(kept: Any) -> str | None:
    if kept is not None and not isinstance(kept, str):
        raise TypeError("not a family")
    return kept


def _verdict_json(verdict: Verdict | None) -> list[Any] | None:
    return None if verdict is None else list(verdict)


def _verdict(kept: Any) -> Verdict | None:
    if kept is None:
        return None
    if not isinstance(kept, list):
        raise TypeError("not a verdict")
    return Verdict._make([*kept[:-1], tuple(kept[-1])])
