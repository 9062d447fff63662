from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from comity.replies import BrandProfile, ProfileError, load_profile
from comity.replies.profile import (
    DEMO_PROFILE,
    brand_data,
    parse_profile,
    profile_path,
    read_brand_data,
)
from comity.triage import Triager
from comity.triage.lexicons.profile import compile_profile
from comity.triage.lexicons.profile import load_profile as load_triage_profile

DEMO = DEMO_PROFILE.read_text(encoding="utf-8")


def _problems(text: str) -> list[str]:
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "brand.yaml")
    return caught.value.problems


def test_the_demo_profile_carries_the_demo_brand(profile: BrandProfile) -> None:
    assert profile.brand.name == "Haneul Coffee"
    assert profile.voice.level("instagram", "ko") == "haeyo"
    assert profile.voice.level("instagram", "de") == "du"
    assert profile.voice.level("facebook", "de") == "sie"
    assert profile.voice.level("instagram", "ko", "legal") == "hapsyo"  # category wins
    assert profile.voice.level("webshop_review", "ko") == "hapsyo"
    assert profile.voice.level("somewhere_new", "en") == "casual"  # the default
    campaign = profile.current_campaign()
    assert campaign is not None and campaign.hashtag("ko") == "#여름엔비바"
    assert campaign.hashtag("de") == "#SummerVibes"
    assert {f.id for f in profile.facts} >= {"prices", "milk", "yuzu", "recall", "outage"}
    assert all(f.text.ko and f.text.en and f.text.de for f in profile.facts)


def test_a_wrong_level_names_file_line_and_key() -> None:
    bad = DEMO.replace(
        "instagram: {ko: haeyo, en: casual, de: du}", "instagram: {ko: haeyo, en: casual, de: dich}"
    )
    (problem,) = _problems(bad)
    line = DEMO.splitlines().index("    instagram: {ko: haeyo, en: casual, de: du}") + 1
    assert problem.startswith(f"brand.yaml:{line}: voice.channels.instagram.de:")


def test_unknown_keys_bad_links_and_bad_regexes_are_each_reported() -> None:
    bad = DEMO.replace("  copy_paste_threshold: 0.6", "  copy_paste_threshold: 3\n  colour: red")
    bad = bad.replace('source: "https://haneul.example/stores"', "source: the stores page")
    bad = bad.replace('"cheap imports"', '"(cheap imports"')
    problems = _problems(bad)
    assert any("checks.copy_paste_threshold" in p for p in problems)
    assert any("checks.colour: unknown key" in p for p in problems)
    assert any("source must be a link" in p for p in problems)
    assert any("bad regex" in p for p in problems)
    assert all(p.startswith("brand.yaml:") for p in problems)


def test_broken_yaml_and_empty_files_are_refused(tmp_path: Path) -> None:
    assert _problems("brand: [")[0].startswith("brand.yaml:1: invalid YAML")
    assert "empty" in _problems("")[0]
    assert "cannot read" in str(_raises(lambda: load_profile(tmp_path / "missing.yaml")))


def _raises(call: object) -> ProfileError:
    with pytest.raises(ProfileError) as caught:
        call()  # type: ignore[operator]
    return caught.value


def test_duplicate_fact_ids_and_backwards_campaigns_are_refused() -> None:
    bad = DEMO.replace("  - id: hours", "  - id: prices").replace(
        "end: 2026-08-31", "end: 2026-05-31"
    )
    problems = _problems(bad)
    assert any("duplicate fact id 'prices'" in p for p in problems)
    assert any("ends before it starts" in p for p in problems)


def test_the_configured_file_then_the_saved_copy_then_the_demo(tmp_path: Path) -> None:
    assert profile_path(None, tmp_path) == DEMO_PROFILE
    (tmp_path / "brand_profile.yaml").write_text(DEMO, encoding="utf-8")
    assert profile_path(None, tmp_path) == tmp_path / "brand_profile.yaml"
    assert profile_path(Path("/etc/brand.yaml"), tmp_path) == Path("/etc/brand.yaml")


def test_triage_reads_the_same_facts_and_campaign(profile: BrandProfile) -> None:
    """Triage's brand facts come from this parser: its default is the demo profile read here."""
    ours = compile_profile(brand_data(profile))
    theirs = load_triage_profile()
    assert [f.id for f in ours.facts] == [f.id for f in profile.facts]
    assert [f.id for f in theirs.facts] == [f.id for f in profile.facts]
    assert [len(f.claims) for f in ours.facts] == [len(f.claims) for f in profile.facts]
    assert set(ours.campaign_cues) == set(theirs.campaign_cues)
    for text in ("아아까지 500원 올렸다며", "the recall covers all tumblers", "hello there"):
        a, b = ours.misinformation(text), theirs.misinformation(text)
        assert (a[0].id if a else None) == (b[0].id if b else None)
    assert ours.misinformation("아아까지 500원 올렸다며") is not None


def test_triage_and_replies_pick_the_same_of_two_campaigns() -> None:
    """An admin adds a later campaign below the first: triage follows the new one."""
    data = yaml.safe_load(DEMO)
    later = dict(data["campaigns"][0], name="Winter", start="2026-12-01", end="2027-02-28")
    data["campaigns"].append(later)
    replies_view = parse_profile(yaml.safe_dump(data, allow_unicode=True), "brand.yaml")
    assert replies_view.current_campaign() is not None
    assert replies_view.current_campaign().name == "Winter"  # type: ignore[union-attr]
    assert compile_profile(brand_data(replies_view)).campaign_name == "Winter"


def test_triage_keeps_its_brand_when_the_profile_fails_validation(tmp_path: Path) -> None:
    """The file triage follows passes the same schema check: an unknown key is refused
    (triage's old YAML reader took it), and the last good brand stays in use."""
    path = tmp_path / "brand.yaml"
    path.write_text(DEMO, encoding="utf-8")
    triager = Triager(None)
    triager.follow_profile(path, read=read_brand_data)
    good = triager.finder
    assert read_brand_data(path).names == tuple(parse_profile(DEMO).brand.names)
    path.write_text(DEMO.replace("version: 1", "version: 1\nbrand_typo: x"), encoding="utf-8")
    with pytest.raises(ProfileError):
        read_brand_data(path)
    triager.follow_profile(path, read=read_brand_data)
    assert triager.finder is good
