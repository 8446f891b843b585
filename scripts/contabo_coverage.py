"""How much of Contabo's API the product uses, per Contabo tag: written to docs/contabo-coverage.md.

    python scripts/contabo_coverage.py           # rewrite the page
    python scripts/contabo_coverage.py --check   # exit 1 when the page is stale (a test runs it)

Every operation of both spec copies in docs/contabo/ (by operationId) is one of:
- used by a feature: a client method that wraps it (adapters/contabo/client.py) is called from
  product code (layers/, functions/, cli/), or product code names the operation itself;
- wrapped only: in the client's operation table (adapters/contabo/operations.py), not called;
- unused: not wrapped. Each unused operation needs a reason in REASONS (or its tag's in
  TAG_REASONS); the script fails when one has none, so the page stays honest.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RAW_SPEC = ROOT / "docs/contabo/openapi.json"
NORMALIZED_SPEC = ROOT / "docs/contabo/openapi-2026-08.generator-normalized.yaml"
PACKAGE = ROOT / "layers/common/contabo_reseller"
CLIENT = PACKAGE / "adapters/contabo/client.py"
OPERATIONS = PACKAGE / "adapters/contabo/operations.py"
PRODUCT_CODE = (PACKAGE, ROOT / "functions", ROOT / "cli")
PAGE = ROOT / "docs/contabo-coverage.md"

_MONITORING = (
    "monitoring checks and remedies (internal/beta surface): not a product this backend sells"
)
TAG_REASONS = {
    "DNS": "DNS hosting is issue 17 (the domains engineer's area)",
    "DNS Audits": "DNS hosting is issue 17 (the domains engineer's area)",
    "Domains": "domains are issue 17 (the registrar module)",
    "Domains Audits": "domains are issue 17 (the registrar module)",
    "Handles": "domain contact handles are issue 17 (the registrar module)",
    "Handles Audits": "domain contact handles are issue 17 (the registrar module)",
    "Users": "Contabo users and roles for a multi-tenant object storage pool are issue 13",
    "Users Audits": "Contabo users and roles for a multi-tenant object storage pool are issue 13",
    "Roles": "Contabo users and roles for a multi-tenant object storage pool are issue 13",
    "Roles Audits": "Contabo users and roles for a multi-tenant object storage pool are issue 13",
    "Users Object Storage Credentials": "per-user S3 keys are issue 13",
    "User Accounts": (
        "switching between Contabo customer accounts: one reseller account per deployment"
    ),
    "Checks": _MONITORING,
    "Check Collections": _MONITORING,
    "Check Collection Templates": _MONITORING,
    "Remedies": _MONITORING,
    "Internal Checks": _MONITORING,
    "Internal Check Collections": _MONITORING,
    "Internal Check Templates": _MONITORING,
    "Internal Check Collection Templates": _MONITORING,
    "Internal Check Audits": _MONITORING,
    "Internal Check Collection Audits": _MONITORING,
    "Internal Check Replay": _MONITORING,
    "Internal Check Collection Replay": _MONITORING,
}
_AUDIT = (
    "the backend keeps its own audit of every call; the provider's audit list of this kind "
    "is not needed to reconcile anything"
)
REASONS = {
    "retrieveSnapshotsAuditsList": _AUDIT,
    "retrieveInstancesActionsAuditsList": _AUDIT,
    "retrieveImageAuditsList": _AUDIT,
    "retrieveSecretAuditsList": _AUDIT,
    "retrieveTagAuditsList": _AUDIT,
    "retrieveAssignmentsAuditsList": _AUDIT,
    "retrievePrivateNetworkAuditsList": _AUDIT,
    "retrieveFirewallAuditsList": _AUDIT,
    "retrieveObjectStorageAuditsList": _AUDIT,
    "retrieveVipAuditsList": _AUDIT,
    "updateImage": "a custom image is not renamed (delete and upload again)",
    "retrieveImage": "custom images are listed (one list call gives status and size of all)",
    "listPendingActions": "pending provider actions: nothing in the product waits on them yet",
    "generateSsoToken": "single sign-on into Contabo's panel: customers never see the provider",
    "patchPrivateNetwork": "renaming a private network: not offered in the client area yet",
    "retrieveTag": "tags are listed and found by name; one tag is never fetched alone",
    "updateTag": "the service tag is never renamed",
    "deleteTag": "the per-service tag is shared by name and never deleted",
    "retrieveAssignment": "assignments are listed per tag; one is never fetched alone",
    "retrieveCredential": "S3 credentials are listed per storage; object storage pool is issue 13",
    "regenerateObjectStorageCredentials": "S3 key rotation per user is issue 13",
    "retrieveObjectStorage": "storages are listed; one is never fetched alone",
    "cancelObjectStorage": "object storage termination is issue 13 (the pool)",
    "retrieveDataCenterList": "regions come from the shipped catalog (the data centers follow)",
    "retrieveObjectStoragesStats": "usage per storage comes from the storage list (issue 13)",
    "retrieveSecret": "a secret's value is never read back (write-only for passwords/keys)",
    "retrievePresetRules": "firewall presets are the backend's own (web, mail, ssh)",
    "putFirewall": "rules are replaced with PATCH; the full PUT is never needed",
    "createTicket": "support tickets stay in WHMCS; nothing is sent to the provider's support",
    "retrieveApiPermissionsList": "API permissions are checked by calling the operations",
}


def main(argv: list[str]) -> int:
    page = render(classify())
    if "--check" in argv:
        if not PAGE.exists() or PAGE.read_text() != page:
            print(f"{PAGE.relative_to(ROOT)} is stale: run python scripts/contabo_coverage.py")
            return 1
        return 0
    PAGE.write_text(page)
    print(f"wrote {PAGE.relative_to(ROOT)}")
    return 0


def spec_operations() -> dict[str, tuple[str, str]]:
    """operationId -> (tag, which spec copies have it), the raw spec's tag first."""
    raw = _operations(json.loads(RAW_SPEC.read_text()))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader: 1 MB of YAML
    normalized = _operations(yaml.load(NORMALIZED_SPEC.read_text(), Loader=loader))  # noqa: S506
    found: dict[str, tuple[str, str]] = {}
    for op_id in sorted(set(raw) | set(normalized)):
        where = (
            "both"
            if op_id in raw and op_id in normalized
            else ("raw" if op_id in raw else "2026-08")
        )
        found[op_id] = (raw.get(op_id) or normalized[op_id], where)
    return found


def _operations(spec: dict) -> dict[str, str]:
    tags: dict[str, str] = {}
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "operationId" in operation:
                tags[operation["operationId"]] = (operation.get("tags") or ["(untagged)"])[0]
    return tags


def wrapped_operations() -> set[str]:
    spec = importlib.util.spec_from_file_location("contabo_operations", OPERATIONS)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[spec.name] = module  # type: ignore[union-attr]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return {operation.operation_id for operation in module._ALL}


def client_methods(wrapped: set[str]) -> dict[str, set[str]]:
    """Client method name -> the operations its body names."""
    tree = ast.parse(CLIENT.read_text())
    methods: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            named = {
                constant.value
                for constant in ast.walk(node)
                if isinstance(constant, ast.Constant) and constant.value in wrapped
            }
            if named:
                methods[node.name] = named
    return methods


def product_text() -> str:
    texts = []
    for base in PRODUCT_CODE:
        for path in sorted(base.rglob("*.py")):
            generated = any(part.startswith("generated_") for part in path.relative_to(base).parts)
            if path in (CLIENT, OPERATIONS) or generated:
                continue
            texts.append(path.read_text())
    return "\n".join(texts)


def classify() -> dict[str, list[tuple[str, str, str]]]:
    """tag -> [(operationId, status, reason or where)], status used | wrapped | unused."""
    wrapped = wrapped_operations()
    methods = client_methods(wrapped)
    code = product_text()
    called = {name for name in methods if re.search(rf"\.{name}\(", code)}
    used = {op for name in called for op in methods[name]}
    used |= {op for op in wrapped if re.search(rf"[\"']{op}[\"']", code)}
    table: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    missing = []
    for op_id, (tag, where) in spec_operations().items():
        if op_id in used:
            table[tag].append((op_id, "used", where))
        elif op_id in wrapped:
            table[tag].append((op_id, "wrapped", REASONS.get(op_id, "")))
        else:
            reason = REASONS.get(op_id) or TAG_REASONS.get(tag)
            if not reason:
                missing.append(f"{op_id} ({tag})")
            table[tag].append((op_id, "unused", reason or ""))
    if missing:
        raise SystemExit("unused operations without a reason: " + ", ".join(missing))
    return dict(sorted(table.items()))


def render(table: dict[str, list[tuple[str, str, str]]]) -> str:
    totals = {status: 0 for status in ("used", "wrapped", "unused")}
    rows = []
    for tag, operations in table.items():
        counts = {s: sum(1 for _, st, _ in operations if st == s) for s in totals}
        for status, n in counts.items():
            totals[status] += n
        rows.append(f"| {tag} | {counts['used']} | {counts['wrapped']} | {counts['unused']} |")
    lines = [
        "# Contabo API coverage",
        "",
        "Generated by `python scripts/contabo_coverage.py` from both spec copies in",
        "`docs/contabo/` (by operationId), the client's operation table and the product code;",
        "a test fails when this page is stale. *Used*: a feature calls it. *Wrapped*: the",
        "client has it, no feature calls it. *Unused*: not wrapped (each with the reason).",
        "",
        f"**{sum(totals.values())} operations: {totals['used']} used by a feature, "
        f"{totals['wrapped']} wrapped only, {totals['unused']} unused.**",
        "",
        "| tag | used | wrapped only | unused |",
        "|---|---|---|---|",
        *rows,
        "",
        "## Wrapped only",
        "",
    ]
    for tag, operations in table.items():
        for op_id, status, reason in operations:
            if status == "wrapped":
                lines.append(f"- `{op_id}` ({tag}){': ' + reason if reason else ''}")
    lines += ["", "## Unused, with the reason", ""]
    for tag, operations in table.items():
        for op_id, status, reason in operations:
            if status == "unused":
                lines.append(f"- `{op_id}` ({tag}): {reason}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
