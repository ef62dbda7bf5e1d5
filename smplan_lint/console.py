"""The process's way in: the `smplan-lint` console script and `python -m smplan_lint`.

Kept apart from the command line itself (`cli.main`, which tests and library
callers use) because what it does is right only for a whole process, and
each was a noticeable share of a short run such as a pre-commit hook's:

- the garbage collector's first generation is collected every 100,000
  allocations rather than 700 (mypy does the same): a start allocates a few
  hundred thousand objects for imports and the plan, almost none of them
  garbage, and collecting dozens of times over them was 4% of a run;
- the process ends with os._exit once the output is flushed: tearing the
  interpreter down (every module and object freed one by one) was an eighth of
  a run, and the operating system frees it all anyway;
- the regular expressions an earlier run compiled are handed to `re` before
  anything is imported (pattern_cache.py): compiling them was a tenth of a run;
- the package's own modules come from one file an earlier run wrote
  (module_cache.py): finding and reading them one by one was a twentieth of a run.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn


def entry() -> NoReturn:
    gc.set_threshold(100_000, 50, 50)
    from smplan_lint import module_cache

    modules = module_cache.start(sys.argv[1:])
    from smplan_lint import pattern_cache

    kept = pattern_cache.start(sys.argv[1:])
    from smplan_lint.cli import main

    try:
        main()
    except SystemExit as done:
        status = done.code
    if isinstance(status, str):
        print(status, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            if not stream.closed:  # the language server closes its streams at exit
                stream.flush()
        except OSError:  # the reader went away before the output was all written
            status = status or 1
    pattern_cache.finish(kept)
    module_cache.finish(modules)
    os._exit(status or 0)
