"""Base class of the domain's pydantic models.

``defer_build`` postpones each model's validator and serializer until its first use: a
function builds only the models its own routes validate, not the hundred-odd every domain
module it imports declares (a third of a cold start's model cost; docs/performance.md).
"""

from pydantic import BaseModel, ConfigDict


class DomainModel(BaseModel):
    model_config = ConfigDict(defer_build=True)
