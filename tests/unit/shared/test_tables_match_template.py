"""The pynamodb models and template.yaml must describe the same keys and indexes."""

from contabo_reseller.adapters import tables
from local.stack.template import load_template

LOGICAL_ID_BY_MODEL = {
    tables.ServiceRecord: "ServicesTable",
    tables.JobRecord: "JobsTable",
    tables.AuditEntry: "AuditTable",
    tables.TokenItem: "TokensTable",
    tables.CatalogItem: "CatalogTable",
    tables.UsageRecord: "UsageTable",
}


def _model_keys(model):
    keys = {}
    for name, attribute in model.get_attributes().items():
        if attribute.is_hash_key:
            keys["HASH"] = name
        if attribute.is_range_key:
            keys["RANGE"] = name
    return keys


def test_every_model_matches_its_table_definition():
    resources = load_template()["Resources"]
    for model, logical_id in LOGICAL_ID_BY_MODEL.items():
        properties = resources[logical_id]["Properties"]
        template_keys = {k["KeyType"]: k["AttributeName"] for k in properties["KeySchema"]}
        assert _model_keys(model) == template_keys, logical_id

        template_indexes = {
            index["IndexName"]: {k["KeyType"]: k["AttributeName"] for k in index["KeySchema"]}
            for index in properties.get("GlobalSecondaryIndexes", [])
        }
        model_indexes = {
            index.Meta.index_name: {
                ("HASH" if a.is_hash_key else "RANGE"): a.attr_name
                for a in index.Meta.attributes.values()
            }
            for index in model._indexes.values()
        }
        assert model_indexes == template_indexes, logical_id


def test_every_table_in_the_template_has_a_model_or_is_powertools_idempotency():
    resources = load_template()["Resources"]
    tables_in_template = {k for k, v in resources.items() if v["Type"] == "AWS::DynamoDB::Table"}
    assert tables_in_template == set(LOGICAL_ID_BY_MODEL.values()) | {"IdempotencyTable"}
