"""The local stack's default ports: the one place the code and the docs take them from
(tests/unit/test_docs_match_the_code.py fails when a document quotes another)."""

API_PORT = 3000  # make dev's API (LOCAL_API_PORT, --api-port)
MOTO_PORT = 4566  # moto: DynamoDB, Secrets Manager, EventBridge (LOCAL_MOTO_PORT, --moto-port)
SIM_PORT = 8090  # the Contabo simulator (SIM_PORT, --sim-port)
PREVIEW_PORT = 8095  # make preview: the client area and addon pages (--port)
