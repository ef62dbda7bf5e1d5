"""How long `load_bytes` takes next to PyYAML's C loader alone, on the same bytes.

The speed target wants a whole lint of a 10,000-account plan within 1.5x of
`yaml.load(text, Loader=yaml.CSafeLoader)`; the loader is the first stage of
that budget, so this prints its share. Plans come from bench/gen_inventory.py
unless --generator names another of the same interface.

    python bench/load_speed.py [--sizes 1000,10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from smplan_lint.load import load_bytes  # noqa: E402

GENERATOR = Path(__file__).resolve().parent / "gen_inventory.py"


def best_of(repeat: int, run: Callable[[bytes], object], data: bytes) -> float:
    """Best wall time of several runs: the least disturbed by the rest of the machine."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run(data)
        times.append(time.perf_counter() - start)
    return min(times)


def c_safe_load(data: bytes) -> object:
    return yaml.load(data, Loader=yaml.CSafeLoader)


def plan(accounts: int, folder: Path, generator: Path) -> bytes:
    """A deterministic plan with this many accounts (and as many goals and profiles)."""
    target = folder / f"plan-{accounts}.yaml"
    subprocess.run([sys.executable, str(generator), str(accounts), str(target)], check=True)
    return target.read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="account counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (best kept)")
    parser.add_argument("--generator", type=Path, default=GENERATOR, help="gen_inventory.py")
    options = parser.parse_args()
    print(f"{'accounts':>8} {'bytes':>10} {'CSafeLoader':>12} {'load_bytes':>11} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for accounts in (int(size) for size in options.sizes.split(",")):
            data = plan(accounts, Path(folder), options.generator)
            reference = best_of(options.repeat, c_safe_load, data)
            ours = best_of(options.repeat, lambda text: load_bytes(text, "plan.yaml"), data)
            print(f"{accounts:>8} {len(data):>10} {reference:>11.3f}s {ours:>10.3f}s "
                  f"{ours / reference:>6.2f}")


if __name__ == "__main__":
    main()
