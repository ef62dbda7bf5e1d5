"""The inventory format (version 1) as data: one declarative definition of every record,
read by the validator and by the JSON Schema export, so that the linter and the editors can
never disagree about the format.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from smplan_lint.records import NamedTuple

FORMAT_VERSION = 1
MAX_HANDLE_LENGTH = 100
"""No network allows a longer handle (X: 15, Instagram: 30, YouTube: 100 characters)."""

PERIODS = ("day", "week", "month", "quarter", "year")
"""The `per:` values that make a cadence: a goal counted per month is time-bound."""


def _network(name: str) -> str:
    return name.strip().lower()


def normalise_handle(handle: str) -> str:
    """A handle as the rules compare it: no surrounding space, no leading '@'."""
    return handle.strip().removeprefix("@")


class Scalar(NamedTuple):
    """A single value: string, integer, number, boolean or date (YYYY-MM-DD)."""

    type: str
    description: str
    enum: tuple[Any, ...] = ()
    minimum: int | None = None
    normalise: Callable[[str], str] | None = None
    max_length: int | None = None  # longer text is reported, and kept


class ListOf(NamedTuple):
    """A YAML sequence."""

    item: Node
    description: str


class MapOf(NamedTuple):
    """A mapping whose keys are data (network names, rule ids), not field names."""

    key: str
    value: Node
    description: str
    normalise_key: Callable[[str], str] | None = None
    keys_identify: bool = False  # missions: the key is the entry's subject; pointers are kept


class Record(NamedTuple):
    """A mapping with named fields; `kind` names it for messages and for rule packs' keys.

    Without a `required` key the record is reported and left out. Without its `id` (when
    `has_id`) or an `expected` key, it is reported but kept, so the rules still judge the
    rest of it; ids are unique within the list that holds the record.
    """

    kind: str
    description: str
    fields: Mapping[str, Node]
    required: tuple[str, ...] = ()
    expected: tuple[str, ...] = ()
    has_id: bool = False
    shorthand: str | None = None  # a bare string stands for {shorthand: string}


Node = Scalar | ListOf | MapOf | Record


def _text(description: str) -> Scalar:
    return Scalar("string", description)


def _date(description: str) -> Scalar:
    return Scalar("date", description)


def _network_field(description: str) -> Scalar:
    return Scalar("string", description, normalise=_network)


def _handle_field(description: str) -> Scalar:
    return Scalar("string", description, normalise=normalise_handle, max_length=MAX_HANDLE_LENGTH)


SUPPRESSION = Record(
    "suppression",
    "Why the finding does not apply here: a reason, or {reason, until}.",
    {
        "reason": _text("Why the rule does not apply here (required)."),
        "until": _date("Date after which the suppression expires."),
    },
    required=("reason",),
    shorthand="reason",
)
LINT_IGNORE = MapOf(
    "rule",
    SUPPRESSION,
    "Findings to suppress on this item: rule id or name -> reason.",
)

ORGANISATION = Record(
    "organisation",
    "The business the plan is for.",
    {
        "name": _text("Name of the business."),
        "brand_terms": ListOf(
            _text("A brand term."), "Names and words an impersonator would imitate."
        ),
        "website": _text("The business's website (where goals send people)."),
        "target_networks": ListOf(
            _network_field("A network name."), "Networks the target market uses."
        ),
        "languages": ListOf(
            Scalar("string", "A language code (ISO 639-1, e.g. 'it').", normalise=_network),
            "Languages the business and its audience use, beyond English, German, Spanish "
            "and French: their common words are not taken for typo-squats of a short name.",
        ),
        "competitors": ListOf(
            Record(
                "competitor",
                "A competitor the presence is compared with.",
                {
                    "name": _text("Competitor's name."),
                    "handles": MapOf(
                        "network",
                        _handle_field("The competitor's handle on that network."),
                        "The competitor's handles: network -> handle.",
                        normalise_key=_network,
                    ),
                },
            ),
            "Competitors whose presence the plan compares with.",
        ),
        "lint-ignore": LINT_IGNORE,
    },
)

AUDIT = Record(
    "audit",
    "When the inventory was last reviewed and how often it must be.",
    {
        "last_reviewed": _date("Date of the last full review of the inventory."),
        "review_every_days": Scalar("integer", "Days allowed between two reviews.", minimum=1),
        "reviewer": _text("Person id (from people) who reviews the inventory."),
        "lint-ignore": LINT_IGNORE,
    },
)

OBJECTIVE = Record(
    "objective",
    "A business objective that goals serve.",
    {
        "id": _text("Identifier goals use to refer to this objective."),
        "statement": _text("The objective in one sentence."),
        "period": Record(
            "period",
            "When the objective applies.",
            {"start": _date("First day."), "end": _date("Last day.")},
        ),
        "lint-ignore": LINT_IGNORE,
    },
    has_id=True,
)

PERSON = Record(
    "person",
    "Someone who runs or controls accounts.",
    {
        "id": _text("Identifier accounts and goals use to name this person."),
        "name": _text("Full name."),
        "role": _text("Role in the team."),
        "email": _text("Contact address."),
        "active": Scalar("boolean", "Whether the person still works on the plan."),
        "lint-ignore": LINT_IGNORE,
    },
    has_id=True,
)

ACCOUNT = Record(
    "account",
    "An account that represents the business.",
    {
        "id": _text("Identifier goals use to refer to this account."),
        "network": _network_field("Network the account is on (lower case)."),
        "handle": _handle_field("The account's handle, without '@'."),
        "owner": _text("Person id (from people) who runs or controls the account."),
        "purpose": _text("What the account is for; an account without one should go."),
        "status": Scalar(
            "string", "What the audit decided for the account.", enum=("keep", "update", "delete")
        ),
        "last_post": _date("Date of the latest post."),
        "verified": Scalar("boolean", "Whether the network verified the account."),
        "followers": Scalar("integer", "Number of followers.", minimum=0),
        "url": _text("Profile address."),
        "created": _date("Date the account was created."),
        "agency": _text("Agency that runs the account, if any."),
        "lint-ignore": LINT_IGNORE,
    },
    has_id=True,
    expected=("network", "handle"),
)

AFFILIATE = Record(
    "affiliate",
    "A declared fan, partner or regional account: not ours, not an impersonator.",
    {
        "network": _network_field("Network the account is on."),
        "handle": _handle_field("The account's handle, without '@'."),
        "note": _text("Who runs it and why it is fine."),
        "lint-ignore": LINT_IGNORE,
    },
    expected=("network", "handle"),
)

METRIC = Record(
    "metric",
    "A measure of the goal, with its target.",
    {
        "name": _text("What is measured, e.g. web_referrals, leads, sign_ups."),
        "target": Scalar("number", "Value to reach."),
        "baseline": Scalar("number", "Value today."),
        "per": Scalar(
            "string",
            "Period the values are counted over (a cadence), or the item each value is "
            "for (a per-item target, which sets no date).",
            enum=(*PERIODS, "post", "video", "campaign"),
        ),
        "unit": _text("Unit of the values, e.g. visitors, EUR, percent."),
    },
)

GOAL = Record(
    "goal",
    "A goal that drives toward a business objective.",
    {
        "id": _text("Identifier of the goal."),
        "account": _text("Account id (from accounts) the goal is for."),
        "network": _network_field("Network the goal is for, when not one account."),
        "statement": _text("The goal in a sentence; read when there are no metrics."),
        "objective": _text("Objective id (from objectives) the goal serves."),
        "metrics": ListOf(METRIC, "How the goal is measured."),
        "deadline": _date("Date by which the goal is met."),
        "owner": _text("Person id (from people) who answers for the goal."),
        "lint-ignore": LINT_IGNORE,
    },
    has_id=True,
)

DISCOVERED = Record(
    "discovered",
    "A profile found by searching the networks.",
    {
        "network": _network_field("Network the profile is on."),
        "handle": _handle_field("The profile's handle, without '@'."),
        "display_name": _text("Name the profile shows."),
        "bio": _text("The profile's description."),
        "followers": Scalar("integer", "Number of followers.", minimum=0),
        "created": _date("Date the profile was created."),
        "verified": Scalar("boolean", "Whether the network verified the profile."),
        "url": _text("Profile address."),
        "status": Scalar(
            "string",
            "What was done about the profile.",
            enum=("unreviewed", "reported", "ours", "fan", "unrelated"),
        ),
        "note": _text("What was found or decided."),
        "lint-ignore": LINT_IGNORE,
    },
)

PLAN = Record(
    "plan",
    "A social media marketing plan: accounts, owners, missions, goals and the audit "
    "(smplan-lint inventory, format version 1).",
    {
        "version": Scalar("integer", "Format version of this file.", enum=(FORMAT_VERSION,)),
        "organisation": ORGANISATION,
        "audit": AUDIT,
        "objectives": ListOf(OBJECTIVE, "Business objectives the goals serve."),
        "people": ListOf(PERSON, "People who run accounts and own goals."),
        "missions": MapOf(
            "network",
            _text("One sentence: why the business is on this network."),
            "One mission sentence per network: network -> sentence.",
            normalise_key=_network,
            keys_identify=True,
        ),
        "accounts": ListOf(ACCOUNT, "Every account that represents the business."),
        "affiliates": ListOf(AFFILIATE, "Declared fan, partner and regional accounts."),
        "goals": ListOf(GOAL, "Goals, each serving a business objective."),
        "discovered": ListOf(DISCOVERED, "Profiles found by searching the networks."),
        "lint-ignore": LINT_IGNORE,
    },
    required=("version",),
)

TYPE_PHRASES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "date": "a date (YYYY-MM-DD)",
}
"""The scalar types, as messages name them; packs may declare fields of these types."""

FIELD_TYPES = tuple(TYPE_PHRASES)
RECORD_KINDS = ("plan", "organisation", "audit", "objective", "person", "account", "affiliate",
                "metric", "goal", "discovered", "competitor")
