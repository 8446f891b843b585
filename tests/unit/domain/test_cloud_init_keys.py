"""SSH keys too long for a Contabo secret are added to cloud-init user data, keeping the
customer's own user data as written."""

from __future__ import annotations

import email
from pathlib import Path

import yaml

from contabo_reseller.domain.cloud_init import with_authorized_keys
from contabo_reseller.domain.ssh_keys import PROVIDER_SECRET_MAX_CHARS, split_by_delivery

RSA_4096 = (Path(__file__).parents[2] / "data" / "rsa4096.pub").read_text().strip()
ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl a@b"


def test_keys_are_split_at_the_providers_secret_length():
    assert len(RSA_4096) > PROVIDER_SECRET_MAX_CHARS >= len(ED25519)
    assert split_by_delivery([ED25519, RSA_4096]) == ([ED25519], [RSA_4096])
    assert split_by_delivery([]) == ([], [])


def test_no_long_keys_leaves_user_data_untouched():
    assert with_authorized_keys(None, []) is None
    assert with_authorized_keys("#cloud-config\n# mine\n", []) == "#cloud-config\n# mine\n"


def test_without_user_data_the_keys_become_a_cloud_config():
    result = with_authorized_keys(None, [RSA_4096])
    assert result.startswith("#cloud-config\n")
    assert yaml.safe_load(result) == {"ssh_authorized_keys": [RSA_4096]}


def test_a_cloud_config_keeps_its_text_and_comments_and_gains_the_keys():
    mine = "#cloud-config\n# install the web server\npackages: [nginx]\n"
    result = with_authorized_keys(mine, [RSA_4096])
    assert result.startswith(mine)
    assert yaml.safe_load(result) == {"packages": ["nginx"], "ssh_authorized_keys": [RSA_4096]}


def test_keys_the_customer_listed_already_are_merged_not_duplicated():
    mine = f"#cloud-config\nssh_authorized_keys:\n  - {ED25519}\n  - {RSA_4096}\n"
    result = with_authorized_keys(mine, [RSA_4096])
    assert result.startswith("#cloud-config\n")
    assert yaml.safe_load(result)["ssh_authorized_keys"] == [ED25519, RSA_4096]


def test_user_data_ending_in_a_literal_block_keeps_its_meaning():
    # The document ends inside a literal block: the keys must not become part of its text.
    mine = "#cloud-config\nwrite_files:\n  - path: /etc/motd\n    content: |\n      hello\n"
    result = with_authorized_keys(mine, [RSA_4096])
    parsed = yaml.safe_load(result)
    assert parsed["ssh_authorized_keys"] == [RSA_4096]
    assert parsed["write_files"][0]["content"] == "hello\n"


def test_a_shell_script_travels_beside_the_keys_in_a_multipart_message():
    script = "#!/bin/sh\necho hello > /root/hello\n"
    message = email.message_from_string(with_authorized_keys(script, [RSA_4096]))
    assert message.is_multipart()
    parts = {part.get_content_type(): part.get_payload() for part in message.get_payload()}
    assert parts["text/x-shellscript"] == script
    assert yaml.safe_load(parts["text/cloud-config"]) == {"ssh_authorized_keys": [RSA_4096]}
