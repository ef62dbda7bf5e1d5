"""Network names (SMP209): the ones smplan-lint knows, the aliases teams write for
them, and the plan with every alias read as its network.

The names live in `data/networks.yaml`; a team adds networks of its own with the
SMP209 option `networks`. Aliases are read as their network everywhere, so that
"ig" and "instagram" are one network to every rule; SMP209 still reports each
alias it finds where it looks (accounts, missions, goals), at info severity.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, cached_property
from typing import Any

from smplan_lint.facts.references import Suggester

DATA_FILE = "networks.yaml"


@cache
def _data() -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    from smplan_lint.data import read_text
    from smplan_lint.load import load_yaml  # the plans' reader: half PyYAML's loader's time

    data = load_yaml(read_text(DATA_FILE).encode("utf-8"), DATA_FILE).data
    return frozenset(data["networks"]), tuple(data["aliases"].items())


class Vocabulary:
    """The known networks (with a team's own), and the aliases read as them."""

    def __init__(self, extra: Iterable[Any] = ()) -> None:
        known, aliases = _data()
        self.known = known | {str(name).strip().lower() for name in extra}
        self.aliases = {alias: name for alias, name in aliases if alias not in self.known}

    def canonical(self, name: str) -> str:
        return self.aliases.get(name, name)

    def suggestion(self, name: object) -> str | None:
        """For a network smplan-lint does not know, the known one it most likely meant."""
        if not isinstance(name, str) or self.canonical(name) in self.known:
            return None
        return self._suggester.suggest(name)

    @cached_property
    def _suggester(self) -> Suggester:
        return Suggester([*sorted(self.known), *self.aliases], self.aliases)

    def describe(self, written: str) -> dict[str, Any]:
        """The fields of a network_name fact for a network as written."""
        fields: dict[str, Any] = {"network": self.canonical(written)}
        if written in self.aliases:
            fields["network_alias"] = written
        fields["network_known"] = fields["network"] in self.known
        if meant := self.suggestion(written):
            fields["network_suggestion"] = meant
        return fields

    def read_aliases(self, plan: dict[str, Any]) -> dict[str, Any]:
        """The plan with each alias read as its network; changed items are copies, so
        the validated plan (which suppressions are read from) stays as written.
        Mission keys are read where missions become facts."""
        out = dict(plan)
        for section in ("accounts", "goals", "affiliates", "discovered"):
            if section in plan:
                out[section] = [self._item(item) for item in plan[section]]
        organisation = plan.get("organisation")
        if organisation:
            out["organisation"] = self._organisation(organisation)
        return out

    def _item(self, item: dict[str, Any]) -> dict[str, Any]:
        network = item.get("network")
        return {**item, "network": self.aliases[network]} if network in self.aliases else item

    def _organisation(self, organisation: dict[str, Any]) -> dict[str, Any]:
        out = dict(organisation)
        if "target_networks" in organisation:
            out["target_networks"] = [self.canonical(name)
                                      for name in organisation["target_networks"]]
        if "competitors" in organisation:
            out["competitors"] = [
                {**item, "handles": {self.canonical(k): v for k, v in item["handles"].items()}}
                if "handles" in item else item
                for item in organisation["competitors"]]
        return out
