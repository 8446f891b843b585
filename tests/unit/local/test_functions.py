"""Loading handlers by file path, each function's environment, the fake Lambda context."""

import os
import textwrap
import time

import pytest

from local.stack.functions import (
    FakeLambdaContext,
    FunctionTimeout,
    LocalFunction,
    load_functions,
    process_variables,
)
from local.stack.template import LocalNames, function_environment, load_template

NAMES = LocalNames(stack_name="unit", parameters={"ContaboApiUrl": "http://127.0.0.1:9999"})


def _function(tmp_path, source, logical_id="F", timeout=3.0, own=None):
    folder = tmp_path / logical_id
    folder.mkdir()
    (folder / "app.py").write_text(textwrap.dedent(source))
    return LocalFunction(
        logical_id=logical_id,
        function_name=f"unit-{logical_id}",
        code_dir=folder,
        handler="app.lambda_handler",
        timeout_seconds=timeout,
        memory_mb=256,
        region="eu-central-1",
        environment=own or {},
        layer_dirs=[],
        own_variables=own or {},
    )


def test_every_function_gets_the_template_environment_with_local_parameters():
    template = load_template()
    functions = load_functions(template, NAMES)
    assert "HealthFunction" in functions and "ScheduleHeartbeatFunction" in functions
    for logical_id, function in functions.items():
        assert function.environment == function_environment(template, logical_id, NAMES)
        assert function.environment["CONTABO_API_URL"] == "http://127.0.0.1:9999"
        assert function.environment["SERVICES_TABLE"] == "unit-ServicesTable"
        assert function.environment["STAGE"] == "unit"
        assert function.function_name == f"unit-{logical_id}"
        assert (function.code_dir / "app.py").exists()
        assert function.layer_dirs and (function.layer_dirs[0] / "contabo_reseller").is_dir()


def test_timeout_and_memory_come_from_the_function_or_globals():
    template = load_template()
    functions = load_functions(template, NAMES)
    globals_ = template["Globals"]["Function"]
    for logical_id, function in functions.items():
        own = template["Resources"][logical_id]["Properties"]
        assert function.timeout_seconds == own.get("Timeout", globals_["Timeout"])
        # Globals' memory is the FunctionMemorySize parameter: its default when not overridden.
        default_memory = int(template["Parameters"]["FunctionMemorySize"]["Default"])
        assert globals_["MemorySize"] == {"Ref": "FunctionMemorySize"}
        assert function.memory_mb == own.get("MemorySize", default_memory)


def test_variables_one_function_sets_differently_are_applied_per_invocation():
    first = LocalFunction("A", "a", None, "app.h", 3, 128, "r", {"X": "1", "ONLY_A": "a"}, [])
    second = LocalFunction("B", "b", None, "app.h", 3, 128, "r", {"X": "2"}, [])
    assert process_variables([first, second]) == {"ONLY_A": "a"}


def test_handlers_with_the_same_file_name_load_apart_and_see_their_own_variables(tmp_path):
    source = """
        import os
        NAME = __name__
        def lambda_handler(event, context):
            return {"module": NAME, "var": os.environ.get("LOCAL_TEST_VAR"), "event": event}
    """
    one = _function(tmp_path, source, "One", own={"LOCAL_TEST_VAR": "one"})
    two = _function(tmp_path, source, "Two", own={"LOCAL_TEST_VAR": "two"})
    first, second = one.invoke({"n": 1}), two.invoke({"n": 2})
    assert first["module"] != second["module"]
    assert (first["var"], second["var"]) == ("one", "two")
    assert first["event"] == {"n": 1}
    assert "LOCAL_TEST_VAR" not in os.environ


def test_context_carries_the_function_facts_and_counts_down(tmp_path):
    function = _function(
        tmp_path,
        """
        import time
        def lambda_handler(event, context):
            before = context.get_remaining_time_in_millis()
            time.sleep(0.05)
            return [context.function_name, context.memory_limit_in_mb,
                    context.invoked_function_arn, context.aws_request_id,
                    before, context.get_remaining_time_in_millis()]
        """,
        timeout=2.0,
    )
    name, memory, arn, request_id, before, after = function.invoke({})
    assert name == "unit-F" and memory == 256
    assert arn == "arn:aws:lambda:eu-central-1:123456789012:function:unit-F"
    assert len(request_id) == 36
    assert 1900 <= before <= 2000 and after <= before - 40


def test_a_handler_past_its_timeout_raises_function_timeout(tmp_path):
    function = _function(
        tmp_path,
        """
        import time
        def lambda_handler(event, context):
            time.sleep(1)
        """,
        timeout=0.1,
    )
    started = time.monotonic()
    with pytest.raises(FunctionTimeout):
        function.invoke({})
    assert time.monotonic() - started < 0.5


def test_handler_errors_reach_the_caller(tmp_path):
    function = _function(
        tmp_path,
        """
        def lambda_handler(event, context):
            raise RuntimeError("broken handler")
        """,
    )
    with pytest.raises(RuntimeError, match="broken handler"):
        function.invoke({})


def test_fake_context_never_goes_negative():
    context = FakeLambdaContext("f", 128, 0.0, "eu-central-1")
    assert context.get_remaining_time_in_millis() == 0
    assert context.log_group_name == "/aws/lambda/f"
