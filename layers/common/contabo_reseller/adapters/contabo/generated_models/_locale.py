# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createUser, retrieveUser, retrieveUserList, updateUser.

from __future__ import annotations

from enum import StrEnum


class Locale(StrEnum):
    de_de = 'de-DE'
    de = 'de'
    en_us = 'en-US'
    en = 'en'
    es = 'es'
    es_es = 'es-ES'
    pt_br = 'pt-BR'
    pt = 'pt'
