"""The HTML report: one self-contained page that reads well in a browser, on a phone and on paper.

The fast tests read the generated HTML; the slow ones load it in Debian's headless
Chromium over the DevTools protocol (a pipe, no extra packages) and measure what a
person would see: charts and tables with a size, sorting and filtering that work,
no sideways scrolling at phone width, and an A4 PDF whose tables fit the page.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from smplan_lint.findings import Finding, InputError
from smplan_lint.report import Report, RuleInfo, render
from smplan_lint.report.html_format import score

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
TODAY = "2026-11-27"
SECTIONS = ("summary", "charts", "scorecard", "fakes", "todo", "findings", "suppressed", "rules")
# Resource-loading attributes: a value here that is not a fragment or data: URL is a network load.
LOADING = {("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"),
           ("iframe", "src"), ("source", "src"), ("video", "src"), ("audio", "src"),
           ("object", "data"), ("embed", "src"), ("image", "href"), ("use", "href"),
           ("form", "action"), ("input", "src"), ("track", "src")}


def lint_html(*names: str, tmp_path: Path, statuses: tuple[int, ...] = (0, 1)) -> str:
    """The CLI's own HTML output for fixture plans, written with --output as users do."""
    out = tmp_path / "report.html"
    result = subprocess.run(
        [sys.executable, "-m", "smplan_lint", "--today", TODAY, "--format", "html",
         "--output", str(out), *(str(FIXTURES / name) for name in names)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert result.returncode in statuses, result.stderr
    return out.read_text(encoding="utf-8")


class Page(HTMLParser):
    """Everything the assertions need from the markup, collected in one pass."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.links: list[str] = []
        self.styles: list[str] = []
        self._in_style = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        self.tags.append((tag, values))
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        self._in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def loads(self) -> list[str]:
        """Every URL the page would fetch by itself (fragments and data: URLs fetch nothing)."""
        found = []
        for tag, attrs in self.tags:
            for (kind, attr) in LOADING:
                value = attrs.get(attr, "").strip()
                if tag == kind and value and not value.startswith(("#", "data:")):
                    found.append(f"<{tag} {attr}={value}>")
            if "style" in attrs and "url(" in attrs["style"]:
                found.append(f"<{tag} style={attrs['style']}>")
        return found


# --- fast: the markup -------------------------------------------------------------------


@pytest.fixture(scope="module")
def failing_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    return lint_html("failing.smplan.yaml", tmp_path=tmp_path_factory.mktemp("html"))


def test_page_loads_nothing_from_the_network(failing_html: str) -> None:
    page = Page(failing_html)
    assert page.loads() == []
    css = "".join(page.styles)
    assert "@import" not in css and "url(" not in css.replace("url(#", "")
    assert not re.search(r"url\(\s*['\"]?https?:", failing_html)
    # A Content-Security-Policy stops any load the markup might still sneak in.
    policy = next(attrs["content"] for tag, attrs in page.tags
                  if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy


def test_no_link_leaves_the_page(failing_html: str) -> None:
    # The project has no public home page: rules are explained in the page itself.
    page = Page(failing_html)
    assert page.links and all(link.startswith("#") for link in page.links)
    assert {link[1:] for link in page.links} <= page.ids
    assert "github.com" not in failing_html and "http://" not in failing_html
    assert "https://" not in failing_html


def test_page_has_every_section_with_a_heading(failing_html: str) -> None:
    page = Page(failing_html)
    for section in SECTIONS:
        assert section in page.ids
        assert f"h-{section}" in page.ids
    assert failing_html.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in failing_html
    assert "Plan health: Acme Coffee Roasters" in failing_html


def test_summary_counts_and_explains_the_score(failing_html: str) -> None:
    assert "12 errors, 15 warnings, 10 info (1 suppressed)" in failing_html
    assert "100 − 10 × errors − 3 × warnings − 1 × info, never below 0" in failing_html


@pytest.mark.parametrize(("tally", "expected"), [
    ({"error": 0, "warning": 0, "info": 0}, 100),
    ({"error": 1, "warning": 2, "info": 3}, 100 - 10 - 6 - 3),
    ({"error": 12, "warning": 15, "info": 10}, 0),
])
def test_score_formula(tally: dict[str, int], expected: int) -> None:
    assert score(tally) == expected


def test_charts_are_labelled_inline_svg(failing_html: str) -> None:
    page = Page(failing_html)
    charts = [attrs for tag, attrs in page.tags
              if tag == "svg" and "chart" in attrs.get("class", "")]
    assert len(charts) == 3
    for chart in charts:
        assert chart["role"] == "img"
        title_id, desc_id = chart["aria-labelledby"].split()
        assert {title_id, desc_id} <= page.ids
    for name in ("chart-severity", "chart-area", "chart-network"):
        assert name in page.ids
    # The areas a plan is checked in all appear, findings or not.
    for area in ("goals", "accounts", "missions", "audit", "impersonation", "file"):
        assert f">{area}</text>" in failing_html


def test_severity_is_a_word_and_a_shape_not_only_a_colour(failing_html: str) -> None:
    for severity in ("error", "warning", "info"):
        assert (f'<span class="sev sev-{severity}"><svg class="icon" aria-hidden="true" '
                f'focusable="false"><use href="#i-{severity}"/></svg>{severity}</span>'
                ) in failing_html
        assert f'<symbol id="i-{severity}"' in failing_html
        # Chart bars: a fill pattern per severity, so grey-scale prints still tell them apart.
        assert f'<pattern id="p-{severity}"' in failing_html


def test_scorecard_shows_networks_missions_and_smart_parts(failing_html: str) -> None:
    card = failing_html.split('id="h-scorecard"')[1].split('id="h-fakes"')[0]
    rows = {m.group(1): m.group(0) for m in re.finditer(
        r'<tr><th scope="row" data-label="Network">([^<]+)<.*?</tr>', card)}
    assert list(rows) == ["instagram", "linkedin", "x", "facebook", "youtube", "(no network)"]
    assert "missing" in rows["x"] and "missing" in rows["facebook"]
    assert "1 without owner" in rows["linkedin"]
    assert "not a target" in rows["x"] and "not a target" not in rows["instagram"]
    # Open fake profiles on the networks they were found on.
    assert rows["youtube"].endswith("1</span></td></tr>")
    # ig-likes: measurable and time-bound, but serves no objective and only vanity metrics.
    goal = re.search(r"<code>ig-likes</code>.*?</tr>", card).group(0)
    verdicts = re.findall(r'data-label="([^"]+)" data-sort="(\d)"', goal)
    assert dict(verdicts) == {"Specific": "1", "Measurable": "1", "Time-bound": "1",
                              "Relevant": "0", "Beyond vanity": "0"}


def test_fake_profiles_sit_next_to_the_official_account(failing_html: str) -> None:
    fakes = failing_html.split('id="h-fakes"')[1].split('id="h-todo"')[0]
    assert fakes.count('<article class="fake">') == 2
    # The look-alike characters are marked on both sides.
    assert "@acme<mark>_</mark>c<mark>0</mark>ffee<mark>_official</mark>" in fakes
    assert "@acmec<mark>o</mark>ffee" in fakes
    assert "<td>31</td><td>48,200</td>" in fakes
    # The same handle on a network the brand is not on: the networks are what differ.
    assert "<td><mark>youtube</mark></td><td><mark>instagram</mark></td>" in fakes


def test_todo_lists_group_findings_by_owner_name(failing_html: str) -> None:
    todo = failing_html.split('id="h-todo"')[1].split('id="h-findings"')[0]
    owners = re.findall(r'<h3 id="owner-\d+">([^<]+) <span', todo)
    # Person ids ("maria", "jon") read as the names the plan gives them; unknown ids stay.
    assert owners == ["Jon Weber", "lena", "Maria Lopez", "(no owner)"]
    assert todo.count("<li>") == 37


def test_findings_table_is_ranked_and_ready_to_sort_and_filter(failing_html: str) -> None:
    table = failing_html.split('id="findings-table"')[1].split("</table>")[0]
    assert "<caption>" in table and '<th scope="col">Severity</th>' in table
    severities = re.findall(r'<tr data-severity="(\w+)"', table)
    assert len(severities) == 37
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    # Filters start hidden: without JavaScript the page shows the ranked table only.
    assert '<div class="controls" id="findings-controls" hidden>' in failing_html
    # Each rule links to its explanation in the page, and nowhere else.
    assert '<a href="#rule-smp201">SMP201</a><br><span class="rname">account-no-owner</span>' \
        in table


def test_rules_section_explains_every_rule_reported(failing_html: str) -> None:
    rules = failing_html.split('id="h-rules"')[1]
    reported = set(re.findall(r'<a href="#rule-(smp\d+)">', failing_html))
    explained = set(re.findall(r'<details id="rule-(smp\d+)" class="rule">', rules))
    assert reported == explained
    smp201 = rules.split('<details id="rule-smp201"')[1].split("</details>")[0]
    assert "<dt>Why</dt><dd>Nobody answers for an account without an owner" in smp201
    assert "<dt>Fix</dt><dd>Add <code>owner:</code> naming someone in <code>people:</code>" \
        in smp201


def test_suppressed_findings_are_listed_with_their_reason(failing_html: str) -> None:
    hidden = failing_html.split('id="h-suppressed"')[1].split('id="h-rules"')[0]
    assert "kept until the archive export is done" in hidden
    assert "SMP208" in hidden


def test_several_files_in_one_report(tmp_path: Path) -> None:
    html = lint_html("failing.smplan.yaml", "healthy.smplan.yaml", "bare.smplan.yaml",
                     tmp_path=tmp_path)
    page = Page(html)
    assert page.loads() == []
    assert "Plan health: 3 plans" in html
    summary = html.split('id="h-summary"')[1].split('id="h-charts"')[0]
    for name in ("failing", "healthy", "bare"):
        assert f"fixtures/{name}.smplan.yaml</code>" in summary
    # One scorecard per plan, each under its own heading.
    card = html.split('id="h-scorecard"')[1].split('id="h-fakes"')[0]
    assert card.count("<h3>") == 3
    assert "lowest plan's score" in summary


def test_a_file_that_could_not_be_linted_is_not_scored_as_healthy(tmp_path: Path) -> None:
    broken = tmp_path / "broken.smplan.yaml"
    broken.write_text("version: 2\n", encoding="utf-8")
    html = lint_html("failing.smplan.yaml", str(broken), tmp_path=tmp_path, statuses=(2,))
    row = re.search(r"broken\.smplan\.yaml</code></th>.*?</tr>", html).group(0)
    assert "could not be linted" in row and ">100<" not in row


def test_empty_report_still_renders_every_section() -> None:
    report = Report(findings=[], suppressed=[], rules={}, files=["a.smplan.yaml"],
                    tool_version="0.1.0")
    html = render(report, "html")
    assert "No problems found." in html
    assert ">100<" in html
    assert all(f'id="{section}"' in html for section in SECTIONS)


def test_text_from_the_plan_is_escaped() -> None:
    hostile = Finding(rule="SMP204", name="account-no-purpose", severity="error",
                      message='<script>alert(1)</script> "@x"', file="<b>.yaml", line=1, column=1,
                      path="/accounts/0", subject="x", fix="`purpose:` <i>", help="",
                      fingerprint="f", owner="<img src=x>")
    html = render(Report(findings=[hostile], suppressed=[], rules={}, files=["<b>.yaml"],
                         tool_version="0.1.0"), "html")
    assert "<script>alert(1)" not in html and "<img src=x>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<code>purpose:</code> &lt;i&gt;" in html
    assert Page(html).loads() == []


def finding(rule: str, path: str, *, file: str = "p.smplan.yaml", network: str | None = None,
            **fields: Any) -> Finding:
    """A finding as the engine would raise it; only what the page reads needs to be real."""
    values: dict[str, Any] = {
        "name": f"name-of-{rule.lower()}", "severity": "warning", "message": f"{rule} fired",
        "file": file, "line": 1, "column": 1, "path": path, "subject": None, "fix": "",
        "help": "https://github.com/smplan-lint/smplan-lint/blob/main/docs/rules.md#x",
        "fingerprint": rule + path, "network": network, **fields}
    return Finding(rule=rule, **values)


def goal_fact(index: int, **fields: Any) -> dict[str, Any]:
    return {"type": "goal", "key": f"g{index}", "_pointer": f"/goals/{index}",
            "statement": f"goal {index}", **fields}


def smart(html: str, key: str) -> dict[str, str]:
    row = re.search(rf"<code>{key}</code>.*?</tr>", html).group(0)
    return dict(re.findall(r'data-label="([^"]+)" data-sort="(\d)"', row))


def test_goal_verdicts_are_the_findings_on_that_goal() -> None:
    # Facts that would look unspecific, vanity-only and unmeasurable: only findings judge.
    goals = [goal_fact(i, measurable=False, time_bound=False, vanity_only=True,
                       statement_networks=[]) for i in range(11)]
    findings = [finding("SMP106", "/goals/10"), finding("SMP102", "/goals/1"),
                finding("SMP105", "/goals/1/objective"), finding("SMP103", "/goals/10/metrics")]
    html = render(Report(findings=findings, suppressed=[], rules={}, files=["p.smplan.yaml"],
                         tool_version="0.1.0", facts={"p.smplan.yaml": goals}), "html")
    everything = {"Specific": "1", "Measurable": "1", "Time-bound": "1", "Relevant": "1",
                  "Beyond vanity": "1"}
    assert smart(html, "g0") == everything
    assert smart(html, "g1") == {**everything, "Relevant": "0", "Beyond vanity": "0"}
    # A finding on /goals/10 is not one on /goals/1.
    assert smart(html, "g10") == {**everything, "Specific": "0", "Measurable": "0"}


def test_network_verdicts_are_the_findings_on_that_network() -> None:
    facts = [{"type": "network", "network": "x", "targeted": False},
             {"type": "network", "network": "tiktok", "targeted": True},
             {"type": "mission", "network": "tiktok", "statement": "One. Two."},
             {"type": "account", "key": "a", "network": "x", "handle": "acme"}]
    findings = [finding("SMP301", "/accounts/0", network="x"),
                finding("SMP201", "/accounts/0", network="x"),
                finding("SMP404", "/accounts/0", network="x"),
                finding("SMP302", "/missions/tiktok", network="tiktok"),
                finding("SMP403", "/organisation/target_networks/0", network="tiktok")]
    report = Report(findings=findings, suppressed=[], rules={}, files=["p.smplan.yaml"],
                    tool_version="0.1.0", facts={"p.smplan.yaml": facts})
    card = render(report, "html").split('id="h-scorecard"')[1].split('id="h-fakes"')[0]
    rows = {m.group(1): m.group(0) for m in re.finditer(
        r'<tr><th scope="row" data-label="Network">([^<]+)<.*?</tr>', card)}
    assert "missing" in rows["x"] and "1 without owner" in rows["x"]
    assert "not a target" in rows["x"]
    assert "not one sentence" in rows["tiktok"] and "a target with no account" in rows["tiktok"]
    # Without findings the same facts earn no complaint.
    quiet = render(report._replace(findings=[]), "html")
    for verdict in ("missing", "without owner", "not a target", "not one sentence", "no account"):
        assert verdict not in quiet


def test_rules_are_explained_in_the_page_never_online() -> None:
    info = RuleInfo("SMP201", "account-no-owner", "error", "An account has no owner",
                    "Nobody answers for it.", "Add `owner:`.", "core",
                    "https://github.com/smplan-lint/smplan-lint/blob/main/docs/rules.md#smp201")
    html = render(Report(findings=[finding("SMP201", "/accounts/0")], suppressed=[],
                         rules={"SMP201": info}, files=["p.smplan.yaml"],
                         tool_version="0.1.0"), "html")
    assert "github.com/smplan-lint" not in html and "https://" not in html
    assert '<details id="rule-smp201" class="rule">' in html
    assert all(link.startswith("#") for link in Page(html).links)


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_control_characters_from_the_plan_never_reach_the_page() -> None:
    hostile = "ac\x00me\x1b[31m\x07\x7f\x85\r"
    found = finding("SMP501", "/discovered/0", file=f"{hostile}.yaml", network=hostile,
                    message=f"@{hostile} looks fake", subject=hostile, owner=hostile,
                    fix=f"`{hostile}`", area=hostile, evidence={"official": hostile,
                                                               "kinds": [hostile]})
    facts = [{"type": "plan", "organisation": hostile},
             {"type": "network", "network": hostile, "targeted": True},
             goal_fact(0, statement=hostile, network=hostile),
             {"type": "discovered", "_pointer": "/discovered/0", "handle": hostile,
              "display_name": hostile, "network": hostile}]
    html = render(Report(findings=[found], suppressed=[], rules={}, files=[found.file],
                         tool_version="0.1.0", facts={found.file: facts},
                         errors=[InputError(hostile, 1, 2, hostile)]), "html")
    assert not CONTROL.search(html)
    assert "ac\u2400me\u241b[31m" in html  # shown as control pictures, so still findable
    html.encode("utf-8")


def test_control_characters_in_a_plan_through_the_command(tmp_path: Path) -> None:
    plan = tmp_path / "plan.smplan.yaml"
    plan.write_text((FIXTURES / "failing.smplan.yaml").read_text(encoding="utf-8")
                    .replace("handle: acme_c0ffee_official", 'handle: "acme_c0ffee\\0\\e[2J"'),
                    encoding="utf-8")
    html = lint_html(str(plan), tmp_path=tmp_path)
    assert "acme_c0ffee\u2400\u241b[2J" in html
    assert not CONTROL.search(html)


def test_an_input_that_could_not_be_linted_is_said_first() -> None:
    report = Report(findings=[], suppressed=[], rules={}, files=["good.yaml", "bad.yaml"],
                    tool_version="0.1.0",
                    errors=[InputError("bad.yaml", 3, 1, "tabs cannot indent YAML: use spaces")])
    html = render(report, "html")
    page = Page(html)
    assert "errors" in page.ids and "#errors" in page.links
    errors = html.split('id="h-errors"')[1].split('id="h-summary"')[0]
    assert "1 file could not be linted" in errors
    assert "<code>bad.yaml:3:1</code> tabs cannot indent YAML: use spaces" in errors
    assert "No problems found" not in html
    row = re.search(r"bad\.yaml</code></th>.*?</tr>", html).group(0)
    assert "could not be linted" in row and ">100<" not in row
    # The file that was linted keeps its score, and the headline is its score.
    assert re.search(r"good\.yaml</code></th>.*?>100</td></tr>", html)
    assert '<p class="num">100<span class="of"> / 100</span>' in html
    assert "not counting 1 file that could not be linted" in html


@pytest.mark.parametrize("errors", [
    [InputError("bad.yaml", None, None, "cannot read: No such file or directory")],
    [InputError("smplan.toml", 4, 9, "unknown option 'fial_on'")],  # stopped the whole run
])
def test_no_score_when_nothing_could_be_linted(errors: list[InputError]) -> None:
    html = render(Report(findings=[], suppressed=[], rules={}, files=["bad.yaml"],
                         tool_version="0.1.0", errors=errors), "html")
    assert "/ 100" not in html and ">100<" not in html
    assert "No problems found" not in html and "No findings." not in html
    assert "no file could be linted" in html
    assert f"<code>{errors[0].file}" in html


def test_tab_indented_plan_through_the_command(tmp_path: Path) -> None:
    plan = tmp_path / "tabs.smplan.yaml"
    plan.write_text("version: 1\naccounts:\n\t- id: a\n", encoding="utf-8")
    html = lint_html(str(plan), tmp_path=tmp_path, statuses=(2,))
    assert "could not be linted" in html and "tabs.smplan.yaml:3" in html
    assert "/ 100" not in html and "No problems found" not in html


# --- slow: a real browser ---------------------------------------------------------------


NO_CHROMIUM = "no chromium binary found (install Debian's chromium: apt-get install chromium)"


def chromium_binary() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """Headless Chromium driven over the DevTools protocol on a pipe (fds 3 and 4).

    A pipe needs no port, no websocket library and no browser download; messages
    are JSON, each ended by a NUL byte.
    """

    WATCHDOG = 60.0  # seconds; only catches a hung browser, asserts no speed

    def __init__(self, binary: str, profile: Path) -> None:
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire() -> None:
            # In the child: move our ends to fds 3 and 4 without clobbering either on the way.
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
                    for fd in (to_browser_r, from_browser_w)]
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}",
             "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=wire,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target,
                                 flatten=True)["sessionId"]

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._from_browser], [], [], deadline - time.monotonic())
            if not ready:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, session: bool = False, **params: Any) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.WATCHDOG
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer["result"]
            self.events.append(answer)

    def page(self, method: str, **params: Any) -> dict[str, Any]:
        return self.call(method, session=True, **params)

    def open(self, url: str, width: int, height: int = 1200) -> None:
        self.page("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=width < 600)
        self.page("Page.enable")
        self.events.clear()
        self.page("Page.navigate", url=url)
        deadline = time.monotonic() + self.WATCHDOG
        while not any(event.get("method") == "Page.loadEventFired" for event in self.events):
            self.events.append(self._read(deadline))

    def evaluate(self, script: str) -> Any:
        result = self.page("Runtime.evaluate", expression=script, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)


MEASURE = """(() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
  const main = document.querySelector("main");
  return {
    charts: [...document.querySelectorAll("svg.chart")].map(box),
    tables: [...document.querySelectorAll("main table")].filter((t) => !t.closest("details"))
      .map((t) => ({caption: t.caption ? t.caption.textContent : "", size: box(t),
                    right: t.getBoundingClientRect().right})),
    mainRight: main.getBoundingClientRect().right,
    pageWidth: document.documentElement.scrollWidth,
    viewWidth: document.documentElement.clientWidth,
    controlsShown: !document.getElementById("findings-controls").hidden,
  };
})()"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Any:
    binary = chromium_binary()
    if binary is None:
        pytest.skip(NO_CHROMIUM)
    session = Browser(binary, tmp_path_factory.mktemp("chromium-profile"))
    yield session
    session.close()


@pytest.fixture(scope="module")
def report_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("browser")
    lint_html("failing.smplan.yaml", tmp_path=folder)
    return (folder / "report.html").as_uri()


@pytest.mark.slow
def test_browser_draws_charts_and_tables_at_desktop_width(browser: Browser,
                                                          report_url: str) -> None:
    browser.open(report_url, 1280)
    seen = browser.evaluate(MEASURE)
    assert len(seen["charts"]) == 3
    assert all(width > 100 and height > 50 for width, height in seen["charts"])
    assert len(seen["tables"]) >= 6
    for table in seen["tables"]:
        width, height = table["size"]
        assert width > 0 and height > 0, table["caption"]
        assert table["right"] <= seen["mainRight"] + 1, f"{table['caption']} overflows"
    assert seen["pageWidth"] <= seen["viewWidth"]
    assert seen["controlsShown"]


@pytest.mark.slow
def test_browser_sorts_and_filters_the_findings(browser: Browser, report_url: str) -> None:
    browser.open(report_url, 1280)
    rules = """[...document.querySelectorAll("#findings-table tbody tr")]
                 .filter((row) => !row.hidden).map((row) => row.cells[1].dataset.sort)"""
    ranked = browser.evaluate(rules)
    assert len(ranked) == 37
    browser.evaluate("""document.querySelectorAll("#findings-table thead button")[1].click()""")
    assert browser.evaluate(rules) == sorted(ranked)
    assert browser.evaluate("""document.querySelectorAll("#findings-table thead th")[1]
                               .getAttribute("aria-sort")""") == "ascending"
    browser.evaluate("""(() => { const s = document.querySelector('select[data-filter=severity]');
                        s.value = 'info'; s.dispatchEvent(new Event('change')); })()""")
    assert len(browser.evaluate(rules)) == 10
    assert browser.evaluate("document.getElementById('findings-status').textContent") \
        == "Showing 10 of 37 findings."
    browser.evaluate("""(() => { const s = document.querySelector('select[data-filter=severity]');
                        s.value = ''; s.dispatchEvent(new Event('change'));
                        const q = document.getElementById('filter-text');
                        q.value = 'acme_c0ffee'; q.dispatchEvent(new Event('input')); })()""")
    assert browser.evaluate(rules) == ["SMP501"]


@pytest.mark.slow
def test_browser_fits_a_phone_without_sideways_scrolling(browser: Browser,
                                                         report_url: str) -> None:
    browser.open(report_url, 375, 800)
    seen = browser.evaluate(MEASURE)
    assert seen["pageWidth"] <= seen["viewWidth"] == 375
    assert all(width > 0 and height > 0 for width, height in seen["charts"])
    for table in seen["tables"]:
        assert table["right"] <= 375, f"{table['caption']} is wider than the phone"


@pytest.mark.slow
def test_browser_prints_to_a4_without_cutting_tables(browser: Browser, report_url: str,
                                                     tmp_path: Path) -> None:
    # A4 minus the page margins is about 700 CSS pixels wide: lay the page out for print there.
    browser.open(report_url, 700)
    browser.page("Emulation.setEmulatedMedia", media="print")
    seen = browser.evaluate(MEASURE)
    for table in seen["tables"]:
        assert table["right"] <= seen["mainRight"] + 1, f"{table['caption']} is cut off in print"
    assert browser.evaluate("getComputedStyle(document.querySelector('nav')).display") == "none"
    # Folded rule explanations print unfolded, even when no script opens them first.
    assert browser.evaluate("""[...document.querySelectorAll('details.rule')]
        .every((d) => !d.open && d.querySelector('dl').checkVisibility())""")
    browser.page("Emulation.setEmulatedMedia", media="")
    pdf = base64.b64decode(browser.page("Page.printToPDF", preferCSSPageSize=True,
                                        printBackground=True)["data"])
    assert pdf.startswith(b"%PDF")
    boxes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf))
    assert boxes, "no page size in the PDF"
    for width, height in boxes:  # A4 is 595 x 842 points
        assert abs(float(width) - 595.3) < 1.5 and abs(float(height) - 841.9) < 1.5
    (tmp_path / "report.pdf").write_bytes(pdf)


@pytest.mark.slow
def test_chromium_command_line_prints_a4(report_url: str, tmp_path: Path) -> None:
    """The plain `chromium --print-to-pdf` people use (no DevTools) gives A4 pages too."""
    binary = chromium_binary()
    if binary is None:
        pytest.skip(NO_CHROMIUM)
    out = tmp_path / "report.pdf"
    subprocess.run(
        [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
         f"--print-to-pdf={out}", report_url],
        capture_output=True, timeout=120, check=True,
    )
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert re.search(rb"/MediaBox \[0 0 594\.\d+ 841\.\d+\]", pdf)
