"""Loads every function of template.yaml in this process and invokes it the way Lambda would.

Each function is loaded from its CodeUri by file path under a unique module name (every
handler file is ``app.py``), with its layers' source folders on ``sys.path`` as ``/opt/python``.
One invocation at a time per function, like one warm container. Variables no two functions
disagree on are put in ``os.environ`` once; a variable functions set differently is applied for
the length of an invocation, during which no other function runs (the process has one environ).
"""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from local.stack import iam
from local.stack.template import (
    REPO_ROOT,
    LocalNames,
    function_environment,
    function_properties,
    layer_content_dirs,
    resolve,
    resources_of_type,
)

ACCOUNT_ID = "123456789012"


class FunctionTimeout(Exception):
    """The handler ran past its limit; like Lambda, we stop waiting (the thread runs on)."""

    def __init__(self, function_id: str, seconds: float) -> None:
        super().__init__(f"{function_id} timed out after {seconds:.2f} seconds")
        self.seconds = seconds


@dataclass
class FakeLambdaContext:
    """What Powertools and handlers read from Lambda's context object."""

    function_name: str
    memory_limit_in_mb: int
    timeout_seconds: float
    region: str
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    function_version: str = "$LATEST"
    _started: float = field(default_factory=time.monotonic)

    @property
    def invoked_function_arn(self) -> str:
        return f"arn:aws:lambda:{self.region}:{ACCOUNT_ID}:function:{self.function_name}"

    @property
    def log_group_name(self) -> str:
        return f"/aws/lambda/{self.function_name}"

    @property
    def log_stream_name(self) -> str:
        return f"local/[$LATEST]{self.aws_request_id.replace('-', '')}"

    def get_remaining_time_in_millis(self) -> int:
        elapsed = time.monotonic() - self._started
        return max(0, int((self.timeout_seconds - elapsed) * 1000))


@dataclass
class LocalFunction:
    logical_id: str
    function_name: str
    code_dir: Path
    handler: str
    timeout_seconds: float
    memory_mb: int
    region: str
    environment: dict[str, str]
    layer_dirs: list[Path]
    own_variables: dict[str, str] = field(default_factory=dict)
    _entry: Callable[[Any, Any], Any] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def load(self) -> Callable[[Any, Any], Any]:
        """Imports the handler module (the cold start); later calls reuse it."""
        if self._entry is None:
            module_path, _, attribute = self.handler.rpartition(".")
            for folder in [*self.layer_dirs, self.code_dir]:
                if str(folder) not in sys.path:
                    sys.path.append(str(folder))
            file = self.code_dir / (module_path.replace(".", "/") + ".py")
            name = f"_local_function_{self.logical_id}_{module_path.replace('.', '_')}"
            spec = importlib.util.spec_from_file_location(name, file)
            if spec is None or spec.loader is None:
                raise ImportError(f"{self.logical_id}: cannot load {file}")
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
            self._entry = getattr(module, attribute)
        return self._entry

    def invoke(self, event: Any, limit_seconds: float | None = None) -> Any:
        """Runs the handler with a fresh context; raises FunctionTimeout past the limit.

        The limit is the function's Timeout, or ``limit_seconds`` when that is shorter
        (API Gateway's 29 s integration timeout).
        """
        limit = min(self.timeout_seconds, limit_seconds or self.timeout_seconds)
        outcome: dict[str, Any] = {}
        done = threading.Event()

        def run() -> None:
            try:
                with (
                    self._lock,
                    _ENVIRONMENT.applied(self.own_variables),
                    iam.acting_as(self.logical_id),
                ):
                    context = FakeLambdaContext(
                        self.function_name, self.memory_mb, self.timeout_seconds, self.region
                    )
                    outcome["result"] = self.load()(event, context)
            except BaseException as error:  # handed back to the caller below
                outcome["error"] = error
            finally:
                done.set()

        threading.Thread(target=run, name=f"invoke-{self.logical_id}", daemon=True).start()
        if not done.wait(limit):
            raise FunctionTimeout(self.logical_id, limit)
        if "error" in outcome:
            raise outcome["error"]
        return outcome["result"]


def load_functions(template: dict[str, Any], names: LocalNames) -> dict[str, LocalFunction]:
    """Every AWS::Serverless::Function in the template, ready to load and invoke."""
    functions = {}
    for logical_id in resources_of_type(template, "AWS::Serverless::Function"):
        properties = function_properties(template, logical_id)
        functions[logical_id] = LocalFunction(
            logical_id=logical_id,
            function_name=names.physical(logical_id),
            code_dir=REPO_ROOT / properties["CodeUri"],
            handler=properties["Handler"],
            timeout_seconds=float(properties.get("Timeout", 3)),
            memory_mb=int(resolve(properties.get("MemorySize", 128), template, names)),
            region=names.region,
            environment=function_environment(template, logical_id, names),
            layer_dirs=layer_content_dirs(template, logical_id),
        )
    common = process_variables(functions.values())
    for function in functions.values():
        function.own_variables = {
            key: value for key, value in function.environment.items() if key not in common
        }
    return functions


def process_variables(functions: Any) -> dict[str, str]:
    """Variables no two functions disagree on: put in os.environ once for the whole process.

    A variable only one function sets goes in too, so settings the shared package caches at
    first use see it whichever function runs first; the others merely see one variable more.
    """
    values: dict[str, set[str]] = {}
    for function in functions:
        for key, value in function.environment.items():
            values.setdefault(key, set()).add(value)
    return {key: next(iter(found)) for key, found in values.items() if len(found) == 1}


class _EnvironmentGate:
    """Invocations share os.environ; one that needs variables of its own runs alone."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._running = 0
        self._exclusive = False

    @contextmanager
    def applied(self, variables: dict[str, str]) -> Iterator[None]:
        exclusive = bool(variables)
        with self._condition:
            self._condition.wait_for(
                lambda: not self._exclusive and (not exclusive or self._running == 0)
            )
            self._running += 1
            self._exclusive = exclusive
        saved = {key: os.environ.get(key) for key in variables}
        os.environ.update(variables)
        try:
            yield
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
            with self._condition:
                self._running -= 1
                self._exclusive = False
                self._condition.notify_all()


_ENVIRONMENT = _EnvironmentGate()


def forget_cached_clients() -> None:
    """Drops SDK clients and settings cached in this process, e.g. by an earlier local stack.

    pynamodb, Powertools parameters and boto3 keep clients bound to the endpoint they first
    saw, and the shared package caches its settings; a new stack may have new ports.
    """
    import boto3
    from pynamodb.models import Model

    boto3.DEFAULT_SESSION = None
    models = list(Model.__subclasses__())
    while models:
        model = models.pop()
        model._connection = None
        models.extend(model.__subclasses__())
    if "aws_lambda_powertools.utilities.parameters" in sys.modules:
        from aws_lambda_powertools.utilities import parameters

        parameters.clear_caches()
    # Every module-level cache of the shared package (settings, the Contabo client and its
    # token cache, the idempotency store...) may hold the previous stack's endpoints.
    for name, module in list(sys.modules.items()):
        if name == "contabo_reseller" or name.startswith("contabo_reseller."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and hasattr(value, "cache_info"):
                    value.cache_clear()
