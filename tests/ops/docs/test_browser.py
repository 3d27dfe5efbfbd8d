"""The documentation site and the HTML run report in a real browser (headless Chromium):
they load with the network off and ask for nothing outside their folder, log no console
error, show every target table and column of the demo spec (and a lineage node for each),
and the report's numbers are the JSON report's.  A screenshot of each page is written to
test-artifacts/ (CHARTSHIFT_TEST_ARTIFACTS)."""

from __future__ import annotations

import json

from compiler.pipeline import load
from tests.conftest import DEMO_SPEC
from tests.ops.docs.browser import visit


def target_columns() -> dict[str, list[str]]:
    spec = load(DEMO_SPEC).spec
    return {f"{t.name}.{tt.name}": [c.name for c in tt.columns] for t in spec.targets for tt in t.tables}


def clean(v) -> None:
    assert v.errors == [], f"console errors: {v.errors}"
    assert v.requests == [], f"network requests: {v.requests}"
    assert v.failed == [], f"files that did not load: {v.failed}"


def test_docs_site_offline_complete_and_searchable(browser, docs_site, artifacts):
    v = visit(browser, docs_site / "index.html", artifacts / "docs-index.png")
    clean(v)
    page = v.page
    assert (artifacts / "docs-index.png").stat().st_size > 10_000
    # the stylesheet and the script came from the folder and took effect
    assert page.evaluate("getComputedStyle(document.body).maxWidth") == "1280px"
    assert page.locator("h1").count() == 1
    tables = target_columns()
    assert len(tables) == 9
    for table, columns in tables.items():
        section = page.locator(f"section.target:has(h2:text-is('Target table {table}'))")
        assert section.count() == 1, table
        for c in columns:
            assert section.locator(f"table.fields tr[data-column='{c}']").count() >= 1, f"{table}.{c}"
            node = page.locator(f"svg.lineage g.node.target[data-column='{table}.{c}']")
            assert node.count() == 1, f"lineage node {table}.{c}"
            assert node.locator("title").count() == 1
    svg = page.locator("svg.lineage")
    assert svg.get_attribute("role") == "img" and svg.locator("title").count() >= 1 and svg.locator("desc").count() == 1
    assert page.locator("svg.lineage path.edge").count() == page.locator("table.edges tbody tr").count() > 50
    # the search box filters: only rows mentioning the term stay
    before = page.locator("tr[data-search]:visible").count()
    assert before > 80
    page.fill("#search", "birth_date")
    visible = page.locator("tr[data-search]:visible")
    assert 0 < visible.count() < 10
    assert all("birth_date" in t for t in visible.all_inner_texts())
    assert page.locator("svg.lineage g.node.match").count() == 1
    assert "matching" in page.locator("#search-count").inner_text()
    page.fill("#search", "")
    assert page.locator("tr[data-search]:visible").count() == before
    page.emulate_media(media="print")
    page.screenshot(path=str(artifacts / "docs-index-print.png"), full_page=False)
    assert v.errors == []
    page.context.close()


def test_docs_generated_sql_links_resolve(browser, docs_site):
    v = visit(browser, docs_site / "index.html")
    links = v.page.locator("a[href^='sql/']")
    hrefs = sorted(set(links.evaluate_all("els => els.map(e => e.getAttribute('href'))")))
    assert len(hrefs) >= 27  # each map's step per dialect
    for h in hrefs:
        assert (docs_site / h).is_file(), h
    v.page.context.close()


def test_html_report_numbers_equal_the_json_report(browser, demo_reports, artifacts):
    data, _, html = demo_reports
    v = visit(browser, html, artifacts / "run-report.png")
    clean(v)
    page = v.page
    verdict = page.locator("#verdict")
    assert verdict.get_attribute("data-value") == data["status"]
    assert data["status"].upper() in verdict.inner_text()
    # the verdict is the first thing after the title
    assert page.evaluate("document.querySelector('header h1').nextElementSibling.id") == "verdict"
    assert page.locator("h1").count() == 1 and page.locator("h2").count() >= 5
    for m in data["maps"]:
        row = page.locator(f"table.accounting tr[data-map='{m['map']}']")
        assert row.count() == 1, m["map"]
        for key in ("source_rows", "loaded", "rejected", "filtered", "merged", "aggregated"):
            cell = row.locator(f"td[data-key='{key}']")
            assert json.loads(cell.get_attribute("data-value")) == m[key], (m["map"], key)
            assert int(cell.inner_text().replace(",", "")) == m[key], (m["map"], key)
        bar = row.locator("svg.bar")
        assert bar.get_attribute("role") == "img" and f"{m['source_rows']:,} source rows" in (bar.get_attribute("aria-label") or "")
        for reason, n in m["rejected_by_reason"].items():
            r = (
                page.locator("table.reasons tr")
                .filter(has=page.locator(f"td:text-is('{reason}')"))
                .filter(has=page.locator(f"td:text-is('{m['map']}')"))
            )
            assert int(r.locator("td[data-key='rows']").inner_text().replace(",", "")) == n, reason
    assert page.locator("table.reasons tbody tr").count() == sum(len(m["rejected_by_reason"]) for m in data["maps"])
    assert page.locator("table.checks tbody tr").count() == len(data["checks"])
    for i, c in enumerate(data["checks"]):
        row = page.locator("table.checks tbody tr").nth(i)
        assert row.locator("th").inner_text() == c["name"]
        assert json.loads(row.locator("td[data-key='count']").get_attribute("data-value")) == c["count"]
        assert json.loads(row.locator("td[data-key='denominator']").get_attribute("data-value")) == c["denominator"]
        cells = row.locator("td").all_inner_texts()
        assert cells[-3] == c["threshold"].get("warn", "-") and cells[-2] == c["threshold"].get("fail", "-") and cells[-1] == c["status"]
    for c in data["coverage"]:
        row = page.locator(f"table.coverage tr[data-table='{c['table']}']")
        assert int(row.locator("td[data-key='used']").inner_text()) == len(c["used"])
        assert json.loads(row.locator("td[data-key='percent']").get_attribute("data-value")) == c["percent"]
    steps = page.locator("table.timings tbody tr")
    assert steps.count() == len(data["timings"]) > 5
    for i, t in enumerate(data["timings"]):
        assert steps.nth(i).locator("th").inner_text() == t["step"]
        assert float(steps.nth(i).locator("td[data-key='seconds']").inner_text()) == round(t["seconds"], 3)
    page.emulate_media(media="print")
    page.screenshot(path=str(artifacts / "run-report-print.png"), full_page=True)
    page.context.close()


def test_docs_of_a_union_spec(browser, tmp_path, artifacts):
    """Two legacy systems into one target (unions, group by, join many): one section per
    map, a node per target column, no console error."""
    spec = DEMO_SPEC.parent / "two_systems.mig"
    from compiler.cli.main import main

    assert main(["docs", str(spec), "--out", str(tmp_path / "two"), "--dialect", "duckdb"]) == 0
    v = visit(browser, tmp_path / "two" / "index.html", artifacts / "docs-two-systems.png")
    clean(v)
    compiled = load(spec)
    for m in compiled.spec.maps:
        label = f"{'.'.join(m.source.parts)} -> {'.'.join(m.target.parts)}"
        section = v.page.locator(f"section.map[data-map='{label}'][data-line='{m.span.line}']")
        assert section.count() == 1, label
        assert section.locator("h3").inner_text() == f"Map {label} spec line {m.span.line}"
    for t in compiled.spec.targets:
        for tt in t.tables:
            for c in tt.columns:
                assert v.page.locator(f"svg.lineage g.node.target[data-column='{t.name}.{tt.name}.{c.name}']").count() == 1
    v.page.context.close()
