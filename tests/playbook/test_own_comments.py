from __future__ import annotations

from comity.domain import Author, Queue, WorkItem
from comity.playbook.own_comments import own_comments_stage
from tests.factories import comment


def test_brand_comments_are_settled_and_others_left_alone() -> None:
    brand = comment(1, author=Author(channel="instagram", handle="HaneulCoffee"))
    flagged = comment(2, extra={"from_brand": True})
    on_x = comment(3, channel="x", author=Author(channel="x", handle="haneul_de"))
    same_handle_elsewhere = comment(4, author=Author(channel="instagram", handle="haneul_de"))
    customer = comment(5)
    items = [WorkItem(c) for c in (brand, flagged, on_x, same_handle_elsewhere, customer)]
    own_comments_stage(["haneulcoffee", "x:haneul_de"]).run(items)
    settled = [item.plan is not None and item.plan.queue is Queue.DONE for item in items]
    assert settled == [True, True, True, False, False]
    assert items[0].rule_hits == () and items[4].rule_hits is None
