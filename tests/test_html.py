"""Static HTML: escaping, correct nesting of overlapping highlights, legend and tables."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from _fixtures import ARTICLE, article_extraction
from sourcecheck._audit import audit
from sourcecheck._briefing import Briefing, Bullet
from sourcecheck._html import Highlight, audit_html, briefing_html, highlight, report_page
from sourcecheck._models import Label, Span, Verdict

_VOID = {"meta", "br", "img", "hr", "input", "link"}


class _Tree(HTMLParser):
    """Checks that every tag closes in order and collects the text and the marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.marks: list[dict[str, str | None]] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "mark":
            self.marks.append(dict(attrs))
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Tree:
    tree = _Tree()
    tree.feed(markup)
    tree.close()
    return tree


def _plain(text: str, marks: list[Highlight]) -> _Tree:
    tree = _parse(highlight(text, marks))
    assert tree.errors == []
    assert tree.stack == []
    return tree


def test_text_is_escaped() -> None:
    text = '<script>alert(1)</script> & <img src=x onerror="alert(2)">'
    out = highlight(text, [Highlight(0, 8, "background: red", title='say "hi" <b>')])
    assert "<script" not in out
    assert "<img" not in out
    assert "&lt;script&gt;" in out
    assert 'title="say &quot;hi&quot; &lt;b&gt;"' in out
    assert "".join(_plain(text, []).text) == text


def test_adjacent_spans_do_not_nest() -> None:
    out = highlight("abcdefghij", [Highlight(0, 5, "a"), Highlight(5, 10, "b")])
    assert out.count("<mark") == 2
    assert "abcde</mark><mark" in out


def test_a_longer_span_starting_at_the_same_place_is_the_outer_one() -> None:
    out = highlight("abcdefghij", [Highlight(0, 3, "inner"), Highlight(0, 10, "outer")])
    first, second = re.findall(r'style="[^"]*?(inner|outer)"', out)
    assert (first, second) == ("outer", "inner")
    assert out.endswith("abc</mark>defghij</mark>")


def test_crossing_spans_are_split_so_the_markup_stays_well_formed() -> None:
    text = "0123456789ABCDE"
    marks = [Highlight(0, 10, "a", kind="a"), Highlight(5, 15, "b", kind="b")]
    tree = _plain(text, marks)
    assert "".join(tree.text) == text
    kinds = [m["data-kind"] for m in tree.marks]
    assert kinds == ["a", "b", "b"]  # b is closed at 10 with a, then reopened


def test_a_label_is_shown_once_where_the_span_really_ends() -> None:
    text = "0123456789ABCDE"
    out = highlight(text, [Highlight(0, 10, "a"), Highlight(5, 15, "b", label="LBL")])
    assert out.count("LBL") == 1
    assert out.index("LBL") > out.index("ABCDE")


def test_empty_and_out_of_range_spans_are_ignored() -> None:
    out = highlight("abc", [Highlight(1, 1, "x"), Highlight(2, 9, "y")])
    assert out == "abc"


@given(
    text=st.text(alphabet="ab<>&\"' \n", min_size=1, max_size=40),
    cuts=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=8),
)
def test_any_highlights_keep_the_text_and_nest_properly(
    text: str, cuts: list[tuple[int, int]]
) -> None:
    marks = [
        Highlight(min(a, b), max(a, b), "x", kind=str(k))
        for k, (a, b) in enumerate(cuts)
        if max(a, b) <= len(text)
    ]
    tree = _plain(text, marks)
    assert "".join(tree.text) == text
    # Every non-empty span is covered by its own marks, and only there.
    rendered = highlight(text, marks)
    for h in marks:
        if h.start < h.end:
            assert f'<mark data-kind="{h.kind}"' in rendered, h


def test_audit_html_has_legend_text_and_tables() -> None:
    report = audit(article_extraction())
    out = audit_html(report)
    assert out.startswith('<span class="tex2jax_ignore">')
    tree = _parse(out)
    assert tree.errors == []
    assert "script" not in tree.tags
    assert "Sources:" in out
    assert "direct quote" in out
    assert "uncredited claim" in out
    assert "quote with no speaker" in out
    kinds = [m["data-kind"] for m in tree.marks]
    assert "content partial" in kinds
    assert "content according-to" in kinds
    assert "source" in kinds
    assert "cue" in kinds
    assert "uncredited" in kinds
    assert "quote unattributed" in kinds
    assert "<table" in out
    assert html.escape("Ann Lee") in out
    # The source text is all there, in order, once the tags and labels are removed.
    body = out[out.index("white-space: pre-wrap") :]
    plain = html.unescape(re.sub(r"<span style=\"font-size: 0.7em[^>]*>[^<]*</span>", "", body))
    plain = re.sub(r"<[^>]+>", "", plain)
    assert ARTICLE in plain


def test_a_source_keeps_one_colour_under_every_form_of_its_name() -> None:
    report = audit(article_extraction())
    out = audit_html(report)
    lee_marks = re.findall(r'<mark data-kind="content[^"]*" style="([^"]*)" title="Ann Lee', out)
    colours = {re.search(r"#[0-9a-f]{6}", style).group() for style in lee_marks}
    assert len(lee_marks) == 2
    assert len(colours) == 1


def test_briefing_html_numbers_citations() -> None:
    text = "First fact. Second fact."
    ok = Verdict(label=Label.SUPPORTED, score=1.0)
    bad = Verdict(label=Label.CONTRADICTED, score=0.0)
    b = Briefing(
        text=text,
        bullets=(
            Bullet(text="First <fact>.", citations=(Span.of(text, 0, 11),), verdict=ok),
            Bullet(text="Second fact.", citations=(Span.of(text, 12, 24),), verdict=bad),
        ),
    )
    out = briefing_html(b)
    assert _parse(out).errors == []
    assert "First &lt;fact&gt;." in out
    assert "[1]" in out
    assert "[2]" in out
    assert "contradicted" in out
    assert b._repr_html_() == out


def test_report_page_is_self_contained_and_forbids_scripts() -> None:
    page = report_page('Audit of "<x>"', "<p>body</p>")
    assert page.startswith("<!DOCTYPE html>")
    assert "script-src 'none'" in page
    assert "<title>Audit of &quot;&lt;x&gt;&quot;</title>" in page
    assert not re.search(r'\b(?:src|href)="', page)
    assert _parse(page).errors == []


def test_extraction_and_audit_render_in_notebooks() -> None:
    extraction = article_extraction()
    out = extraction._repr_html_()
    assert "Claims" in out
    assert "supported" in out
    assert audit(extraction)._repr_html_() == audit_html(audit(extraction))
