from __future__ import annotations

from comity.domain import ActionKind, Category
from comity.netiquette import load_default_rules
from comity.playbook import default_config
from comity.runtime.offline import defining_action, plan_records
from comity.triage import Triager

RECORDS = [
    {
        "id": "a",
        "lang": "en",
        "channel": "x",
        "text": "My order #4411 never arrived, 2 weeks!",
        "context": {"author_strikes": 0},
    },
    {
        "id": "b",
        "lang": "ko",
        "channel": "instagram",
        "text": "이 병신들아 꺼져",
        "context": {"author_strikes": 0},
    },
    {
        "id": "c",
        "lang": "ko",
        "channel": "instagram",
        "text": "이 병신들아 꺼져",
        "context": {"author_strikes": 3},
    },
]


def test_the_pipeline_turns_strikes_into_the_ladder() -> None:
    items = plan_records(RECORDS, Triager(None), load_default_rules(), default_config())
    assert items[0].triage is not None and items[0].triage.primary is Category.COMPLAINT
    assert defining_action(items[0]) is ActionKind.HELP
    first_time, repeat = defining_action(items[1]), defining_action(items[2])
    assert first_time in (ActionKind.REMIND, ActionKind.MONITOR)
    assert repeat is ActionKind.MUTE
