"""The fault-injection suite's table: each fault test records what the site held under it.

`make test` prints the table at the end of the run (tests/conftest.py), so CI's log carries it.
"""

from dataclasses import dataclass


@dataclass
class FaultResult:
    fault: str
    requests: int
    failed: int
    seconds: float
    lost: int | str = "-"
    note: str = ""


RESULTS: list[FaultResult] = []


def record(fault, *, requests, failed, seconds, lost="-", note=""):
    """Keep one row: requests sent, how many failed, the slowest answer (s), enquiries lost."""
    result = FaultResult(fault, requests, failed, round(seconds, 2), lost, note)
    RESULTS.append(result)
    return result


def table():
    if not RESULTS:
        return []
    head = ("fault", "requests", "failed", "slowest s", "enquiries lost", "note")
    rows = [
        (r.fault, str(r.requests), str(r.failed), f"{r.seconds:.2f}", str(r.lost), r.note)
        for r in RESULTS
    ]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    line = "| " + " | ".join(f"{{:{w}}}" for w in widths) + " |"
    return [line.format(*head), line.format(*("-" * w for w in widths))] + [
        line.format(*row) for row in rows
    ]
