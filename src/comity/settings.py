"""Typed settings: environment (COMITY_ prefix), then comity.toml, then defaults."""

from __future__ import annotations

import secrets
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

_REFUSED_SECRETS = frozenset({"changethis", "secret", "changeme", ""})


class ConnectorSettings(BaseModel):
    """How to reach one channel for outbound actions (the `connectors` setting's values)."""

    model_config = ConfigDict(extra="forbid")

    kind: str = Field(description="Registered connector name, e.g. 'youtube' or 'generic'.")
    token: SecretStr | None = Field(None, description="Sent as `Authorization: Bearer ...`.")
    base_url: str = Field("", description="Base URL for connectors that call relative paths.")
    timeout: float = Field(10.0, gt=0, le=120, description="Seconds per request.")
    options: dict[str, str] = Field(
        default_factory=dict, description="Keyword arguments of the connector, e.g. channel_id."
    )


class Settings(BaseSettings):
    """Every setting Comity reads; documented in docs/configuration.md."""

    model_config = SettingsConfigDict(
        env_prefix="COMITY_", toml_file="comity.toml", extra="forbid", validate_default=True
    )

    data_dir: Path = Field(
        Path("comity-data"), description="Where the database, keys and tuned models live."
    )
    database_url: str = Field(
        "",
        description="SQLAlchemy URL; empty means SQLite at DATA_DIR/comity.db. "
        "PostgreSQL: postgresql+psycopg://user@host/db",
    )
    secret_key: SecretStr | None = Field(
        None, description="Signs session cookies; generated into DATA_DIR/secret_key when unset."
    )
    webhook_secret: SecretStr | None = Field(
        None, description="HMAC key for POST /api/v1/webhooks/{channel} (all channels)."
    )
    webhook_secrets: dict[str, SecretStr] = Field(
        default_factory=dict,
        description="Per-channel webhook HMAC keys, overriding webhook_secret.",
    )
    webhook_tolerance_seconds: int = Field(
        300, ge=10, le=3600, description="How old a signed webhook timestamp may be."
    )
    host: str = Field("127.0.0.1", description="Address `comity serve` binds to.")
    port: int = Field(8000, ge=1, le=65535, description="Port `comity serve` listens on.")
    secure_cookies: bool = Field(
        False, description="Mark session cookies Secure (turn on behind HTTPS)."
    )
    triage_bundle: str = Field("default", description="Model bundle: 'default' or 'research'.")
    brand_accounts: list[str] = Field(
        default_factory=list,
        description="The brand's own handles (`handle` or `channel:handle`); their comments are "
        "never cases. Comments marked `from_brand` by a connector count too.",
    )
    rules_file: Path | None = Field(
        None, description="Netiquette rule file (YAML); unset means the built-in default rules."
    )
    playbook_file: Path | None = Field(
        None, description="Playbook overrides (YAML) laid over the built-in defaults."
    )
    max_batch: int = Field(1000, ge=1, le=10000, description="Most comments in one API batch.")
    alert_urls: list[str] = Field(
        default_factory=list,
        description="Where storm alerts are sent: Apprise URLs (Slack, Teams, e-mail, Telegram, "
        "json:// webhooks …); empty means the UI only.",
    )
    monitoring_file: Path | None = Field(
        None,
        description="Monitoring overrides (YAML): detector thresholds, holding statements, "
        "contacts, crisis mode; unset means the built-in defaults.",
    )
    brand_profile_file: Path | None = Field(
        None,
        description="Brand profile YAML (voice, glossary, facts, campaigns); unset means "
        "DATA_DIR/brand_profile.yaml once an admin saved one, else the demo brand's.",
    )
    replies_llm_url: str = Field(
        "",
        description="OpenAI-compatible chat endpoint (base URL) that may rewrite suggested "
        "replies; empty (default) keeps the template drafts.",
    )
    replies_llm_model: str = Field("", description="Model name sent to replies_llm_url.")
    replies_llm_api_key: SecretStr | None = Field(
        None, description="Bearer key for replies_llm_url, if it needs one."
    )
    replies_llm_timeout: float = Field(
        4.0, gt=0, le=60, description="Seconds to wait for replies_llm_url before falling back."
    )

    queue_url: str = Field(
        "",
        description="Redis URL (redis://host:6379/0) for the scale-out mode: ingest publishes to "
        "Redis Streams and `comity worker` processes run the pipeline; empty (default) runs the "
        "pipeline inside the serving process.",
    )
    queue_prefix: str = Field(
        "comity",
        min_length=1,
        max_length=64,
        description="Prefix of Comity's Redis keys, so installations can share one Redis.",
    )
    queue_partitions: int = Field(
        16,
        ge=1,
        le=1024,
        description="Streams the work is split into by author; at most this many workers are "
        "busy at once. Keep it fixed while comments are queued.",
    )

    connectors: dict[str, ConnectorSettings] = Field(
        default_factory=dict,
        description="Channel -> connector for delivering the outbox (kind, token, base_url, "
        "timeout, options); a channel without one keeps its actions pending.",
    )
    delivery_interval: float = Field(
        10.0, gt=0, le=3600, description="Seconds between delivery passes over the outbox."
    )
    delivery_max_attempts: int = Field(
        8, ge=1, le=100, description="Attempts before an outbox entry is marked failed."
    )
    delivery_backoff_seconds: float = Field(
        30.0, gt=0, le=86400, description="First retry delay; doubles per attempt (jittered)."
    )
    delivery_stale_minutes: int = Field(
        10, ge=1, le=1440, description="A claim older than this goes back to pending."
    )
    events_keep_days: int = Field(
        30, ge=1, le=3650, description="Live-update events older than this are pruned hourly."
    )
    events_keep_min: int = Field(
        10_000, ge=0, description="The newest events kept however old they are."
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))

    @field_validator("secret_key", "webhook_secret")
    @classmethod
    def _refuse_placeholder(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value().strip().lower() in _REFUSED_SECRETS:
            raise ValueError("refusing a placeholder secret; set a long random value")
        return value

    @property
    def resolved_database_url(self) -> str:
        """The database URL, defaulting to SQLite inside the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'comity.db').as_posix()}"

    def session_secret(self) -> str:
        """The cookie-signing key, created once per data directory when not configured."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        path = self.data_dir / "secret_key"
        if path.exists():
            return path.read_text(encoding="utf-8").strip()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        path.write_text(key, encoding="utf-8")
        path.chmod(0o600)
        return key

    def webhook_key(self, channel: str) -> str | None:
        """The HMAC key for a channel's webhook, or None when webhooks are off for it."""
        key = self.webhook_secrets.get(channel) or self.webhook_secret
        return key.get_secret_value() if key is not None else None
