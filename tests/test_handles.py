"""Behaviour of the impersonation judgement (smplan_lint.derive.impersonation)."""

from __future__ import annotations

import datetime
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smplan_lint.derive.confusables import skeleton, units
from smplan_lint.derive.impersonation import ImpersonationIndex, affixes
from smplan_lint.derive.impersonation.affixes import Affix, affix_table, one_edit

TODAY = datetime.date(2026, 11, 1)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def acme() -> ImpersonationIndex:
    return ImpersonationIndex(
        own=[("Instagram", "@AcmeCoffee"), ("x", "acme_coffee")],
        brand_terms=["acme", "acmecoffee"],
        affiliates=[("instagram", "acme_fans_berlin")],
        official_followers={"instagram": 52_000, "x": 8_000},
        today=TODAY,
    )


def test_cyrillic_homoglyph_is_flagged_and_named(acme: ImpersonationIndex) -> None:
    verdict = acme.assess("x", "\u0430cme")  # Cyrillic а
    assert verdict is not None and verdict.severity == "error"
    assert "homoglyph" in verdict.kinds
    assert "Cyrillic '\u0430' in place of 'a'" in verdict.evidence
    assert verdict.target == "acme" and verdict.target_network is None


def test_zero_for_o_reports_pair_and_own_account(acme: ImpersonationIndex) -> None:
    verdict = acme.assess("instagram", "acmec0ffee_official")
    assert verdict is not None
    assert verdict.evidence.startswith("'0' in place of 'o'")
    assert "'official' added to @acmecoffee (instagram)" in verdict.evidence
    assert verdict.target_network == "instagram"


def test_rn_reads_as_m(acme: ImpersonationIndex) -> None:
    verdict = acme.assess("x", "acrnecoffee")
    assert verdict is not None and "'rn' in place of 'm'" in verdict.evidence


def test_own_handle_on_same_network_is_never_flagged(acme: ImpersonationIndex) -> None:
    assert acme.assess("INSTAGRAM", "@acmecoffee") is None
    assert acme.assess("x", "Acme_Coffee") is None


def test_own_handle_on_another_network_is_flagged(acme: ImpersonationIndex) -> None:
    verdict = acme.assess("tiktok", "acmecoffee")
    assert verdict is not None
    assert "same-handle-other-network" in verdict.kinds
    assert verdict.target == "acmecoffee" and verdict.target_network == "instagram"


def test_declared_affiliate_is_not_flagged(acme: ImpersonationIndex) -> None:
    assert acme.assess("instagram", "acme_fans_berlin") is None


@pytest.mark.parametrize("handle", ["acne", "acre", "acme_alumni_weekly", "pacman"])
def test_short_brand_does_not_flag_ordinary_words(acme: ImpersonationIndex, handle: str) -> None:
    assert acme.assess("x", handle) is None


def test_short_brand_substring_of_unrelated_word_is_not_flagged() -> None:
    index = ImpersonationIndex([("instagram", "fordtools")], ["ford"], today=TODAY)
    assert index.assess("instagram", "stanford_alumni") is None
    assert index.assess("instagram", "mike") is None


def test_affix_and_country_code_are_named(acme: ImpersonationIndex) -> None:
    verdict = acme.assess("x", "acmecoffee_support_uk")
    assert verdict is not None
    assert "'support'" in verdict.evidence and "country code 'uk'" in verdict.evidence
    assert {"affix", "country-code"} <= set(verdict.kinds)


def test_misspelt_affix_counts(acme: ImpersonationIndex) -> None:
    verdict = acme.assess("x", "acme_suport")
    assert verdict is not None and "misspelt 'support' ('suport')" in verdict.evidence


def test_swapped_letters_in_long_name(acme: ImpersonationIndex) -> None:
    verdict = acme.assess("x", "amcecoffee")
    assert verdict is not None and "swapped" in verdict.evidence


def test_display_name_alone_gives_a_warning(acme: ImpersonationIndex) -> None:
    verdict = acme.assess("x", "beans4all", display_name="Acme Coffee Official")
    assert verdict is not None
    assert verdict.severity == "warning" and verdict.kinds == ("display-name",)
    assert acme.assess("x", "beans4all", display_name="Beans for All") is None


def test_context_raises_confidence(acme: ImpersonationIndex) -> None:
    bare = acme.assess("x", "acmecoffe")
    suspicious = acme.assess("x", "acmecoffe", display_name="Acme Coffee Official",
                             followers=12, created="2026-10-20", verified=False)
    assert bare is not None and suspicious is not None
    assert suspicious.confidence > bare.confidence
    assert "days old" in suspicious.evidence


def test_verified_lowers_severity_and_big_verified_is_not_flagged(
    acme: ImpersonationIndex,
) -> None:
    verdict = acme.assess("x", "acme_uk", verified=True, followers=300)
    assert verdict is not None and verdict.severity == "warning"
    assert acme.assess("instagram", "acmecoffeeuk", verified=True, followers=2_000_000) is None


@pytest.fixture(scope="module")
def kestrel() -> ImpersonationIndex:
    return ImpersonationIndex(
        own=[("linkedin", "kestrel-logistics"), ("x", "kestrellogistics")],
        brand_terms=["kestrel", "kestrel & finch", "kestrellogistics"],
        affiliates=[("instagram", "kestrellogistics_drivers_guild")],
        official_followers={"x": 5_000},
        today=TODAY,
    )


@pytest.mark.parametrize("handle", [
    "kestrellogistics_careers", "kestrel-logistics-hiring", "kestrellogistics.tracking",
    "kestrellogisticsbilling", "kestrellogistics_refund", "kestrellogistics_login",
    "kestrellogistics.verification", "kestrellogisticsgiveaway", "kestrellogistics_freetrial",
    "kestrellogistics_gewinnspiel", "kestrellogistics.sorteo", "kestrellogistics_concours",
    "kestrellogistics_kundenservice", "kestrellogistics_atencion",
    "kestrellogistics_service_client",
])
def test_scam_and_claim_affixes_are_flagged(kestrel: ImpersonationIndex, handle: str) -> None:
    verdict = kestrel.assess("instagram", handle)
    assert verdict is not None and "affix" in verdict.kinds
    assert verdict.target.startswith("kestrel")


def test_slips_of_luring_words_are_other_words(kestrel: ImpersonationIndex) -> None:
    # "trucking" is one letter from "tracking", "hiking" from "hiring": another business.
    assert kestrel.assess("x", "kestrellogistics_trucking_club") is None
    assert kestrel.assess("x", "kestrelhiking") is None


def test_ampersand_spellings_of_a_brand_term(kestrel: ImpersonationIndex) -> None:
    for handle in ("kestrel_n_finch", "kestrelandfinch", "kestrel.finch"):
        verdict = kestrel.assess("x", handle)
        assert verdict is not None and verdict.target == "kestrel & finch", handle


def test_word_between_name_and_claiming_affix(kestrel: ImpersonationIndex) -> None:
    verdict = kestrel.assess("instagram", "kestrellogistics.express.deals")
    assert verdict is not None and "extension" in verdict.kinds
    assert "'express', 'deals' added after the name" in verdict.evidence


def test_city_after_the_name(kestrel: ImpersonationIndex) -> None:
    verdict = kestrel.assess("instagram", "kestrellogisticsmadrid")
    assert verdict is not None and "place name 'madrid'" in verdict.evidence


def test_unknown_word_after_the_name_needs_context(kestrel: ImpersonationIndex) -> None:
    # Separated, and the profile says nothing else: a warning.
    bare = kestrel.assess("instagram", "kestrellogistics_freiburg")
    assert bare is not None and bare.severity == "warning" and "extension" in bare.kinds
    # Glued, it may continue the last word: only when the display name names the brand.
    assert kestrel.assess("instagram", "kestrellogisticsfreiburg") is None
    named = kestrel.assess("instagram", "kestrellogisticsfreiburg",
                           display_name="Kestrel Logistics Freiburg", created="2026-10-01")
    assert named is not None and named.severity == "error"
    # A display name for someone else, a fan word, or a declared affiliate: not flagged.
    assert kestrel.assess("instagram", "kestrellogistics_freiburg",
                          display_name="Freiburg trucking news") is None
    assert kestrel.assess("instagram", "kestrellogistics_fans") is None
    assert kestrel.assess("x", "kestrellogistics_drivers_guild") is None


def test_short_ordinary_name_plus_word_is_not_an_extension() -> None:
    index = ImpersonationIndex([("instagram", "orbitapp")], ["orbit"], today=TODAY)
    assert index.assess("instagram", "orbit_gym_leeds") is None
    assert index.assess("instagram", "orbitgym") is None


def test_respelt_syllable_in_a_long_name(kestrel: ImpersonationIndex) -> None:
    verdict = kestrel.assess("x", "kestrellogistix")  # "cs" -> "x"
    assert verdict is not None and "edit" in verdict.kinds
    # Two edits spread apart, or at the start of the name, make another name.
    assert kestrel.assess("x", "kestrallogistlks") is None
    assert kestrel.assess("x", "koastrellogistics") is None
    short = ImpersonationIndex([("x", "koracosmetics")], [], today=TODAY)
    assert short.assess("x", "koala_cosmetics") is None


def test_compound_word_is_not_name_plus_affix() -> None:
    index = ImpersonationIndex([("x", "juniperhealth")], [], today=TODAY)
    assert index.assess("x", "juniperhealthcare") is None
    assert index.assess("x", "juniperhealth_care") is not None


def test_established_account_of_another_entity_is_not_flagged(
    kestrel: ImpersonationIndex,
) -> None:
    old = "2014-03-03"
    assert kestrel.assess("x", "kestrellogistic", display_name="Kestrel Logistic Art",
                          created=old) is None
    # The brand term held by an old, verified account with another name.
    assert kestrel.assess("instagram", "kestrel", display_name="Kestrel Falconry Club",
                          created=old, verified=True, followers=800) is None
    # ... but the same account naming itself the brand is flagged, and so is a new one.
    assert kestrel.assess("x", "kestrellogistic", display_name="Kestrel Logistics",
                          created=old) is not None
    new = kestrel.assess("instagram", "kestrellogistics", display_name="Kestrel Falconry",
                         created="2026-10-20")
    assert new is not None and new.target.startswith("kestrel")
    # A deceptive homoglyph is flagged whatever the account's age.
    assert kestrel.assess("x", "kestrellоgistics", display_name="Birds",
                          created=old) is not None


def test_booking_and_programme_words_claim() -> None:
    index = ImpersonationIndex([("instagram", "casaalba")], ["casaalba"], today=TODAY)
    for handle in ("casaalba.reservas", "casaalbareservations", "casaalba_bookings",
                   "casaalba.prenotazioni", "casaalba_loyalty", "casaalba.puntos"):
        verdict = index.assess("instagram", handle)
        assert verdict is not None and verdict.severity == "error", handle
        assert "affix" in verdict.kinds, handle
    # "members" only decorates the name: flagged like "shop", cleared by a fan display name.
    members = index.assess("x", "casaalba_members", display_name="Casa Alba Members",
                           created="2026-10-20")
    assert members is not None and "'members' added" in members.evidence
    assert index.assess("x", "casaalba_members", display_name="Casa Alba fan club") is None
    # A nature reserve is no booking desk.
    reserve = ImpersonationIndex([("instagram", "oakridgewines")], ["oakridge", "oakridgewines"],
                                 today=TODAY)
    assert reserve.assess("instagram", "oakridge_reserve", display_name="Oakridge Nature Reserve",
                          created="2012-06-06") is None


def test_words_of_the_organisation_name_complete_the_brand() -> None:
    own, terms = [("instagram", "blueferndental")], ["bluefern", "blueferndental"]
    org = "Blue Fern Dental & Orthodontics"
    index = ImpersonationIndex(own, terms, today=TODAY, organisation=org)
    verdict = index.assess("instagram", "bluefernorthodontics",
                           display_name="Blue Fern Orthodontics", created="2026-10-29")
    assert verdict is not None and verdict.severity == "error"
    assert "'orthodontics' from the brand's own name" in verdict.evidence
    # Without the organisation's name the word is unknown.
    assert ImpersonationIndex(own, terms, today=TODAY).assess(
        "instagram", "bluefernorthodontics") is None
    # A misspelt name with the word is another practice in the same trade; the word
    # never ends the name at the front.
    assert index.assess("instagram", "bluefarn_orthodontics") is None
    assert index.assess("instagram", "orthodonticsbluefern") is None
    # The organisation's words do not carve names out of own handles ("junobank" - "bank").
    juno = ImpersonationIndex([("x", "junobank")], ["juno bank", "junobank"], today=TODAY,
                              organisation="Juno Bank")
    assert "juno" not in juno._targets.by_skel
    assert juno.assess("x", "juno", display_name="Juno \U0001f319", created="2019-04-02") is None


def test_established_business_sharing_a_brand_term() -> None:
    index = ImpersonationIndex([("instagram", "northwindccu")], ["northwind", "northwindccu"],
                               today=TODAY)
    old = "2013-05-25"
    assert index.assess("instagram", "northwind_sailing", display_name="Northwind Sailing School",
                        created=old) is None
    assert index.assess("x", "northwind_weather", display_name="Northwind Weather Station",
                        created=old) is None
    # A claiming word in the display name is no other business.
    assert index.assess("x", "northwind_weather", display_name="Northwind Rewards Desk",
                        created=old) is not None
    # A new account of the same shape copying the brand is flagged.
    assert index.assess("x", "northwind_sailing", display_name="Northwind CCU",
                        created="2026-10-28") is not None
    # A brand term that is no dictionary word, and a legal form: still another business.
    kettle = ImpersonationIndex([("instagram", "copperkettletearooms")],
                                ["copperkettle", "copperkettletearooms"],
                                official_followers={"instagram": 6000}, today=TODAY)
    assert kettle.assess("instagram", "copper.kettle.candles",
                         display_name="Copper Kettle Candle Co.", followers=9000,
                         created="2016-10-01") is None
    # The brand's own words are not another business's ("Tea Rooms").
    assert kettle.assess("instagram", "copperkettle_tearooms",
                         display_name="Copper Kettle Tea Rooms", created=old) is not None


def test_real_word_is_not_name_plus_country_code() -> None:
    index = ImpersonationIndex([("instagram", "staldricuni")], ["staldric", "staldricuni"],
                               today=TODAY)
    assert index.assess("instagram", "staldric_memes") is None
    assert index.assess("instagram", "staldricuni_es") is not None  # separated: a code


def test_declared_fan_or_parody_account_is_not_flagged() -> None:
    index = ImpersonationIndex([("instagram", "kingsbridgecollege")],
                               ["kingsbridge", "kingsbridgecollege"], today=TODAY)
    assert index.assess("x", "kingsbridgecollege",
                        display_name="Kingsbridge College parody account") is None
    assert index.assess("x", "kingsbridgecollege", display_name="Kingsbridge College",
                        bio="Student-run, not affiliated with the college") is None
    # A claiming handle stays a warning; a deceptive homoglyph stays an error.
    claims = index.assess("x", "kingsbridgecollege_support",
                          display_name="Kingsbridge College support (unofficial)")
    assert claims is not None and claims.severity == "warning"
    fake = index.assess("x", "kingsbr\u0456dgecollege", display_name="Kingsbridge College fan page",
                        created="2026-10-30")
    assert fake is not None and fake.severity == "error"
    # "fans" in a bio is no disclaimer.
    assert index.assess("x", "kingsbridgecollege", display_name="Kingsbridge College",
                        bio="Loved by 10k fans") is not None


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from("acmeorniv10_.-Iаоеς|5ïÆ"), max_size=16))
def test_evidence_skeleton_agrees_with_fast_skeleton(text: str) -> None:
    assert "".join(u.skel for u in units(text)[0]) == skeleton(text)


def _script(path: str) -> ModuleType:
    """A module of the repository that is not in the package (bench/, tools/)."""
    spec = importlib.util.spec_from_file_location(Path(path).stem, ROOT / path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_impersonation_index_is_up_to_date() -> None:
    """The index holds what the data files say (else the check reads them, slower)."""
    written = (ROOT / "smplan_lint/data/impersonation.index.json").read_text(encoding="utf-8")
    assert written == _script("tools/gen_impersonation_index.py").render(), (
        "smplan_lint/data/impersonation.index.json is stale: "
        "run `python tools/gen_impersonation_index.py`"
    )


def test_labelled_set_quality() -> None:
    rows = {row["check"]: row for row in _script("bench/quality_impersonation.py").scores()}
    assert rows["impersonation"]["f1"] >= 0.95
    assert rows["impersonation"]["n"] >= 300
    assert rows["own/affiliate false positives"]["fp"] == 0


def _reference_candidates(index: ImpersonationIndex, core: str) -> set[str]:
    """The first version's candidate rule, by brute force: a target within its edits that
    either shares all but one of the core's letters and all but its edits of its own
    (a common subsequence), or, for a two-edit name and a core of 8+ letters, its first
    or last four letters."""
    from rapidfuzz.distance import OSA, LCSseq

    out = set()
    for skel in index._targets.by_skel:
        edits = index._candidates.edits[skel]
        if OSA.distance(core, skel) > edits:
            continue
        common = LCSseq.similarity(core, skel) >= max(len(core) - 1, len(skel) - edits)
        anchored = edits >= 2 and len(core) >= 8 and (
            skel[:4] == core[:4] or skel[-4:] == core[-4:])
        if common or anchored:
            out.add(skel)
    return out


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.text(alphabet="abcde", min_size=6, max_size=15), min_size=1, max_size=25),
       st.lists(st.text(alphabet="abcde", min_size=1, max_size=17), min_size=1, max_size=20))
def test_candidate_index_finds_what_brute_force_finds(own: list[str], cores: list[str]) -> None:
    index = ImpersonationIndex([("x", h) for h in own], [])
    for core in cores:
        near = index._candidates.near(core)
        got = {s for s in near if len(core) and _osa(core, s) <= index._candidates.edits[s]}
        got |= {s for _, s in index._candidates.far(core, near)}
        assert got == _reference_candidates(index, core), core


def _osa(a: str, b: str) -> int:
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b)


def test_thousands_of_prefixed_own_handles() -> None:
    """Regional accounts that all start with the brand's name stay cheap and still match."""
    own = [("instagram", "acmecoffee")]
    own += [("x", f"acme_shop_{city}{i}") for i in range(300)
            for city in ("berlin", "paris", "lyon")]
    own += [("tiktok", f"acmecoffee_{i}") for i in range(1000)]
    index = ImpersonationIndex(own, ["acme", "acmecoffee"], today=TODAY)
    assert len(index._targets.by_skel["acme"]) <= 4  # one target per network, not 900
    hit = index.assess("facebook", "acme_shop_berlln7")
    assert hit is not None and hit.target == "acme_shop_berlin7"
    hit = index.assess("instagram", "acmecofee")
    assert hit is not None and hit.target == "acmecoffee"
    assert index.assess("x", "acme_shop_berlin7") is None  # its own account
    assert index.assess("x", "coffeelover42") is None


def test_slips_are_the_one_edit_variants_of_long_claiming_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The affix table recognises slips when looked up, and lists them once a plan has
    looked up many words: both give the same words, and the lengths of the listed ones."""
    monkeypatch.setattr(affixes, "LIST_SLIPS_AFTER", 10**9)  # recognise every one
    recognised, listed = affix_table.__wrapped__(), affix_table.__wrapped__()
    listed.list_slips()
    slips = {skel: affix for skel, affix in listed.items() if skel not in listed.words}
    assert len(slips) > 15_000
    for skel, affix in slips.items():
        assert recognised.get(skel) == affix == Affix(skel, affix.means, "strong", skel)
    for slip in list(slips)[::100]:
        for near in one_edit(slip) - listed.keys():
            assert recognised.get(near) is None and listed.get(near) is None, near
    front: dict[str, set[int]] = {}
    back: dict[str, set[int]] = {}
    for key in [*listed.words, *slips]:
        front.setdefault(key[:2], set()).add(len(key))
        back.setdefault(key[-2:], set()).add(len(key))
    assert {pair: set(lens) for pair, lens in recognised.front.items()} == front
    assert {pair: set(lens) for pair, lens in recognised.back.items()} == back


def test_a_handle_longer_than_any_network_allows_is_not_compared(acme: ImpersonationIndex) -> None:
    from smplan_lint.derive.impersonation import MAX_HANDLE_LENGTH, handle_too_long

    longest = "acme" + "x" * (MAX_HANDLE_LENGTH - 4)
    assert not handle_too_long(longest) and handle_too_long("@" + longest + "x")
    assert acme.assess("x", "acmecoffee_" + "support" * 20, "Acme Coffee Official") is None
    assert acme.assess("x", "acmecoffee_support") is not None


# --- issue 16: short names, evidence and severity --------------------------------


@pytest.fixture(scope="module")
def vyra() -> ImpersonationIndex:
    return ImpersonationIndex(
        own=[("instagram", "vyra"), ("instagram", "vyra_jp"), ("linkedin", "vyra_careers")],
        brand_terms=["vyra", "lego"],
        official_followers={("instagram", "vyra"): 40_000, ("instagram", "vyra_jp"): 2_000},
        today=TODAY,
    )


@pytest.mark.parametrize("handle", ["vyraa", "vyrra", "vyrax", "vrya", "lwgo", "legvo", "elgo"])
def test_one_edit_of_a_short_name_is_a_warning(vyra: ImpersonationIndex, handle: str) -> None:
    verdict = vyra.assess("tiktok", handle)
    assert verdict is not None and verdict.severity == "warning", verdict


def test_a_short_names_edit_that_is_a_common_word_is_not_reported(
    vyra: ImpersonationIndex,
) -> None:
    assert vyra.assess("tiktok", "lega") is None or vyra.assess("tiktok", "leg") is None
    assert vyra.assess("tiktok", "logo") is None  # a word, one letter from "lego"


def test_copying_or_a_new_small_account_raises_the_severity(vyra: ImpersonationIndex) -> None:
    copy = vyra.assess("tiktok", "logo", display_name="Lego Official")
    assert copy is not None and copy.severity == "error"
    new = vyra.assess("tiktok", "vyrax", followers=12, created="2026-10-20", verified=False)
    assert new is not None and new.severity == "error"
    lure = vyra.assess("x", "vyrra", bio="Gewinnspiel! Jetzt per DM melden und Gutschein sichern.")
    assert lure is not None and lure.severity == "error"


@pytest.mark.parametrize("handle", ["vyra.jpn", "vyra_gbr", "vyra_alumni", "vyra_jobs",
                                    "vyra_offiziell", "vyra公式", "vyraофициальный",
                                    "askvyra", "vyra_airdrop", "vyra_w3", "vyrasucks"])
def test_regional_organisational_and_claiming_imitations(
    vyra: ImpersonationIndex, handle: str
) -> None:
    assert vyra.assess("x", handle) is not None


@pytest.mark.parametrize("handle", ["ｖｙｒａ", "\U0001d42f\U0001d432\U0001d42b\U0001d41a",
                                    "vy\u200bra", "vyra\u200d", "\u202earyv\u202c"])
def test_compatibility_letters_and_hidden_characters_are_errors(
    vyra: ImpersonationIndex, handle: str
) -> None:
    """Even on a network where the brand holds the handle: no network allows these."""
    verdict = vyra.assess("instagram", handle)
    assert verdict is not None and verdict.severity == "error"
    assert "instagram on instagram" not in verdict.evidence


def test_messages_use_the_letters_the_user_sees(vyra: ImpersonationIndex) -> None:
    doubled = vyra.assess("x", "vyraa")
    assert doubled is not None and doubled.evidence.startswith("'a' doubled in @vyra")
    changed = vyra.assess("x", "vyro")
    assert changed is not None and "'o' in place of 'a'" in changed.evidence
    cyrillic = vyra.assess("x", "vyrа")
    assert cyrillic is not None and "Cyrillic 'а' in place of 'a'" in cyrillic.evidence


def test_followers_are_compared_with_the_account_imitated() -> None:
    """Not with the last account listed on that network."""
    index = ImpersonationIndex(
        [("instagram", "harbourlight"), ("instagram", "northwindsails")], ["northwind"],
        official_followers={("instagram", "harbourlight"): 1_200,
                            ("instagram", "northwindsails"): 90_000},
        today=TODAY,
    )
    verdict = index.assess("instagram", "harbourlightt", followers=5)
    assert verdict is not None and "vs 1,200 on @harbourlight (instagram)" in verdict.evidence


def test_a_country_code_is_peeled_before_look_alikes_are_folded(
    vyra: ImpersonationIndex,
) -> None:
    verdict = vyra.assess("x", "vyra_cl")  # Chile, not "cl" read as "d"
    assert verdict is not None and "country code 'cl'" in verdict.evidence


def test_the_brands_plural_as_a_common_word_is_not_reported() -> None:
    index = ImpersonationIndex([("x", "valve")], ["valve"], today=TODAY)
    assert index.assess("instagram", "valves") is None
    assert index.assess("instagram", "valves", display_name="Valve Support") is not None


def test_an_edit_that_makes_another_word_of_a_longer_name_is_not_reported() -> None:
    index = ImpersonationIndex([("instagram", "mangomobile")], ["mangomobile"],
                               today=TODAY, organisation="Mango Mobile")
    assert index.assess("instagram", "tangomobile") is None
    assert index.assess("instagram", "mangomobille") is not None


def test_established_profile_of_another_entity_is_not_reported(vyra: ImpersonationIndex) -> None:
    assert vyra.assess("x", "vyrax", display_name="Vyrax Studio", followers=4_000,
                       created="2023-05-01") is None


def test_organisation_languages_add_common_words() -> None:
    from smplan_lint.derive.common_words import is_common

    assert is_common("acne") and not is_common("vyrra")
    pytest.importorskip("wordfreq")
    assert is_common("tavolo", ["it"]) and not is_common("tavolo")


def test_the_brand_inside_a_longer_display_name_counts_as_copying(
    vyra: ImpersonationIndex,
) -> None:
    verdict = vyra.assess("facebook", "helpdesk_2477", display_name="Patrick, Vyra Manager")
    assert verdict is not None and "names @vyra (instagram)" in verdict.evidence
    old = vyra.assess("instagram", "vyra.the.dog", display_name="Vyra the Dog",
                      followers=9_000, created="2019-01-01")
    assert old is None  # an established account of another entity
