"""Writes each function's IAM Policies in template.yaml from one table (make iam).

The table is template.yaml's ``Metadata.FunctionAccess``: one row per function saying which
tables it may touch and how, which secrets it may read, which functions it may invoke. Every
function's ``Policies:`` block is generated from its row; edit the row, never the block.
tests/unit/test_iam_policies.py fails when a function has no row or its Policies differ, and
the local stack enforces the same grants on every AWS call a handler makes.

Row shape (every key optional)::

    MyFunction:
      tables: {ServicesTable: [read, write], AuditTable: [append]}
      secrets: {WhmcsSigningKeysSecret: read}
      invokes: [ProvisioningWorkerFunction]
      statements: [{Effect: Allow, Action: [...], Resource: ...}]  # anything else, verbatim

Every function also gets the audit table's explicit deny (append-only for everyone) and, when
the stack has a customer-managed KMS key, use of that key.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
TEMPLATE_PATH = REPO_ROOT / "template.yaml"
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from local.stack.template import load_template, resources_of_type  # noqa: E402

AUDIT_TABLE = "AuditTable"
KMS_CONDITION = "HasKmsKey"
KMS_PARAMETER = "KmsKeyArn"
MARKER = "# written by `make iam` from Metadata.FunctionAccess: edit the row, not this"
# checkov findings every function shares, reviewed once (make security); written with the
# Policies so a new function gets them too.
FUNCTION_CHECKOV_SKIPS = {
    "CKV_AWS_117": "no VPC: only AWS APIs and the public Contabo API are called",
    "CKV_AWS_115": "reserved only for lifecycle routes (LifecycleReservedConcurrency)",
}

# What each access level of a row allows on a table (and its indexes where reads apply).
TABLE_ACTIONS: dict[str, tuple[str, ...]] = {
    "describe": ("dynamodb:DescribeTable",),
    "read": (
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
        "dynamodb:ConditionCheckItem",
    ),
    "scan": ("dynamodb:Scan",),
    "append": ("dynamodb:PutItem",),
    "write": (
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:DeleteItem",
        "dynamodb:BatchWriteItem",
        "dynamodb:ConditionCheckItem",
    ),
}
SECRET_ACTIONS: dict[str, tuple[str, ...]] = {
    "read": ("secretsmanager:GetSecretValue",),
    "describe": ("secretsmanager:DescribeSecret",),
}
AUDIT_DENIED = (
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:BatchWriteItem",
    "dynamodb:PartiQLUpdate",
    "dynamodb:PartiQLDelete",
)
KMS_ACTIONS = ("kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey")


class AccessTableError(ValueError):
    """The table and the template disagree; the message says what to change."""


def access_table(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return dict((template.get("Metadata") or {}).get("FunctionAccess") or {})


def missing_rows(template: dict[str, Any]) -> list[str]:
    table = access_table(template)
    return sorted(
        f for f in resources_of_type(template, "AWS::Serverless::Function") if f not in table
    )


def missing_row_message(function_ids: list[str]) -> str:
    rows = "\n".join(
        f"    {f}:\n      tables: {{ServicesTable: [read], TokensTable: [write], "
        f"AuditTable: [append]}}\n      secrets: {{WhmcsSigningKeysSecret: read}}"
        for f in function_ids
    )
    return (
        f"{', '.join(function_ids)} ha{'s' if len(function_ids) == 1 else 've'} no row in "
        "template.yaml's Metadata.FunctionAccess, so no IAM grants. Add one row each, listing "
        "only the tables (describe/read/scan/append/write), secrets (read/describe) and "
        "functions (invokes) its handler touches, e.g.\n"
        f"{rows}\n"
        "then run `make iam` to write its Policies (scripts/generate_iam_policies.py)."
    )


def policies_for(function_id: str, template: dict[str, Any]) -> list[Any]:
    """The Policies a function gets from its row, as template.yaml's parser reads them."""
    row = access_table(template).get(function_id)
    if row is None:
        raise AccessTableError(missing_row_message([function_id]))
    resources = template["Resources"]
    statements: list[Any] = []
    for table, levels in (row.get("tables") or {}).items():
        _expect(resources, table, "AWS::DynamoDB::Table", function_id)
        unknown = [level for level in levels if level not in TABLE_ACTIONS]
        if unknown or not levels:
            raise AccessTableError(
                f"{function_id}: table access {unknown or levels} for {table} is not a list of "
                f"{', '.join(TABLE_ACTIONS)}"
            )
        actions = list(dict.fromkeys(a for level in levels for a in TABLE_ACTIONS[level]))
        on_indexes = bool({"read", "scan"} & set(levels)) and _has_indexes(resources[table])
        statements.append(
            {
                "Sid": table + "".join(level.capitalize() for level in levels),
                "Effect": "Allow",
                "Action": actions,
                "Resource": _table_arns(table, on_indexes),
            }
        )
    for secret, level in (row.get("secrets") or {}).items():
        _expect(resources, secret, "AWS::SecretsManager::Secret", function_id)
        if level not in SECRET_ACTIONS:
            raise AccessTableError(
                f"{function_id}: secret access '{level}' for {secret} is not one of "
                f"{', '.join(SECRET_ACTIONS)}"
            )
        statements.append(
            {
                "Sid": f"{secret}{level.capitalize()}",
                "Effect": "Allow",
                "Action": list(SECRET_ACTIONS[level]),
                "Resource": {"Ref": secret},
            }
        )
    statements += list(row.get("statements") or [])
    statements.append(
        {
            "Sid": "AuditTableAppendOnly",
            "Effect": "Deny",
            "Action": list(AUDIT_DENIED),
            "Resource": _table_arns(AUDIT_TABLE, False),
        }
    )
    statements.append(
        {
            "Fn::If": [
                KMS_CONDITION,
                {
                    "Sid": "StackKmsKey",
                    "Effect": "Allow",
                    "Action": list(KMS_ACTIONS),
                    "Resource": {"Ref": KMS_PARAMETER},
                },
                {"Ref": "AWS::NoValue"},
            ]
        }
    )
    policies: list[Any] = [{"Version": "2012-10-17", "Statement": statements}]
    for target in row.get("invokes") or []:
        _expect(resources, target, "AWS::Serverless::Function", function_id)
        policies.append({"LambdaInvokePolicy": {"FunctionName": {"Ref": target}}})
    return policies


def _expect(resources: dict[str, Any], logical_id: str, kind: str, function_id: str) -> None:
    if resources.get(logical_id, {}).get("Type") != kind:
        raise AccessTableError(f"{function_id}'s row names {logical_id}: no {kind} of that name")


def _has_indexes(table: dict[str, Any]) -> bool:
    return bool(table["Properties"].get("GlobalSecondaryIndexes"))


def _table_arns(table: str, with_indexes: bool) -> list[Any]:
    arns: list[Any] = [{"Fn::GetAtt": [table, "Arn"]}]
    if with_indexes:
        arns.append({"Fn::Sub": "${" + table + ".Arn}/index/*"})
    return arns


# ---------------------------------------------------------------- writing template.yaml


def render(policies: list[Any]) -> list[str]:
    """The Policies block as template.yaml lines (6-space key indent, short-form tags)."""
    lines = [f"      Policies: {MARKER}"]
    for policy in policies:
        lines += _render_item(policy, 8)
    return lines


def _render_item(value: Any, indent: int) -> list[str]:
    """A policy as a list item: a document's statements one flow line each, others inline."""
    pad = " " * indent
    if isinstance(value, dict) and "Statement" in value:
        lines = [f'{pad}- Version: "{value["Version"]}"', f"{pad}  Statement:"]
        return lines + [f"{pad}    - {_inline(s)}" for s in value["Statement"]]
    return [f"{pad}- {_inline(value)}"]


def _is_intrinsic(value: dict[str, Any]) -> bool:
    return len(value) == 1 and next(iter(value)) in ("Ref", "Fn::GetAtt", "Fn::Sub", "Fn::If")


def _inline(value: Any) -> str:
    if isinstance(value, dict) and _is_intrinsic(value):
        ((name, argument),) = value.items()
        if name == "Ref":
            return f"!Ref {argument}"
        if name == "Fn::GetAtt":
            return f"!GetAtt {argument[0]}.{argument[1]}"
        if name == "Fn::Sub":
            return f'!Sub "{argument}"'
        return "!If [" + ", ".join(_inline(a) for a in argument) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_inline(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    # Plain when YAML reads it back as the same string; quoted otherwise (colons, dates...).
    if isinstance(value, str) and re.fullmatch(r"[A-Za-z][A-Za-z0-9_./-]*", value):
        return value
    return '"' + str(value).replace('"', '\\"') + '"'


def rewrite(text: str, template: dict[str, Any]) -> str:
    """template.yaml's text with every function's Policies block replaced by its generated one."""
    lines = text.splitlines()
    missing = missing_rows(template)
    if missing:
        raise AccessTableError(missing_row_message(missing))
    for function_id, function in resources_of_type(template, "AWS::Serverless::Function").items():
        lines = _replace_policies(lines, function_id, render(policies_for(function_id, template)))
        lines = _replace_metadata(lines, function_id, render_checkov_skips(function))
    return "\n".join(lines) + "\n"


def checkov_skips(function: dict[str, Any]) -> list[dict[str, str]]:
    """The reviewed checkov skips a function carries (reserved concurrency, when set, passes)."""
    reserved = "ReservedConcurrentExecutions" in function["Properties"]
    return [
        {"id": check, "comment": reason}
        for check, reason in FUNCTION_CHECKOV_SKIPS.items()
        if not (check == "CKV_AWS_115" and reserved)
    ]


def render_checkov_skips(function: dict[str, Any]) -> str:
    return f"    Metadata: {_inline({'checkov': {'skip': checkov_skips(function)}})} {MARKER}"


def _replace_metadata(lines: list[str], function_id: str, line: str) -> list[str]:
    start = lines.index(f"  {function_id}:")
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].strip() and _indent(lines[i]) <= 2),
        len(lines),
    )
    existing = next((i for i in range(start, end) if lines[i].startswith("    Metadata:")), None)
    if existing is None:
        return [*lines[: start + 2], line, *lines[start + 2 :]]
    if MARKER not in lines[existing]:
        raise AccessTableError(
            f"{function_id} has its own Metadata; `make iam` writes the function's checkov skips "
            "there: move its keys into the generator's line or drop them"
        )
    return [*lines[:existing], line, *lines[existing + 1 :]]


def _replace_policies(lines: list[str], function_id: str, block: list[str]) -> list[str]:
    start = lines.index(f"  {function_id}:")
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].strip() and _indent(lines[i]) <= 2),
        len(lines),
    )
    policies = next((i for i in range(start, end) if lines[i].startswith("      Policies:")), None)
    if policies is None:
        handler = next(i for i in range(start, end) if lines[i].startswith("      Handler:"))
        return lines[: handler + 1] + block + lines[handler + 1 :]
    after = policies + 1
    while after < end and (not lines[after].strip() or _indent(lines[after]) > 6):
        after += 1
    return lines[:policies] + block + lines[after:]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def main() -> int:
    text = TEMPLATE_PATH.read_text()
    try:
        new = rewrite(text, load_template(TEMPLATE_PATH))
    except AccessTableError as error:
        print(error, file=sys.stderr)
        return 1
    if new != text:
        TEMPLATE_PATH.write_text(new)
        print("template.yaml: Policies rewritten from Metadata.FunctionAccess")
    else:
        print("template.yaml: Policies already match Metadata.FunctionAccess")
    return 0


if __name__ == "__main__":
    sys.exit(main())
