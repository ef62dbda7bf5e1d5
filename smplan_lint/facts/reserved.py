"""The fields smplan-lint itself sets on facts.

A plan's own key of one of these names is ignored (the validator says so), so it
can never stand in for a computed value.
"""

RESERVED = frozenset({
    "type", "key", "sid", "duplicate_of", "metric_names", "vanity_only", "measurable",
    "time_bound", "statement_networks", "statement_accounts", "statement_truncated",
    "imitates", "imitation_evidence", "imitation_severity", "imitation_confidence",
    "handle_too_long", "goal_count", "account_count", "competitor_count",
    "target_network_count", "review_every_days", "has_audit", "audit_last_reviewed",
    "audit_reviewer", "sentence_count", "length", "targeted", "targets_declared",
    # second round: sound goals, placeholders, did you mean, network names, deletions
    "sound", "sound_goal_count", "purpose_placeholder", "owner_suggestion",
    "account_suggestion", "network_suggestion", "network_alias", "network_known",
    "remaining_account_count", "competitor_names", "inventoried",
})
