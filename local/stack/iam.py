"""Each function's IAM grants, enforced on the local stack as AWS would enforce them.

template.yaml gives every function only what its row in ``Metadata.FunctionAccess`` allows
(scripts/generate_iam_policies.py writes the Policies). Here every AWS call a handler makes
on the local stack is checked against the Policies of the function making it: a call its
grants do not cover fails with AccessDeniedException, as it would in AWS, so every
integration test doubles as a least-privilege test. A call to a service whose botocore models
the built layer does not keep (contabo_reseller/adapters/aws_services.py) fails with
UnknownServiceError, as its client would in Lambda. ``LOCAL_IAM=record`` records the calls
instead (``recorded_calls()``), ``LOCAL_IAM=off`` checks nothing.

Calls made outside a function (tests seeding tables, the stack itself) are not checked.
"""

from __future__ import annotations

import contextvars
import fnmatch
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from botocore.client import BaseClient
from botocore.exceptions import ClientError, UnknownServiceError

from local.stack.template import LocalNames, resources_of_type

# The AWS services the stack's functions use; other clients (boto3's S3 client pointed at
# Contabo's object storage) are not AWS calls and are not checked.
CHECKED_SERVICES = {"dynamodb", "secretsmanager", "lambda", "sqs", "sns", "kms"}
# A context variable, not a thread-local: a function's parallel round trips
# (invocation.concurrently runs each in a copy of the invocation's context) stay its own.
_current: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "local_iam_function", default=None
)
_lock = threading.Lock()
_recorded: set[tuple[str, str, str]] = set()
_installed: dict[str, Any] = {}


@dataclass(frozen=True)
class Statement:
    effect: str
    actions: tuple[str, ...]
    resources: tuple[str, ...]  # physical ARN patterns

    def matches(self, action: str, resource: str) -> bool:
        return any(fnmatch.fnmatchcase(action, a) for a in self.actions) and any(
            fnmatch.fnmatchcase(resource, r) for r in self.resources
        )


@contextmanager
def acting_as(function_id: str) -> Iterator[None]:
    """AWS calls made in this context (this thread, and the parallel calls it starts through
    invocation.concurrently) are the function's own until the block ends."""
    token = _current.set(function_id)
    try:
        yield
    finally:
        _current.reset(token)


def recorded_calls() -> set[tuple[str, str, str]]:
    """(function, action, resource ARN) of every call seen in record mode."""
    with _lock:
        return set(_recorded)


def install(template: dict[str, Any], names: LocalNames) -> None:
    """Checks (or records) every AWS call a function makes from now on; idempotent."""
    mode = os.environ.get("LOCAL_IAM", "enforce")
    grants = function_grants(template, names)
    _installed.update(mode=mode, grants=grants, names=names)
    if "original" in _installed or mode == "off":
        return
    original = BaseClient._make_api_call
    _installed["original"] = original

    def checked(client: BaseClient, operation_name: str, api_params: dict[str, Any]) -> Any:
        function = _current.get()
        if function is not None and _installed["mode"] != "off":
            _check_layer_has_models(function, client.meta.service_model.service_name)
            for action, resource in _authorizations(client, operation_name, api_params):
                _check(function, action, resource, operation_name)
        return original(client, operation_name, api_params)

    BaseClient._make_api_call = checked  # type: ignore[method-assign]


def _check_layer_has_models(function: str, service: str) -> None:
    """The deployed layer carries botocore's models only for LAYER_AWS_SERVICES (make build);
    a client for any other service fails there before its first call, so it fails here too."""
    # Imported here: `python -m local.stack` imports this module before the functions' layer
    # folders are on sys.path (they are by the time a function makes a call).
    from contabo_reseller.adapters.aws_services import LAYER_AWS_SERVICES

    if service not in LAYER_AWS_SERVICES:
        raise UnknownServiceError(
            service_name=service,
            known_service_names=(
                f"{', '.join(sorted(LAYER_AWS_SERVICES))} (the services {function} may use: "
                "add it to contabo_reseller/adapters/aws_services.py so the layer keeps its models)"
            ),
        )


def _check(function: str, action: str, resource: str, operation_name: str) -> None:
    if _installed["mode"] == "record":
        with _lock:
            _recorded.add((function, action, resource))
    elif not allowed(_installed["grants"].get(function, []), action, resource):
        raise ClientError(
            {
                "Error": {
                    "Code": "AccessDeniedException",
                    "Message": (
                        f"local IAM: {function} may not {action} on {resource}; its grants "
                        "come from template.yaml Metadata.FunctionAccess (edit its row, then "
                        "run `make iam`)"
                    ),
                }
            },
            operation_name,
        )


# IAM authorizes a transaction item by item, as the single-item action on each item's table.
_TRANSACT_ITEM_ACTIONS = {
    "Put": "PutItem",
    "Update": "UpdateItem",
    "Delete": "DeleteItem",
    "ConditionCheck": "ConditionCheckItem",
    "Get": "GetItem",
}
# Where an IAM action is not named as the API operation.
_IAM_ACTION_NAMES = {("lambda", "Invoke"): "InvokeFunction"}


def _authorizations(
    client: BaseClient, operation_name: str, params: dict[str, Any]
) -> list[tuple[str, str]]:
    service = client.meta.service_model.signing_name
    if service not in CHECKED_SERVICES:
        return []  # e.g. S3 here is Contabo's object storage, reached with its own keys
    names = _installed["names"]
    if operation_name in ("TransactWriteItems", "TransactGetItems"):
        checks = []
        for item in params.get("TransactItems", []):
            ((kind, body),) = item.items()
            table = {"TableName": body["TableName"]}
            checks.append(
                (f"dynamodb:{_TRANSACT_ITEM_ACTIONS[kind]}", _resource_arn(service, table, names))
            )
        return checks
    if operation_name in ("BatchWriteItem", "BatchGetItem"):
        return [
            (f"dynamodb:{operation_name}", _resource_arn(service, {"TableName": t}, names))
            for t in params.get("RequestItems", {})
        ]
    action = _IAM_ACTION_NAMES.get((service, operation_name), operation_name)
    return [(f"{service}:{action}", _resource_arn(service, params, names))]


def allowed(statements: list[Statement], action: str, resource: str) -> bool:
    if any(s.effect == "Deny" and s.matches(action, resource) for s in statements):
        return False
    return any(s.effect == "Allow" and s.matches(action, resource) for s in statements)


def function_grants(template: dict[str, Any], names: LocalNames) -> dict[str, list[Statement]]:
    """Each function's statements from its Policies (conditions are taken as false locally)."""
    resources = template["Resources"]
    grants = {}
    for function_id, function in resources_of_type(template, "AWS::Serverless::Function").items():
        statements: list[Statement] = []
        for policy in function["Properties"].get("Policies") or []:
            statements += _policy_statements(policy, resources, names)
        grants[function_id] = statements
    return grants


def _policy_statements(
    policy: Any, resources: dict[str, Any], names: LocalNames
) -> list[Statement]:
    if isinstance(policy, dict) and "Fn::If" in policy:
        return []  # optional extras (a KMS key): off in the local stack
    if isinstance(policy, dict) and "Ref" in policy:
        managed = resources.get(policy["Ref"])
        if managed is None or "Condition" in managed:
            return []  # a policy the template lacks grants nothing (the calls say so)
        return _document_statements(managed["Properties"]["PolicyDocument"], names)
    if isinstance(policy, dict) and "LambdaInvokePolicy" in policy:
        target = policy["LambdaInvokePolicy"]["FunctionName"]["Ref"]
        return [Statement("Allow", ("lambda:InvokeFunction",), (_arn("lambda", target, names),))]
    if isinstance(policy, dict) and "Statement" in policy:
        return _document_statements(policy, names)
    return []  # anything else (a SAM policy template) is not in the table: nothing granted


def _document_statements(document: dict[str, Any], names: LocalNames) -> list[Statement]:
    statements = []
    for statement in document["Statement"]:
        if "Fn::If" in statement:
            continue
        actions = statement["Action"]
        targets = statement["Resource"]
        statements.append(
            Statement(
                statement["Effect"],
                tuple(actions if isinstance(actions, list) else [actions]),
                tuple(
                    _resource_pattern(target, names)
                    for target in (targets if isinstance(targets, list) else [targets])
                ),
            )
        )
    return statements


def _resource_pattern(target: Any, names: LocalNames) -> str:
    """!GetAtt T.Arn, !Sub "${T.Arn}/index/*", !Ref Secret, !GetAtt F.Arn as local ARNs."""
    if isinstance(target, dict) and "Fn::GetAtt" in target:
        logical_id = target["Fn::GetAtt"][0]
        return _logical_arn(logical_id, names)
    if isinstance(target, dict) and "Fn::Sub" in target:
        text = target["Fn::Sub"]
        logical_id, _, rest = text.removeprefix("${").partition(".Arn}")
        return _logical_arn(logical_id, names) + rest
    if isinstance(target, dict) and "Ref" in target:
        return _logical_arn(target["Ref"], names)
    if target == "*":
        return "*"
    raise ValueError(f"the local stack does not resolve the resource {target!r}")


def _logical_arn(logical_id: str, names: LocalNames) -> str:
    # Resource kinds are told apart by their logical ids' suffixes, as the template names them.
    if logical_id.endswith("Table"):
        return _arn("dynamodb", logical_id, names)
    if logical_id.endswith("Secret"):
        return _arn("secretsmanager", logical_id, names)
    if logical_id.endswith("Function"):
        return _arn("lambda", logical_id, names)
    return f"local:{logical_id}"


def _arn(service: str, logical_id: str, names: LocalNames) -> str:
    return f"local:{service}:{names.physical(logical_id)}"


def _resource_arn(service: str, params: dict[str, Any], names: LocalNames) -> str:
    name = params.get("TableName") or params.get("SecretId") or params.get("FunctionName")
    if name is None:
        return "*"
    name = str(name).rsplit(":", 1)[-1] if str(name).startswith("arn:") else str(name)
    suffix = f"/index/{params['IndexName']}" if params.get("IndexName") else ""
    return f"local:{service}:{name}{suffix}"
