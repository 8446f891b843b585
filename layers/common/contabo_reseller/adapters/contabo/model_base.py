"""Base class of the generated Contabo models.

``defer_build`` postpones each model's validator until its first use, so importing the
generated modules costs a fraction of building ~200 validators a cold start mostly never uses.
"""

from pydantic import BaseModel, ConfigDict


class ContaboModel(BaseModel):
    model_config = ConfigDict(defer_build=True, populate_by_name=True)
