from contabo_reseller.domain import signing

VECTOR_CANONICAL = (
    "POST\n/services/42/suspend\na=0&a=1&b=2%20x\n1767225600\nabcdefghijklmnop1234\n"
    "b6339a1c1a2e73b9022d9a4707a768ad1f96233dbe311351ae27a4076ffdf805"
)
VECTOR_SIGNATURE = "be583e7d9c7acea39f774de70541b53dca77c827972589b229c4583a4a5f3e23"


def test_documented_vector():
    canonical = signing.canonical_string(
        "post",
        "/services/42/suspend",
        {"b": ["2 x"], "a": ["1", "0"]},
        "1767225600",
        "abcdefghijklmnop1234",
        b'{"reason":"overdue"}',
    )
    assert canonical == VECTOR_CANONICAL
    assert signing.sign("test-secret-123", canonical) == VECTOR_SIGNATURE


def test_query_encoding_matches_php_rawurlencode():
    assert signing.canonical_query({"q": ["a+b/c~d é"]}) == "q=a%2Bb%2Fc~d%20%C3%A9"
    assert signing.canonical_query(None) == ""


def test_signature_compare_rejects_any_change():
    assert signing.signature_matches("test-secret-123", VECTOR_CANONICAL, VECTOR_SIGNATURE)
    assert signing.signature_matches("test-secret-123", VECTOR_CANONICAL, VECTOR_SIGNATURE.upper())
    assert not signing.signature_matches("test-secret-124", VECTOR_CANONICAL, VECTOR_SIGNATURE)
    assert not signing.signature_matches(
        "test-secret-123", VECTOR_CANONICAL + "x", VECTOR_SIGNATURE
    )


VECTOR_V2_CANONICAL = "WHMCS-HMAC-SHA256-2\nabc123.execute-api.eu-central-1.amazonaws.com\n" + (
    VECTOR_CANONICAL.replace("/services/42/suspend", "/Prod/services/42/suspend")
)
VECTOR_V2_SIGNATURE = "3a45d0b8f647819ee41d19bc579f087e1e25b858c672f36b5fc4826137c88f84"


def test_documented_vector_v2_binds_host_and_stage():
    canonical = signing.canonical_string_v2(
        "ABC123.execute-api.eu-central-1.amazonaws.com",
        "post",
        "/Prod/services/42/suspend",
        {"b": ["2 x"], "a": ["1", "0"]},
        "1767225600",
        "abcdefghijklmnop1234",
        b'{"reason":"overdue"}',
    )
    assert canonical == VECTOR_V2_CANONICAL
    assert signing.sign("test-secret-123", canonical) == VECTOR_V2_SIGNATURE
