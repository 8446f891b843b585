"""In-memory account state: every resource kept in spec shape, indexed by id.

Time-driven changes (provisioning, stop -> stopped, ...) are queued as events and applied
lazily by `tick()` before each request, so an advanced clock takes effect immediately.
"""

import heapq
import itertools
import secrets
import threading
import uuid
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from typing import Any

from .catalog import REGIONS, STANDARD_IMAGES
from .clock import SimClock, iso
from .config import SimulatorConfig
from .faults import Faults

TENANT_ID = "DE"
CUSTOMER_ID = "54321"
USER_ID = "6cdf5968-f9fe-4192-97c2-f349e813c5e8"
ADMIN_ROLE_ID = 1
S3_ROLE_ID = 2
S3_TENANT_ID = uuid.uuid5(uuid.NAMESPACE_URL, CUSTOMER_ID).hex
SNAPSHOT_QUOTA_PER_INSTANCE = 2  # Contabo's default: 2 snapshots per VPS/VDS
CUSTOM_IMAGE_QUOTA_MB = 25 * 1024


def new_s3_keys() -> dict[str, str]:
    return {"accessKey": secrets.token_hex(10).upper(), "secretKey": secrets.token_hex(20)}


class SimState:
    def __init__(self, config: SimulatorConfig, clock: SimClock | None = None) -> None:
        self.config = config
        self.clock = clock or SimClock()
        self.lock = threading.RLock()
        self.faults = Faults(config.seed, config.latency_ms)
        self.faults.configure(config.faults)
        self.token_ttl_seconds = config.token_ttl_seconds
        self._reset_data()

    def reset(self) -> None:
        with self.lock:
            self.clock.reset()
            self.faults.reset()
            self.faults.configure(self.config.faults)
            self.token_ttl_seconds = self.config.token_ttl_seconds
            self._reset_data()

    def _reset_data(self) -> None:
        self.tokens: dict[str, datetime] = {}
        self.token_requests = 0
        self.purchases: Counter[str] = Counter()
        self.validation_failures: list[dict[str, Any]] = []
        self.audits: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.instances: dict[int, dict[str, Any]] = {}
        self.snapshots: dict[int, dict[str, dict[str, Any]]] = defaultdict(dict)
        self.images: dict[str, dict[str, Any]] = {}
        self.secrets: dict[int, dict[str, Any]] = {}
        self.tags: dict[int, dict[str, Any]] = {}
        self.tag_assignments: dict[tuple[int, str, str], dict[str, Any]] = {}
        self.private_networks: dict[int, dict[str, Any]] = {}
        self.firewalls: dict[str, dict[str, Any]] = {}
        self.vips: dict[str, dict[str, Any]] = {}
        self.ptrs: dict[str, dict[str, Any]] = {}
        self.object_storages: dict[str, dict[str, Any]] = {}
        # Users and S3 keys as Contabo documents them: one key pair per user, valid for every
        # object storage of the account ("shared across locations"); a credential entry per
        # (user, storage) pair only names the storage the keys are listed under.
        self.users: dict[str, dict[str, Any]] = {USER_ID: self._owner()}
        self.s3_keys: dict[str, dict[str, str]] = {USER_ID: new_s3_keys()}
        self.credentials: dict[int, dict[str, Any]] = {}
        self.domains: dict[str, dict[str, Any]] = {}
        self.handles: dict[str, dict[str, Any]] = {}
        self.dns_zones: dict[str, dict[str, Any]] = {}
        # The outside world's registry: domains registered elsewhere -> their auth code
        # (a transfer in needs it); `routes.domains.register_elsewhere` adds to it.
        self.registry: dict[str, str] = {}
        self._events: list[tuple[datetime, int, int, str]] = []
        self._event_seq = itertools.count()
        self._ids = defaultdict(lambda: itertools.count(1))
        self._instance_ids = itertools.count(202400001)
        self._ip_ids = itertools.count(1)
        self._seed_images()
        self._seed_vips()

    def _owner(self) -> dict[str, Any]:
        return {
            "userId": USER_ID,
            "firstName": "Demo",
            "lastName": "Reseller",
            "email": self.config.api_user,
            "emailVerified": True,
            "enabled": True,
            "totp": False,
            "locale": "en",
            "roles": [ADMIN_ROLE_ID],
            "owner": True,
        }

    def s3_principal(self, user_id: str) -> str:
        """Contabo's documented ARN of a user in S3 bucket policies (main user: no userId)."""
        base = f"arn:aws:iam::{S3_TENANT_ID}:user/{CUSTOMER_ID}"
        return base if self.users.get(user_id, {}).get("owner") else f"{base}:{user_id}"

    def user_by_access_key(self, access_key: str) -> tuple[str, dict[str, str]] | None:
        with self.lock:
            for user_id, keys in self.s3_keys.items():
                if keys["accessKey"] == access_key:
                    return user_id, dict(keys)
        return None

    def add_credential(self, user_id: str, storage_id: str) -> None:
        credential_id = self.next_id("credential")
        self.credentials[credential_id] = {
            "credentialId": credential_id,
            "objectStorageId": storage_id,
            "userId": user_id,
        }

    # ids -------------------------------------------------------------------------------
    def next_id(self, kind: str) -> int:
        return next(self._ids[kind])

    def next_instance_id(self) -> int:
        return next(self._instance_ids)

    def next_ip_pair(self) -> tuple[str, str]:
        """A public IPv4/IPv6 pair from the documentation ranges (never routable)."""
        n = next(self._ip_ids)
        return (
            f"203.0.{113 + n // 254 % 2}.{n % 254 + 1}",
            f"2001:db8:{n // 65536:x}:{n % 65536:x}::1",
        )

    # tokens ----------------------------------------------------------------------------
    def issue_token(self) -> str:
        with self.lock:
            self.token_requests += 1
            token = secrets.token_urlsafe(32)
            self.tokens[token] = self.clock.now() + timedelta(seconds=self.token_ttl_seconds)
            return token

    def token_valid(self, token: str) -> bool:
        expiry = self.tokens.get(token)
        return expiry is not None and self.clock.now() < expiry

    def expire_tokens(self) -> None:
        with self.lock:
            now = self.clock.now()
            self.tokens = dict.fromkeys(self.tokens, now)

    # audits ----------------------------------------------------------------------------
    def audit(self, kind: str, action: str, request_id: str, trace_id: str, **ids: Any) -> None:
        """Record one change; `kind` names the audit list (instances, snapshots, secrets, ...)."""
        entries = self.audits[kind]
        entries.append(
            {
                "id": len(entries) + 1,
                "action": action,
                "timestamp": iso(self.clock.now()),
                "tenantId": TENANT_ID,
                "customerId": CUSTOMER_ID,
                "changedBy": USER_ID,
                "username": self.config.api_user,
                "requestId": request_id,
                "traceId": trace_id,
                **ids,
            }
        )

    # time-driven changes ------------------------------------------------------------------
    def schedule_status(self, instance_id: int, after_seconds: float, status: str) -> None:
        due = self.clock.now() + timedelta(seconds=after_seconds)
        heapq.heappush(self._events, (due, next(self._event_seq), instance_id, status))

    def schedule_change(self, instance_id: int, after_seconds: float, fields: dict) -> None:
        """Sets ``fields`` on the instance once the clock passes (a region move, ...)."""
        due = self.clock.now() + timedelta(seconds=after_seconds)
        heapq.heappush(self._events, (due, next(self._event_seq), instance_id, fields))

    def tick(self) -> None:
        with self.lock:
            now = self.clock.now()
            while self._events and self._events[0][0] <= now:
                _, _, instance_id, status = heapq.heappop(self._events)
                instance = self.instances.get(instance_id)
                if instance is not None and isinstance(status, dict):
                    instance |= status
                elif instance is not None:
                    instance["status"] = status

    # seed data -------------------------------------------------------------------------
    def _seed_images(self) -> None:
        created = iso(self.clock.now() - timedelta(days=90))
        for image in STANDARD_IMAGES:
            self.images[image.image_id] = {
                "imageId": image.image_id,
                "tenantId": TENANT_ID,
                "customerId": CUSTOMER_ID,
                "name": image.name,
                "description": image.name,
                "url": "",
                "sizeMb": image.size_mb,
                "uploadedSizeMb": image.size_mb,
                "osType": image.os_type,
                "version": image.version,
                "format": "qcow2",
                "status": "downloaded",
                "errorMessage": "",
                "standardImage": True,
                "creationDate": created,
                "lastModifiedDate": created,
                "tags": [],
            }

    def _seed_vips(self) -> None:
        for n, region in enumerate(("EU", "EU", "US-central", "SIN"), start=1):
            self.add_vip(f"198.51.100.{n}", region)

    def add_vip(self, ip: str, region: str) -> dict[str, Any]:
        """An additional IPv4 of the account (unassigned until an instance takes it)."""
        vip = {
            "tenantId": TENANT_ID,
            "customerId": CUSTOMER_ID,
            "vipId": str(uuid.uuid5(uuid.NAMESPACE_URL, ip)),
            "dataCenter": REGIONS[region].data_center,
            "region": region,
            "resourceId": "",
            "resourceType": "instances",
            "resourceName": "",
            "resourceDisplayName": "",
            "ipVersion": "v4",
            "type": "additional",
            "ipAddress": ip,
            "v4": {
                "ip": ip,
                "netmaskCidr": 32,
                "gateway": "198.51.100.254",
                "broadcast": ip,
                "net": f"{ip}/32",
            },
        }
        self.vips[ip] = vip
        return vip

    def summary(self) -> dict[str, Any]:
        """What `GET /__sim/state` shows."""
        with self.lock:
            return {
                "now": iso(self.clock.now()),
                "instances": list(self.instances.values()),
                "purchases": dict(self.purchases),
                "tokenRequests": self.token_requests,
                "audits": {kind: list(entries) for kind, entries in self.audits.items()},
                "validationFailures": list(self.validation_failures),
                "faults": self.faults.snapshot(),
            }
