"""Each likely fake profile (an SMP501 finding) beside the official account it imitates."""

from __future__ import annotations

import difflib
from typing import Any

from smplan_lint.findings import Finding
from smplan_lint.report.html.markup import code, e, section, severity_badge, where
from smplan_lint.report.html.page import Page
from smplan_lint.report.html.scorecard import FAKE_RULE

EVIDENCE = {
    "homoglyph": "look-alike characters (homoglyphs such as 0 for o)",
    "separator": "separators added or removed",
    "affix": "an affix such as official, real, support or a country code",
    "display-name": "the display name imitates the brand",
    "same-handle-other-network": "the brand's handle on a network where the brand has no account",
}


def fakes(page: Page) -> str:
    found = [f for f in page.report.findings if f.rule == FAKE_RULE]
    body = ("".join(_fake(page, finding) for finding in found)
            or page.nothing("No likely fake profiles among the discovered ones"))
    return section("fakes", "Likely fake profiles",
                   "<p>Each suspect is shown next to the official account it imitates; "
                   "characters that differ are <mark>marked</mark>. Report the fakes to the "
                   f"network, then set <code>status: reported</code> in the plan.</p>{body}")


def _fake(page: Page, finding: Finding) -> str:
    """The comparison table; the finding says why, the plan's facts fill in the profiles."""
    suspect = next((fact for fact in page.facts(finding.file, "discovered")
                    if fact.get("_pointer") == finding.path), {})
    handle = str(suspect.get("handle") or finding.subject or "")
    network = str(suspect.get("network", finding.network or "–"))
    clues = "".join(f"<li>{e(EVIDENCE.get(kind, kind.replace('-', ' ')))}</li>"
                    for kind in finding.evidence.get("kinds") or [])
    return (
        f'<article class="fake"><h3>{severity_badge(finding.severity)} @{e(handle)} on '
        f"{e(network)}</h3>"
        f'<div class="tablewrap"><table class="compare"><caption>Suspect profile next to '
        f"the official account ({where(finding)})</caption>"
        '<thead><tr><th scope="col">Attribute</th><th scope="col">Suspect profile</th>'
        f'<th scope="col">Official account</th></tr></thead>'
        f"<tbody>{_compare(page, finding, suspect, handle, network)}</tbody></table></div>"
        f"<p><strong>Evidence:</strong> {e(finding.message)}</p>"
        + (f'<ul class="clues">{clues}</ul>' if clues else "")
        + f'<p class="fix"><strong>Fix:</strong> {code(finding.fix)}</p></article>')


def _compare(page: Page, finding: Finding, suspect: dict[str, Any], handle: str,
             network: str) -> str:
    """Attribute by attribute, the suspect's value and the official account's."""
    official_handle = str(finding.evidence.get("official") or "")
    official_network = str(finding.evidence.get("network") or "")
    official = next((a for a in page.facts(finding.file, "account")
                     if a.get("network") == official_network
                     and str(a.get("handle", "")).casefold() == official_handle.casefold()),
                    {})
    marked_suspect, marked_official = _diff_marks(handle, official_handle)
    owner = official.get("owner")
    rows = [
        ("Handle", f"@{marked_suspect}", f"@{marked_official}" if official_handle else "–"),
        ("Network", *_differ(network, official_network or "–")),
        ("Display name", e(suspect.get("display_name", "–")),
         e(official.get("display_name", "–"))),
        ("Followers", _number(suspect.get("followers")), _number(official.get("followers"))),
        ("Created", e(suspect.get("created", "–")), e(official.get("created", "–"))),
        ("Verified", _flag(suspect.get("verified")), _flag(official.get("verified"))),
        ("In the plan", f"status: {e(suspect.get('status', 'unreviewed'))}",
         f"account <code>{e(official['key'])}</code>" if "key" in official else "–"),
        ("Owner", "–", e(page.person(finding.file, owner)) if owner else "–"),
    ]
    return "".join(f'<tr><th scope="row">{e(label)}</th><td>{left}</td><td>{right}</td></tr>'
                   for label, left, right in rows)


def _number(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:,}"
    return e(value) if value not in (None, "") else "–"


def _flag(value: Any) -> str:
    """A yes/no field as words; a plan that does not say reads "unknown", not "no"."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return e(value)


def _diff_marks(suspect: str, official: str) -> tuple[str, str]:
    """Both handles escaped, with the characters where they differ wrapped in <mark>."""
    matcher = difflib.SequenceMatcher(None, suspect.casefold(), official.casefold(),
                                      autojunk=False)
    left, right = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a, b = e(suspect[i1:i2]), e(official[j1:j2])
        if tag == "equal":
            left.append(a)
            right.append(b)
            continue
        if a:
            left.append(f"<mark>{a}</mark>")
        if b:
            right.append(f"<mark>{b}</mark>")
    return "".join(left), "".join(right)


def _differ(suspect: str, official: str) -> tuple[str, str]:
    """Two values escaped, both marked when they differ (a fake on another network)."""
    if suspect == official or "–" in (suspect, official):
        return e(suspect), e(official)
    return f"<mark>{e(suspect)}</mark>", f"<mark>{e(official)}</mark>"
