"""JUnit XML, so CI test dashboards show one pass/fail per rule and file.

Errors and warnings fail their testcase. Info findings are advice (the
default fail threshold is `error`), so they do not turn a dashboard red: they
are listed in the testcase's <system-out>, together with suppressed findings
and their reasons, where a reader of the test details still finds them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from smplan_lint.findings import SEVERITY_RANK, Finding, InputError
from smplan_lint.report import Report
from smplan_lint.report.common import (
    NOT_LINTED,
    TOOL_NAME,
    error_location,
    files,
    location,
    posix_path,
    rule_catalogue,
    visible,
)

FAILING = ("error", "warning")
# Characters XML 1.0 cannot carry at all, even escaped; a YAML "\x01" would otherwise
# make the whole report unparseable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(report: Report) -> str:
    """A testsuite per linted file holding a testcase per loaded rule; a file that could
    not be linted gets one erroring testcase instead of rules that seem to pass."""
    by_case: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in [*report.findings, *report.suppressed]:
        by_case[(finding.file, finding.rule)].append(finding)
    failed: dict[str, list[InputError]] = defaultdict(list)
    for error in report.errors:
        failed[error.file].append(error)
    root = ET.Element("testsuites", name=TOOL_NAME)
    for file in dict.fromkeys([*files(report), *failed]):
        suite = ET.SubElement(root, "testsuite", name=_xml(posix_path(file)))
        if file in failed:
            _unusable(suite, file, failed[file])
            _count(suite, suite.findall("testcase"))
            continue
        for rule in rule_catalogue(report):
            _testcase(suite, file, f"{rule.id} {rule.name}", by_case.get((file, rule.id), []))
        _count(suite, suite.findall("testcase"))
    _count(root, root.findall("testsuite/testcase"))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True)


def _testcase(suite: ET.Element, file: str, name: str, findings: list[Finding]) -> None:
    case = ET.SubElement(suite, "testcase", classname=_xml(posix_path(file)), name=_xml(name))
    failing = [f for f in findings if _fails(f)]
    if failing:
        worst = min(failing, key=lambda f: SEVERITY_RANK[f.severity])
        message = failing[0].message if len(failing) == 1 else f"{len(failing)} findings"
        failure = ET.SubElement(case, "failure", message=_xml(message), type=worst.severity)
        failure.text = _xml("\n".join(_describe(f) for f in failing))
    quiet = [f for f in findings if not _fails(f)]
    if quiet:
        ET.SubElement(case, "system-out").text = _xml("\n".join(_describe(f) for f in quiet))


def _unusable(suite: ET.Element, file: str, errors: list[InputError]) -> None:
    case = ET.SubElement(suite, "testcase", classname=_xml(posix_path(file)), name=NOT_LINTED)
    error = ET.SubElement(case, "error", message=_xml(errors[0].message), type="unusable-input")
    error.text = _xml("\n".join(f"{error_location(e)}: {e.message}" for e in errors))


def _fails(finding: Finding) -> bool:
    return finding.suppressed is None and finding.severity in FAILING


def _describe(finding: Finding) -> str:
    line = f"{location(finding)}: {finding.severity}: {finding.message}"
    if finding.suppressed is not None:
        line += f" (suppressed: {finding.suppressed})"
    elif finding.fix:
        line += f"\n  fix: {finding.fix}"
    return line


def _count(element: ET.Element, cases: list[ET.Element]) -> None:
    element.set("tests", str(len(cases)))
    element.set("failures", str(sum(1 for case in cases if case.find("failure") is not None)))
    element.set("errors", str(sum(1 for case in cases if case.find("error") is not None)))
    element.set("skipped", "0")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", visible(text))
