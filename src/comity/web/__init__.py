"""The web adapter: JSON API, inbox UI, webhooks. Build it with `create_app(settings)`."""

from comity.web.app import create_app

__all__ = ["create_app"]
