#!/usr/bin/env python3
"""Write a deterministic smplan inventory with N accounts, N goals and N discovered profiles.

    python bench/gen_inventory.py N OUT.yaml [--seed 2026]

The plan looks like a large organisation's: a coffee brand with regional and
shop accounts on eight networks, owners drawn from `people` (some inactive,
some unknown), `missions` for most networks, a few business `objectives`,
goals written both with structured metrics and as bare sentences, and
discovered profiles of which some imitate the brand (look-alike spellings,
"official"/"support" affixes, digits) and most are unrelated. Roughly a third
of the items break some rule, so the rules have findings to produce at every
size. The same N and seed always give the same bytes.

`bench/run.py --generator PATH` also times plans from another generator of the
same interface (the one a target was measured with), side by side.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

NETWORKS = ["instagram", "x", "facebook", "tiktok", "linkedin", "youtube", "pinterest", "threads"]
CITIES = [
    "berlin", "hamburg", "munich", "cologne", "vienna", "zurich", "paris", "lyon", "madrid",
    "lisbon", "rome", "milan", "london", "leeds", "dublin", "oslo", "malmo", "prague",
    "warsaw", "krakow", "athens", "porto", "seville", "bilbao", "ghent", "utrecht",
]
KINDS = ["shop", "roastery", "cafe", "jobs", "events", "deals", "news", "team"]
FIRST = ["Maria", "Tom", "Lena", "Jon", "Aisha", "Pedro", "Yuki", "Sven", "Chloe", "Ravi",
         "Ines", "Omar", "Greta", "Luca", "Nina", "Ahmed", "Zoe", "Karl", "Sofia", "Emil"]
LAST = ["Lopez", "Becker", "Novak", "Weber", "Khan", "Silva", "Tanaka", "Berg", "Martin",
        "Rao", "Costa", "Haddad", "Lind", "Rossi", "Petrov", "Said", "Dubois", "Meyer"]
PURPOSES = [
    "Show the roastery's culture and send followers to the web shop.",
    "Recruit roasters and baristas and show how we work.",
    "Announce opening hours and events of the local shop.",
    "Teach brewing in short videos that lead viewers to the subscription page.",
    "Answer customer questions within a day.",
]
BUSINESS = [("web_referrals", "visitors a month from {net} to the web shop"),
            ("sign_ups", "new subscriptions a month from {net}"),
            ("leads", "catering leads from {net}"),
            ("revenue", "euros of coupon revenue from {net}"),
            ("conversion_rate", "percent conversion of {net} visitors")]
VANITY = [("likes", "likes a post on {net}"), ("followers", "followers on {net}"),
          ("impressions", "impressions a month on {net}")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
IMITATIONS = ["acme_c0ffee", "acmecofee", "acmecoffee_official", "real_acmecoffee",
              "acmecoffee.support", "acme_coffe", "acmecoffeee", "acmec0ffee_help"]
UNRELATED = ["coffeelover", "barista_jo", "latte_art_daily", "beanqueen", "acne_care_tips",
             "espresso_nerd", "brew_with_kim", "mocha_mornings", "roast_and_toast"]


def plan(n: int, seed: int = 2026) -> dict:
    rnd = random.Random(seed)
    people = [{"id": f"p{i}", "name": f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]}",
               "role": "Community manager" if i % 4 else "Social lead",
               "active": i % 17 != 0} for i in range(max(3, n // 25))]
    objectives = [{"id": "online-sales",
                   "statement": "Grow online bean subscriptions to 5,000 by December 2027."},
                  {"id": "hiring",
                   "statement": "Hire sixty roasters and baristas for the new shops in 2027."},
                  {"id": "catering", "statement": "Win 200 office catering contracts in 2027."}]
    inventory: dict = {
        "version": 1,
        "organisation": {
            "name": "Acme Coffee Roasters", "brand_terms": ["acme", "acmecoffee"],
            "website": "https://acme.example", "target_networks": NETWORKS[:5],
            "competitors": [{"name": "Bean There", "handles": {"instagram": "beantherecoffee"}},
                            {"name": "Grind House", "handles": {"x": "grindhouse"}}],
        },
        "audit": {"last_reviewed": "2026-10-01", "review_every_days": 90, "reviewer": "p1"},
        "objectives": objectives,
        "people": people,
        # pinterest and threads have no mission: their accounts are flagged
        "missions": {net: f"We use {net} to bring coffee lovers to our shops."
                     for net in NETWORKS[:6]},
        "accounts": [], "affiliates": [], "goals": [], "discovered": [],
    }
    inventory["missions"]["x"] = "We post news. We also answer questions."  # two sentences
    accounts = inventory["accounts"]
    for i in range(n):
        net = NETWORKS[i % len(NETWORKS)] if rnd.random() < 0.6 else rnd.choice(NETWORKS)
        city = CITIES[(i // len(KINDS)) % len(CITIES)]
        kind = KINDS[i % len(KINDS)]
        handle = f"acme{kind}{city}{i // (len(KINDS) * len(CITIES)) or ''}"
        if i == 0:
            handle = "acmecoffee"
        item: dict = {"id": f"{net[:2]}-{kind}-{city}-{i}", "network": net, "handle": handle}
        roll = rnd.random()
        if roll > 0.08:  # some have no owner, a few an unknown one
            item["owner"] = f"p{rnd.randrange(len(people) + (3 if roll < 0.12 else 0))}"
        if rnd.random() > 0.1:
            item["purpose"] = rnd.choice(PURPOSES)
        item["status"] = rnd.choices(["keep", "update", "delete"], [85, 10, 5])[0]
        month = rnd.randint(1, 11) if rnd.random() < 0.3 else rnd.randint(9, 11)
        item["last_post"] = f"2026-{month:02d}-{rnd.randint(1, 28):02d}"
        item["followers"] = rnd.randint(50, 90000)
        if rnd.random() < 0.3:
            item["verified"] = rnd.random() < 0.5
        if rnd.random() < 0.01 and accounts:  # the same handle listed twice
            twin = rnd.choice(accounts)
            item["network"], item["handle"] = twin["network"], twin["handle"]
        accounts.append(item)
    for i in range(max(1, n // 50)):
        inventory["affiliates"].append({"network": rnd.choice(NETWORKS),
                                        "handle": f"acme_fans_{CITIES[i % len(CITIES)]}{i}",
                                        "note": "fan club"})
    for i in range(n):
        account = accounts[rnd.randrange(n)] if rnd.random() > 0.02 else {"id": f"gone-{i}",
                                                                           "network": "x"}
        net = account["network"].capitalize()
        vanity = rnd.random() < 0.25
        name, phrase = rnd.choice(VANITY if vanity else BUSINESS)
        target = rnd.randint(10, 5000)
        year = rnd.choice([2025, 2027, 2027, 2028])
        month = rnd.randrange(12)
        goal: dict = {"id": f"g{i}", "account": account["id"],
                      "statement": f"Reach {target} {phrase.format(net=net)} by "
                                   f"{MONTHS[month]} {year}."}
        if rnd.random() < 0.8:
            goal["objective"] = rnd.choice(objectives)["id"]
        if rnd.random() < 0.6:  # the rest are bare sentences the reader has to parse
            goal["metrics"] = [{"name": name, "target": target, "per": "month"}]
        if rnd.random() < 0.7:
            goal["deadline"] = f"{year}-{month + 1:02d}-28"
        if rnd.random() < 0.5:
            goal["owner"] = f"p{rnd.randrange(len(people))}"
        inventory["goals"].append(goal)
    for i in range(n):
        profile: dict = {"network": rnd.choice(NETWORKS)}
        if rnd.random() < 0.3:
            profile["handle"] = f"{rnd.choice(IMITATIONS)}{rnd.choice(['', '', str(i % 100)])}"
            profile["display_name"] = "Acme Coffee Official"
            profile["followers"] = rnd.randint(0, 300)
            profile["created"] = f"2026-{rnd.randint(1, 11):02d}-{rnd.randint(1, 28):02d}"
        else:
            profile["handle"] = f"{rnd.choice(UNRELATED)}{i}"
            profile["display_name"] = profile["handle"].replace("_", " ").title()
            profile["followers"] = rnd.randint(100, 20000)
        profile["status"] = rnd.choices(["unreviewed", "reported", "unrelated"], [70, 15, 15])[0]
        inventory["discovered"].append(profile)
    return inventory


def write(n: int, path: Path, seed: int = 2026) -> None:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # same YAML, much faster
    text = yaml.dump(plan(n, seed), Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("accounts", type=int)
    parser.add_argument("output", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    options = parser.parse_args()
    write(options.accounts, options.output, options.seed)


if __name__ == "__main__":
    main()
