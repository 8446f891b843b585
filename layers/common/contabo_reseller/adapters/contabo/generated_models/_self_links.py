# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by assignIp, cancelInstance, CancelObjectStorage, createCustomImage, createInstance,
# createObjectStorage, createPrivateNetwork, createPtrRecord, createSecret, createSnapshot,
# createTag, createUser, getObjectStorageCredentials, patchInstance, patchPrivateNetwork,
# regenerateObjectStorageCredentials, reinstallInstance, rescue, resetPasswordAction, restart,
# retrieveCustomImagesStats, retrieveImage, retrieveInstance, retrieveObjectStorage,
# retrieveObjectStoragesStats, retrievePrivateNetwork, retrievePtrRecord, retrieveSecret,
# retrieveSecretList, retrieveSnapshot, retrieveTag, retrieveUser, retrieveUserClient, retrieveVip,
# rollbackSnapshot, shutdown, start, stop, updateImage, updateObjectStorage, updateSecret,
# updateSnapshot, updateTag, updateUser, upgradeInstance, upgradeObjectStorage.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class SelfLinks(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    self: str = Field(..., description='Link to current resource.')
