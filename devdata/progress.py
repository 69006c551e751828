"""Progress bars for the long development-data commands, drawn on the terminal's error stream."""

import sys

from tqdm import tqdm


def progress(iterable=None, *, desc, total=None, unit="page", enabled=True):
    # stderr, so that a command's own output (a password, a summary) stays clean when piped.
    return tqdm(
        iterable,
        desc=desc,
        total=total,
        unit=unit,
        disable=not enabled,
        file=sys.stderr,
        mininterval=0.5,
        dynamic_ncols=True,
    )
