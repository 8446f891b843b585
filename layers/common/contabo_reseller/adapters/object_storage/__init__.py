"""Object storage adapters: the S3 API at a storage's s3Url (s3_buckets) and the pool's region
claims and pending resizes (pool_claims)."""
