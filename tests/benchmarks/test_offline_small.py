"""The shared page runner refuses figures from a page that misbehaved. No timing asserts."""

from __future__ import annotations

import pytest

from .offline import measure_page

pytestmark = [pytest.mark.benchmark, pytest.mark.browser]

READY = "<script>window.geograph = {ready: true};</script>"


def test_a_ready_page_gives_the_scripts_value(browser, tmp_path):
    page = tmp_path / "ready.html"
    page.write_text(READY, "utf-8")
    assert measure_page(browser, page, "n => n * 2", 21) == 42


@pytest.mark.parametrize(
    "script",
    [
        "() => { setTimeout(() => { throw new Error('boom'); }); return 1; }",
        "() => fetch('https://example.org/').catch(() => 1)",
    ],
    ids=["page-error", "request"],
)
def test_an_error_or_a_request_fails_the_measurement(browser, tmp_path, script):
    page = tmp_path / "bad.html"
    page.write_text(READY, "utf-8")
    with pytest.raises(RuntimeError, match="the page misbehaved"):
        measure_page(
            browser,
            page,
            f"async () => {{ await ({script})(); await new Promise(r => setTimeout(r, 50)); }}",
        )
