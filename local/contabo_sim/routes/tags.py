"""Tags and their assignments to resources (instances, images, object storages, ...)."""

from ..errors import ApiError
from ..state import CUSTOMER_ID, TENANT_ID
from . import Context, Reply, by_request_id, operation, require


@operation("createTag")
def create_tag(ctx: Context) -> Reply:
    if any(t["name"] == ctx.body["name"] for t in ctx.state.tags.values()):
        raise ApiError(409, f"Tag with name {ctx.body['name']} already exists")
    tag_id = ctx.state.next_id("tag")
    tag = {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "tagId": tag_id,
        "name": ctx.body["name"],
    }
    tag |= {"color": ctx.body["color"], "description": ctx.body.get("description", "")}
    ctx.state.tags[tag_id] = tag
    ctx.audit("tags", "CREATED", tagId=tag_id)
    return ctx.one(
        201,
        {"tenantId": TENANT_ID, "customerId": CUSTOMER_ID, "tagId": tag_id},
        f"{ctx.url_path}/{tag_id}",
    )


@operation("retrieveTagList")
def list_tags(ctx: Context) -> Reply:
    items = list(ctx.state.tags.values())
    if "name" in ctx.query:
        items = [t for t in items if t["name"] == ctx.query["name"]]
    return ctx.page(items)


@operation("retrieveTag")
def retrieve_tag(ctx: Context) -> Reply:
    return ctx.one(200, _tag(ctx))


@operation("updateTag")
def update_tag(ctx: Context) -> Reply:
    tag = _tag(ctx)
    tag |= {k: v for k, v in ctx.body.items() if k in ("name", "color", "description")}
    ctx.audit("tags", "UPDATED", tagId=tag["tagId"])
    return Reply(200, {"_links": {"self": ctx.url_path}})


@operation("deleteTag")
def delete_tag(ctx: Context) -> Reply:
    tag = _tag(ctx)
    del ctx.state.tags[tag["tagId"]]
    for key in [k for k in ctx.state.tag_assignments if k[0] == tag["tagId"]]:
        del ctx.state.tag_assignments[key]
    ctx.audit("tags", "DELETED", tagId=tag["tagId"])
    return Reply(204)


@operation("retrieveAssignmentList")
def list_assignments(ctx: Context) -> Reply:
    tag = _tag(ctx)
    items = [a for k, a in ctx.state.tag_assignments.items() if k[0] == tag["tagId"]]
    if "resourceType" in ctx.query:
        items = [a for a in items if a["resourceType"] == ctx.query["resourceType"]]
    return ctx.page(items)


@operation("retrieveAssignment")
def retrieve_assignment(ctx: Context) -> Reply:
    tag_id, resource_type, resource_id = key = _assignment_key(ctx)
    assignment = require(ctx.state.tag_assignments.get(key), "Assignment", resource_id)
    links = _assignment_links(ctx, tag_id, resource_type, resource_id)
    return Reply(200, {"data": [assignment], "_links": links})


@operation("createAssignment")
def create_assignment(ctx: Context) -> Reply:
    tag_id, resource_type, resource_id = key = _assignment_key(ctx)
    if key in ctx.state.tag_assignments:
        raise ApiError(409, f"Tag {tag_id} is already assigned to {resource_type} {resource_id}")
    ctx.state.tag_assignments[key] = {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "tagId": tag_id,
        "tagName": ctx.state.tags[tag_id]["name"],
        "resourceType": resource_type,
        "resourceId": resource_id,
        "resourceName": _resource_name(ctx, resource_type, resource_id),
    }
    ctx.audit(
        "tagAssignments",
        "CREATED",
        tagId=tag_id,
        resourceType=resource_type,
        resourceId=resource_id,
    )
    return Reply(201, {"_links": _assignment_links(ctx, tag_id, resource_type, resource_id)})


@operation("deleteAssignment")
def delete_assignment(ctx: Context) -> Reply:
    tag_id, resource_type, resource_id = key = _assignment_key(ctx)
    require(ctx.state.tag_assignments.pop(key, None), "Assignment", resource_id)
    ctx.audit(
        "tagAssignments",
        "DELETED",
        tagId=tag_id,
        resourceType=resource_type,
        resourceId=resource_id,
    )
    return Reply(204)


@operation("retrieveTagAuditsList")
def tag_audits(ctx: Context) -> Reply:
    return by_request_id(ctx, "tags", ("tagId",))


@operation("retrieveAssignmentsAuditsList")
def assignment_audits(ctx: Context) -> Reply:
    return by_request_id(ctx, "tagAssignments", ("tagId", "resourceId"))


def _tag(ctx: Context) -> dict:
    return require(ctx.state.tags.get(int(ctx.path["tagId"])), "Tag", ctx.path["tagId"])


def _assignment_key(ctx: Context) -> tuple[int, str, str]:
    tag = _tag(ctx)
    return tag["tagId"], str(ctx.path["resourceType"]), str(ctx.path["resourceId"])


def _assignment_links(
    ctx: Context, tag_id: int, resource_type: str, resource_id: str
) -> dict[str, str]:
    resource_link = f"/v1/{resource_type}/{resource_id}"
    return {"self": ctx.url_path, "tag": f"/v1/tags/{tag_id}", "_resource": resource_link}


def _resource_name(ctx: Context, resource_type: str, resource_id: str) -> str:
    if resource_type == "instance" and resource_id.isdigit():
        instance = ctx.state.instances.get(int(resource_id))
        return instance["name"] if instance else ""
    return ""
