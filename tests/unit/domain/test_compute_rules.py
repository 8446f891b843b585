import pytest
from pydantic import ValidationError

from contabo_reseller.domain.compute import (
    ContaboImage,
    ReinstallRequest,
    default_user_for,
    usable_images,
)
from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.guardrails import Guardrails
from contabo_reseller.domain.snapshots import (
    CreateSnapshotRequest,
    SnapshotView,
    quota_message,
    rollback_warning,
)
from contabo_reseller.domain.ssh_key_vault import AddSshKeyRequest, fingerprint

# Made with `ssh-keygen -t ed25519`; `ssh-keygen -lf` printed the fingerprint.
KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICRc/G+bStQKbL6TNckMKAZf9qQs8aGSsWUcqTmE3Kwh unit@test"
KEY_FINGERPRINT = "SHA256:3kyaoIWAWp8NHsoMxkmbqgFD+bd+GztA5DihWpF7Veo"


def test_fingerprint_matches_ssh_keygen():
    assert fingerprint(KEY) == KEY_FINGERPRINT
    assert AddSshKeyRequest(name="laptop", public_key=KEY).public_key == KEY


@pytest.mark.parametrize("name", ["Before upgrade", "db-2026-01-01", "a", "x" * 30])
def test_snapshot_names_contabo_accepts(name):
    assert CreateSnapshotRequest(name=name).name == name


@pytest.mark.parametrize("name", ["", "x" * 31, "under_score", "dot.ted", "ünïcode", "a/b"])
def test_snapshot_names_contabo_refuses(name):
    with pytest.raises(ValidationError):
        CreateSnapshotRequest(name=name)


def test_quota_and_rollback_texts():
    assert quota_message(1).startswith("This server already has 1 snapshot, the most")
    assert quota_message(2).startswith("This server already has 2 snapshots, the most")
    newer = [SnapshotView(id="s2", name="two"), SnapshotView(id="s3", name="three")]
    warning = rollback_warning(newer)
    assert "'two', 'three' will be deleted" in warning
    assert "deleted" not in rollback_warning([])


def test_reinstall_takes_a_template_or_user_data_not_both():
    with pytest.raises(InvalidInput, match="not both"):
        ReinstallRequest(image_id="x", cloud_init_template="web", user_data="#cloud-config\n")
    assert ReinstallRequest(image_id="x").confirm is False


def test_only_standard_and_downloaded_custom_images_are_usable():
    images = [
        ContaboImage(image_id="1", name="ubuntu", standard=True, status="downloaded"),
        ContaboImage(image_id="2", name="golden", standard=False, status="downloaded"),
        ContaboImage(image_id="3", name="fresh", standard=False, status="downloading"),
        ContaboImage(image_id="4", name="broken", standard=False, status="error"),
    ]
    assert [i.image_id for i in usable_images(images)] == ["1", "2"]


@pytest.mark.parametrize(
    ("current", "os_type", "expected"),
    [
        ("root", "Linux", "root"),
        ("admin", "Linux", "admin"),
        ("administrator", "Linux", "root"),
        (None, "Linux", "root"),
        ("root", "Windows", "administrator"),
        ("admin", "Windows", "admin"),
    ],
)
def test_default_user_fits_the_new_os(current, os_type, expected):
    assert default_user_for(current, os_type) == expected


def test_guardrail_defaults_allow_everything_and_bounds_hold():
    rails = Guardrails()
    assert rails.allow_reinstall and rails.allow_rescue and rails.allow_snapshot_rollback
    assert rails.allow_private_network_create and not rails.require_ssh_key
    assert rails.cloud_init_max_bytes == 16384 and rails.max_snapshots is None
    with pytest.raises(ValidationError):
        Guardrails(cloud_init_max_bytes=16385)
    with pytest.raises(ValidationError):
        Guardrails(max_snapshots=-1)
