"""Interleaved timing: every contender once per round, in a rotated order; medians count.

The machine is noisy (two cores, shared), so contenders are never timed in blocks: each
round runs every task once, starting one further along the list each round, and the
median over rounds is reported. Ratios of medians taken side by side are what count.

Both clocks are kept. The process's CPU time (``process_time``) is the measure: every
contender is single-threaded, so on an idle machine it equals the wall time, and time
taken by other processes on the shared machine does not inflate it (with a load of 3 to
7 on two cores, wall-clock rounds spread by 50-80%, CPU-time rounds by about 10%). Wall
time (``perf_counter``) is reported beside it.
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass
class Timing:
    """The seconds one task took in each round, by the wall clock and in CPU time."""

    name: str
    seconds: list[float]
    cpu_seconds: list[float]

    @property
    def median(self) -> float:
        """The median over rounds, in seconds."""
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        """The median CPU time over rounds, in seconds."""
        return statistics.median(self.cpu_seconds)

    @property
    def spread(self) -> float:
        """(max - min) / median of the wall times: how noisy the rounds were."""
        return (max(self.seconds) - min(self.seconds)) / self.median if self.median else 0.0

    @property
    def cpu_spread(self) -> float:
        """(max - min) / median of the CPU times."""
        cpu = self.cpu_seconds
        return (max(cpu) - min(cpu)) / self.cpu_median if self.cpu_median else 0.0


def run_once(task: Callable[[], Any], *, gc_enabled: bool) -> tuple[float, float]:
    """Time one call of ``task``: (wall, CPU) seconds; the result is freed after.

    The collector is run before the call so that each task starts from the same state;
    with ``gc_enabled`` False it stays off during the call (the library's own cost).
    """
    gc.collect()
    if not gc_enabled:
        gc.disable()
    try:
        cpu_started = time.process_time()
        started = time.perf_counter()
        result = task()
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
    finally:
        gc.enable()
    del result
    return elapsed, cpu


def interleave(
    tasks: dict[str, Callable[[], Any]],
    rounds: int,
    *,
    gc_enabled: bool = True,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Timing]:
    """Run every task once per round, the order rotated by one each round."""
    names = list(tasks)
    timings = {name: Timing(name, [], []) for name in names}
    for round_number in range(rounds):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            wall, cpu = run_once(tasks[name], gc_enabled=gc_enabled)
            timings[name].seconds.append(wall)
            timings[name].cpu_seconds.append(cpu)
        if progress is not None:
            progress(f"round {round_number + 1}/{rounds}")
    return timings


def retained_per_record(
    decode: Callable[[Sequence[str]], list[Any]], lines: Sequence[str]
) -> float:
    """Bytes still allocated per record after decoding ``lines`` and keeping the objects.

    tracemalloc snapshots before and after, with a full collection before each, so
    temporaries (parsed dicts, error objects) are not counted; the input text is
    allocated before the first snapshot, so it is not counted either. The list that
    holds the results (8 bytes per record) is counted, the same for every contender.
    """
    decode(lines[:50])  # warm caches (generated code, compiled patterns) before measuring
    gc.collect()
    tracemalloc.start()
    try:
        gc.collect()
        before = tracemalloc.take_snapshot()
        kept = decode(lines)
        gc.collect()
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    retained = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    count = len(kept)
    del kept
    return retained / count
