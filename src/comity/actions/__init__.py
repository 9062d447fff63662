"""Every state change goes through a named `do_*` function: permission, atomic change, audit."""

from comity.actions.moderation import ActionError, do_hide, do_unhide
from comity.actions.permissions import PermissionDenied, check_permission

__all__ = ["ActionError", "PermissionDenied", "check_permission", "do_hide", "do_unhide"]
