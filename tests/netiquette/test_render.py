"""The public netiquette page: every language, escaped, only public rules, the ladder."""

from __future__ import annotations

import pytest

from comity.netiquette import load_default_rules, parse_rules, render_html, render_markdown

NASTY = """\
rules:
  - id: r1
    severity: 3
    action: hide
    reason:
      ko: "<script>alert(1)</script> 스팸 금지"
      en: "No *spam* & <b>ads</b>"
      de: "Keine Werbung"
    match: {has_links: true}
  - id: r2
    severity: 3
    action: hide
    reason: {ko: 같은 이유, en: "No *spam* & <b>ads</b>", de: Keine Werbung}
    match: {has_media: true}
  - id: internal
    severity: 3
    action: flag
    queue: moderation
    public: false
    reason: {ko: 내부용, en: internal only, de: intern}
    match: {has_media: true}
"""


def test_html_is_escaped_and_complete() -> None:
    page = render_html(parse_rules(NASTY), "ko")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.startswith('<section class="netiquette" lang="ko">')
    assert page.rstrip().endswith("</section>")
    assert page.count("<ul>") == page.count("</ul>") == 2


def test_markdown_escapes_markup_dedupes_reasons_and_skips_internal_rules() -> None:
    page = render_markdown(parse_rules(NASTY), "en")
    assert "No \\*spam\\* &amp; &lt;b&gt;ads&lt;/b&gt;" in page
    assert page.count("No \\*spam\\*") == 1
    assert "internal only" not in page


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ko", ["커뮤니티 운영 원칙", "7일 동안 작성 제한", "영구 차단", "90일"]),
     ("en", ["Community guidelines", "a 7-day mute", "a ban", "90 days"]),
     ("de", ["Netiquette", "7 Tage Schreibpause", "Sperrung", "90 Tage"])],
)  # fmt: skip
def test_default_page_states_the_rules_and_the_ladder(lang: str, expected: list[str]) -> None:
    ruleset = load_default_rules()
    page = render_markdown(ruleset, lang)
    for text in expected:
        assert text in page
    public = {rule.reason[lang] for rule in ruleset.rules if rule.public}
    assert all(reason in page for reason in public)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        render_markdown(load_default_rules(), "fr")
