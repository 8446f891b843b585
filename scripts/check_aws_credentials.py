"""``make deploy`` runs this first: are there AWS credentials, and do they work? Says how to
set them when not, before anything is built."""

from __future__ import annotations

import sys

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

HOW_TO = """\
Set them, then run make deploy again (nothing was built):
  aws configure                      # an access key: asks for key id, secret and region
  aws configure sso && aws sso login # or AWS IAM Identity Center (SSO)
  export AWS_PROFILE=<profile>       # or pick a profile from ~/.aws/config
  export AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=...   # or plain environment variables
The user needs rights to create CloudFormation stacks with IAM roles (docs/first-hour.md)."""


def main() -> int:
    session = boto3.session.Session()
    if session.get_credentials() is None:
        print(f"make deploy: no AWS credentials found.\n{HOW_TO}", file=sys.stderr)
        return 1
    sts = session.client(
        "sts",
        region_name=session.region_name or "us-east-1",
        config=Config(connect_timeout=5, read_timeout=10, retries={"total_max_attempts": 2}),
    )
    try:
        identity = sts.get_caller_identity()
    except (ClientError, BotoCoreError) as error:
        print(f"make deploy: the AWS credentials do not work ({error}).\n{HOW_TO}", file=sys.stderr)
        return 1
    print(f"AWS account {identity['Account']} as {identity['Arn']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
