"""YouTube Data API v3: poll comment threads of the brand's channel, reply, hold, delete."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar

import httpx

from comity.connectors.base import (
    ActionResult,
    ConnectorError,
    NotSupported,
    OutboundAction,
    PollResult,
)

API = "https://www.googleapis.com/youtube/v3"


def _comment_record(comment: Mapping[str, Any], parent: str | None) -> dict[str, Any]:
    snippet = comment["snippet"]
    record: dict[str, Any] = {
        "channel": "youtube",
        "external_id": comment["id"],
        "author": {
            "handle": snippet.get("authorChannelId", {}).get("value")
            or snippet.get("authorDisplayName", "unknown"),
            "name": snippet.get("authorDisplayName", ""),
        },
        "text": snippet.get("textOriginal", snippet.get("textDisplay", "")),
        "created_at": snippet["publishedAt"],
        "url": f"https://www.youtube.com/watch?v={snippet.get('videoId', '')}&lc={comment['id']}",
        "context": {"video_id": snippet.get("videoId")},
        "like_count": snippet.get("likeCount", 0),
    }
    if snippet.get("updatedAt") and snippet["updatedAt"] != snippet["publishedAt"]:
        record["edited_at"] = snippet["updatedAt"]
    if parent:
        record["parent"] = parent
    return record


class YouTubeConnector:
    """Needs an OAuth access token of the channel owner for actions (the client carries it)."""

    name: ClassVar[str] = "youtube"
    supported_actions: ClassVar[frozenset[str]] = frozenset({"reply", "hide", "unhide", "delete"})

    def __init__(self, channel_id: str = "") -> None:
        self.channel_id = channel_id

    def to_records(self, payload: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Records for a `commentThreads.list` response: top-level comments, then replies."""
        records: list[dict[str, Any]] = []
        for thread in payload.get("items", []):
            top = thread["snippet"]["topLevelComment"]
            records.append(_comment_record(top, None))
            for reply in thread.get("replies", {}).get("comments", []):
                records.append(_comment_record(reply, top["id"]))
        return records

    def poll(self, client: httpx.Client, since: datetime | None, cursor: str | None) -> PollResult:
        params = {
            "part": "snippet,replies",
            "allThreadsRelatedToChannelId": self.channel_id,
            "order": "time",
            "maxResults": "100",
        }
        if cursor:
            params["pageToken"] = cursor
        payload = self._call(client, "GET", "/commentThreads", params=params)
        records = self.to_records(payload)
        if since is not None:
            records = [
                r
                for r in records
                if datetime.fromisoformat(r["created_at"].replace("Z", "+00:00")) >= since
            ]
        return PollResult(records=records, cursor=payload.get("nextPageToken"))

    def perform(self, client: httpx.Client, action: OutboundAction) -> ActionResult:
        if action.kind == "reply":
            body = {"snippet": {"parentId": action.external_id, "textOriginal": action.text}}
            created = self._call(client, "POST", "/comments", params={"part": "snippet"}, json=body)
            return ActionResult(ok=True, detail="reply posted", external_id=created.get("id"))
        if action.kind in ("hide", "unhide"):
            status = "heldForReview" if action.kind == "hide" else "published"
            self._call(
                client,
                "POST",
                "/comments/setModerationStatus",
                params={"id": action.external_id, "moderationStatus": status},
            )
            return ActionResult(ok=True, detail=f"moderation status {status}")
        if action.kind == "delete":
            self._call(client, "DELETE", "/comments", params={"id": action.external_id})
            return ActionResult(ok=True, detail="deleted")
        raise NotSupported(f"YouTube's API cannot {action.kind} a comment")

    @staticmethod
    def _call(
        client: httpx.Client,
        method: str,
        path: str,
        *,
        params: Mapping[str, str],
        json: Any = None,
    ) -> dict[str, Any]:
        response = client.request(method, API + path, params=params, json=json)
        if response.status_code >= 400:
            reason = response.json().get("error", {}).get("message", "") if response.content else ""
            raise ConnectorError(f"YouTube answered {response.status_code}: {reason}".strip())
        return response.json() if response.content else {}
