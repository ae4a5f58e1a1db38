"""The html report, read back with the standard library's html.parser (the browser test is test_report_browser)."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from quotes.corpus.identities import SpeakerDirectory, load_directory
from quotes.models import Cluster, Document, Quote, SourceMeta
from quotes.output.context import context_sentence
from quotes.output.report import diff_runs, render_report

CEASEFIRE = "There will be no ceasefire until the last soldier leaves."
HOSTILE = '<script>window.pwned = true</script><img src=x onerror="window.pwned = true">'


def quote(source: str, text: str = CEASEFIRE, kind: str = "direct", **extra: object) -> Quote:
    fields: dict[str, object] = {"start": 0, "end": len(text), "speaker": "Andriy Yermak", "line": 4}
    fields.update(extra)
    return Quote(source=source, text=text, kind=kind, **fields)  # type: ignore[arg-type]


def dated(outlet: str, date: str, url: str | None = None) -> SourceMeta:
    return SourceMeta(outlet=outlet, date=date, url=url, title=f"{outlet} on the talks")


def ceasefire() -> Cluster:
    return Cluster(
        "c-ceasefire",
        members=[
            quote("ap.txt", "There will be no truce until the last soldier leaves.", meta=dated("AP", "2024-08-08")),
            quote("reuters.txt", meta=dated("Reuters", "2024-08-07", "https://example.org/reuters")),
            quote("bbc.txt", "there would be no ceasefire", kind="indirect", meta=dated("BBC", "2024-08-09")),
        ],
        flags=["wording differs"],
    )


def talks() -> Cluster:
    return Cluster(
        "c-talks",
        members=[quote("ap.txt", "talks would resume", kind="indirect", speaker="Peter Stano", meta=dated("AP", "2024-08-08"))],
        flags=["paraphrase only"],
    )


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""
    children: list[Element] = field(default_factory=list)

    def find_all(self, tag: str, cls: str | None = None) -> list[Element]:
        found = [c for c in self.children if c.tag == tag and (cls is None or cls in (c.attrs.get("class") or "").split())]
        return found + [e for c in self.children for e in c.find_all(tag, cls)]

    def all_text(self) -> str:
        return self.text + "".join(c.all_text() for c in self.children)


VOID = {"meta", "input", "br", "img", "hr", "link"}


class Tree(HTMLParser):
    """The page as a tree of elements, with the text each holds."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        while len(self.stack) > 1:
            if self.stack.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(Element("#text", {}, data))


def page_of(clusters: list[Cluster], documents: dict[str, Document] | None = None) -> Element:
    return Tree(render_report(clusters, load_directory(), documents)).root


# --- what the page holds ----------------------------------------------------------------------


def test_every_cluster_is_one_row_and_every_member_one_item() -> None:
    page = page_of([ceasefire(), talks()])
    rows = page.find_all("article", "cluster")
    assert [r.attrs["id"] for r in rows] == ["c-ceasefire", "c-talks"]
    assert [len(r.find_all("li", "member")) for r in rows] == [3, 1]


def test_header_counts_sources_outlets_dates_and_kinds() -> None:
    page = page_of([ceasefire(), talks()])
    [read] = page.find_all("p", "read")
    text = " ".join(read.all_text().split())
    assert text == "2 utterances (4 references) from 3 sources, 3 outlets, 2024-08-07 to 2024-08-09."
    rows = [row for row in page.find_all("tr") if "data-kind" in row.attrs]
    kinds = {row.attrs["data-kind"]: [td.all_text() for td in row.find_all("td")[1:]] for row in rows}
    assert kinds == {"direct": ["1", "2"], "partial": ["0", "0"], "indirect": ["1", "2"], "embed": ["0", "0"]}


def test_sources_read_without_quotes_count_in_the_header() -> None:
    documents = {name: Document(name, "") for name in ("ap.txt", "reuters.txt", "bbc.txt", "quiet.txt")}
    [read] = page_of([ceasefire()], documents).find_all("p", "read")
    assert "from 4 sources" in " ".join(read.all_text().split())


def test_speaker_index_names_spellings_and_utterances_and_links_to_the_speakers_rows() -> None:
    yermak = quote("ft.txt", "talks are over", kind="indirect", speaker_mention="Yermak", meta=dated("FT", "2024-08-10"))
    page = page_of([ceasefire(), talks(), Cluster("c-over", [yermak])])
    [index] = [n for n in page.find_all("nav") if n.attrs.get("id") == "speakers"]
    entries = [[td.all_text() for td in tr.find_all("td")] for tr in index.find_all("tr")[1:]]
    assert entries == [["Andriy Yermak", "Yermak", "2"], ["Peter Stano", "", "1"]]
    sections = {s.attrs["id"]: s for s in page.find_all("section", "speaker")}
    for link in index.find_all("a"):
        section = sections[(link.attrs["href"] or "").removeprefix("#")]
        assert section.find_all("h2")[0].all_text().startswith(link.all_text())
    assert len(sections[(index.find_all("a")[0].attrs["href"] or "")[1:]].find_all("article", "cluster")) == 2


def test_speaker_role_comes_from_the_speakers_file() -> None:
    zelensky = Cluster("c-z", [quote("kyiv.txt", "We will win.", speaker="Volodymyr Zelensky")])
    [heading] = page_of([zelensky]).find_all("section", "speaker")[0].find_all("h2")
    assert heading.find_all("span", "role")[0].all_text() == "Ukrainian President"


def test_members_are_listed_in_date_order() -> None:
    [row] = page_of([ceasefire()]).find_all("article", "cluster")
    assert [m.find_all("span", "outlet")[0].all_text() for m in row.find_all("li", "member")] == ["Reuters", "AP", "BBC"]


def test_the_first_publisher_is_marked_when_several_sources_carry_the_utterance() -> None:
    ceasefire_row, talks_row = page_of([ceasefire(), talks()]).find_all("article", "cluster")
    assert [bool(m.find_all("span", "first")) for m in ceasefire_row.find_all("li", "member")] == [True, False, False]
    assert not talks_row.find_all("span", "first")


def test_verbatim_wording_is_in_quote_marks_and_a_paraphrase_is_not() -> None:
    rows = page_of([ceasefire(), talks()]).find_all("article", "cluster")
    assert rows[0].find_all("p", "wording")[0].all_text() == f"“{CEASEFIRE}”"
    assert rows[1].find_all("p", "wording")[0].all_text() == "talks would resume"
    assert rows[1].find_all("span", "kind")[0].all_text() == "paraphrase"


def test_kind_and_flags_are_shown_and_conflicts_marked() -> None:
    rows = page_of([ceasefire(), talks()]).find_all("article", "cluster")
    assert [f.all_text() for f in rows[0].find_all("span", "flag")] == ["wording differs"]
    assert "data-conflict" in rows[0].attrs and "data-conflict" not in rows[1].attrs
    assert rows[0].attrs["data-kinds"] == "direct indirect"


def test_a_differing_wording_marks_inserted_and_deleted_words() -> None:
    [row] = page_of([ceasefire()]).find_all("article", "cluster")
    ap = row.find_all("li", "member")[1]
    assert ap.find_all("p", "printed")[0].all_text() == "“There will be no truce until the last soldier leaves.”"
    [changes] = ap.find_all("p", "changes")
    assert [d.all_text() for d in changes.find_all("del")] == ["ceasefire"]
    assert [i.all_text() for i in changes.find_all("ins")] == ["truce"]


def test_a_member_with_the_agreed_wording_or_a_paraphrase_has_no_changes() -> None:
    [row] = page_of([ceasefire()]).find_all("article", "cluster")
    reuters, _, bbc = row.find_all("li", "member")
    assert reuters.find_all("p", "changes") == [] and bbc.find_all("p", "changes") == []


def test_changes_join_words_in_a_row_and_cut_long_equal_runs() -> None:
    diff = [*(("equal", str(n)) for n in range(1, 9)), ("delete", "nine"), ("delete", "ten"), ("insert", "eleven")]
    assert diff_runs(diff) == [("equal", "… 6 7 8"), ("delete", "nine ten"), ("insert", "eleven")]


def test_each_member_links_to_its_url_or_its_file(tmp_path: Path) -> None:
    local = tmp_path / "local.txt"
    local.write_text(CEASEFIRE, encoding="utf-8")
    online = quote("reuters.txt", meta=dated("Reuters", "2024-08-07", "https://example.org/r"))
    cluster = Cluster("c1", [online, quote(str(local))])
    links = [a.attrs["href"] for a in page_of([cluster]).find_all("a") if not (a.attrs["href"] or "").startswith("#")]
    assert links == ["https://example.org/r", local.resolve().as_uri()]


def test_a_javascript_url_from_metadata_is_not_a_link() -> None:
    cluster = Cluster("c1", [quote("page.html", meta=SourceMeta(outlet="X", url="javascript:window.pwned=true"))])
    hrefs = [a.attrs.get("href") or "" for a in page_of([cluster]).find_all("a")]
    assert not any(h.lower().startswith("javascript") for h in hrefs)


# --- the sentence around a quote --------------------------------------------------------------

STORY = 'Port director Ines Falk spoke on Monday. "The cranes will run again by June," Falk said. Then she left.\n\nNext.'


def test_context_sentence_runs_from_the_sentence_start_to_the_sentence_end() -> None:
    start = STORY.index("The cranes")
    end = STORY.index(" Falk said") - 1
    context = context_sentence(STORY, start, end)
    assert (context.before, context.quote, context.after) == ('"', "The cranes will run again by June,", '" Falk said.')


def test_context_sentence_stays_in_its_paragraph() -> None:
    text = "First paragraph without an end\n\nshe said the port would open\n\nLast paragraph"
    start = text.index("the port")
    context = context_sentence(text, start, start + len("the port would open"))
    assert (context.before, context.after) == ("she said ", "")


def test_each_member_shows_its_context_with_the_quote_marked() -> None:
    document = Document("story.txt", STORY)
    start = STORY.index("The cranes")
    member = Quote("story.txt", start, start + 34, STORY[start : start + 34], "direct", speaker="Ines Falk")
    [context] = page_of([Cluster("c1", [member])], {"story.txt": document}).find_all("p", "context")
    assert context.find_all("mark")[0].all_text() == "The cranes will run again by June,"
    assert context.all_text() == '"The cranes will run again by June," Falk said.'


# --- safety and self-containment --------------------------------------------------------------


def hostile_cluster() -> Cluster:
    meta = SourceMeta(outlet=f"Outlet {HOSTILE}", title=f"Title {HOSTILE}", date="2024-08-07")
    return Cluster(
        "c-hostile",
        [quote("evil.txt", f"We said {HOSTILE} today.", speaker=f"Mr {HOSTILE}", speaker_mention=HOSTILE, meta=meta)],
    )


def test_article_markup_is_shown_as_text_never_as_elements() -> None:
    document = Document("evil.txt", f"We said {HOSTILE} today.", title=HOSTILE)
    page = page_of([hostile_cluster()], {"evil.txt": document})
    assert len(page.find_all("script")) == 1 and page.find_all("img") == []
    assert "window.pwned" not in page.find_all("script")[0].all_text()
    assert HOSTILE in page.find_all("article", "cluster")[0].all_text()


def test_only_the_pages_own_script_may_run() -> None:
    page = page_of([ceasefire()])
    [script] = page.find_all("script")
    [policy] = [m.attrs["content"] or "" for m in page.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    digest = base64.b64encode(hashlib.sha256(script.all_text().encode("utf-8")).digest()).decode("ascii")
    assert f"script-src 'sha256-{digest}';" in policy and "default-src 'none'" in policy


def elements(root: Element) -> list[Element]:
    return [e for c in root.children if c.tag != "#text" for e in (c, *elements(c))]


def test_the_page_loads_nothing_from_elsewhere() -> None:
    page = page_of([ceasefire(), hostile_cluster()])
    assert not {"link", "img", "iframe", "object", "embed"} & {e.tag for e in elements(page)}
    assert [e.tag for e in elements(page) if "src" in e.attrs] == []
    [style] = page.find_all("style")
    assert "url(" not in style.all_text() and "@import" not in style.all_text()


def test_filters_are_hidden_until_the_script_shows_them() -> None:
    [form] = [f for f in page_of([ceasefire()]).find_all("form") if f.attrs.get("id") == "filters"]
    assert "hidden" in form.attrs


def test_an_empty_report_still_renders() -> None:
    page = page_of([])
    assert page.find_all("article", "cluster") == []
    assert "0 utterances" in page.find_all("p", "read")[0].all_text()


def test_a_report_needs_no_speakers_file() -> None:
    page = Tree(render_report([ceasefire()], SpeakerDirectory())).root
    assert len(page.find_all("article", "cluster")) == 1


# --- the command --------------------------------------------------------------------------------


def test_extract_writes_the_report_to_the_output_file(run_quotes, story: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = run_quotes("extract", str(story), "--format", "html", "-o", str(target))
    assert result.returncode == 0, result.stderr
    page = Tree(target.read_text(encoding="utf-8")).root
    [row] = page.find_all("article", "cluster")
    assert row.find_all("p", "wording")[0].all_text() == "“The cranes will run again by June,”"
    assert "Falk said." in row.find_all("p", "context")[0].all_text()


def test_extract_does_not_overwrite_a_report_without_force(run_quotes, story: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("keep me", encoding="utf-8")
    result = run_quotes("extract", str(story), "--format", "html", "-o", str(target))
    assert result.returncode == 2 and result.stderr.count(b"\n") == 1
    assert target.read_text(encoding="utf-8") == "keep me"
