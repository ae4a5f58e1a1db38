"""The html report in a real headless Chromium: Debian's chromium, driven by playwright (never `playwright install`)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.corpus.clusters import CONFLICT_FLAGS
from quotes.output.report import fold_for_search

pytestmark = [pytest.mark.browser, pytest.mark.model]

HOSTILE_STORY = (
    "Port director Ines Falk spoke on Monday.\n\n"
    "\"<script>document.title = 'pwned'; window.pwned = true;</script> The cranes will run again by June,\" Falk said.\n"
)

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra")
from chromium import CHROMIUM, launch_chromium  # noqa: E402  (after the check that playwright is there)

if not CHROMIUM.exists() and not os.environ.get("CI"):  # CI installs it (.ci/run), so there a missing browser fails
    pytest.skip(f"no {CHROMIUM} (apt-get install chromium)", allow_module_level=True)


def run_extract(*args: str) -> None:
    result = CliRunner().invoke(app, ["extract", *args])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    """The seeds report, and the seeds' clusters as `--format json` gives them."""
    folder = tmp_path_factory.mktemp("seeds-report")
    run_extract("--format", "html", "-o", str(folder / "report.html"))
    run_extract("--format", "json", "-o", str(folder / "clusters.json"))
    clusters = json.loads((folder / "clusters.json").read_text(encoding="utf-8"))["clusters"]
    return folder / "report.html", clusters


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: sync_api.Browser) -> Iterator[sync_api.Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def visible_rows(page: sync_api.Page) -> list[str]:
    return page.locator("article.cluster:visible").evaluate_all("rows => rows.map(row => row.id)")


def test_every_cluster_and_every_source_is_in_the_page(page: sync_api.Page, seeds: tuple[Path, list[dict]]) -> None:
    report, clusters = seeds
    page.goto(report.as_uri())
    assert sorted(visible_rows(page)) == sorted(c["id"] for c in clusters)
    for cluster in clusters:
        shown = page.locator(f"[id='{cluster['id']}'] li.member").evaluate_all("items => items.map(i => i.dataset.source)")
        assert sorted(shown) == sorted(Path(m["source"]).name for m in cluster["members"])
    seed_files = {Path(m["source"]).name for c in clusters for m in c["members"]}
    assert len(seed_files) == 5
    assert all(page.locator(f"li.member[data-source='{name}']").count() for name in seed_files)


def test_typing_a_speakers_name_hides_the_other_rows(page: sync_api.Page, seeds: tuple[Path, list[dict]]) -> None:
    report, clusters = seeds
    page.goto(report.as_uri())
    page.fill("input[name=q]", "Vladimir Putin")
    names = [{fold_for_search(m[k] or "") for m in c["members"] for k in ("speaker", "speaker_mention")} for c in clusters]
    expected = [c["id"] for c, found in zip(clusters, names, strict=True) if "vladimir putin" in found]
    assert 0 < len(expected) < len(clusters)
    assert sorted(visible_rows(page)) == sorted(expected)
    page.fill("input[name=q]", "")
    assert len(visible_rows(page)) == len(clusters)


def test_typing_words_keeps_the_rows_that_hold_them(page: sync_api.Page, seeds: tuple[Path, list[dict]]) -> None:
    report, clusters = seeds
    page.goto(report.as_uri())
    page.fill("input[name=q]", "Kursk")
    expected = [c["id"] for c in clusters if any("kursk" in m["text"].lower() for m in c["members"])]
    assert 0 < len(expected) < len(clusters)
    assert set(expected) <= set(visible_rows(page))


def test_the_conflict_toggle_keeps_only_rows_with_a_conflict(page: sync_api.Page, seeds: tuple[Path, list[dict]]) -> None:
    report, clusters = seeds
    page.goto(report.as_uri())
    page.check("input[name=conflict]")
    expected = [c["id"] for c in clusters if CONFLICT_FLAGS & set(c["flags"])]
    assert 0 < len(expected) < len(clusters)
    assert sorted(visible_rows(page)) == sorted(expected)
    page.uncheck("input[name=conflict]")
    assert len(visible_rows(page)) == len(clusters)


def test_a_kind_toggle_hides_the_rows_of_that_kind_alone(page: sync_api.Page, seeds: tuple[Path, list[dict]]) -> None:
    report, clusters = seeds
    page.goto(report.as_uri())
    page.uncheck("input[name=kind][value=indirect]")
    expected = [c["id"] for c in clusters if any(m["type"] != "indirect" for m in c["members"])]
    assert 0 < len(expected) < len(clusters)
    assert sorted(visible_rows(page)) == sorted(expected)


def test_without_scripts_every_row_shows_and_no_filter(browser: sync_api.Browser, seeds: tuple[Path, list[dict]]) -> None:
    report, clusters = seeds
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(report.as_uri())
    assert len(visible_rows(page)) == len(clusters)
    assert not page.locator("#filters").is_visible()
    context.close()


def test_a_script_in_an_article_does_not_run(page: sync_api.Page, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(HOSTILE_STORY, encoding="utf-8")
    report = tmp_path / "report.html"
    run_extract(str(story), "--format", "html", "-o", str(report))
    page.goto(report.as_uri())
    assert page.evaluate("window.pwned") is None
    assert page.title().startswith("Quotes:")
    assert "<script>document.title" in page.locator("article.cluster p.wording").inner_text()
    assert page.locator("#shown").inner_text() == "1 of 1 utterances shown"  # the page's own script did run


def test_printing_shows_every_reference_and_no_filters(browser: sync_api.Browser, seeds: tuple[Path, list[dict]]) -> None:
    report, clusters = seeds
    context = browser.new_context(java_script_enabled=False)  # printing opens the rows without the script's help
    page = context.new_page()
    page.goto(report.as_uri())
    page.emulate_media(media="print")
    assert page.locator("li.member:visible").count() == sum(len(c["members"]) for c in clusters)
    assert not page.locator("#filters").is_visible() and not page.locator("summary").first.is_visible()
    context.close()
