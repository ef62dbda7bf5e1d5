"""The command line: `smplan-lint [OPTIONS] PATH...` and its subcommands.

The first argument names a subcommand, or else everything is the lint
command, so options may come before or after the paths.
"""

from __future__ import annotations

import datetime
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from smplan_lint import __version__

if TYPE_CHECKING:  # imported lazily at run time: start-up stays lean
    from smplan_lint.config import Config
    from smplan_lint.engine import Backend
    from smplan_lint.filters import RuleIndex
    from smplan_lint.packs import Compiled, Pack

SUBCOMMANDS = ("rules", "explain", "init", "schema", "test-pack")
FAIL_ON = ("error", "warning", "info", "never")
STDIN = "-"


class Fatal(Exception):
    """A usage, config or rule-pack problem: message to stderr, exit status 2."""


def main(argv: list[str] | None = None) -> NoReturn:
    args = sys.argv[1:] if argv is None else argv
    command = commands if args and args[0] in SUBCOMMANDS else lint_command
    debug = "--debug" in args
    try:
        command.main(args, prog_name="smplan-lint", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(2)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(2)
    except Fatal as error:
        click.echo(f"smplan-lint: error: {error}", err=True)
        sys.exit(2)
    except Exception as error:  # the last line of defence: never a traceback by default
        if debug:
            raise
        click.echo(f"smplan-lint: internal error: {type(error).__name__}: {error}\n"
                   "This is a bug; please report it with the input that caused it "
                   "(run again with --debug for the traceback).", err=True)
        sys.exit(2)
    sys.exit(0)


def _parse_day(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime.date:
    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


rules_option = click.option("--rules", "rule_paths", multiple=True, metavar="PATH",
                            help="Load a rule pack (file or folder); may repeat.")
config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False),
                             help="Configuration file (default: found upward).")
engine_option = click.option("--engine", type=click.Choice(["durable", "python"]),
                             help="Rules engine back end (default: durable where it loads).")


@dataclass
class Setup:
    """What every command needs: configuration, packs compiled, an engine."""

    config: Config
    packs: list[Pack]
    compiled: Compiled
    engine: Backend
    index: RuleIndex


def _setup(config_path: str | None, rule_paths: tuple[str, ...], engine: str | None,
           start: Path) -> Setup:
    from smplan_lint.config import ConfigError, discover, load_config
    from smplan_lint.engine import EngineUnavailable, backend
    from smplan_lint.filters import RuleIndex
    from smplan_lint.packs import PackError, compile_packs, gather_packs

    try:
        config = load_config(Path(config_path) if config_path else discover(start))
        packs = gather_packs([*config.packs, *rule_paths])
        index = RuleIndex({rule.id: rule for pack in packs for rule in pack.rules})
        compiled = compile_packs(packs, _rule_options(config, index))
        chosen = backend(engine)
    except (ConfigError, PackError, EngineUnavailable) as error:
        raise Fatal(str(error)) from None
    return Setup(config, packs, compiled, chosen, index)


def _rule_options(config: Config, index: RuleIndex) -> dict[str, dict[str, Any]]:
    """Config `rules:` keyed by rule id, each option one the rule declares."""
    options: dict[str, dict[str, Any]] = {}
    for token, chosen in config.rules.items():
        found = index.find(token) if token in index.rules or token in index.by_name else []
        if not found:
            raise Fatal(f"{config.source}: options for unknown rule '{token}'"
                        f"{index.suggest(token)}")
        rule = found[0]
        for name in chosen:
            if name not in rule.options:
                known = ", ".join(rule.options) or "none"
                raise Fatal(f"{config.source}: rule {rule.id} has no option '{name}' "
                            f"(its options: {known})")
        options[rule.id] = chosen
    return options


@click.command(context_settings={"help_option_names": ["-h", "--help"]},
               epilog="Subcommands: " + ", ".join(SUBCOMMANDS) + " (smplan-lint rules --help).")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", default="text", show_default=True,
              type=click.Choice(["text", "json", "sarif", "junit", "github", "gitlab",
                                 "markdown", "html"]))
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report here.")
@config_option
@rules_option
@click.option("--select", multiple=True, help="Only these rules (ids, names, prefixes; commas).")
@click.option("--ignore", multiple=True, help="Skip these rules (ids, names, prefixes; commas).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), help="Lowest severity that fails (exit 1).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help="Report only findings not recorded in this baseline.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record the current findings as the baseline and exit 0.")
@click.option("--today", callback=_parse_day, metavar="YYYY-MM-DD",
              help="Date the date checks compare with (default: today).")
@click.option("--no-color", is_flag=True, help="No colour, even on a terminal.")
@click.option("--group-by", type=click.Choice(["owner"]), help="Group text output by owner.")
@engine_option
@click.option("--verbose", "-v", is_flag=True, help="Say which files and engine were used.")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
@click.version_option(__version__, "--version", prog_name="smplan-lint")
def lint_command(paths: tuple[str, ...], fmt: str, output: str | None, config_path: str | None,
                 rule_paths: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...],
                 fail_on: str | None, baseline_path: str | None, write_baseline: str | None,
                 today: datetime.date, no_color: bool, group_by: str | None, engine: str | None,
                 verbose: bool, debug: bool) -> None:
    """Lint social media marketing plans (YAML inventories) and rank the findings."""
    from smplan_lint.config import ConfigError, split_rule_list
    from smplan_lint.filters import UnknownRule, read_baseline
    from smplan_lint.filters import write_baseline as save_baseline
    from smplan_lint.findings import at_or_above, rank
    from smplan_lint.lint import Policy, ProviderFailed, lint_bytes
    from smplan_lint.load import UnusableInput
    from smplan_lint.report import Report, RuleInfo, render

    start = Path(paths[0]) if paths and paths[0] != STDIN else Path.cwd()
    setup = _setup(config_path, rule_paths, engine, start)
    config, index = setup.config, setup.index
    where = config.source or "config"
    try:
        chosen = split_rule_list(list(select)) or config.select
        enabled = index.resolve(chosen, "--select") if chosen else set(setup.compiled.rules)
        enabled -= index.resolve(config.ignore, where)
        enabled -= index.resolve(split_rule_list(list(ignore)), "--ignore")
        severity = {rule_id: level for token, level in config.severity.items()
                    for rule_id in index.resolve([token], where)}
        baseline = baseline_path or config.baseline
        known = read_baseline(baseline) if baseline and not write_baseline else None
    except (UnknownRule, ConfigError) as error:
        raise Fatal(str(error)) from None
    policy = Policy(frozenset(enabled), tuple(severity.items()))

    status = 0
    findings, suppressed, facts, files = [], [], {}, []
    for path in _inventories(paths, config.patterns):
        files.append(path)
        try:
            data = sys.stdin.buffer.read() if path == STDIN else _read_bytes(path)
            result = lint_bytes(data, path, setup.compiled, setup.engine, today, policy)
        except UnusableInput as error:
            where = f":{error.line}:{error.column}" if error.line else ""
            click.echo(f"{path}{where}: error: {error}", err=True)
            status = 2
            continue
        except ProviderFailed as error:
            raise Fatal(str(error)) from None
        findings.extend(result.findings)
        suppressed.extend(result.suppressed)
        facts[path] = result.facts

    if write_baseline:
        save_baseline(write_baseline, findings)
        click.echo(f"Wrote {len(findings)} finding(s) to the baseline {write_baseline}.", err=True)
        sys.exit(status)
    if known is not None:
        findings = [item for item in findings if item.fingerprint not in known]

    findings = rank(findings)
    infos = {rule.id: RuleInfo(rule.id, rule.name, rule.severity, rule.summary, rule.why,
                               rule.fix, rule.pack, _help(rule))
             for rule in setup.compiled.rules.values()}
    color = (output is None and not no_color and "NO_COLOR" not in os.environ
             and sys.stdout.isatty())
    report = Report(findings, rank(suppressed), infos, files, __version__,
                    engine=setup.engine.name, color=color, verbose=verbose, group_by=group_by,
                    facts=facts)
    text = render(report, fmt)
    if output:
        Path(output).write_text(text + "\n", encoding="utf-8")
    else:
        click.echo(text)
    threshold = fail_on or config.fail_on or "error"
    if status == 0 and at_or_above(findings, threshold):
        status = 1
    sys.exit(status)


def _help(rule: Any) -> str:
    from smplan_lint.findings import help_url

    return help_url(rule.id, rule.name)


def _read_bytes(path: str) -> bytes:
    from smplan_lint.load import UnusableInput

    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise UnusableInput("is a folder with no inventory in it") from None
    except OSError as error:
        raise UnusableInput(f"cannot read: {error.strerror or error}") from None


def _inventories(paths: tuple[str, ...], patterns: list[str]) -> list[str]:
    """Named files always; folders searched for the inventory patterns."""
    if not paths:
        found = _search(Path("."), patterns)
        if not found:
            raise Fatal("no inventory found in the current folder (looked for "
                        + ", ".join(patterns) + "); name a file to lint")
        return found
    chosen: list[str] = []
    for path in paths:
        if path != STDIN and Path(path).is_dir():
            found = _search(Path(path), patterns)
            if not found:
                raise Fatal(f"{path}: no inventory found (looked for {', '.join(patterns)})")
            chosen.extend(found)
        else:
            chosen.append(path)
    return list(dict.fromkeys(chosen))


def _search(folder: Path, patterns: list[str]) -> list[str]:
    found = set()
    for pattern in patterns:
        for candidate in folder.rglob(pattern):
            parts = candidate.relative_to(folder).parts
            if candidate.is_file() and not any(p.startswith(".") for p in parts[:-1]):
                found.add(candidate.as_posix())
    return sorted(found)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def commands() -> None:
    """smplan-lint subcommands."""


@commands.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@config_option
@rules_option
def rules_command(fmt: str, config_path: str | None, rule_paths: tuple[str, ...]) -> None:
    """List every rule of every loaded pack."""
    import json

    from smplan_lint.report.columns import table

    setup = _setup(config_path, rule_paths, "python", Path.cwd())
    rows = [{"id": r.id, "name": r.name, "severity": r.severity, "pack": r.pack,
             "summary": r.summary} for r in sorted(setup.compiled.rules.values(),
                                                   key=lambda r: r.id)]
    if fmt == "json":
        click.echo(json.dumps({"version": 1, "rules": rows}, indent=2))
    else:
        click.echo(table([list(r.values()) for r in rows],
                         headers=["id", "name", "severity", "pack", "summary"]))


@commands.command("explain")
@click.argument("rule")
@config_option
@rules_option
def explain_command(rule: str, config_path: str | None, rule_paths: tuple[str, ...]) -> None:
    """Why a rule exists, its failing and passing examples, and the fix."""
    from smplan_lint.docs import explain

    setup = _setup(config_path, rule_paths, "python", Path.cwd())
    found = setup.compiled.rules.get(rule) or setup.index.by_name.get(rule)
    if found is None:
        raise Fatal(f"unknown rule '{rule}'{setup.index.suggest(rule)}")
    click.echo(explain(found))


@commands.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the inventory format (for editors)."""
    import json

    from smplan_lint.inventory import json_schema

    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@commands.command("init")
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite existing files.")
def init_command(folder: str, force: bool) -> None:
    """Write a commented starter inventory and configuration that lint clean."""
    from smplan_lint.starter import write_starter

    try:
        for written in write_starter(Path(folder), force):
            click.echo(f"wrote {written}")
    except FileExistsError as error:
        raise Fatal(f"{error.filename} exists; use --force to overwrite it") from None


@commands.command("test-pack")
@click.argument("path", type=click.Path(exists=True))
@engine_option
def test_pack_command(path: str, engine: str | None) -> None:
    """Run a pack's own pass/fail examples and report each one."""
    from smplan_lint.examples import run_examples
    from smplan_lint.packs import PackError, compile_packs, core_pack, gather_packs, load_pack

    try:
        is_core = load_pack(path).digest == core_pack().digest
        packs = gather_packs([] if is_core else [path])
    except PackError as error:
        raise Fatal(str(error)) from None
    pack = packs[0] if is_core else packs[-1]
    setup = _setup(None, (), engine, Path(path))
    results = run_examples(pack.rules, compile_packs(packs), setup.engine)
    for result in results:
        mark = click.style("PASS", fg="green") if result.ok else click.style("FAIL", fg="red")
        click.echo(f"{mark} {result.label}: {result.detail}")
    failed = sum(not r.ok for r in results)
    click.echo(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
