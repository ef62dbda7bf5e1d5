"""The command line: `smplan-lint [OPTIONS] PATH...` and its subcommands.

The first argument names a subcommand, or else everything is the lint
command, so options may come before or after the paths.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

import click

from smplan_lint import __version__
from smplan_lint.engine import BACKENDS
from smplan_lint.findings import FAIL_ON
from smplan_lint.report import FORMATS, GROUP_BY

if TYPE_CHECKING:  # imported lazily at run time: start-up stays lean
    from smplan_lint.filters import Selection
    from smplan_lint.lint import RunResult
    from smplan_lint.setup import Setup, Setups

SUBCOMMANDS = ("rules", "explain", "init", "schema", "test-pack", "import", "lsp")
STDIN = "-"


class Fatal(Exception):
    """A usage, config or rule-pack problem: message to stderr, exit status 2."""


def main(argv: list[str] | None = None) -> NoReturn:
    args = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):  # a handle the terminal's encoding lacks is escaped
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    command: click.Command = lint_command
    if args and args[0] in SUBCOMMANDS:
        from smplan_lint.commands import commands as command
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
        if not _ISO_DAY.fullmatch(value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _parse_size(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """`50MB`, `500k`, `1048576`: a byte count with an optional binary unit."""
    if value is None:
        return None
    found = re.fullmatch(_SIZE, value.strip())
    if not found or int(found["count"]) == 0:
        raise click.BadParameter(f"{value!r} is not a size (e.g. 50MB, 500KB, 1048576)")
    return int(found["count"]) * _UNITS[found["unit"].upper().rstrip("B") or ""]


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SIZE = r"(?P<count>\d{1,12})\s*(?P<unit>[kKmMgG]?[bB]?)"  # compiled when used (rarely)
_UNITS = {"": 1, "K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}


rules_option = click.option("--rules", "rule_paths", multiple=True, metavar="PATH",
                            help="Load a rule pack (file or folder); may repeat.")
config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False),
                             help="Configuration file (default: found upward).")
engine_option = click.option("--engine", type=click.Choice(BACKENDS),
                             help="Rules engine back end (default: durable where it loads).")


def make_setups(config_path: str | None, rule_paths: tuple[str, ...], engine: str | None) -> Setups:
    from smplan_lint.setup import SetupError, Setups

    try:
        return Setups(config_path, rule_paths, engine)
    except SetupError as error:
        raise Fatal(str(error)) from None


def setup_here(config_path: str | None, rule_paths: tuple[str, ...],
                engine: str | None = "python") -> Setup:
    """The setup of the current folder, for the commands that lint nothing."""
    from smplan_lint.filters import Selection
    from smplan_lint.setup import SetupError

    try:
        setups = make_setups(config_path, rule_paths, engine)
        return setups.for_path(".", Selection(use_baseline=False))
    except SetupError as error:
        raise Fatal(str(error)) from None


@click.command(context_settings={"help_option_names": ["-h", "--help"]},
               epilog="Subcommands: " + ", ".join(SUBCOMMANDS) + " (smplan-lint rules --help).")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", default="text", show_default=True, type=click.Choice(FORMATS))
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
@click.option("--max-file-size", callback=_parse_size, metavar="SIZE",
              help="Largest file read (plan, config, pack, baseline); default 50MB.")
@click.option("--no-color", is_flag=True, help="No colour, even on a terminal.")
@click.option("--no-cache", is_flag=True,
              help="Read every goal and profile, and compile every pattern, afresh "
                   "(otherwise kept under $XDG_CACHE_HOME/smplan-lint).")
@click.option("--group-by", type=click.Choice(GROUP_BY), help="Group text output by owner.")
@engine_option
@click.option("--verbose", "-v", is_flag=True, help="Say which files and engine were used.")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
@click.version_option(__version__, "--version", prog_name="smplan-lint")
def lint_command(paths: tuple[str, ...], fmt: str, output: str | None, config_path: str | None,
                 rule_paths: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...],
                 fail_on: str | None, baseline_path: str | None, write_baseline: str | None,
                 today: datetime.date, max_file_size: int | None, no_color: bool,
                 no_cache: bool, group_by: str | None, engine: str | None, verbose: bool,
                 debug: bool) -> None:
    """Lint social media marketing plans (YAML inventories) and rank the findings."""
    from smplan_lint import cache
    from smplan_lint.filters import Selection
    from smplan_lint.safe_io import max_file_size as size_limit

    if max_file_size:
        size_limit.set(max_file_size)
    if not no_cache:
        cache.enable()
    selection = Selection(select, ignore, fail_on, baseline_path, not write_baseline)
    setups = make_setups(config_path, rule_paths, engine)
    result, stopped = _run(paths, setups, selection, today)
    _refuse_inputs_as_outputs(result.files, output, write_baseline)
    for error in result.errors if not stopped else ():
        where = f":{error.line}:{error.column}" if error.line else ""
        click.echo(f"{error.file}{where}: error: {error.message}", err=True)
        if verbose and error.detail:
            click.echo(f"  ({error.detail})", err=True)
    if verbose:
        _say_what_was_used(setups)
    if write_baseline:
        from smplan_lint.baseline import write_baseline as save_baseline

        _write(write_baseline, lambda: save_baseline(write_baseline, result.findings, result.keys))
        from smplan_lint.report.common import plural

        click.echo(f"Wrote {plural(len(result.findings), 'finding')} to the baseline "
                   f"{write_baseline}.", err=True)
        sys.exit(2 if result.errors else 0)
    color = (output is None and not no_color and "NO_COLOR" not in os.environ
             and sys.stdout.isatty())
    text = _render(result, setups, fmt, color=color, verbose=verbose, group_by=group_by,
                   width=_text_width() if fmt == "text" and output is None else None)
    if output:
        from smplan_lint.safe_io import write_atomic

        _write(output, lambda: write_atomic(output, text + "\n"))
    else:
        click.echo(text)
    sys.exit(result.status)


def _run(paths: tuple[str, ...], setups: Setups, selection: Selection,
         today: datetime.date) -> tuple[RunResult, bool]:
    """The run's result, and whether a configuration or pack stopped it (said on stderr)."""
    from smplan_lint.findings import InputError
    from smplan_lint.inputs import NothingToLint
    from smplan_lint.lint import RunResult, run
    from smplan_lint.setup import SetupError

    try:
        return run(paths, setups, selection, today), False
    except NothingToLint as error:
        raise Fatal(str(error)) from None
    except SetupError as error:  # the run stops, and the report says why
        click.echo(f"smplan-lint: error: {error}", err=True)
        failed = InputError(error.file or "-", error.line, error.column, error.detail)
        return RunResult([], [], [], [failed], {}, {}, 0, [], False), True


def _refuse_inputs_as_outputs(files: list[str], *outputs: str | None) -> None:
    """A report or baseline written over a plan would destroy it."""
    inputs = {os.path.realpath(file) for file in files if file != STDIN}
    for output in outputs:
        if output and os.path.realpath(output) in inputs:
            raise Fatal(f"{output}: is one of the plans being linted; refusing to overwrite it")


def _write(path: str, action: Callable[[], None]) -> None:
    from smplan_lint.safe_io import FileRefused

    try:
        action()
    except FileRefused as error:
        raise Fatal(f"{path}: {error}") from None


def _say_what_was_used(setups: Setups) -> None:
    for setup in setups.used:
        source = setup.config.source or "none (defaults)"
        packs = ", ".join(f"{pack.name} {pack.version}" for pack in setup.packs)
        click.echo(f"configuration: {source}; packs: {packs}", err=True)


def _text_width() -> int | None:
    from smplan_lint.report.text_format import terminal_width

    return terminal_width()


def _render(result: RunResult, setups: Setups, fmt: str, **style: Any) -> str:
    from smplan_lint.findings import help_command, rank
    from smplan_lint.report import Report, RuleInfo, render

    infos = {rule.id: RuleInfo(rule.id, rule.name, rule.severity, rule.summary, rule.why,
                               rule.fix, rule.pack, help_command(rule.id))
             for setup in setups.used for rule in setup.compiled.rules.values()}
    report = Report(rank(result.findings), rank(result.suppressed), infos, result.files,
                    __version__, engine=setups.engine.name, facts=result.facts,
                    errors=result.errors, baselined=result.baselined,
                    baseline_unmatched=result.baseline_unmatched, **style)
    return render(report, fmt)
