import pytest
from pydantic import ValidationError

from contabo_reseller.domain.cloud_init import validate_user_data
from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.passwords import generate_root_password, meets_contabo_rule
from contabo_reseller.domain.service import ChangePasswordRequest, CreateServiceRequest
from contabo_reseller.domain.ssh_keys import validate_public_key

ED25519 = (
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ada@laptop"
)


def test_valid_ed25519_key_is_normalised():
    assert validate_public_key("  " + ED25519 + "\n") == ED25519


@pytest.mark.parametrize(
    "key",
    [
        "-----BEGIN OPENSSH PRIVATE KEY-----",
        "ssh-ed25519",
        "ssh-ed25519 not*base64",
        "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl",
        "ssh-dss AAAAB3NzaC1kc3MAAACBAP",
    ],
)
def test_bad_keys_are_refused_with_a_readable_message(key):
    with pytest.raises(InvalidInput) as caught:
        validate_public_key(key)
    assert "SSH" in caught.value.message


def test_cloud_config_must_be_yaml_mapping_with_header():
    assert validate_user_data("#cloud-config\npackages: [nginx]\n")
    assert validate_user_data("#!/bin/sh\necho hi\n")
    with pytest.raises(InvalidInput, match="must start"):
        validate_user_data("packages: [nginx]")
    with pytest.raises(InvalidInput, match="near line 2"):
        validate_user_data("#cloud-config\npackages: [nginx\n")
    with pytest.raises(InvalidInput, match="mapping"):
        validate_user_data("#cloud-config\n- a\n- b\n")
    with pytest.raises(InvalidInput, match="limit"):
        validate_user_data("#cloud-config\n" + "x" * 20000, max_bytes=16384)


def test_generated_passwords_meet_contabos_rule():
    for _ in range(200):
        assert meets_contabo_rule(generate_root_password())
    assert not meets_contabo_rule("alllowercase1!!")
    assert not meets_contabo_rule("NoDigitsHere!!")
    assert meets_contabo_rule("Abcdef1!!")
    assert meets_contabo_rule("Abcdef123!")


def test_weak_password_change_is_refused_without_echoing_it():
    with pytest.raises(ValidationError) as caught:
        ChangePasswordRequest(password="weakpass99")
    assert "weakpass99" not in str(caught.value)
    assert ChangePasswordRequest(password="Str0ng!Pass#word").password.get_secret_value()


def test_order_rejects_unknown_fields_and_regions():
    base = {
        "client_id": "7",
        "client_email": "ada@example.com",
        "product_id": "V92",
        "region": "EU",
        "image_id": "ubuntu-22.04",
    }
    assert CreateServiceRequest(**base).period == 1
    with pytest.raises(ValidationError):
        CreateServiceRequest(**{**base, "region": "MARS"})
    with pytest.raises(ValidationError):
        CreateServiceRequest(**{**base, "price": 0})
    with pytest.raises(ValidationError):
        CreateServiceRequest(**{**base, "period": 2})


def test_an_international_host_name_becomes_punycode_before_it_is_checked() -> None:
    from contabo_reseller.domain.service import ascii_hostname

    assert ascii_hostname("sérveur.münchen.example") == "xn--srveur-bva.xn--mnchen-3ya.example"
    assert ascii_hostname("web1.example.com.") == "web1.example.com"


@pytest.mark.parametrize("bad", ["-web.example.com", "a..b", "x" * 64 + ".example", "a b.com"])
def test_a_bad_host_name_is_refused_with_a_sentence_not_a_pattern(bad: str) -> None:
    from contabo_reseller.domain.service import ascii_hostname

    with pytest.raises(ValueError) as refused:
        ascii_hostname(bad)
    message = str(refused.value)
    assert "host name" in message and "^" not in message and "[" not in message
