"""Creates the template's tables and secrets in moto (in-process or a moto server)."""

from __future__ import annotations

import json
from typing import Any

from local.stack.template import (
    LocalNames,
    load_template,
    resources_of_type,
    table_create_requests,
    table_ttl_attributes,
)

# Demo values the local stack seeds; the simulator accepts the same Contabo credentials.
DEMO_CONTABO_CREDENTIALS = {
    "client_id": "demo-client-id",
    "client_secret": "demo-client-secret",
    "api_user": "demo@reseller.example",
    "api_password": "demo-password",
}
DEMO_SIGNING_KEY_ID = "local-key"
DEMO_SIGNING_SECRET = "local-signing-secret-change-me-0123456789"
# The local demo key serves the module and the admin addon alike; a deployment keeps them apart.
DEMO_SIGNING_KEY = {"secret": DEMO_SIGNING_SECRET, "installation": "default", "admin": True}
DEMO_SECRET_VALUES: dict[str, dict[str, Any]] = {
    "ContaboCredentialsSecret": DEMO_CONTABO_CREDENTIALS,
    "WhmcsSigningKeysSecret": {DEMO_SIGNING_KEY_ID: DEMO_SIGNING_KEY},
    "WhmcsApiSecret": {"url": "", "identifier": "", "secret": ""},
}


def create_tables(
    dynamodb: Any, names: LocalNames, template: dict[str, Any] | None = None
) -> list[str]:
    template = template or load_template()
    existing = set(dynamodb.list_tables()["TableNames"])
    created = []
    for request in table_create_requests(template, names):
        if request["TableName"] in existing:
            continue
        dynamodb.create_table(**request)
        created.append(request["TableName"])
    for table_name, attribute in table_ttl_attributes(template, names).items():
        dynamodb.update_time_to_live(
            TableName=table_name,
            TimeToLiveSpecification={"Enabled": True, "AttributeName": attribute},
        )
    return created


def seed_secrets(
    secretsmanager: Any,
    names: LocalNames,
    template: dict[str, Any] | None = None,
    values: dict[str, dict[str, str]] | None = None,
) -> None:
    template = template or load_template()
    values = {**DEMO_SECRET_VALUES, **(values or {})}
    for logical_id in resources_of_type(template, "AWS::SecretsManager::Secret"):
        name = names.physical(logical_id)
        secret_string = json.dumps(values[logical_id])
        try:
            secretsmanager.create_secret(Name=name, SecretString=secret_string)
        except secretsmanager.exceptions.ResourceExistsException:
            secretsmanager.put_secret_value(SecretId=name, SecretString=secret_string)
