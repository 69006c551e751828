"""Where the browser tests find Debian's Chromium, and what they say when it is not there."""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The same command scripts/debian-package.sh prints when `make test` cannot install it itself.
INSTALL_COMMAND = "sudo apt-get update && sudo apt-get install -y chromium"


def require_chromium():
    """Fail the test, saying how to install Chromium, when it is missing."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium was not found at {CHROMIUM}. Install it with: {INSTALL_COMMAND} "
            "(or set CHROMIUM to the path of a Chromium binary).",
            pytrace=False,
        )
    return CHROMIUM
