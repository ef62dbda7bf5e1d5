"""Behaviour of the goal-sentence reader that the SMART goal rules rely on."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from smplan_lint.derive.goals import (
    METRIC_FAMILIES,
    GoalReading,
    classify_metric,
    read_goal,
    vanity_only,
)

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    spec = importlib.util.spec_from_file_location("quality_goals", ROOT / "bench/quality_goals.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the spec's own examples -------------------------------------------------


def test_weekly_photos_with_likes_is_vanity_only_with_target_and_cadence() -> None:
    r = read_goal("Post three photos a week on Instagram with at least 30 likes each")
    assert vanity_only(r.families)
    assert r.has_target
    assert r.cadence == "week" and r.time_bound
    assert r.networks == ("instagram",)


def test_grow_revenue_has_no_target_and_no_time() -> None:
    r = read_goal("Grow revenue")
    assert r.metrics == ("revenue",) and r.families == ("business",)
    assert not r.has_target and not r.time_bound and r.networks == ()


def test_response_time_threshold_is_a_target_not_a_deadline() -> None:
    r = read_goal("Reply to every DM within 2 hours")
    assert not r.time_bound and not r.has_deadline and r.cadence is None
    assert r.has_target and "response_time" in r.metrics


def test_referral_goal_reads_metric_target_deadline_cadence_network() -> None:
    r = read_goal("Send 400 visitors a month from Instagram to the web shop by June 2027.")
    assert r.metrics == ("web_referrals",)
    assert r.families == ("business",)
    assert r.has_target
    assert r.deadline == "2027-06-30"
    assert r.cadence == "month"
    assert r.networks == ("instagram",)
    assert not vanity_only(r.families)


# --- metrics, negation, placeholders, output counts --------------------------


@pytest.mark.parametrize(
    "sentence, rejected, kept",
    [
        ("Go beyond likes and drive 200 leads from LinkedIn", "likes", "leads"),
        ("Not just followers: 50 demo requests per quarter", "followers", "demo_requests"),
        ("Track sign-ups rather than impressions", "impressions", "signups"),
        ("Instead of likes, count 300 orders", "likes", "orders"),
        ("Nicht nur Likes, sondern 200 Leads pro Monat", "likes", "leads"),
        ("Más allá de los me gusta, 100 clientes potenciales al mes", "likes", "leads"),
        ("Au-delà des likes, 150 leads par mois", "likes", "leads"),
    ],
)
def test_negated_metrics_are_not_measured(sentence: str, rejected: str, kept: str) -> None:
    r = read_goal(sentence)
    assert rejected in r.negated and rejected not in r.metrics
    assert kept in r.metrics
    assert not vanity_only(r.families)


def test_negation_reaches_every_listed_metric() -> None:
    r = read_goal("Move beyond followers, likes and shares to 500 web referrals a month")
    assert set(r.negated) == {"followers", "likes", "shares"}
    assert r.metrics == ("web_referrals",)


def test_a_number_after_beyond_is_a_target_not_a_negation() -> None:
    r = read_goal("Grow beyond 10,000 followers on TikTok")
    assert r.metrics == ("followers",) and r.negated == () and r.has_target


@pytest.mark.parametrize(
    "sentence",
    [
        "Grow X followers on TikTok",
        "Generate N leads per month",
        "Increase video views by xx% in Q2 2027",
        "Increase retweets by TBD% in 2027",
        "Grow followers from 1,000 to X by 2027",
        "Abonnenten auf YouTube von 2.000 auf N erhöhen",
    ],
)
def test_placeholders_are_not_targets(sentence: str) -> None:
    assert not read_goal(sentence).has_target


def test_output_count_alone_is_not_a_target_nor_vanity() -> None:
    r = read_goal("Publish 10 TikTok videos a month")
    assert r.families == ("output",)
    assert not r.has_target
    assert not vanity_only(r.families)
    assert r.time_bound


def test_output_count_with_vanity_result_is_vanity_only() -> None:
    r = read_goal("Post 10 videos a month with at least 30 likes each")
    assert r.metrics == ("videos", "likes")
    assert vanity_only(r.families) and r.has_target and r.cadence == "month"


@pytest.mark.parametrize(
    "sentence",
    [
        "Increase Instagram followers from 10,000 to 12,000",
        "Gain 5.000 neue Follower",
        "Gagner 2 000 nouveaux abonnés",
        "Get to 10k subscribers",
        "Increase leads by 20%",
        "Triple the reach of our stories",
        "Conseguir tres mil seguidores",
        "Generate €50,000 from Instagram Shopping",
    ],
)
def test_numbers_in_every_notation_are_targets(sentence: str) -> None:
    assert read_goal(sentence).has_target


def test_money_without_a_named_metric_measures_revenue() -> None:
    r = read_goal("Generate €50,000 from Instagram Shopping")
    assert r.metrics == ("revenue",) and r.families == ("business",)


@pytest.mark.parametrize(
    "sentence, metric",
    [
        ("Mehr Umsatz über Instagram", "revenue"),
        ("Más ventas desde Facebook", "sales"),
        ("Plus de chiffre d'affaires", "revenue"),
        ("Mehr Anmeldungen zum Newsletter", "signups"),
        ("Más registros", "signups"),
        ("Plus d'inscriptions", "signups"),
        ("Mehr Besucher im Shop", "web_referrals"),
        ("Más visitas a la web", "web_referrals"),
        ("Plus de visites", "web_referrals"),
        ("Mehr Interessenten", "leads"),
        ("Más clientes potenciales", "leads"),
        ("Plus de prospects", "leads"),
        ("Mehr Abonnenten", "followers"),
        ("Más seguidores", "followers"),
        ("Plus d'abonnés", "followers"),
        ("Plus de mentions J'aime", "likes"),
        ("Más me gusta", "likes"),
    ],
)
def test_synonyms_in_four_languages(sentence: str, metric: str) -> None:
    assert metric in read_goal(sentence).metrics


def test_engagement_counts_as_vanity_only_under_the_policy() -> None:
    families = read_goal("Raise the engagement rate and comments on Instagram to 4%").families
    assert set(families) == {"engagement"}
    assert not vanity_only(families)
    assert vanity_only(families, engagement_is_vanity=True)
    assert vanity_only(("vanity", "engagement"), engagement_is_vanity=True)
    assert not vanity_only(("vanity", "engagement"))


def test_no_metric_is_not_vanity_only() -> None:
    assert not vanity_only(())
    assert not vanity_only(read_goal("Improve our social media presence").families)


# --- deadlines and cadences --------------------------------------------------


@pytest.mark.parametrize(
    "sentence, iso",
    [
        ("200 leads by June 2027", "2027-06-30"),
        ("200 leads by Q3 2027", "2027-09-30"),
        ("200 leads by the end of Q1 2028", "2028-03-31"),
        ("200 leads by 2027-09-15", "2027-09-15"),
        ("200 leads by 31 March 2027", "2027-03-31"),
        ("200 leads by March 31, 2027", "2027-03-31"),
        ("200 leads by mid-2027", "2027-06-30"),
        ("200 leads in the first half of 2027", "2027-06-30"),
        ("200 Leads bis Ende 2027", "2027-12-31"),
        ("200 Leads bis zum 30.06.2027", "2027-06-30"),
        ("300 Bewerbungen im dritten Quartal 2027", "2027-09-30"),
        ("200 ventas para diciembre de 2027", "2027-12-31"),
        ("200 ventas en el tercer trimestre de 2027", "2027-09-30"),
        ("200 ventas antes de finales de 2027", "2027-12-31"),
        ("200 ventes d'ici fin 2027", "2027-12-31"),
        ("200 ventes au T3 2027", "2027-09-30"),
        ("200 ventes d'ici le 3e trimestre 2027", "2027-09-30"),
        ("Grow followers from 10,000 in January 2026 to 12,000 by June 2027", "2027-06-30"),
    ],
)
def test_deadlines_resolve_to_the_last_day_they_allow(sentence: str, iso: str) -> None:
    r = read_goal(sentence)
    assert r.deadline == iso and r.has_deadline and r.time_bound


def test_a_year_that_counts_something_is_not_a_deadline() -> None:
    r = read_goal("Get 2000 followers on Instagram")
    assert r.deadline is None and r.has_target


@pytest.mark.parametrize(
    "sentence",
    [
        "Double sign-ups by the end of the quarter",
        "Grow revenue this year",
        "Get 60 demo requests within 6 months",
        "Sell 500 bags by Black Friday",
        "Mehr Umsatz bis Jahresende",
        "Más ventas este año",
        "Plus de ventes cette année",
    ],
)
def test_unresolvable_deadlines_still_count(sentence: str) -> None:
    r = read_goal(sentence)
    assert r.has_deadline and r.deadline is None and r.time_bound


@pytest.mark.parametrize(
    "sentence, period",
    [
        ("three photos a week", "week"),
        ("400 visitors per month", "month"),
        ("a monthly report of leads", "month"),
        ("post daily", "day"),
        ("40 MQLs a quarter", "quarter"),
        ("grow revenue 10% year over year", "year"),
        ("drei Posts pro Woche", "week"),
        ("100 leads al mes", "month"),
        ("trois photos par semaine", "week"),
        ("80 reservas mensuales", "month"),
    ],
)
def test_cadences(sentence: str, period: str) -> None:
    assert read_goal(sentence).cadence == period


@pytest.mark.parametrize(
    "sentence",
    [
        "Reply to every DM within 2 hours",
        "Auf jede DM innerhalb von 2 Stunden antworten",
        "Responder a todos los mensajes en menos de 2 horas",
        "Répondre à tous les messages sous 2 heures",
        "Reply to reviews within 1 business day",
        "Grow Instagram reach by 40% over time",
        "Mit der Zeit mehr Anfragen",
        "Mejorar la presencia con el tiempo",
        "Développer la notoriété au fil du temps",
    ],
)
def test_service_levels_and_over_time_are_not_time_bound(sentence: str) -> None:
    assert not read_goal(sentence).time_bound


# --- networks and language ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence, networks",
    [
        ("Grow followers on Instagram and TikTok", ("instagram", "tiktok")),
        ("Drive sign-ups from LinkedIn and X", ("linkedin", "x")),
        ("More retweets on Twitter", ("x",)),
        ("Post daily on Threads", ("threads",)),
        ("Grow X followers on YouTube", ("youtube",)),
        ("Reply to comment threads on Facebook", ("facebook",)),
        ("Grow followers on social media", ()),
        ("Mehr Follower auf X", ("x",)),
    ],
)
def test_networks(sentence: str, networks: tuple[str, ...]) -> None:
    assert read_goal(sentence).networks == networks


@pytest.mark.parametrize(
    "sentence, language",
    [
        ("Send 400 visitors a month from Instagram to the web shop", "en"),
        ("Bis Ende 2027 wollen wir 5.000 neue Follower auf Instagram gewinnen", "de"),
        ("Conseguir 500 nuevos seguidores en Instagram para diciembre de 2027", "es"),
        ("Gagner 2 000 nouveaux abonnés sur Instagram d'ici fin 2027", "fr"),
    ],
)
def test_language_guess(sentence: str, language: str) -> None:
    assert read_goal(sentence).language == language


# --- structured metric names --------------------------------------------------


@pytest.mark.parametrize(
    "name, family",
    [
        ("web_referrals", "business"),
        ("followers", "vanity"),
        ("engagement_rate", "engagement"),
        ("posts", "output"),
        ("conversion_rate", "business"),
        ("link_clicks", "business"),
        ("page_likes", "vanity"),
        ("retweets", "vanity"),
        ("newsletter_signups", "business"),
        ("instagram_followers", "vanity"),
        ("Leads", "business"),
    ],
)
def test_classify_metric(name: str, family: str) -> None:
    assert classify_metric(name) == family
    assert family in METRIC_FAMILIES


def test_classify_metric_unknown_is_none() -> None:
    assert classify_metric("coffee_temperature") is None


# --- robustness and the labelled set -----------------------------------------


@pytest.mark.parametrize("sentence", ["", "   ", "???", "2027", "%%%", "by", "x" * 5000])
def test_odd_input_reads_as_an_empty_goal(sentence: str) -> None:
    r = read_goal(sentence)
    assert isinstance(r, GoalReading)
    assert not vanity_only(r.families)


def test_import_does_not_load_the_vocabulary() -> None:
    code = "import smplan_lint.derive.goals as g; assert g._lexicon.cache_info().currsize == 0"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_labelled_set_scores_at_least_093_on_every_check() -> None:
    rows = _bench().scores()
    assert {row["check"] for row in rows} == {
        "goal-vanity-only",
        "goal-not-measurable",
        "goal-not-time-bound",
        "goal-not-specific",
    }
    for row in rows:
        assert row["n"] >= 100
        assert row["f1"] >= 0.93, row
