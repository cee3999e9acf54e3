"""``make bench``: time the offline tools and the test suite; write ``bench/results/latest.{json,md}``.

Measured (targets on a 2-core machine):

- ``tools.plan`` wall time, end to end in a fresh process, for dev and prod (median of 5; prod ≤ 2.5 s);
- analyzer throughput — ``Analyze`` per resource plus one ``AnalyzeStack`` through the real pack —
  on synthetic stacks of 1,000 and 10,000 resources (≥ 2,000 resources/s at 10,000, time growing
  linearly from 1,000);
- ``tools.check`` wall time on a 500-resource ``pulumi stack export`` (≤ 1 s);
- the test suite's wall time (≤ 60 s).

Whatever misses its target is profiled: pyinstrument for the tools, py-spy on the pack's process for
the analyzer, next to the results. Figures are never asserted in tests: they depend on the machine.
"""

from __future__ import annotations

import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.synthetic import synthetic_export, write_export
from tools import REPO_ROOT as ROOT

if TYPE_CHECKING:
    from tools.analyzer import Analyzer, AnalyzerResource

RESULTS = ROOT / "bench" / "results"
RUNS = 5
PLAN_PROD_TARGET_S = 2.5
"""Issue 14: ``tools.plan prod``'s median wall time on a 2-core machine."""
BENCH_STACK = "dev"
"""Synthetic stacks are named after dev, so the pack and the cost model run with dev's policy config."""


@dataclass
class Measurement:
    name: str
    value: float
    unit: str
    target: str
    met: bool
    detail: str = ""
    profile: str = ""


def main(argv: Sequence[str] | None = None) -> int:
    RESULTS.mkdir(parents=True, exist_ok=True)
    measurements = [
        *(plan_time(stack) for stack in ("dev", "prod")),
        *analyzer_throughput((1_000, 10_000)),
        check_time(500),
        test_suite_time(),
    ]
    machine = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_before": os.getloadavg()[0],
        "when": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    }
    document = {"machine": machine, "measurements": [asdict(m) for m in measurements]}
    (RESULTS / "latest.json").write_text(json.dumps(document, indent=2) + "\n")
    (RESULTS / "latest.md").write_text(markdown(machine, measurements))
    sys.stdout.write(markdown(machine, measurements))
    return 0


# --- measurements -------------------------------------------------------------------------------


def plan_time(stack: str) -> Measurement:
    command = ["-m", "tools.plan", stack, "--format", "json"]
    times = [_wall(command) for _ in range(RUNS)]
    value = statistics.median(times)
    target, met = ("≤ 2.5 s", value <= PLAN_PROD_TARGET_S) if stack == "prod" else ("", True)
    result = Measurement(f"tools.plan {stack}", value, "s", target, met, _spread(times))
    if not met:
        result.profile = _pyinstrument(f"plan-{stack}", command)
    return result


@contextmanager
def synthetic_pack(size: int) -> Iterator[tuple[Analyzer, list[AnalyzerResource]]]:
    """The pack, started and configured as the tools do it for dev's policy config, and a synthetic
    stack of ``size`` resources as the analyzer receives them."""
    from tools import analyzer
    from tools.pack_session import PackSession
    from tools.policy_config import resolve_policy_config
    from tools.readers import snapshot_from_document

    snapshot = snapshot_from_document(Path(f"synthetic-{size}"), synthetic_export(size, stack=BENCH_STACK))
    resources = analyzer.resources_from_registrations(snapshot.resources)
    config = resolve_policy_config(BENCH_STACK, None)
    with PackSession(stack=snapshot.stack, project=snapshot.project, policy_config=config, dry_run=False) as session:
        yield session.ready().analyzer, resources


def analyzer_throughput(sizes: Sequence[int]) -> list[Measurement]:
    timings: dict[int, tuple[int, float, float]] = {}
    for size in sizes:
        with synthetic_pack(size) as (pack, resources):
            started = time.perf_counter()
            pack.analyze_each(resources)  # as tools.plan and tools.check drive it: several calls in flight
            per_resource = time.perf_counter() - started
            started = time.perf_counter()
            pack.analyze_stack(resources)
            stack_wide = time.perf_counter() - started
        timings[size] = (len(resources), per_resource, stack_wide)
    results: list[Measurement] = []
    smallest = min(timings)
    for size, (count, per_resource, stack_wide) in timings.items():
        seconds = per_resource + stack_wide
        rate = count / seconds
        growth = seconds / sum(timings[smallest][1:]) / (count / timings[smallest][0])
        detail = (
            f"{count} resources in {seconds:.2f} s (Analyze {per_resource:.2f} s, AnalyzeStack {stack_wide:.2f} s); "
            f"time per resource ×{growth:.2f} of the {timings[smallest][0]}-resource run"
        )
        big = size == max(timings)
        met = rate >= 2000 and growth <= 1.25 if big else True
        result = Measurement(f"analyzer throughput, {size} resources", rate, "resources/s",
                             "≥ 2,000/s, linear" if big else "", met, detail)  # fmt: skip
        if not met:
            result.profile = _profile_pack(size)
        results.append(result)
    return results


def check_time(size: int) -> Measurement:
    path = write_export(RESULTS / f"synthetic-{size}.tmp", size, stack=BENCH_STACK)
    try:
        command = ["-m", "tools.check", str(path.relative_to(ROOT)), "--format", "json"]
        times = [_wall(command) for _ in range(RUNS)]
        value = statistics.median(times)
        result = Measurement(f"tools.check, {size}-resource export", value, "s", "≤ 1 s", value <= 1.0, _spread(times))
        if not result.met:
            result.profile = _pyinstrument(f"check-{size}", command)
    finally:
        path.unlink(missing_ok=True)
    return result


def test_suite_time() -> Measurement:
    started = time.perf_counter()
    # Exactly as `make test` runs it: on every core.
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "auto"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    value = time.perf_counter() - started
    summary = completed.stdout.strip().splitlines()[-1] if completed.stdout.strip() else f"exit {completed.returncode}"
    return Measurement("test suite (pytest)", value, "s", "≤ 60 s", value <= 60.0, summary)


# --- helpers ------------------------------------------------------------------------------------


def _wall(args: Sequence[str], ok: Sequence[int] = (0, 1)) -> float:
    started = time.perf_counter()
    completed = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if completed.returncode not in ok:
        raise SystemExit(f"bench: python {' '.join(args)} exited {completed.returncode}:\n{completed.stderr[-2000:]}")
    return elapsed


def _spread(times: Sequence[float]) -> str:
    return f"median of {len(times)} runs ({', '.join(f'{t:.2f}' for t in times)} s)"


def _pyinstrument(name: str, args: Sequence[str]) -> str:
    """A pyinstrument profile of one run of ``python <args>``; the profile's path."""
    output = RESULTS / f"profile-{name}.txt"
    if args[0] != "-m":
        raise ValueError("profiles are taken of `python -m <module>` commands")
    subprocess.run(
        [sys.executable, "-m", "pyinstrument", "-r", "text", "-o", str(output), "-m", *args[1:]],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    return str(output.relative_to(ROOT))


def _profile_pack(size: int) -> str:
    """A py-spy profile of the pack's process while it analyzes a synthetic stack of ``size``:
    the functions holding most samples, inclusive, per gRPC method. The profile's path."""
    raw = RESULTS / f"profile-analyzer-{size}.raw.tmp"
    output = RESULTS / f"profile-analyzer-{size}.txt"
    with synthetic_pack(size) as (pack, resources):
        spy = subprocess.Popen(
            [str(Path(sys.executable).parent / "py-spy"), "record", "--pid", str(pack.pid), "--format", "raw",
             "--rate", "100", "--output", str(raw), "--nonblocking"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            time.sleep(1.0)
            pack.analyze_all(resources)
        finally:
            spy.send_signal(signal.SIGINT)
            spy.wait(timeout=60)
    if not raw.exists():
        return ""
    sections = [_hot_frames(raw, method) for method in ("Analyze ", "AnalyzeStack ")]
    output.write_text(f"py-spy, pack process, {len(resources)} resources\n\n" + "\n\n".join(sections) + "\n")
    raw.unlink()
    return str(output.relative_to(ROOT))


def _hot_frames(raw: Path, method: str, top: int = 30) -> str:
    """Inclusive sample shares of the frames under one servicer method, from py-spy's raw output."""
    inclusive: Counter[str] = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if f"_PolicyAnalyzerServicer.{method.strip()} " not in stack:
            continue
        total += int(count)
        for frame in set(stack.split(";")):
            inclusive[frame] += int(count)
    rows = [f"{count / total:6.1%}  {frame}" for frame, count in inclusive.most_common(top)] if total else []
    return "\n".join([f"{method.strip()}: {total} samples", *rows])


def markdown(machine: dict[str, Any], measurements: Sequence[Measurement]) -> str:
    lines = [
        "# paved benchmarks",
        "",
        f"{machine['when']} · {machine['cpus']} CPUs · Python {machine['python']} · "
        f"load average {machine['load_average_before']:.2f} before the run",
        "",
        "| measurement | value | target | met | detail |",
        "|---|--:|---|---|---|",
    ]
    for m in measurements:
        value = f"{m.value:,.0f} {m.unit}" if m.unit == "resources/s" else f"{m.value:.2f} {m.unit}"
        met = ("yes" if m.met else "**no**") if m.target else ""
        detail = m.detail + (f" — profile: `{m.profile}`" if m.profile else "")
        lines.append(f"| {m.name} | {value} | {m.target} | {met} | {detail} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
