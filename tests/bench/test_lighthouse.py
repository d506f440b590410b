"""Which pages `make bench` audits with Lighthouse, and what it reads from a report
(scripts/bench/lighthouse.py, scripts/bench/bench_build.py). Lighthouse itself runs only in
`make bench`: its simulated times depend on the machine, so nothing asserts them."""

from __future__ import annotations

from scripts import site_config
from scripts.bench import lighthouse, page_weight
from scripts.bench.bench_build import lighthouse_pages


def weight(locale: str, url_path: str, total: int) -> page_weight.PageWeight:
    load = page_weight.Load(transfers=(page_weight.Transfer(path=url_path + "index.html", status=200, bytes=total),))
    return page_weight.PageWeight(locale, "page.md", url_path, load, load, "")


def test_each_page_is_audited_once_when_the_heaviest_is_the_statistics_page():
    weights = [
        weight(language.locale, language.url_prefix() + path, size)
        for language in site_config.languages()
        for path, size in (("", 30_000), ("statistics/", 41_000), ("rights/", 35_000))
    ]
    pages = lighthouse_pages(weights)
    assert len(pages) == len(set(pages)) == 2 * len(site_config.languages())
    assert pages[:2] == ["", "statistics/"]


def test_the_heaviest_page_is_audited_beside_home_and_statistics():
    weights = [weight("az", "", 30_000), weight("az", "statistics/", 35_000), weight("az", "schools/", 40_000)]
    assert lighthouse_pages(weights)[:3] == ["", "statistics/", "schools/"]


def test_report_gives_scores_metrics_and_the_audits_that_cost_points():
    def audit(score: float | None, value: float, shown: str) -> dict:
        return {"score": score, "numericValue": value, "displayValue": shown}

    data = {
        "categories": {
            "performance": {
                "score": 0.96,
                "auditRefs": [
                    {"id": "first-contentful-paint", "weight": 10},
                    {"id": "total-blocking-time", "weight": 30},
                    {"id": "diagnostics", "weight": 0},
                ],
            },
            "accessibility": {"score": 1.0, "auditRefs": []},
            "best-practices": {"score": 1.0, "auditRefs": []},
            "seo": {"score": 1.0, "auditRefs": []},
        },
        "audits": {
            "first-contentful-paint": audit(0.9, 1800.0, "1.8\xa0s"),
            "largest-contentful-paint": audit(0.97, 2000.0, "2.0\xa0s"),
            "total-blocking-time": audit(1.0, 0.0, "0\xa0ms"),
            "cumulative-layout-shift": audit(1.0, 0.0, "0"),
            "speed-index": audit(0.98, 2500.0, "2.5\xa0s"),
            "diagnostics": audit(0.0, 0.0, ""),
        },
    }
    report = lighthouse.parse_report("statistics/", data)
    assert report.scores == {"performance": 96, "accessibility": 100, "best-practices": 100, "seo": 100}
    assert report.row()[0] == "/statistics/"
    # Only weighted audits below full marks cost points; an audit of weight 0 does not.
    assert report.failing == ["performance: first-contentful-paint (1.8 s)"]
