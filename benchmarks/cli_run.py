"""Run ``slant analyze`` in a fresh process and measure its time and peak memory.

Shared by the worker and memory benchmarks. The CLI runs inside a small
wrapper interpreter that, when the command is done, reports its own peak
resident set size and that of its largest child (a pool worker), read from
``getrusage`` (Linux reports kilobytes).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRAPPER = """
import json, resource, sys
from analysis.cli import main
code = main(sys.argv[1:])
usage = resource.getrusage
own, kids = usage(resource.RUSAGE_SELF), usage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code,
                  "cpu": own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime,
                  "parent_kb": usage(resource.RUSAGE_SELF).ru_maxrss,
                  "child_kb": usage(resource.RUSAGE_CHILDREN).ru_maxrss}), file=sys.stderr)
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    code: int
    cpu_seconds: float
    parent_mb: float
    child_mb: float


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} CPUs ({model}), Python {sys.version.split()[0]}, load average {load}"


def run_cli(args: list[str]) -> Run:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", WRAPPER, "analyze", *args], cwd=ROOT, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    try:
        figures = json.loads(done.stderr.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        message = f"slant analyze failed ({done.returncode}): {done.stderr[-800:]}"
        raise SystemExit(message) from None
    return Run(seconds, figures["code"], figures["cpu"],
               figures["parent_kb"] / 1024, figures["child_kb"] / 1024)
