"""Object storage adapters: the S3 API at a storage's s3Url and the pool's tenant registry."""
