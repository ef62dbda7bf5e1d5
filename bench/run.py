#!/usr/bin/env python3
"""Speed and memory of smplan-lint next to the baselines of its speed targets, in one run.

    python bench/run.py                 # everything; about five minutes once the plans exist
    python bench/run.py --quick         # fewer repeats, no 100,000-account plan
    python bench/run.py --spectral node_modules/.bin/spectral --spectral-ruleset ruleset.yaml
    python bench/run.py --generator path/to/other/gen_inventory.py   # its plans too

What it prints (target in brackets), for the default engine (durable) and,
beside it, the python back end:

a. cold start on the 50-account plan, the `smplan-lint` console script as a
   subprocess, against `yamllint -d relaxed` on the same file, with the text
   report (the default, laid out by tabulate)  [<= 0.5] and the JSON report
   [<= 1.0]. Goal readings, verdicts and compiled patterns are kept between runs
   (in a cache folder of this run, XDG_CACHE_HOME), so a run after the first
   reads and compiles none again, as a pre-commit hook's runs do; the rows marked
   "no cache" do it all afresh, as the first run on a new machine does (reported,
   no target)
b. linting the 10,000-account plan in-process (packs already compiled, one
   50-account lint done first) against `yaml.load(text, Loader=yaml.CSafeLoader)`
   on the same bytes, as the ratio of the best times and as the median of each
   run's ratio to the load run just before it ("paired", which a drift in the
   machine's speed moves least); also the same as subprocesses, JSON and text
   reports  [<= 1.5]
c. lint time per account at 1,000, 10,000 and 100,000 accounts; the ratio of
   the largest to the smallest  [<= 1.3]
d. peak resident memory (ru_maxrss of a child process, so interpreter and
   imports included on both sides; plus the peak of its forked workers,
   although they share most pages) of a lint of the 10,000-account plan
   against a child that only loads it with CSafeLoader  [<= 2.5]
e. the CLI against Spectral 6 with the ruleset given by --spectral-ruleset (one
   rule per smplan-lint check, written for the plan format) at 50, 1,000 and
   10,000 accounts  [<= 1.0 at 50 and 1,000]

How: the machine is shared and noisy, so the two sides of every ratio are run
alternately (ours, baseline, ours, baseline, ...) and each side's median is
kept; in-process figures keep the best run instead (the least disturbed).
A side whose runs add up to more than --budget seconds stops repeating, so a
slow stage still finishes. Plans come from bench/gen_inventory.py ("bench")
and from each --generator (named by its folder's parent), and are cached in
bench/.plans/ (keyed by the generator's content).

Nothing here is a test: the suite never asserts a speed.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = ROOT / "bench" / "gen_inventory.py"
CACHE = ROOT / "bench" / ".plans"
TODAY = "2026-11-27"
ENGINES = ("durable", "python")
PYTHON = sys.executable
SIZES = [50, 1000, 10000]  # small (cold start), medium, large; 10 x large is the biggest
COLD_RUNS = 31  # cold-start runs per side at least
FORMATS = ("text", "json")  # reports timed through the CLI
COLD_TARGETS = {"text": 0.5, "json": 1.0}


# ---------------------------------------------------------------- plans


def plan_path(generator: Path, accounts: int) -> Path:
    """Generate (once per generator content) the plan with this many accounts."""
    digest = hashlib.sha256(generator.read_bytes()).hexdigest()[:10]
    target = CACHE / f"{generator.parent.parent.name}-{digest}-{accounts}.yaml"
    if not target.exists():
        CACHE.mkdir(exist_ok=True)
        (CACHE / ".gitignore").write_text("*\n")
        partial = target.with_suffix(".part")
        subprocess.run([PYTHON, str(generator), str(accounts), str(partial)], check=True)
        partial.rename(target)
    return target


def generators(extra: list[Path]) -> dict[str, Path]:
    found = {"bench": OURS}
    for path in extra:
        if not path.exists():
            raise SystemExit(f"{path}: no such generator")
        found[path.resolve().parent.parent.name] = path.resolve()
    return found


# ---------------------------------------------------------------- timing helpers


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def alternate(sides: dict[str, list[str]], repeat: int, budget: float) -> dict[str, float]:
    """Median wall time of each command, run in turn; a side over budget stops repeating."""
    runs = alternate_runs(sides, repeat, budget)
    return {name: statistics.median(values) for name, values in runs.items()}


def alternate_runs(sides: dict[str, list[str]], repeat: int,
                   budget: float) -> dict[str, list[float]]:
    """Each command's wall times, the commands run in turn (round by round)."""
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(repeat):
        for name, command in sides.items():
            if sum(times[name]) < budget:
                times[name].append(wall(command))
    return times


def paired_ratio(ours: list[float], theirs: list[float]) -> str:
    """The median of the round-by-round ratios: a drift in the machine's speed moves both
    runs of a round alike, so it cancels out of their ratio."""
    pairs = [a / b for a, b in zip(ours, theirs, strict=False) if b]  # rounds both ran
    return f"{statistics.median(pairs):.2f}" if pairs else "-"


def child(*args: str) -> dict:
    """Run this script in a fresh interpreter in one of its --child modes; read its JSON."""
    done = subprocess.run([PYTHON, __file__, "--child", *args], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(f"child {args} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def lint_cli(plan: Path, engine: str, fmt: str = "json", *extra: str) -> list[str]:
    """The console script, as a user, pre-commit and CI run it (yamllint runs by its own).

    Output goes to a pipe, as in CI: no colour and, without COLUMNS, no wrapping."""
    script = Path(PYTHON).parent / "smplan-lint"
    command = [str(script)] if script.exists() else [PYTHON, "-m", "smplan_lint"]
    return [*command, "--today", TODAY, "--engine", engine, "--format", fmt, "--no-color",
            *extra, str(plan)]


def load_cli(plan: Path) -> list[str]:
    code = ("import sys, yaml; yaml.load(open(sys.argv[1], 'rb').read(), "
            "Loader=yaml.CSafeLoader)")
    return [PYTHON, "-c", code, str(plan)]


# ---------------------------------------------------------------- child modes


def _child_inprocess(plan: str, engine_name: str, repeat: int, budget: float,
                     warm: str) -> dict:
    """Best in-process times of CSafeLoader alone and of a whole lint, run alternately."""
    import datetime

    import yaml

    from smplan_lint.derive.goals import read_goal
    from smplan_lint.engine import backend
    from smplan_lint.lint import lint_bytes
    from smplan_lint.packs import compile_packs, core_pack

    today = datetime.date.fromisoformat(TODAY)
    compiled = compile_packs([core_pack()])
    engine = backend(engine_name)
    lint_bytes(Path(warm).read_bytes(), warm, compiled, engine, today)  # one-off costs
    data = Path(plan).read_bytes()
    stages = _Stages(engine)
    loads: list[float] = []
    lints: list[float] = []
    findings = 0
    for number in range(repeat):
        if number and sum(lints) + sum(loads) > budget:
            break
        # Each side starts from the same heap, nothing of the last run alive, and what it
        # built is freed after its clock stops. Its clock includes a collection of the young
        # generations with its result alive: the work a lint defers by pausing the
        # collector (smplan_lint/collector.py) is counted.
        gc.collect()
        start = time.perf_counter()
        loaded = yaml.load(data, Loader=yaml.CSafeLoader)
        gc.collect(1)
        loads.append(time.perf_counter() - start)
        del loaded
        if number == 0:
            stages.install()
        read_goal.cache_clear()  # each timed lint reads its plan's sentences afresh
        gc.collect()
        start = time.perf_counter()
        result = lint_bytes(data, plan, compiled, engine, today)
        gc.collect(1)
        lints.append(time.perf_counter() - start)
        findings = len(result.findings)
        del result
        if number == 0:
            stages.remove()
    return {"load": min(loads), "lint": min(lints), "runs": len(lints), "findings": findings,
            "stages": stages.times, "paired": paired_ratio(lints, loads)}


class _Stages:
    """Where the first lint's time went: wrappers around the pipeline's stages."""

    def __init__(self, engine: object) -> None:
        import smplan_lint.derive.goals as goals
        import smplan_lint.derive.handles as handles
        import smplan_lint.lint as lint

        self.engine = engine
        self.targets = [
            (lint, "load_bytes", "load"), (lint, "validate", "validate"),
            (lint, "build_facts", "facts (all)"), (goals, "read_all", "  goal sentences"),
            (handles.ImpersonationIndex, "__init__", "  impersonation index"),
            (handles.ImpersonationIndex, "assess_all", "  impersonation checks"),
            (engine, "run", "engine"), (lint._Placer, "matches", "findings"),
        ]
        self.times: dict[str, float] = {label: 0.0 for _, _, label in self.targets}
        self.saved: list[tuple[object, str, object]] = []

    def install(self) -> None:
        for owner, name, label in self.targets:
            original = getattr(owner, name)
            self.saved.append((owner, name, original))
            setattr(owner, name, self._timed(original, label))

    def remove(self) -> None:
        for owner, name, original in reversed(self.saved):
            if isinstance(owner, type | types.ModuleType):
                setattr(owner, name, original)
            else:
                delattr(owner, name)  # the instance attribute that shadowed the method
        self.saved.clear()

    def _timed(self, function, label: str):
        times = self.times

        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                times[label] += time.perf_counter() - start

        return timed


def _child_memory(plan: str, what: str, engine_name: str) -> dict:
    """Peak resident set of this process after loading or linting the plan."""
    data = Path(plan).read_bytes()
    if what == "load":
        import yaml

        yaml.load(data, Loader=yaml.CSafeLoader)
    else:
        import datetime

        from smplan_lint.engine import backend
        from smplan_lint.lint import lint_bytes
        from smplan_lint.packs import compile_packs, core_pack

        lint_bytes(data, plan, compile_packs([core_pack()]), backend(engine_name),
                   datetime.date.fromisoformat(TODAY))
    # The workers of a large plan count too (goal sentences, discovered profiles): their
    # peak is added, although most of their pages are shared with this process.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"maxrss_kib": peak + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}


# ---------------------------------------------------------------- report


class Table:
    def __init__(self, title: str, header: list[str]) -> None:
        self.title, self.header, self.rows = title, header, []

    def add(self, *cells: object) -> None:
        self.rows.append([_cell(c) for c in cells])

    def show(self) -> None:
        widths = [max(len(str(r[i])) for r in [self.header, *self.rows])
                  for i in range(len(self.header))]
        print(f"\n{self.title}")
        for row in [self.header, ["-" * w for w in widths], *self.rows]:
            print("  " + "  ".join(str(c).rjust(w) for c, w in zip(row, widths, strict=True)))
        sys.stdout.flush()


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:.1f}"
    return str(value)


def ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}" if theirs else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per side (default 5)")
    parser.add_argument("--budget", type=float, default=40.0,
                        help="seconds a side may spend before it stops repeating (default 40)")
    parser.add_argument("--generator", type=Path, action="append", default=[],
                        help="also time plans from this generator (bench/gen_inventory.py's "
                             "interface: N PATH [--seed S]); may repeat")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--spectral", default=_default_spectral(),
                        help="the spectral executable (default: bench/.spectral, or on PATH)")
    parser.add_argument("--spectral-ruleset", type=Path,
                        help="the Spectral ruleset section e lints with (without it: skipped)")
    parser.add_argument("--max-100k", type=float, default=240.0,
                        help="skip 100,000 accounts when its projected lint exceeds this (s)")
    parser.add_argument("--quick", action="store_true", help="3 repeats, no 100,000 accounts")
    parser.add_argument("--cold-only", action="store_true", help="only a. (the cold start)")
    parser.add_argument("--sizes", default="50,1000,10000",
                        help="small,medium,large account counts (default 50,1000,10000); "
                             "the biggest plan is 10 x large")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        mode, *args = options.child
        if mode == "inprocess":
            out = _child_inprocess(args[0], args[1], int(args[2]), float(args[3]), args[4])
        else:
            out = _child_memory(args[0], args[1], args[2])
        print(json.dumps(out))
        return
    if options.quick:
        options.repeat, options.max_100k = 3, 0.0
    engines = options.engines.split(",")
    SIZES[:] = [int(size) for size in options.sizes.split(",")]
    repeat, budget = options.repeat, options.budget
    print(f"smplan-lint benchmark: python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"repeat {repeat}, budget {budget:.0f} s per side, --today {TODAY}")
    started = time.perf_counter()
    os.environ.pop("COLUMNS", None)  # reports go to a pipe, as in CI: text is not wrapped
    byte_compile()
    _say_how_installed()
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="smplan-bench-")  # answers kept
    for name, generator in generators(options.generator).items():
        print(f"\n===== plans from {name} generator ({generator})")
        plans = {n: plan_path(generator, n) for n in SIZES}
        cold_start(plans[SIZES[0]], engines, repeat)
        if options.cold_only:
            continue
        per_item = in_process(plans, generator, engines, repeat, budget, options.max_100k)
        linearity(per_item)
        memory(plans[SIZES[2]], engines)
        subprocesses(options.spectral, options.spectral_ruleset, plans, engines, repeat, budget)
    print(f"\nwhole run: {time.perf_counter() - started:.0f} s")


def _default_spectral() -> str | None:
    binary = ROOT / "bench" / ".spectral" / "node_modules" / ".bin" / "spectral"
    if binary.exists():
        return str(binary)
    return shutil.which("spectral")


def _say_how_installed() -> None:
    """An editable install's import hook makes every start slower than a user's is."""
    found = subprocess.run([PYTHON, "-c", "import smplan_lint; print(smplan_lint.__file__)"],
                           capture_output=True, text=True, check=True,
                           cwd=tempfile.gettempdir()).stdout.strip()  # as the console script
    if Path(found).resolve().is_relative_to(ROOT):
        print("note: smplan-lint runs from this checkout (an editable install); its import "
              "hook adds some 20 ms to each start.\n      `pip install .` in a fresh "
              "environment gives the cold start users see.")


def byte_compile() -> None:
    """Write the package's bytecode, as `pip install` does for yamllint and every other
    installed package: an editable install under PYTHONDONTWRITEBYTECODE would
    otherwise compile every module from source at each start."""
    import compileall

    compileall.compile_dir(str(ROOT / "smplan_lint"), quiet=1)


def cold_start(plan: Path, engines: list[str], repeat: int) -> None:
    yamllint = shutil.which("yamllint") or str(Path(PYTHON).parent / "yamllint")
    table = Table(f"a. cold start, {SIZES[0]:,} accounts: CLI vs yamllint -d relaxed "
                  "(median wall s; target: text <= 0.5, json <= 1.0)",
                  ["engine", "report", "smplan-lint", "yamllint", "ratio", "target"])
    if not Path(yamllint).exists():
        print("\na. skipped: yamllint not installed (pip install yamllint)")
        return
    for engine in engines:
        sides = {fmt: lint_cli(plan, engine, fmt) for fmt in FORMATS}
        sides["text, no cache"] = lint_cli(plan, engine, "text", "--no-cache")
        sides["yamllint"] = [yamllint, "-d", "relaxed", str(plan)]
        # A run takes a fifth of a second, so take many: medians of 5 moved by 0.1.
        runs = alternate_runs(sides, max(repeat, COLD_RUNS), 60)
        theirs = runs.pop("yamllint")
        for report, ours in runs.items():
            table.add(engine, report, statistics.median(ours), statistics.median(theirs),
                      paired_ratio(ours, theirs), COLD_TARGETS.get(report, "-"))
    table.show()


def in_process(plans: dict[int, Path], generator: Path, engines: list[str], repeat: int,
               budget: float, max_100k: float) -> dict[str, dict[int, float]]:
    table = Table("b. in-process lint vs yaml.load(CSafeLoader) alone (best s; target <= 1.5 "
                  f"at {SIZES[2]:,}; paired: the median of each run's lint / the load "
                  "run just before it)",
                  ["engine", "accounts", "CSafeLoader", "lint", "ratio", "paired", "runs",
                   "findings"])
    stage_table = Table(f"   where the first {SIZES[2]:,}-account lint went (s)",
                        ["stage", *engines])
    per_item: dict[str, dict[int, float]] = {engine: {} for engine in engines}
    stages: dict[str, dict[str, float]] = {}
    for engine in engines:
        best: dict[int, dict] = {}
        # Two passes, minutes apart, the better counting: on a shared machine one slow
        # spell can cover every run of one child and decide row c on its own.
        for _ in range(2):
            for accounts in SIZES[1:]:
                got = child("inprocess", str(plans[accounts]), engine, str(repeat),
                            str(budget), str(plans[SIZES[0]]))
                if accounts not in best or got["lint"] < best[accounts]["lint"]:
                    best[accounts] = got
                if accounts == SIZES[2]:
                    stages.setdefault(engine, got["stages"])  # the first pass's
        for accounts, got in best.items():
            table.add(engine, accounts, got["load"], got["lint"], ratio(got["lint"], got["load"]),
                      got["paired"], got["runs"], got["findings"])
            per_item[engine][accounts] = got["lint"] / accounts
        biggest = 10 * SIZES[2]
        projected = per_item[engine][SIZES[2]] * biggest
        if projected <= max_100k:
            big = plan_path(generator, biggest)
            got = child("inprocess", str(big), engine, "1", "0", str(plans[SIZES[0]]))
            table.add(engine, biggest, got["load"], got["lint"], ratio(got["lint"], got["load"]),
                      got["paired"], got["runs"], got["findings"])
            per_item[engine][biggest] = got["lint"] / biggest
        else:
            table.add(engine, biggest, "-", f"~{projected:.0f} projected", "-", "-", "skipped",
                      "-")
    table.show()
    for label in next(iter(stages.values()), {}):
        stage_table.add(label, *(stages[e][label] for e in engines))
    stage_table.show()
    return per_item


def linearity(per_item: dict[str, dict[int, float]]) -> None:
    counts = (SIZES[1], SIZES[2], 10 * SIZES[2])
    table = Table("c. lint time per account (ms; target: largest / smallest <= 1.3)",
                  ["engine", *(f"{n:,}" for n in counts), "largest / smallest"])
    for engine, sizes in per_item.items():
        values = list(sizes.values())
        cells = [sizes[n] * 1000 if n in sizes else "-" for n in counts]
        table.add(engine, *cells, f"{max(values) / min(values):.2f}")
    table.show()


def memory(plan: Path, engines: list[str]) -> None:
    table = Table(f"d. peak memory, {SIZES[2]:,} accounts: lint vs CSafeLoader load alone "
                  "(ru_maxrss of a child, MiB; target <= 2.5)",
                  ["engine", "CSafeLoader", "lint", "ratio"])
    load = child("memory", str(plan), "load", "-")["maxrss_kib"] / 1024
    for engine in engines:
        used = child("memory", str(plan), "lint", engine)["maxrss_kib"] / 1024
        table.add(engine, load, used, ratio(used, load))
    table.show()


def subprocesses(spectral: str | None, ruleset: Path | None, plans: dict[int, Path],
                 engines: list[str], repeat: int, budget: float) -> None:
    """The CLI against Spectral at each size; at 10,000 also against a process that only loads."""
    binary = spectral if ruleset else None
    table = Table(f"e. CLI vs Spectral 6 (median wall s; target <= 1.0 at {SIZES[0]:,} and "
                  f"{SIZES[1]:,})",
                  ["engine", "accounts", "smplan-lint", "spectral", "ratio"])
    cli = Table(f"b. (CLI) {SIZES[2]:,} accounts as subprocesses: smplan-lint vs "
                "python -c 'yaml.load(CSafeLoader)' (median wall s; target <= 1.5)",
                ["engine", "report", "load only", "smplan-lint", "ratio"])
    for accounts, plan in plans.items():
        sides = {engine: lint_cli(plan, engine) for engine in engines}
        if binary:
            sides["spectral"] = [binary, "lint", "-r", str(ruleset), str(plan), "--format",
                                 "json", "--fail-severity", "error"]
        if accounts == SIZES[2]:
            sides["load"] = load_cli(plan)
            sides.update({f"{engine} text": lint_cli(plan, engine, "text") for engine in engines})
        elif not binary:
            continue
        got = alternate(sides, min(repeat, 3), budget)
        for engine in engines:
            if binary:
                table.add(engine, accounts, got[engine], got["spectral"],
                          ratio(got[engine], got["spectral"]))
            if accounts == SIZES[2]:
                for fmt, side in (("json", engine), ("text", f"{engine} text")):
                    cli.add(engine, fmt, got["load"], got[side], ratio(got[side], got["load"]))
    cli.show()
    if binary:
        table.show()
    else:
        print("\ne. skipped: give --spectral-ruleset, and Spectral where it is not found "
              "(npm install @stoplight/spectral-cli@6 in bench/.spectral, or --spectral)")


if __name__ == "__main__":
    main()
