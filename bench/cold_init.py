"""Cold init of every function: its handler's import time in a fresh process, beside boto3's.

What Lambda runs: the built output of `make build` (.aws-sam/build, hash-checked .pyc), each
handler imported in a new ``python -I -S`` whose path is only the function's folder and the
built layer, with the function's environment and LAMBDA_TASK_ROOT set (so Powertools' Tracer
is on and patches libraries for X-Ray, as in Lambda). ``import boto3`` alone is measured the
same way in the same rounds. The figure is the median over the rounds; the target is a handler
at most 1.2x boto3. The report also says which functions import httpx at init (none should:
only Contabo and WHMCS calls need it, and they import it on first use), and where the time of
one handler goes beyond boto3's own imports, by top-level package (``-X importtime``, self
time).

The layer is built for arm64: on another machine its native extensions are installed for the
host once, same pinned versions, into .aws-sam/host-native (as tests/integration/
test_build_output.py does); everything else comes from the build.

    make bench                                   # builds first, then every bench/*.py
    PYTHONPATH=layers/common:. python bench/cold_init.py --rounds 7

Prints figures only; no timing is asserted anywhere. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from _support import machine  # noqa: E402

from local.stack.template import (  # noqa: E402
    LocalNames,
    function_environment,
    function_properties,
    load_template,
    resources_of_type,
)

BUILD_DIR = REPO_ROOT / ".aws-sam" / "build"
OVERLAY_ROOT = REPO_ROOT / ".aws-sam" / "host-native"
SOURCES = [REPO_ROOT / "template.yaml", REPO_ROOT / "functions", REPO_ROOT / "layers"]
TARGET_RATIO = 1.2
BASELINE = "import boto3"
BREAKDOWN_FUNCTION = "CreateServiceFunction"

# Runs in the fresh interpreter: argv = [paths as JSON, module to import].
_CHILD = """
import importlib, json, sys, time
sys.path[:0] = json.loads(sys.argv[1])
started, started_cpu = time.perf_counter(), time.process_time()
importlib.import_module(sys.argv[2])
elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
print(json.dumps({"ms": elapsed * 1000, "cpu_ms": elapsed_cpu * 1000,
                  "httpx": "httpx" in sys.modules, "modules": len(sys.modules)}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="fresh imports per function")
    args = parser.parse_args(argv)

    build = _fresh_build()
    template = load_template(build / "template.yaml")
    layers = _layer_dirs(build, template)
    overlay = _host_native_overlay(layers)
    subjects = _subjects(build, template, layers, overlay)

    samples: dict[str, list[float]] = {name: [] for name in subjects}
    httpx_at_init: dict[str, bool] = {}
    for _ in range(args.rounds):
        for name, (path, module, env) in subjects.items():  # boto3 first, then each handler
            result = _import_once(path, module, env)
            samples[name].append(result["ms"])
            httpx_at_init[name] = httpx_at_init.get(name, False) or result["httpx"]
    baseline = _breakdown(*subjects[BASELINE])
    breakdown = _breakdown(*subjects[BREAKDOWN_FUNCTION])
    beyond = {name: ms - baseline.get(name, 0.0) for name, ms in breakdown.items()}
    _report(samples, httpx_at_init, beyond, args.rounds)
    return 0


def _fresh_build() -> Path:
    """`make build` when the build is missing or older than the sources."""
    built = BUILD_DIR / "template.yaml"
    newest = max(
        path.stat().st_mtime
        for source in SOURCES
        for path in ([source] if source.is_file() else source.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    )
    if not built.exists() or built.stat().st_mtime < newest:
        print("build missing or stale: make build", file=sys.stderr)
        make = shutil.which("make") or "make"
        subprocess.run([make, "build"], cwd=REPO_ROOT, check=True)  # noqa: S603
    return BUILD_DIR


def _layer_dirs(build: Path, template: dict[str, Any]) -> list[Path]:
    layers = resources_of_type(template, "AWS::Serverless::LayerVersion")
    return [build / layer["Properties"]["ContentUri"] / "python" for layer in layers.values()]


def _host_native_overlay(layers: list[Path]) -> Path | None:
    """The layer's native distributions for this machine, installed once per pinned set."""
    if platform.machine() in ("aarch64", "arm64"):
        return None
    native = sorted(
        "{}=={}".format(*record.parent.name.removesuffix(".dist-info").rsplit("-", 1))
        for layer in layers
        for record in layer.glob("*.dist-info/RECORD")
        if ".so," in record.read_text()
    )
    if not native:
        return None
    overlay = OVERLAY_ROOT / hashlib.sha256(" ".join(native).encode()).hexdigest()[:12]
    if not (overlay / ".complete").exists():
        shutil.rmtree(overlay, ignore_errors=True)
        subprocess.run(  # noqa: S603 - our interpreter, pinned names read from the build
            [
                *(sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"),
                *("--only-binary=:all:", "--target", str(overlay), *native),
            ],
            check=True,
        )
        (overlay / ".complete").touch()
    return overlay


Subject = tuple[list[str], str, dict[str, str]]


def _subjects(
    build: Path, template: dict[str, Any], layers: list[Path], overlay: Path | None
) -> dict[str, Subject]:
    """What each fresh process imports, with which path and environment (boto3 first)."""
    names = LocalNames(stack_name="bench")
    shared = [*([str(overlay)] if overlay else []), *map(str, layers)]
    base_env = {
        "PATH": os.environ.get("PATH", ""),
        "AWS_DEFAULT_REGION": names.region,
        "AWS_REGION": names.region,
        "AWS_EXECUTION_ENV": "AWS_Lambda_python3.12",
    }
    subjects: dict[str, Subject] = {BASELINE: (shared, "boto3", base_env)}
    for function_id in sorted(resources_of_type(template, "AWS::Serverless::Function")):
        properties = function_properties(template, function_id)
        code = build / properties["CodeUri"]
        env = {
            **base_env,
            **function_environment(template, function_id, names),
            "LAMBDA_TASK_ROOT": str(code),
            "AWS_LAMBDA_FUNCTION_NAME": f"bench-{function_id}",
        }
        module = properties["Handler"].rpartition(".")[0]
        subjects[function_id] = ([str(code), *shared], module, env)
    return subjects


def _import_once(path: list[str], module: str, env: dict[str, str]) -> dict[str, Any]:
    result = subprocess.run(  # noqa: S603 - our interpreter and the build's own paths
        [sys.executable, "-I", "-S", "-c", _CHILD, json.dumps(path), module],
        cwd=path[0] if module != "boto3" else REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise SystemExit(f"importing {module} from {path[0]} failed:\n{result.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def _breakdown(path: list[str], module: str, env: dict[str, str]) -> dict[str, float]:
    """Self time per top-level package (ms), median of three imports (``-X importtime``)."""
    runs = [_importtime(path, module, env) for _ in range(3)]
    return {name: statistics.median(run.get(name, 0.0) for run in runs) for name in runs[0]}


def _importtime(path: list[str], module: str, env: dict[str, str]) -> dict[str, float]:
    result = subprocess.run(  # noqa: S603 - our interpreter and the build's own paths
        [sys.executable, "-X", "importtime", "-I", "-S", "-c", _CHILD, json.dumps(path), module],
        cwd=path[0],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    per_package: dict[str, float] = defaultdict(float)
    for line in result.stderr.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if len(fields) != 3 or not fields[0].strip().isdigit():
            continue
        per_package[fields[2].strip().split(".")[0]] += int(fields[0]) / 1000
    return per_package


def _report(
    samples: dict[str, list[float]],
    httpx_at_init: dict[str, bool],
    breakdown: dict[str, float],
    rounds: int,
) -> None:
    baseline = statistics.median(samples[BASELINE])
    print(f"Cold init: handler import in a fresh process, median of {rounds} rounds")
    print(machine())
    print(f"{BASELINE} alone: median {baseline:.0f} ms, min {min(samples[BASELINE]):.0f} ms")
    print("the min columns are the least disturbed run (a shared machine adds noise)")
    header = f"{'function':<34}{'median ms':>10}{'x boto3':>9}  target"
    header += f"{'min ms':>8}{'x boto3':>9}  httpx"
    print(header)
    print("-" * len(header))
    over = 0
    for name, values in samples.items():
        if name == BASELINE:
            continue
        ratio = statistics.median(values) / baseline
        over += ratio > TARGET_RATIO
        verdict = "ok" if ratio <= TARGET_RATIO else "over"
        print(
            f"{name:<34}{statistics.median(values):>10.0f}{ratio:>9.2f}  {verdict:<6}"
            f"{min(values):>8.0f}{min(values) / min(samples[BASELINE]):>9.2f}"
            f"  {'yes' if httpx_at_init[name] else 'no'}"
        )
    handlers = len(samples) - 1
    importing = sorted(n for n, yes in httpx_at_init.items() if yes and n != BASELINE)
    print(f"over the {TARGET_RATIO}x target: {over} of {handlers}")
    print(f"import httpx at init: {', '.join(importing) if importing else 'none'}")
    total = sum(breakdown.values())
    print(
        f"what {BREAKDOWN_FUNCTION} imports beyond boto3, by top-level package "
        f"(self time, median of 3 runs each; {total:.0f} ms in all):"
    )
    for package, ms in sorted(breakdown.items(), key=lambda item: -item[1])[:12]:
        print(f"  {package:<28}{ms:>7.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
