"""Derived-fact providers: the named code behind every field a rule tests that the
plan does not write itself.

One registry serves the core pack and installed packs. A provider says which fact
type it reads, the fields it provides (as `type.field`, the form a rule's `uses:`
names), its options with their defaults, and whether it needs the whole plan or one
fact at a time.

Options reach a provider through the rules that use its fields: when a rule lists
one of the provider's fields in `uses:` and has an option of the same name as one
of the provider's, the value configured for that rule is the provider's (the first
such rule in pack order wins). No provider code names a rule id.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterable
from operator import methodcaller
from typing import Any

from smplan_lint.records import NamedTuple

# Fields every fact has, set by the fact builder rather than a provider.
STRUCTURAL = ("type", "key", "sid")


class Provider(NamedTuple):
    """A named computation of derived fields.

    `compute` of a core provider is a step of the fact builder, which holds the plan
    and asserts the provider's facts; a one-fact provider from an installed pack takes
    (fact, today) and returns the attributes to add.
    """

    name: str
    fact_type: str
    fields: tuple[str, ...]
    options: dict[str, Any]
    whole_plan: bool
    compute: Callable[..., Any]
    summary: str
    pack: str = "core"
    # fields it fills only where the plan leaves them out, so a plan may write them
    shared: tuple[str, ...] = ()

    def provides(self) -> tuple[str, ...]:
        """Every `type.field` a rule may name in `uses:`."""
        return self.fields + self.shared


CORE_PROVIDERS: tuple[Provider, ...] = (
    Provider("plan-summary", "plan", (
        "plan.goal_count", "plan.account_count", "plan.competitor_count",
        "plan.target_network_count", "plan.review_every_days", "plan.has_audit",
        "plan.audit_last_reviewed", "plan.audit_reviewer",
    ), {}, True, methodcaller("plan_summary"),
        "counts the plan's sections and reads its audit"),
    Provider("account-checks", "account", (
        "account.duplicate_of", "account.purpose_placeholder", "account.owner_suggestion",
    ), {"placeholders": []}, True, methodcaller("account_checks"),
        "finds repeated handles, placeholder purposes and owners nobody is called"),
    Provider("goal-reading", "goal", (
        "goal.metric_names", "goal.vanity_only", "goal.measurable", "goal.time_bound",
        "goal.statement_networks", "goal.statement_accounts", "goal.statement_truncated",
        "goal.activity_only",
        "goal.sound", "goal.owner_suggestion", "goal.account_suggestion",
        "goal.network_suggestion", "plan.sound_goal_count",
    ), {"engagement_is_vanity": False}, True, methodcaller("goal_reading"),
        "reads each goal's metrics and statement: vanity, measurable, time-bound, sound",
        shared=("goal.deadline", "goal.objective_suggestion")),
    Provider("mission-sentences", "mission", ("mission.sentence_count", "mission.length"),
             {}, False, methodcaller("mission_sentences"),
             "counts a mission statement's sentences and characters"),
    Provider("network-presence", "network", (
        "network.account_count", "network.remaining_account_count", "network.targeted",
        "network.targets_declared", "network.competitor_count", "network.competitor_names",
    ), {}, True, methodcaller("network_presence"),
        "compares the networks held, targeted and used by competitors"),
    Provider("impersonation", "discovered", (
        "discovered.inventoried", "discovered.handle_too_long", "discovered.imitates",
        "discovered.imitation_evidence", "discovered.imitation_severity",
        "discovered.imitation_confidence",
    ), {}, True, methodcaller("impersonation"),
        "judges, against every own account and brand term, whether a discovered "
        "profile imitates one"),
    Provider("network-names", "network_name", (
        "network_name.network_alias", "network_name.network_known",
        "network_name.network_suggestion",
    ), {"networks": []}, False, methodcaller("network_names"),
        "reads each network name as written: alias, known, or a likely meaning"),
)


def reserved_fields(providers: Iterable[Provider]) -> frozenset[str]:
    """The field names a plan may not set: structural ones and every provided field."""
    return frozenset(STRUCTURAL) | {qualified.partition(".")[2]
                                    for provider in providers for qualified in provider.fields}


def owners(providers: Iterable[Provider]) -> dict[str, Provider]:
    """`type.field` -> the provider that computes it."""
    return {qualified: provider for provider in providers for qualified in provider.provides()}


def plugin_providers(pack: str, found: dict[str, list[Callable[..., Any]]]) -> list[Provider]:
    """The documented plug-in form `{fact_type: [callable]}`: one-fact providers that
    declare no fields, options or summary."""
    return [Provider(getattr(function, "__name__", "provider"), fact_type, (), {}, False,
                     _checked(function), "", pack)
            for fact_type, functions in found.items() for function in functions]


def _checked(provider: Callable[..., Any]) -> Callable[..., dict[str, Any]]:
    """A provider whose answer is checked: a mapping of attributes, or nothing. The
    caller reports a provider that raises, naming it."""

    @functools.wraps(provider)
    def checked(fact: dict[str, Any], today: datetime.date) -> dict[str, Any]:
        found = provider(fact, today)
        if found is not None and not isinstance(found, dict):
            raise TypeError(f"it returned {type(found).__name__}, not a mapping of attributes")
        return found or {}

    return checked


def resolve_options(providers: Iterable[Provider], rules: Iterable[Any],
                    chosen: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each provider's options: its defaults, replaced by the value of a same-named
    option of the first rule (in pack order) that uses one of its fields."""
    listed = list(providers)
    resolved = {provider.name: dict(provider.options) for provider in listed}
    taken: set[tuple[str, str]] = set()
    by_field = owners(listed)
    for rule in rules:
        for used in rule.uses:
            provider = by_field.get(used)
            if provider is None:
                continue
            for name in provider.options:
                if name in chosen.get(rule.id, {}) and (provider.name, name) not in taken:
                    taken.add((provider.name, name))
                    resolved[provider.name][name] = chosen[rule.id][name]
    return resolved
