"""The cdn tier: CloudFront with Origin Access Control, the API behind /api/*, WAF, custom domain, logs."""

from components.cdn.component import Cdn, CdnArgs

__all__ = ["Cdn", "CdnArgs"]
