"""Rule documentation, generated from the rule files so it is never written twice.

`python -m smplan_lint.docs` rewrites docs/rules.md; a test fails when it is stale.
"""

from __future__ import annotations

import sys
import textwrap
from typing import Any

import yaml

from smplan_lint.packs import Pack, Rule


def _yaml(example: Any) -> str:
    if isinstance(example, str):
        return example.rstrip("\n")
    return yaml.safe_dump(example, sort_keys=False, allow_unicode=True,
                          default_flow_style=False).rstrip("\n")


def _value(value: Any) -> str:
    """An option's value as it is written in the config (`false`, `[a, b]`), not in Python."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1000)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _examples(rule: Rule) -> list[tuple[str, str]]:
    return [(kind, _yaml(example)) for kind in ("fail", "pass")
            for example in rule.examples.get(kind) or []]


def _fill(text: str) -> str:
    """Paragraphs filled to 76 columns; table rows ("| a | b |") kept as written."""
    out = []
    for paragraph in text.split("\n\n"):
        lines = paragraph.splitlines()
        table = all(line.lstrip().startswith("|") for line in lines)
        out.append(paragraph if table else textwrap.fill(" ".join(lines), 76))
    return "\n\n".join(out)


def explain(rule: Rule) -> str:
    """What `smplan-lint explain RULE` prints."""
    lines = [f"{rule.id} {rule.name} ({rule.severity}, pack {rule.pack})", "",
             rule.summary + ".", "", "Why:", textwrap.indent(_fill(rule.why), "  ")]
    if rule.options:
        lines += ["", "Options (set under `rules:` in the config):"]
        lines += [f"  {name}: {_value(value)}" for name, value in rule.options.items()]
    for kind, text in _examples(rule):
        heading = "Fails on:" if kind == "fail" else "Passes on:"
        lines += ["", heading, textwrap.indent(text, "  ")]
    lines += ["", "Fix:", textwrap.indent(textwrap.fill(rule.fix, 76), "  ")]
    return "\n".join(lines)


def reference(packs: list[Pack]) -> str:
    """The Markdown rule reference for docs/rules.md."""
    out = ["# Rule reference", "",
           "Generated from the rule files by `python -m smplan_lint.docs`; do not edit.", ""]
    for pack in packs:
        out += [f"## Pack `{pack.name}` {pack.version}", "", pack.description, "",
                "| id | name | severity | summary |", "| --- | --- | --- | --- |"]
        rules = sorted(pack.rules, key=lambda r: r.id)
        out += [f"| [{r.id}](#{r.id.lower()}-{r.name}) | {r.name} | {r.severity} | {r.summary} |"
                for r in rules]
        out.append("")
        for rule in rules:
            out += [f"### {rule.id} {rule.name}", "",
                    f"**{rule.summary}.** Severity `{rule.severity}`, area `{rule.area}`.", "",
                    rule.why, ""]
            if rule.options:
                out += ["Options: " + ", ".join(f"`{k}` (default `{_value(v)}`)"
                                                for k, v in rule.options.items()), ""]
            for kind, text in _examples(rule):
                out += [f"{'Fails' if kind == 'fail' else 'Passes'}:", "", "```yaml", text,
                        "```", ""]
            out += [f"Fix: {rule.fix}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def main() -> None:
    from smplan_lint.packs import core_pack

    sys.stdout.write(reference([core_pack()]))


if __name__ == "__main__":
    main()
