"""The shared package of the Contabo reseller backend (deployed as the Lambda layer).

Layers: ``domain`` (rules and errors, no I/O) -> ``services`` (use cases) -> ``adapters``
(the only code that touches boto3/httpx). ``http`` turns Lambda events into use-case calls.
Nothing is imported here on purpose: each function pays only for what it uses at cold start.
"""
