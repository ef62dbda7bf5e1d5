"""The subcommands: `smplan-lint rules|explain|schema|init|import|test-pack|lsp`.

Kept apart from the lint command, so a lint (a pre-commit hook's every run)
never builds them; `cli.main` loads this module when the first argument names one.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from smplan_lint.cli import (
    Fatal,
    config_option,
    engine_option,
    make_setups,
    rules_option,
    setup_here,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def commands() -> None:
    """smplan-lint subcommands."""


@commands.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@config_option
@rules_option
def rules_command(fmt: str, config_path: str | None, rule_paths: tuple[str, ...]) -> None:
    """List every rule of every loaded pack."""
    setup = setup_here(config_path, rule_paths)
    rows = [{"id": r.id, "name": r.name, "severity": r.severity, "pack": r.pack,
             "summary": r.summary} for r in sorted(setup.compiled.rules.values(),
                                                   key=lambda r: r.id)]
    if fmt == "json":
        import json

        click.echo(json.dumps({"version": 1, "rules": rows}, indent=2))
    else:
        from smplan_lint.report.table import table

        click.echo(table(rows, headers="keys", tablefmt="simple", disable_numparse=True))


@commands.command("explain")
@click.argument("rule")
@config_option
@rules_option
def explain_command(rule: str, config_path: str | None, rule_paths: tuple[str, ...]) -> None:
    """Why a rule exists, its failing and passing examples, and the fix."""
    from smplan_lint.docs import explain

    setup = setup_here(config_path, rule_paths)
    # Ids are upper case and names lower case in every pack: `smp201` is SMP201.
    found = setup.compiled.rules.get(rule.upper()) or setup.rule_index.by_name.get(rule.lower())
    if found is None:
        hint = setup.rule_index.suggest(rule) or setup.rule_index.suggest(rule.upper())
        raise Fatal(f"unknown rule '{rule}'{hint}")
    click.echo(explain(found))


@commands.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the inventory format (for editors)."""
    import json

    from smplan_lint.inventory.json_schema import json_schema

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


@commands.command("import")
@click.argument("spreadsheet", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False),
              help="The YAML plan to write, e.g. plan.smplan.yaml.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def import_command(spreadsheet: str, output: str, force: bool) -> None:
    """Write the YAML plan a spreadsheet (xlsx, xls, ods, csv) holds, with comments
    saying which rows each item came from."""
    from smplan_lint.safe_io import FileRefused
    from smplan_lint.sheets.export import ImportRefused, import_workbook

    try:
        import_workbook(spreadsheet, output, force)
    except (ImportRefused, FileRefused) as error:
        raise Fatal(str(error)) from None
    click.echo(f"wrote {output}")


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
    results = run_examples(pack.rules, compile_packs(packs), make_setups(None, (), engine).engine)
    for result in results:
        mark = click.style("PASS", fg="green") if result.ok else click.style("FAIL", fg="red")
        click.echo(f"{mark} {result.label}: {result.detail}")
    failed = sum(not r.ok for r in results)
    click.echo(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


@commands.command("lsp")
def lsp_command() -> None:
    """Run the language server on standard input and output (for editors)."""
    try:
        from smplan_lint.lsp.server import serve
    except ImportError as error:  # pygls, or lsprotocol which comes with it
        if (error.name or "").partition(".")[0] not in ("pygls", "lsprotocol"):
            raise
        raise Fatal("the language server needs pygls, which is not installed; install it "
                    "with: pip install 'smplan-lint[lsp]'") from None
    serve()
