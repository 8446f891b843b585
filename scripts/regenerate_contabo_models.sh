#!/usr/bin/env bash
# Regenerates the Contabo client's pydantic models from the spec in docs/contabo/.
# Only the schemas of the operations in adapters/contabo/operations.py are generated, and each
# module is split into a package whose models load per operation (cold start).
# Usage: scripts/regenerate_contabo_models.sh [OUTPUT_DIR]   (from the repository root, after
# `make venv`; OUTPUT_DIR defaults to the adapter's directory, tests write elsewhere)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
OUT=${1:-layers/common/contabo_reseller/adapters/contabo}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

generate() {  # generate <raw|firewall|domains> <output package> <source spec>
    $BIN/python scripts/trim_contabo_spec.py "$1" "$WORK/$1.json"
    $BIN/datamodel-codegen \
        --input "$WORK/$1.json" --input-file-type openapi \
        --output-model-type pydantic_v2.BaseModel --target-python-version 3.12 \
        --snake-case-field --allow-population-by-field-name \
        --base-class contabo_reseller.adapters.contabo.model_base.ContaboModel \
        --use-standard-collections --use-union-operator --field-constraints \
        --strict-nullable --set-default-enum-member --disable-timestamp --formatters black isort \
        --custom-file-header "$(printf '%s\n' \
            "# Generated from $3 by scripts/regenerate_contabo_models.sh" \
            "# (datamodel-code-generator $($BIN/datamodel-codegen --version | cut -d" " -f2), only the schemas" \
            "# of adapters/contabo/operations.py). Never edit by hand: run the script again.")" \
        --output "$WORK/$2.py" 2> >(grep -v -e UserWarning -e warn_ -e lambda -e FutureWarning >&2 || true)
    $BIN/python scripts/split_contabo_models.py "$1" "$WORK/$2.py" "$OUT/$2"
}

generate raw generated_models docs/contabo/openapi.json
generate firewall generated_firewall_models docs/contabo/openapi-2026-08.generator-normalized.yaml
generate domains generated_domain_models "docs/contabo/openapi.json (+ listPendingActions from the normalized yaml)"
