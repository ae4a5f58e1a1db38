"""How the report's browser test and `benchmarks/report_demo.py` start Debian's chromium with playwright.

Playwright downloads no browser of its own here: it drives `/usr/bin/chromium` (`apt-get install
chromium`, as `.ci/run` does), headless, with nothing that reaches the network on its own.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def launch_chromium(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
