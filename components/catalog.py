"""Closed lists the config model validates against: regions, instance classes, Fargate sizes, versions.

Kept apart from the model so the lists read as data and can be refreshed on their own.
"""

from __future__ import annotations

AWS_REGIONS: tuple[str, ...] = (
    "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    "ca-central-1", "ca-west-1", "sa-east-1", "mx-central-1",
    "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2",
    "eu-north-1", "eu-south-1", "eu-south-2",
    "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
    "ap-southeast-7", "ap-east-1", "me-south-1", "me-central-1", "il-central-1", "af-south-1",
)  # fmt: skip
"""Commercial AWS regions (partition ``aws``)."""

_SIZES_BURSTABLE = ("micro", "small", "medium", "large")
_SIZES_GENERAL = ("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge")

RDS_INSTANCE_CLASSES: tuple[str, ...] = (
    *(f"db.t4g.{size}" for size in _SIZES_BURSTABLE),
    *(f"db.t3.{size}" for size in _SIZES_BURSTABLE),
    *(f"db.{family}.{size}" for family in ("m7g", "m6g", "r7g", "r6g", "m7i", "r7i") for size in _SIZES_GENERAL),
)  # fmt: skip
"""RDS for PostgreSQL instance classes paved accepts (Graviton first)."""

CACHE_NODE_TYPES: tuple[str, ...] = (
    *(f"cache.t4g.{size}" for size in ("micro", "small", "medium")),
    *(f"cache.t3.{size}" for size in ("micro", "small", "medium")),
    *(f"cache.{family}.{size}" for family in ("m7g", "r7g", "m6g", "r6g") for size in _SIZES_GENERAL[:5]),
)  # fmt: skip
"""ElastiCache node types paved accepts."""

FARGATE_CPU_MEMORY: dict[int, tuple[int, ...]] = {
    256: (512, 1024, 2048),
    512: tuple(range(1024, 4097, 1024)),
    1024: tuple(range(2048, 8193, 1024)),
    2048: tuple(range(4096, 16385, 1024)),
    4096: tuple(range(8192, 30721, 1024)),
}
"""Valid Fargate task sizes: CPU units → the memory sizes (MiB) allowed with them."""

CACHE_ENGINE_VERSIONS: dict[str, tuple[str, ...]] = {
    "valkey": ("7.2", "8.0", "8.1"),
    "redis": ("6.2", "7.0", "7.1"),
}
"""ElastiCache engine versions paved accepts: each supports in-transit encryption with an AUTH token."""

AURORA_AUTO_PAUSE_FROM: dict[int, int] = {13: 15, 14: 12, 15: 7, 16: 3, 17: 4}
"""Aurora PostgreSQL major → first minor version whose Serverless v2 scales to 0 ACUs (auto-pause)."""
