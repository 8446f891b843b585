"""create_tables must make, in DynamoDB (moto), exactly the tables template.yaml declares."""

import boto3

from local.stack.template import resources_of_type
from tests.conftest import TEST_NAMES


def _keys(schema):
    return {k["KeyType"]: k["AttributeName"] for k in schema}


def test_created_tables_have_the_template_keys_indexes_and_ttl(aws):
    from local.stack.template import load_template

    template = load_template()
    dynamodb = boto3.client("dynamodb")
    declared = resources_of_type(template, "AWS::DynamoDB::Table")
    assert set(dynamodb.list_tables()["TableNames"]) >= {
        TEST_NAMES.physical(logical_id) for logical_id in declared
    }
    for logical_id, resource in declared.items():
        properties = resource["Properties"]
        name = TEST_NAMES.physical(logical_id)
        table = dynamodb.describe_table(TableName=name)["Table"]
        assert _keys(table["KeySchema"]) == _keys(properties["KeySchema"]), logical_id
        assert {
            (a["AttributeName"], a["AttributeType"]) for a in table["AttributeDefinitions"]
        } == {
            (a["AttributeName"], a["AttributeType"]) for a in properties["AttributeDefinitions"]
        }, logical_id
        assert table["BillingModeSummary"]["BillingMode"] == properties["BillingMode"]
        created_indexes = {
            index["IndexName"]: (_keys(index["KeySchema"]), index["Projection"]["ProjectionType"])
            for index in table.get("GlobalSecondaryIndexes", [])
        }
        declared_indexes = {
            index["IndexName"]: (_keys(index["KeySchema"]), index["Projection"]["ProjectionType"])
            for index in properties.get("GlobalSecondaryIndexes", [])
        }
        assert created_indexes == declared_indexes, logical_id
        ttl = dynamodb.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
        spec = properties.get("TimeToLiveSpecification")
        if spec:
            assert ttl["TimeToLiveStatus"] == "ENABLED"
            assert ttl["AttributeName"] == spec["AttributeName"]
        else:
            assert ttl["TimeToLiveStatus"] == "DISABLED"
