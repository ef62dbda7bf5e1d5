"""Rebuild bench/data/brands.csv from the simple-icons npm package (CC0-1.0).

Why: the impersonation corpus needs real brand names in every length bucket, from a
source anyone can fetch and check. Get the data with ``npm pack simple-icons@16.37.0``
and pass the unpacked ``package/data/simple-icons.json``.

Run: python bench/brands_from_simple_icons.py PATH/simple-icons.json [--per-bucket 350]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "brands.csv"
BUCKETS = ("3-4", "5-7", "8+")


def bucket(letters: int) -> str | None:
    """Length bucket of a brand term, or None when it is too short to be a handle."""
    if letters < 3:
        return None
    return "3-4" if letters <= 4 else "5-7" if letters <= 7 else "8+"


def select(icons: list[dict[str, object]], per_bucket: int) -> list[dict[str, str]]:
    """One-word alphabetic titles, per_bucket of each bucket, in an order no one chose.

    The order is a hash of the slug, so the selection is neither alphabetical nor
    hand-picked, and stays the same when the package gains icons.
    """
    seen: set[str] = set()
    by_bucket: dict[str, list[dict[str, str]]] = {b: [] for b in BUCKETS}
    for icon in icons:
        title, slug = str(icon["title"]), str(icon["slug"])
        if not re.fullmatch(r"[A-Za-z]+", title) or title.lower() in seen:
            continue
        size = bucket(len(title))
        if size is None:
            continue
        seen.add(title.lower())
        by_bucket[size].append({"name": title, "term": title.lower(), "bucket": size,
                                "slug": slug})
    rows: list[dict[str, str]] = []
    for size in BUCKETS:
        ranked = sorted(by_bucket[size], key=lambda r: hashlib.sha256(r["slug"].encode())
                        .hexdigest())
        rows += sorted(ranked[:per_bucket], key=lambda r: r["term"])
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("icons", type=Path)
    parser.add_argument("--per-bucket", type=int, default=350)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    icons = json.loads(args.icons.read_text(encoding="utf-8"))
    rows = select(icons, args.per_bucket)
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["name", "term", "bucket", "slug"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} brands -> {args.out}")


if __name__ == "__main__":
    main()
