"""A realistic, reproducible demo dataset, written with bulk Core inserts.

About 3 contacts, 5 visits and 1 quote (with lines) per account, plus teams, users,
a catalog, price lists, opportunities, orders, payments, targets and complaints.
Rows are written as if they had come from a server (version 1, no outbox entries):
they are the starting point, not edits waiting to be sent. 100,000 accounts take well
under a minute (ORM ``add_all`` was about 9x slower than Core ``executemany``).

- ``generate``: the steps in order (people, catalog, policies, accounts, targets);
- ``account_rows``: one account and its contacts, visits, opportunity, quote, order;
- ``manager_week``: the demo manager's own week, so the first start shows a full Today;
- ``words``: the names, places, products and phrases; ``writer``: the bulk writer.
"""

from desktop.store.demo.generate import DemoSummary, generate

__all__ = ["DemoSummary", "generate"]
