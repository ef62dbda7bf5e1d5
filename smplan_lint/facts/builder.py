"""The facts, built from the validated plan with network aliases read as their network.

Every fact carries a unique `_n` (durable-rules rejects identical facts) and `key`
instead of the reserved `id`. Where a finding lands is kept in the `_`-prefixed
fields. A reference that resolves to nothing gets a `<field>_suggestion` (did you
mean), which the finding pointing at that field proposes.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from typing import Any

from smplan_lint.facts.networks import Vocabulary
from smplan_lint.facts.references import Ids
from smplan_lint.facts.reserved import RESERVED
from smplan_lint.inventory.schema import PERIODS
from smplan_lint.providers import CORE_PROVIDERS

DEFAULT_REVIEW_DAYS = 90
_SENTENCE_END = re.compile(r"[.!?。]+(?:\s+|$)")
# Abbreviations whose full stops end no sentence: "Acme Coffee Inc. shows ...".
_ABBREVIATION = re.compile(
    r"\b(?:e\.\s?V|e\.\s?g|i\.\s?e|z\.\s?B|d\.\s?h|u\.\s?a|S\.\s?A|a\.\s?m|p\.\s?m"
    r"|Dr|St|Inc|Ltd|Mr|Mrs|Ms|Prof|vs)\.",
    re.IGNORECASE)


def _sentences(text: str) -> int:
    """How many sentences a mission has, abbreviations read as part of their sentence."""
    text = _ABBREVIATION.sub(lambda found: found.group().replace(".", ""), text)
    return len([part for part in _SENTENCE_END.split(text) if part.strip()])


def _person(person: Any) -> str | None:
    """Who a finding is handed to: a person's id, so reports match owners by id (and show
    the name `people:` gives)."""
    return person if isinstance(person, str) else None


def build_facts(plan: dict[str, Any], today: datetime.date,
                options: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Facts in assertion order: the plan first, then the items as written, then each
    core provider's facts in registry order. `options` are the providers' options
    (provider name -> option -> value, see `smplan_lint.providers.resolve_options`)."""
    builder = _Builder(plan, today, {**_DEFAULT_OPTIONS, **options})
    for provider in CORE_PROVIDERS:
        provider.compute(builder)
    return builder.facts


class _Builder:
    """The plan being read and the facts so far; its public methods are the core
    providers' steps."""

    def __init__(self, plan: dict[str, Any], today: datetime.date,
                 options: dict[str, dict[str, Any]]) -> None:
        self.vocabulary = Vocabulary(options["network-names"]["networks"] or ())
        self.written, plan = plan, self.vocabulary.read_aliases(plan)
        self.plan, self.today, self.options = plan, today, options
        self.facts: list[dict[str, Any]] = []
        organisation = plan.get("organisation", {})
        audit = plan.get("audit", {})
        self.people = {p["id"]: p for p in plan.get("people", []) if "id" in p}
        self.references: dict[str, Ids | Vocabulary] = {
            "owner": Ids(self.people),
            "account": Ids(a["id"] for a in plan.get("accounts", []) if "id" in a),
            "objective": Ids(o["id"] for o in plan.get("objectives", []) if "id" in o),
            "network": self.vocabulary,
        }
        placeholders = options["account-checks"]["placeholders"] or ()
        self.placeholders = {_folded(str(text)) for text in placeholders}
        self.reviewer = _person(audit.get("reviewer"))
        self.organisation, self.audit = organisation, audit
        self._plan_fact(organisation)
        for kind in ("person", "objective", "affiliate"):
            for item in plan.get(_SECTIONS[kind], []):
                self._item(kind, item)
        for index, competitor in enumerate(organisation.get("competitors", [])):
            self._item("competitor", competitor)
            self.facts[-1].setdefault("_pointer", f"/organisation/competitors/{index}")

    def plan_summary(self) -> None:
        """Provider plan-summary: the plan fact's counts and audit fields."""
        organisation, audit = self.organisation, self.audit
        summary = {
            "goal_count": len(self.plan.get("goals", [])),
            "account_count": len(self.plan.get("accounts", [])),
            "competitor_count": len(organisation.get("competitors", [])),
            "target_network_count": len(organisation.get("target_networks", [])),
            "review_every_days": audit.get("review_every_days", DEFAULT_REVIEW_DAYS),
            "has_audit": "audit" in self.plan,
        }
        for key in ("last_reviewed", "reviewer"):
            if key in audit:
                summary[f"audit_{key}"] = audit[key]
        self.facts[0].update(summary)

    def goal_reading(self) -> None:
        """Provider goal-reading."""
        self._goals()

    def impersonation(self) -> None:
        """Provider impersonation."""
        self._discovered(self.organisation)

    def _add(self, fact: dict[str, Any]) -> dict[str, Any]:
        fact["_n"] = len(self.facts)
        self.facts.append(fact)
        return fact

    def _item(self, kind: str, item: dict[str, Any]) -> dict[str, Any]:
        fact: dict[str, Any] = {"type": kind}
        for key, value in item.items():
            if key == "id":
                fact["key"] = value
            elif key == "_pointer" or (key not in RESERVED and key != "lint-ignore"):
                fact[key] = value
        identity = (item.get("id") or _network_handle(item) or item.get("name")
                    or item.get("_pointer", ""))
        fact["_subject"] = item.get("id") or item.get("handle") or item.get("name")
        fact["_identity"] = f"{kind}:{identity}"
        fact["_owner"] = _person(item.get("owner")) or self.reviewer
        return self._add(fact)

    def _suggest(self, fact: dict[str, Any], *fields: str) -> None:
        """`<field>_suggestion`: the id an unresolved reference most likely meant."""
        for field in fields:
            if meant := self.references[field].suggestion(fact.get(field)):
                fact[f"{field}_suggestion"] = meant

    def _plan_fact(self, organisation: dict) -> None:
        fact = {
            "type": "plan", "_pointer": "", "_subject": None, "_identity": "plan",
            "_owner": self.reviewer,
        }
        for key, value in self.plan.items():
            scalar = not isinstance(value, dict | list)
            if key not in _KNOWN_TOP and key not in RESERVED and key != "lint-ignore" and scalar:
                fact[key] = value
        if "name" in organisation:
            fact["organisation"] = organisation["name"]
        self._add(fact)

    def account_checks(self) -> None:
        """Provider account-checks."""
        first_seen: dict[tuple[str, str], str] = {}
        for item in self.plan.get("accounts", []):
            fact = self._item("account", item)
            self._suggest(fact, "owner")
            if isinstance(item.get("purpose"), str):
                fact["purpose_placeholder"] = _folded(item["purpose"]) in self.placeholders
            handle_key = (item.get("network", ""), str(item.get("handle", "")).lower())
            if all(handle_key):
                if handle_key in first_seen:
                    fact["duplicate_of"] = first_seen[handle_key]
                else:
                    first_seen[handle_key] = item.get("id") or item["_pointer"]

    def _goals(self) -> None:
        from smplan_lint.derive.answers import vanity_only
        from smplan_lint.derive.cached import goal_readings, metric_families

        engagement = bool(self.options["goal-reading"]["engagement_is_vanity"])
        goals = self.plan.get("goals", [])
        readings = goal_readings(statement for item in goals
                                 if isinstance(statement := item.get("statement"), str)
                                 and statement)
        family_of = metric_families(str(metric.get("name", "")) for item in goals
                                    for metric in item.get("metrics", [])
                                    if isinstance(metric, dict))
        sound = 0
        for item in goals:
            fact = self._item("goal", item)
            self._suggest(fact, "owner", "account", "objective", "network")
            statement = item.get("statement")
            reading = readings.get(statement) if isinstance(statement, str) else None
            metrics = [m for m in item.get("metrics", []) if isinstance(m, dict)]
            if metrics:
                names = [str(m.get("name", "")) for m in metrics]
                families = [family_of[n] or "business" for n in names]
                measurable = any(_is_number(m.get("target")) for m in metrics)
                cadence = any(m.get("per") in PERIODS for m in metrics)  # not per post
            else:
                names = list(reading.metrics) if reading else []
                families = list(reading.families) if reading else []
                measurable = bool(reading and reading.has_target and names)
                cadence = bool(reading and reading.cadence)
            fact["metric_names"] = names
            fact["vanity_only"] = vanity_only(families, engagement_is_vanity=engagement)
            # what the team does (posts, videos) and no result it should bring
            fact["activity_only"] = bool(families) and all(f == "output" for f in families)
            fact["measurable"] = measurable
            fact["time_bound"] = bool("deadline" in item or cadence
                                      or (reading and reading.time_bound))
            if "deadline" not in item and reading and reading.deadline:
                fact["deadline"] = reading.deadline
            fact["statement_networks"] = list(reading.networks) if reading else []
            # an @handle in the sentence names an account: SMP106 reads it as specific
            fact["statement_accounts"] = list(reading.handles) if reading else []
            if reading and reading.truncated:
                fact["statement_truncated"] = True
            fact["sound"] = _is_sound(fact, self.today)
            sound += fact["sound"]
        self.facts[0]["sound_goal_count"] = sound

    def mission_sentences(self) -> None:
        """Provider mission-sentences."""
        pointers = self.plan.get("_mission_pointers", {})
        for network, statement in self.plan.get("missions", {}).items():
            text = str(statement).strip()
            self._add({
                "type": "mission", "network": self.vocabulary.canonical(network),
                "statement": text,
                "sentence_count": _sentences(text),
                "length": len(text),
                "_pointer": pointers.get(network, f"/missions/{_escape(network)}"),
                "_subject": network, "_identity": f"mission:{network}", "_owner": self.reviewer,
            })

    def network_presence(self) -> None:
        """Provider network-presence: one fact per network the plan mentions, to
        compare presence with the target."""
        organisation = self.organisation
        accounts: dict[str, list[dict]] = defaultdict(list)
        for item in self.plan.get("accounts", []):
            if "network" in item:
                accounts[item["network"]].append(item)
        targets = organisation.get("target_networks", [])
        pointers: dict[str, str] = {}
        for index, network in enumerate(targets):
            pointers.setdefault(network, f"/organisation/target_networks/{index}")
        rivals = self._rivals()
        for network in dict.fromkeys([*accounts, *targets, *rivals]):
            held = accounts.get(network, [])
            owners = [a["owner"] for a in held if "owner" in a]
            rival = rivals.get(network, [])
            self._add({
                "type": "network", "network": network, "account_count": len(held),
                "remaining_account_count": sum(a.get("status") != "delete" for a in held),
                "targeted": network in pointers, "targets_declared": bool(targets),
                "competitor_count": len(rival), "competitor_names": rival,
                # a network only competitors are on: at the organisation, whose
                # `lint-ignore` can record a decision against it
                "_pointer": held[0]["_pointer"] if held else pointers.get(network, "/organisation"),
                "_subject": network, "_identity": f"network:{network}",
                "_owner": _person(owners[0]) if owners else self.reviewer,
            })

    def _rivals(self) -> dict[str, list[str]]:
        """Networks competitors list a handle on: network -> the competitors' names."""
        found: dict[str, list[str]] = defaultdict(list)
        for item in self.plan.get("organisation", {}).get("competitors", []):
            for network, handle in item.get("handles", {}).items():
                name = str(item.get("name") or handle)
                if name not in found[network]:
                    found[network].append(name)
        return found

    def _discovered(self, organisation: dict) -> None:
        items = self.plan.get("discovered", [])
        if not items:
            return
        from smplan_lint.derive.cached import verdicts
        from smplan_lint.derive.confusables import handle_too_long, plain

        accounts = self.plan.get("accounts", [])
        brand = dict(
            own=[(a["network"], a["handle"]) for a in accounts if "network" in a and "handle" in a],
            brand_terms=organisation.get("brand_terms", []),
            affiliates=[(a["network"], a["handle"]) for a in self.plan.get("affiliates", [])
                        if "network" in a and "handle" in a],
            official_followers={(a["network"], a["handle"]): a["followers"] for a in accounts
                                if "network" in a and "handle" in a
                                and _is_number(a.get("followers"))},
            today=self.today,
            organisation=organisation.get("name"),
            languages=organisation.get("languages") or (),
        )
        listed = {(a["network"], plain(str(a["handle"])))
                  for a in accounts if "network" in a and "handle" in a}
        judged: list[tuple[dict[str, Any], tuple]] = []  # (fact, profile) of each with a handle
        for item in items:
            fact = self._item("discovered", item)
            fact["_owner"] = self.reviewer
            fact.setdefault("status", "unreviewed")
            if "network" in item and "handle" in item:
                fact["inventoried"] = (item["network"], plain(str(item["handle"]))) in listed
                if handle_too_long(str(item["handle"])):
                    fact["handle_too_long"] = True
                judged.append((fact, (item["network"], str(item["handle"]),
                                      item.get("display_name"), item.get("bio"),
                                      item.get("followers"), item.get("created"),
                                      item.get("verified"))))
        found = verdicts(brand, [profile for _, profile in judged])
        for (fact, _), verdict in zip(judged, found, strict=True):
            if verdict is not None:
                fact["imitates"] = verdict.target
                fact["imitation_evidence"] = verdict.evidence
                fact["imitation_severity"] = verdict.severity
                fact["imitation_confidence"] = round(verdict.confidence, 2)
                fact["_evidence"] = {"official": verdict.target, "network": verdict.target_network,
                                     "kinds": list(verdict.kinds)}

    def network_names(self) -> None:
        """Provider network-names: a fact per alias or unknown network written in
        accounts, goals and missions, at the place it is written, with the name as
        written (`_subject`) and as read; a known network's own name needs none."""
        for kind, section in (("account", "accounts"), ("goal", "goals")):
            for item in self.written.get(section, []):
                if "network" in item:
                    identity = item.get("id") or _network_handle(item) or item["_pointer"]
                    self._network_name(item["network"], item["_pointer"], f"{kind}:{identity}",
                                       _person(item.get("owner")))
        pointers = self.written.get("_mission_pointers", {})
        for network in self.written.get("missions", {}):
            self._network_name(network, pointers.get(network, f"/missions/{_escape(network)}"),
                               f"mission:{network}", None)

    def _network_name(self, written: str, pointer: str, identity: str,
                      owner: str | None) -> None:
        if written in self.vocabulary.known:  # nothing to say: no fact for the engine to carry
            return
        self._add({"type": "network_name", **self.vocabulary.describe(written),
                   "_pointer": pointer, "_subject": written,
                   "_identity": f"network_name:{identity}", "_owner": owner or self.reviewer})

_DEFAULT_OPTIONS = {provider.name: provider.options for provider in CORE_PROVIDERS}
_SECTIONS = {"person": "people", "objective": "objectives", "affiliate": "affiliates"}
_KNOWN_TOP = {"version", "organisation", "audit", "objectives", "people", "missions",
              "accounts", "affiliates", "goals", "discovered"}


def _network_handle(item: dict[str, Any]) -> str | None:
    if "network" in item and "handle" in item:
        return f"{item['network']}/{str(item['handle']).lower()}"
    return None


def _folded(text: str) -> str:
    """A purpose as placeholders are compared: case, spaces and a closing full stop ignored."""
    folded = "".join(text.casefold().split())
    return folded.rstrip(".") or folded


def _is_sound(goal: dict[str, Any], today: datetime.date) -> bool:
    """What SMP101 counts: a current goal (deadline not passed), not vanity-only,
    measurable and time-bound."""
    try:
        passed = datetime.date.fromisoformat(goal["deadline"]) < today
    except (KeyError, TypeError, ValueError):
        passed = False
    return bool(goal["measurable"] and goal["time_bound"] and not goal["vanity_only"]
                and not passed)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")
