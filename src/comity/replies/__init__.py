"""Replies: brand profile, saved replies, suggested drafts and live draft checks."""

from comity.replies.approvals import ApprovalPolicy, requires_approval
from comity.replies.checks import blocks_sending, check
from comity.replies.facts import FactMatch, contradicted_facts
from comity.replies.hints import Hint
from comity.replies.profile import DEMO_PROFILE, BrandProfile, ProfileError, load_profile
from comity.replies.similarity import RecentReply, ReplyCorpus
from comity.replies.suggest import CaseInput, Draft, suggest

__all__ = [
    "DEMO_PROFILE",
    "ApprovalPolicy",
    "BrandProfile",
    "CaseInput",
    "Draft",
    "FactMatch",
    "Hint",
    "ProfileError",
    "RecentReply",
    "ReplyCorpus",
    "blocks_sending",
    "check",
    "contradicted_facts",
    "load_profile",
    "requires_approval",
    "suggest",
]
