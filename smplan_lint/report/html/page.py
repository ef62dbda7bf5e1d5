"""What every section of the page shares: the report, the plans' facts and the findings,
indexed so a section can ask which rule fired where."""

from __future__ import annotations

from typing import Any

from smplan_lint.findings import Finding
from smplan_lint.report import Report
from smplan_lint.report.common import files, summary_line
from smplan_lint.report.text_format import NO_OWNER


class Page:
    """The report with its facts and findings indexed for the sections.

    Facts only say what exists (goals, accounts, networks, names); whether something
    is wrong is always a finding, so the page never disagrees with the other formats.
    Verdicts come from the active findings: suppressed or baselined ones, like the
    score, count as accepted.
    """

    def __init__(self, report: Report) -> None:
        self.report = report
        failed = dict.fromkeys(error.file for error in report.errors)
        listed = files(report)
        self.files = [*listed, *(file for file in failed if file not in listed)]
        self.failed = set(failed)
        # An error on no listed plan (configuration, pack) stopped the run: nothing was linted.
        self.stopped = any(file not in report.files for file in failed)
        self._facts: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for file, facts in report.facts.items():
            for fact in facts:
                self._facts.setdefault((file, str(fact.get("type"))), []).append(fact)
        self.people = {
            file: {str(fact["key"]): str(fact.get("name") or fact["key"])
                   for fact in self.facts(file, "person") if "key" in fact}
            for file in report.facts
        }
        self._fired: dict[tuple[str, str], list[Finding]] = {}
        for finding in report.findings:
            self._fired.setdefault((finding.file, finding.rule), []).append(finding)

    # --- what exists ------------------------------------------------------------

    def facts(self, file: str, kind: str) -> list[dict[str, Any]]:
        return self._facts.get((file, kind), [])

    def plan_name(self, file: str) -> str:
        plans = self.facts(file, "plan")
        return str(plans[0].get("organisation", "")) if plans else ""

    def person(self, file: str, key: Any) -> str:
        """A person's name where the plan gives one; an unknown id stays as it is."""
        return self.people.get(file, {}).get(str(key), str(key))

    def owner(self, finding: Finding) -> str:
        """The owner's name: findings carry a person id or a name, the page shows names."""
        return self.person(finding.file, finding.owner) if finding.owner else NO_OWNER

    def title(self) -> str:
        names = [name for name in (self.plan_name(file) for file in self.files) if name]
        if len(self.files) == 1 and names:
            return f"Plan health: {names[0]}"
        if len(self.files) > 1:
            return f"Plan health: {len(self.files)} plans"
        return "Plan health"

    # --- what was judged --------------------------------------------------------

    def scored(self, file: str) -> bool:
        """Whether the file was linted, so its findings (or their absence) mean something.

        Besides the reported errors, a file without facts when other files have them
        was never linted, whatever the caller passed as errors.
        """
        if self.stopped or file in self.failed:
            return False
        return not self.report.facts or file in self.report.facts

    def unlinted(self) -> list[str]:
        return [file for file in self.files if not self.scored(file)]

    def in_file(self, file: str) -> list[Finding]:
        return [item for item in self.report.findings if item.file == file]

    def fired(self, file: str, rule: str) -> list[Finding]:
        """The findings one rule raised in one file."""
        return self._fired.get((file, rule), [])

    def fired_on(self, file: str, rule: str, pointer: str) -> bool:
        """Whether the rule judged the item at `pointer` (or a part of it) in this file."""
        return any(found.path == pointer or found.path.startswith(pointer + "/")
                   for found in self.fired(file, rule))

    def fired_for(self, file: str, rule: str, network: str) -> int:
        """How many times the rule fired on a network in this file."""
        return sum(1 for found in self.fired(file, rule) if found.network == network)

    # --- words ------------------------------------------------------------------

    def phrase(self, findings: list[Finding]) -> str:
        """Counts in the words every format uses (`2 errors, 1 info`)."""
        return summary_line(self.report._replace(findings=findings, suppressed=[]))

    def nothing(self, text: str) -> str:
        """An empty list's sentence, limited to the files that were linted when some were not."""
        if self.unlinted():
            return f"<p>{text} in the files that could be linted.</p>"
        return f"<p>{text}.</p>"
