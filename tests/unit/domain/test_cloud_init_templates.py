import pytest

from contabo_reseller.domain.cloud_init_templates import (
    SAMPLE_VALUES,
    PreviewRequest,
    check_template,
    preview,
    render,
    unknown_variables,
)
from contabo_reseller.domain.errors import InvalidInput

VALUES = {
    "client_email": "ada@example.com",
    "service_id": "42",
    "hostname": "web1.example.com",
    "client_id": "7",
    "region": "EU",
}


def test_render_fills_our_variables_and_leaves_shell_variables_alone():
    content = (
        "#cloud-config\nhostname: ${hostname}\nruncmd:\n"
        "  - echo ${client_email} ${service_id} ${client_id} ${region} $HOME ${HOME} $${hostname}\n"
    )
    rendered = render(content, VALUES)
    assert "hostname: web1.example.com" in rendered
    assert "echo ada@example.com 42 7 EU $HOME ${HOME} $web1.example.com" in rendered
    assert unknown_variables(content) == ["HOME"]


def test_a_value_is_inserted_once_not_rendered_again():
    assert render("${hostname}", {"hostname": "${client_id}", "client_id": "7"}) == "${client_id}"


def test_preview_reports_validity_size_and_the_limit():
    ok = preview("#cloud-config\nhostname: ${hostname}\n", VALUES, 1024)
    assert ok.valid and ok.error is None
    assert ok.bytes == len(b"#cloud-config\nhostname: web1.example.com\n")
    too_big = preview("#cloud-config\nhostname: ${hostname}\n", VALUES, 20)
    assert not too_big.valid
    assert "the limit is 20 bytes" in (too_big.error or "")
    not_a_mapping = preview("#cloud-config\n- ${region}\n", VALUES, 1024)
    assert not not_a_mapping.valid and "mapping" in (not_a_mapping.error or "")


def test_a_template_must_be_valid_once_rendered():
    check_template("#cloud-config\nfqdn: ${hostname}\n")
    with pytest.raises(InvalidInput, match="#cloud-config"):
        check_template("fqdn: ${hostname}\n")
    with pytest.raises(InvalidInput, match="YAML"):
        check_template('#cloud-config\nfinal_message: "${client_email}\n')


def test_sample_values_cover_every_variable():
    assert set(SAMPLE_VALUES) == {"client_email", "service_id", "hostname", "client_id", "region"}


@pytest.mark.parametrize("body", [{}, {"name": "web", "content": "#cloud-config\n"}])
def test_preview_takes_a_name_or_content(body):
    with pytest.raises(InvalidInput):
        PreviewRequest.model_validate(body)
