"""The scorecard: per network, its accounts, mission, SMART goals and open fakes; per goal,
which SMART parts it meets. Each part is met unless the rule that judges it fired."""

from __future__ import annotations

from smplan_lint.records import NamedTuple
from smplan_lint.report.common import posix_path
from smplan_lint.report.html.charts import NO_NETWORK
from smplan_lint.report.html.markup import anchor, cell, e, icon, section, table, yes_no
from smplan_lint.report.html.page import Page

# (heading, the rule whose finding on a goal means the part is missing, what the part asks)
SMART = (
    ("Specific", "SMP106", "names an account or a network"),
    ("Measurable", "SMP103", "has a metric with a numeric target"),
    ("Time-bound", "SMP104", "has a deadline or a recurring period"),
    ("Relevant", "SMP105", "serves a business objective of the plan"),
    ("Beyond vanity", "SMP102", "measures more than likes, followers and the like"),
)
FAKE_RULE = "SMP501"  # likely-fake-profile
NO_OWNER_RULE = "SMP201"  # account-no-owner
NO_ACCOUNT_RULE = "SMP403"  # target-network-missing
OFF_TARGET_RULE = "SMP404"  # network-off-target
NO_MISSION_RULE = "SMP301"  # network-no-mission
LONG_MISSION_RULE = "SMP302"  # mission-not-one-sentence


class Goal(NamedTuple):
    key: str
    statement: str
    network: str
    met: tuple[bool, ...]  # per SMART part, in SMART's order


def scorecards(page: Page) -> str:
    """One network card and one goal card per linted plan."""
    blocks = []
    for file in page.files:
        if file not in page.report.facts or not page.scored(file):
            continue
        heading = ""
        if len(page.report.facts) > 1:
            name = page.plan_name(file)
            heading = (f'<h3>{e(name) + " – " if name else ""}'
                       f"<code>{e(posix_path(file))}</code></h3>")
        goals = _goals(page, file)
        blocks.append(heading + _network_card(page, file, goals) + _goal_card(page, goals))
    body = "".join(blocks) or "<p>No plan facts to score.</p>"
    return section("scorecard", "Scorecard per network",
                   '<p class="note">SMART goals are specific, measurable, attainable, relevant '
                   "and time-bound; whether a goal is attainable is a judgment the linter leaves "
                   "to you, so it is not scored. A goal counts for a network when it names the "
                   f"network, an account on it, or the network in its sentence.</p>{body}")


def cited(page: Page) -> set[str]:
    """The rules the goal cards' legend links to, for the page's rules section."""
    if any(page.facts(file, "goal") for file in page.files if page.scored(file)):
        return {rule for _, rule, _ in SMART}
    return set()


def _goals(page: Page, file: str) -> list[Goal]:
    """Each goal, the network it serves, and which SMART parts no finding disputes."""
    accounts = {str(a["key"]): a for a in page.facts(file, "account") if "key" in a}
    result = []
    for goal in page.facts(file, "goal"):
        account = accounts.get(str(goal.get("account")), {})
        mentioned = goal.get("statement_networks") or []
        network = (goal.get("network") or account.get("network")
                   or (mentioned[0] if mentioned else None))
        met = tuple(not page.fired_on(file, rule, str(goal["_pointer"])) for _, rule, _ in SMART)
        result.append(Goal(str(goal.get("key", "–")), str(goal.get("statement", "")),
                           str(network) if network else NO_NETWORK, met))
    return result


def _network_card(page: Page, file: str, goals: list[Goal]) -> str:
    missions = {fact["network"] for fact in page.facts(file, "mission")}
    targeted = {fact["network"] for fact in page.facts(file, "network") if fact.get("targeted")}
    networks = dict.fromkeys(fact["network"] for fact in page.facts(file, "network"))
    networks.update(dict.fromkeys(sorted(missions)))
    networks.update(dict.fromkeys(goal.network for goal in goals))
    networks.update(dict.fromkeys(sorted(str(found.network) for found in
                                         page.fired(file, FAKE_RULE) if found.network)))
    if not networks:
        return "<p>The plan names no network yet.</p>"
    rows = [
        "<tr>" + cell("Network", _network_label(page, file, network, network in targeted),
                      header=True)
        + cell("Accounts and owners", _holders(page, file, network))
        + cell("Mission", _mission(page, file, network, network in missions))
        + _goal_cells([goal for goal in goals if goal.network == network])
        + cell("Open fakes", _open_fakes(page, file, network)) + "</tr>"
        for network in networks
    ]
    heads = ["Network", "Accounts and owners", "Mission", "Goals",
             *(head for head, _, _ in SMART), "Open fakes"]
    return table("Networks: accounts, owners, mission, SMART goals, open fake profiles",
                 heads, rows, extra_class="scorecard")


def _network_label(page: Page, file: str, network: str, targeted: bool) -> str:
    """The network, and whether the target market uses it as the plan and SMP404 say."""
    if targeted:
        verdict = yes_no(True, yes="target")
    elif page.fired_for(file, OFF_TARGET_RULE, network):
        verdict = yes_no(False, no="not a target")
    else:
        return e(network)
    return f'{e(network)}<br><span class="small">{verdict}</span>'


def _holders(page: Page, file: str, network: str) -> str:
    """How many accounts, who owns them, and the owner and presence findings on them."""
    held = [a for a in page.facts(file, "account") if a.get("network") == network]
    owners = sorted({page.person(file, a["owner"]) for a in held if a.get("owner")},
                    key=str.casefold)
    text = str(len(held))
    if owners:
        text += f'<br><span class="small">{e(", ".join(owners))}</span>'
    ownerless = page.fired_for(file, NO_OWNER_RULE, network)
    if ownerless:
        text += f'<br><span class="bad">{icon("no")}{ownerless} without owner</span>'
    if page.fired_for(file, NO_ACCOUNT_RULE, network):
        text += f'<br><span class="bad">{icon("no")}a target with no account</span>'
    return text


def _mission(page: Page, file: str, network: str, written: bool) -> str:
    if page.fired_for(file, NO_MISSION_RULE, network):
        return yes_no(False, no="missing")
    if page.fired_for(file, LONG_MISSION_RULE, network):
        return yes_no(False, no="not one sentence")
    return yes_no(True) if written else "–"


def _goal_cells(served: list[Goal]) -> str:
    """The number of goals and, per SMART part, how many of them meet it."""
    cells = [cell("Goals", str(len(served)))]
    for index, (head, _, _) in enumerate(SMART):
        met = sum(goal.met[index] for goal in served)
        text = f"{met}/{len(served)}"
        cells.append(cell(head, yes_no(met == len(served), yes=text, no=text) if served else "–"))
    return "".join(cells)


def _open_fakes(page: Page, file: str, network: str) -> str:
    count = page.fired_for(file, FAKE_RULE, network)
    return yes_no(not count, yes="0", no=str(count))


def _goal_card(page: Page, goals: list[Goal]) -> str:
    if not goals:
        return '<p class="note">The plan has no goals yet.</p>'
    rows = ["<tr>" + cell("Goal", f"<code>{e(goal.key)}</code>", header=True)
            + cell("Network", e(goal.network)) + cell("Statement", e(goal.statement) or "–")
            + "".join(cell(head, yes_no(met), int(met))
                      for (head, _, _), met in zip(SMART, goal.met, strict=True)) + "</tr>"
            for goal in goals]
    legend = "; ".join(f"<strong>{e(head)}</strong>: {e(text)} ({_rule_ref(page, rule)})"
                       for head, rule, text in SMART)
    heads = ["Goal", "Network", "Statement", *(head for head, _, _ in SMART)]
    return (table("Goals and their SMART parts", heads, rows)
            + f'<p class="note">A part is met unless its rule fired on the goal. {legend}.</p>')


def _rule_ref(page: Page, rule: str) -> str:
    """A link to the rule's explanation below, when the run loaded the rule."""
    if rule in page.report.rules:
        return f'<a href="#{anchor(rule)}">{e(rule)}</a>'
    return e(rule)
