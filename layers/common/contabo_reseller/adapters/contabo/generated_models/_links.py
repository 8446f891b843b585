# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by listObjectStorageCredentials, retrieveAssignmentList, retrieveDataCenterList,
# retrieveImageList, retrieveInstancesActionsAuditsList, retrieveInstancesAuditsList,
# retrieveInstancesList, retrieveObjectStorageAuditsList, retrieveObjectStorageList,
# retrievePrivateNetworkAuditsList, retrievePrivateNetworkList, retrievePtrRecordsList,
# retrieveRoleList, retrieveSecretAuditsList, retrieveSnapshotList, retrieveSnapshotsAuditsList,
# retrieveTagAuditsList, retrieveTagList, retrieveUserList, retrieveVipAuditsList, retrieveVipList.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class Links(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    self: str = Field(..., description='Link to current resource.')
    first: str = Field(..., description='Link to first page, if applicable.')
    previous: str | None = Field(
        None, description='Link to previous page, if applicable.'
    )
    next: str | None = Field(None, description='Link to next page, if applicable.')
    last: str = Field(..., description='Link to last page, if applicable.')
