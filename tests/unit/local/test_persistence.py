"""--persist: the simulator's account and the tables survive a save and a restore."""

from __future__ import annotations

import json

import boto3
from moto import mock_aws

from local.contabo_sim.config import SimulatorConfig
from local.contabo_sim.state import SimState
from local.stack import persistence


def _account(state: SimState) -> dict:
    return json.loads(json.dumps(persistence.simulator_snapshot(state)))


def test_the_simulator_account_round_trips(tmp_path) -> None:
    before = SimState(SimulatorConfig())
    instance_id = before.next_instance_id()
    before.instances[instance_id] = {"instanceId": instance_id, "status": "provisioning"}
    before.snapshots[instance_id]["snap-1"] = {"snapshotId": "snap-1"}
    before.purchases["V92"] += 1
    before.audit("instances", "CREATED", "req-1", "trace-1", instanceId=instance_id)
    before.schedule_status(instance_id, 30, "running")
    before.next_id("secrets")
    saved = _account(before)

    after = SimState(SimulatorConfig())
    persistence.restore_simulator(after, saved)

    assert after.instances == before.instances
    assert after.snapshots[instance_id] == {"snap-1": {"snapshotId": "snap-1"}}
    assert after.snapshots[999] == {}  # still a defaultdict
    assert after.purchases["V92"] == 1
    assert after.audits["instances"][0]["requestId"] == "req-1"
    assert after.next_instance_id() == instance_id + 1  # ids go on, never reused
    assert after.next_id("secrets") == 2 and after.next_id("tags") == 1
    assert _account(after)["_events"] == saved["_events"]


def test_tables_and_secrets_round_trip(tmp_path) -> None:
    with mock_aws():
        dynamodb = boto3.client("dynamodb", region_name="eu-central-1")
        secrets = boto3.client("secretsmanager", region_name="eu-central-1")
        dynamodb.create_table(
            TableName="t",
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        dynamodb.put_item(TableName="t", Item={"id": {"S": "1"}, "n": {"N": "2"}})
        secrets.create_secret(Name="s", SecretString='{"k": "v"}')
        sim = SimState(SimulatorConfig())
        persistence.save(tmp_path, dynamodb, secrets, {"T": "t"}, {"S": "s"}, sim)

        dynamodb.delete_item(TableName="t", Key={"id": {"S": "1"}})
        secrets.put_secret_value(SecretId="s", SecretString="{}")
        assert persistence.restore(tmp_path, dynamodb, secrets, {"T": "t"}, {"S": "s"}, sim)

        assert dynamodb.scan(TableName="t")["Items"] == [{"id": {"S": "1"}, "n": {"N": "2"}}]
        assert secrets.get_secret_value(SecretId="s")["SecretString"] == '{"k": "v"}'


def test_nothing_saved_yet_restores_nothing(tmp_path) -> None:
    assert persistence.restore(tmp_path, None, None, {}, {}, None) is False


def test_simulator_data_it_cannot_write_is_left_out_not_fatal() -> None:
    state = SimState(SimulatorConfig())
    state.something_new = object()
    saved = persistence.simulator_snapshot(state)
    assert "something_new" not in saved and "instances" in saved
