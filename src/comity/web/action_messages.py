"""comity.actions' errors in the user's language.

The actions raise English messages (the API and the CLI show them as they are). The inbox
maps the error types and the known message shapes to catalogue entries with parameters;
a message it does not know is shown unchanged rather than hidden behind a generic text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from comity.actions import AssignmentConflict, PermissionDenied, RecentReplyConflict
from comity.web.i18n import UiLocale
from comity.web.labels import N_, label_id

# (message shape, catalogue id); groups named `kind`, `status` or `opposite` are translated
# as action / comment-status labels, the other groups are passed on as they are.
_KNOWN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), msgid)
    for pattern, msgid in (
        (r"no case (?P<id>\d+)", N_("There is no case %(id)s.")),
        (r"no comment (?P<id>\d+)", N_("There is no comment %(id)s.")),
        (r"no reply (?P<id>\d+)", N_("There is no reply %(id)s.")),
        (r"no audit entry (?P<id>\d+)", N_("There is no audit entry %(id)s.")),
        (
            r"comment (?P<id>\d+) is deleted; nothing can change it now",
            N_("Comment %(id)s is deleted; nothing can change it now."),
        ),
        (
            r"comment (?P<id>\d+) is already (?P<status>\w+)",
            N_("Comment %(id)s is already %(status)s."),
        ),
        (
            r"hiding needs a reason \(it goes into the statement of reasons\)",
            N_("Hiding needs a reason (it goes into the statement of reasons)."),
        ),
        (
            r"deleting needs a reason \(it goes into the statement of reasons\)",
            N_("Deleting needs a reason (it goes into the statement of reasons)."),
        ),
        (
            r"(?:a )?(?P<kind>\w+) needs a reason \(it goes into the statement of reasons\)",
            N_("%(kind)s needs a reason (it goes into the statement of reasons)."),
        ),
        (r"select at least one case", N_("Select at least one case.")),
        (r"at most (?P<count>\d+) cases at once", N_("At most %(count)s cases at once.")),
        (r"bulk assign needs an assignee", N_("Bulk assign needs an assignee.")),
        (
            r"bulk snooze needs a time to snooze until",
            N_("Bulk snooze needs a time to snooze until."),
        ),
        (r"bulk label needs a label", N_("Bulk label needs a label.")),
        (r"name the author by channel and handle", N_("Name the author by channel and handle.")),
        (
            r"a (?P<kind>\w+) must end in the future \(with a time zone\)",
            N_("%(kind)s must end in the future (with a time zone)."),
        ),
        (
            r"(?P<handle>.+) on (?P<channel>[\w.-]+) has no active (?P<kind>\w+)",
            N_("%(handle)s on %(channel)s has no active %(kind)s."),
        ),
        (r"a (?P<kind>\w+) needs some text", N_("%(kind)s needs some text.")),
        (
            r"a (?P<kind>\w+) is at most (?P<count>\d+) characters",
            N_("%(kind)s is at most %(count)s characters."),
        ),
        (
            r"no active user '(?P<email>[^']*)' to assign the case to",
            N_("There is no active user %(email)s to assign the case to."),
        ),
        (
            r"case (?P<id>\d+) is already assigned to (?P<email>.+)",
            N_("Case %(id)s is already assigned to %(email)s."),
        ),
        (r"case (?P<id>\d+) is not assigned", N_("Case %(id)s is not assigned.")),
        (
            r"case (?P<id>\d+) changed meanwhile; reload and try again",
            N_("Case %(id)s changed meanwhile; reload and try again."),
        ),
        (r"snooze time needs a time zone", N_("The snooze time needs a time zone.")),
        (r"snooze until a time in the future", N_("Snooze until a time in the future.")),
        (
            r"case (?P<id>\d+) is done; reopen it first",
            N_("Case %(id)s is done; reopen it first."),
        ),
        (r"case (?P<id>\d+) is not snoozed", N_("Case %(id)s is not snoozed.")),
        (r"case (?P<id>\d+) is already done", N_("Case %(id)s is already done.")),
        (r"case (?P<id>\d+) is not done", N_("Case %(id)s is not done.")),
        (
            r"case (?P<id>\d+) already has the label '(?P<label>[^']*)'",
            N_("Case %(id)s already has the label “%(label)s”."),
        ),
        (
            r"case (?P<id>\d+) has no label '(?P<label>[^']*)'",
            N_("Case %(id)s has no label “%(label)s”."),
        ),
        (
            r"rejecting a reply needs a reason \(the author sees it\)",
            N_("Rejecting a reply needs a reason (the author sees it)."),
        ),
        (
            r"reply (?P<id>\d+) is (?P<status>\w+), not waiting for approval",
            N_("Reply %(id)s is not waiting for approval (%(status)s)."),
        ),
        (r"reply (?P<id>\d+) was decided meanwhile", N_("Reply %(id)s was decided meanwhile.")),
        (r"'(?P<kind>\w+)' cannot be undone", N_("%(kind)s cannot be undone.")),
        (
            r"audit entry (?P<id>\d+) was undone already",
            N_("Audit entry %(id)s was undone already."),
        ),
        (
            r"(?P<channel>[\w.-]+) cannot (?P<opposite>\w+) through Comity; undo it on the channel",
            N_("%(channel)s cannot %(opposite)s through Comity; undo it on the channel."),
        ),
        (
            r"case (?P<id>\d+) was reassigned since; undo would overwrite that",
            N_("Case %(id)s was reassigned since; undoing would overwrite that."),
        ),
        (r"not a date and time: '(?P<value>[^']*)'", N_("Not a date and time: %(value)s")),
        # Saved replies (comity.actions.saved_replies).
        (r"no saved reply (?P<id>\d+)", N_("There is no saved reply %(id)s.")),
        (r"a saved reply needs a title", N_("A saved reply needs a title.")),
        (
            r"a title is at most (?P<count>\d+) characters",
            N_("A title is at most %(count)s characters."),
        ),
        (
            r"a title cannot contain control characters",
            N_("A title cannot contain control characters."),
        ),
        (
            r"unknown category '(?P<value>[^']*)'; choose one of .*",
            N_("Unknown category %(value)s."),
        ),
        (
            r"unknown language '(?P<value>[^']*)'; choose one of (?P<known>.*)",
            N_("Unknown language %(value)s; choose one of %(known)s."),
        ),
        (
            r"unknown speech level '(?P<value>[^']*)'; choose one of (?P<known>.*)",
            N_("Unknown speech level %(value)s; choose one of %(known)s."),
        ),
        (r"a saved reply needs some text", N_("A saved reply needs some text.")),
        (
            r"a saved reply is at most (?P<count>\d+) characters",
            N_("A saved reply is at most %(count)s characters."),
        ),
        (
            r"the text has a stray \{ or \}; .*",
            N_(
                "The text has a stray { or }: write variables as {author}, "
                "a literal brace as {{ or }}."
            ),
        ),
        (
            r"unknown variable (?P<variable>\{[^}]*\}); use one of (?P<known>.*)",
            N_("Unknown variable %(variable)s; use one of %(known)s."),
        ),
        (
            r"a saved reply titled '(?P<title>[^']*)' exists already",
            N_("A saved reply titled “%(title)s” exists already."),
        ),
        # Storm alerts and crisis mode (comity.actions.alerts).
        (r"no alert (?P<id>\d+)", N_("There is no alert %(id)s.")),
        (
            r"the note is longer than (?P<count>\d+) characters",
            N_("The note is longer than %(count)s characters."),
        ),
        (
            r"resolving an alert needs a note \(what was done about it\)",
            N_("Resolving an alert needs a note (what was done about it)."),
        ),
        (r"alert (?P<id>\d+) is already acknowledged", N_("Alert %(id)s is already acknowledged.")),
        (r"alert (?P<id>\d+) is already resolved", N_("Alert %(id)s is already resolved.")),
        (r"alert (?P<id>\d+) is already open", N_("Alert %(id)s is already open.")),
        (
            r"alert (?P<id>\d+) is resolved; it reopens if the storm returns",
            N_("Alert %(id)s is resolved; it reopens if the storm returns."),
        ),
        (r"the campaign name is empty", N_("The campaign name is empty.")),
        (r"switching crisis mode needs a reason", N_("Switching crisis mode needs a reason.")),
        (
            r"crisis mode is already on for brand",
            N_("Crisis mode is already on for the whole brand."),
        ),
        (
            r"crisis mode is already on for campaign:(?P<name>.+)",
            N_("Crisis mode is already on for campaign %(name)s."),
        ),
        (r"crisis mode is not on for brand", N_("Crisis mode is not on for the whole brand.")),
        (
            r"crisis mode is not on for campaign:(?P<name>.+)",
            N_("Crisis mode is not on for campaign %(name)s."),
        ),
    )
)
_TRANSLATED_GROUPS = {"kind": "action", "opposite": "action", "status": "comment_status"}


def action_error_text(error: Exception, ui: UiLocale, action: str = "") -> str:
    """What to tell the user about a refused action, in their language."""
    _: Callable[[str], str] = ui.gettext
    if isinstance(error, PermissionDenied):
        if action:
            return _("Your role may not do this (%(action)s).") % {
                "action": _(label_id("action", action))
            }
        return _("Your role may not do this.")
    if isinstance(error, AssignmentConflict):
        return _("Case %(id)s is assigned to %(email)s; take it over to reassign it.") % {
            "id": error.case_id,
            "email": error.holder,
        }
    if isinstance(error, RecentReplyConflict):
        return _("Case %(id)s was answered by %(email)s at %(time)s; confirm to reply again.") % {
            "id": error.case_id,
            "email": error.by,
            "time": ui.when(error.at),
        }
    return translate_message(str(error), ui)


def translate_message(message: str, ui: UiLocale) -> str:
    """A known action message in the user's language; an unknown one as it is."""
    for pattern, msgid in _KNOWN:
        match = pattern.fullmatch(message)
        if match is None:
            continue
        params = {
            name: ui.gettext(label_id(_TRANSLATED_GROUPS[name], value))
            if name in _TRANSLATED_GROUPS
            else value
            for name, value in match.groupdict().items()
        }
        text = ui.gettext(msgid) % params
        return text[:1].upper() + text[1:]
    return message
