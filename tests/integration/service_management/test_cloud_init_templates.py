from __future__ import annotations

WEB = (
    "#cloud-config\nhostname: ${hostname}\nwrite_files:\n  - path: /etc/motd\n"
    '    content: "${client_email} ${service_id} ${client_id} ${region} ${HOME}"\n'
)


def test_put_list_preview_delete(whmcs):
    put = whmcs.request(
        "PUT", "/admin/cloud-init-templates/web-base", {"description": "Web", "content": WEB}
    )
    assert put.status_code == 200, put.text
    assert put.json() == {"name": "web-base", "description": "Web", "content": WEB}
    listed = whmcs.request("GET", "/admin/cloud-init-templates").json()["items"]
    assert {"name": "web-base", "description": "Web", "content": WEB} in listed

    preview = whmcs.request("POST", "/admin/cloud-init-templates/preview", {"name": "web-base"})
    assert preview.status_code == 200, preview.text
    result = preview.json()
    assert result["valid"] is True and result["error"] is None
    assert "hostname: server1.example.com" in result["rendered"]
    assert "${HOME}" in result["rendered"]  # not ours: left for the shell
    assert result["unknown_variables"] == ["HOME"]
    assert result["bytes"] == len(result["rendered"].encode())

    deleted = whmcs.request("DELETE", "/admin/cloud-init-templates/web-base")
    assert deleted.status_code == 200 and deleted.json() == {"deleted": True}
    assert whmcs.request("DELETE", "/admin/cloud-init-templates/web-base").status_code == 404
    gone = whmcs.request("POST", "/admin/cloud-init-templates/preview", {"name": "web-base"})
    assert gone.status_code == 404


def test_preview_with_a_services_values(whmcs, active_service):
    preview = whmcs.request(
        "POST",
        "/admin/cloud-init-templates/preview",
        {"content": WEB, "service_id": active_service},
    ).json()
    assert preview["variables"] == {
        "client_email": "ada@example.com",
        "service_id": active_service,
        "hostname": "web1.example.com",
        "client_id": "7",
        "region": "EU",
    }
    assert f"ada@example.com {active_service} 7 EU" in preview["rendered"]


def test_invalid_templates_are_refused(whmcs):
    not_cloud_config = whmcs.request(
        "PUT", "/admin/cloud-init-templates/broken", {"content": "packages: [nginx]\n"}
    )
    assert not_cloud_config.status_code == 400
    assert "#cloud-config" in not_cloud_config.json()["error"]["message"]
    bad_yaml = whmcs.request(
        "PUT", "/admin/cloud-init-templates/broken", {"content": "#cloud-config\nusers: [a\n"}
    )
    assert bad_yaml.status_code == 400
    assert "not valid YAML" in bad_yaml.json()["error"]["message"]
    bad_name = whmcs.request("PUT", "/admin/cloud-init-templates/Bad Name", {"content": WEB})
    assert bad_name.status_code in (400, 404)
    draft = whmcs.request(
        "POST", "/admin/cloud-init-templates/preview", {"content": "#cloud-config\n- a\n- b\n"}
    ).json()
    assert draft["valid"] is False
    assert "mapping" in draft["error"]
    neither = whmcs.request("POST", "/admin/cloud-init-templates/preview", {})
    assert neither.status_code == 400
