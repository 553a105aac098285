"""Importing a new team's customer list: 50,000 accounts and their contacts, beside a floor.

``measure(data_dir, accounts)`` (``min(accounts, 50000)`` rows; the demo database is
not used: a first import goes into a fresh one) returns:

- ``import_50k_s``: ``fieldbook import accounts`` then ``fieldbook import contacts`` of
  two .xlsx files (14 and 7 columns), as the CLI runs them: read, find the header, map,
  preview every row, re-check and apply through the unit of work and the services
  (history, outbox, duplicate check, search index), commit. One fresh process each,
  timed from outside, so start-up and the database open count too;
- ``import_floor_s``: reading the same two files with calamine and bulk inserting the
  same rows (the same parsed values) into the same tables with one executemany each, in
  one transaction, on a fresh database of the same schema (its search-index triggers
  fire as well), in a fresh process, in the same run;
- ``import_preview_50k_s``: the dry run of the accounts file (what opens the wizard's
  preview).

Each figure is the best of ``RUNS`` runs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 2  # each run imports 100,000 rows; two keep the bench's total time sane
ROOT = Path(__file__).resolve().parent

ACCOUNT_HEADERS = [
    "客户名称",
    "简称",
    "行业",
    "省份",
    "城市",
    "详细地址",
    "电话",
    "网址",
    "客户级别",
    "客户状态",
    "负责人",
    "潜力",
    "标签",
    "备注",
]
CONTACT_HEADERS = ["客户名称", "姓名", "职务", "部门", "手机", "电话", "邮箱"]

SETUP = """
import sys
from pathlib import Path
from desktop.store.migrate import open_database
from desktop.domain.uow import unit_of_work
from desktop.domain.services.device import USER_ID, set_meta
from desktop.domain.models import Team, User
db = open_database(Path(sys.argv[1]))
with unit_of_work(db.sessions, None) as uow:
    team = uow.add(Team(name="华东大客户部"))
    user = uow.add(User(username="zhangwei", display_name="张伟", role="rep", team_id=team.id))
with db.sessions() as s, s.begin():
    set_meta(s, USER_ID, user.id)
db.engine.dispose()
"""

FLOOR = """
import json, sys, time
from decimal import Decimal
from pathlib import Path
from python_calamine import CalamineWorkbook
from sqlalchemy import insert, select
from desktop.domain.ids import new_id
from desktop.domain.models import Account, Contact, User
from desktop.domain.models.types import utcnow
from desktop.store.migrate import open_database
db = open_database(Path(sys.argv[1]))
started = time.perf_counter()
def rows(path):
    book = CalamineWorkbook.from_path(path)
    return book.get_sheet_by_index(0).to_python()[1:]
accounts, contacts = rows(sys.argv[2]), rows(sys.argv[3])
now = utcnow()
base = {"version": 0, "field_versions": {}, "created_at": now, "updated_at": now}
with db.sessions() as s, s.begin():
    owner = s.scalar(select(User.id))
    ids = {}
    account_rows = []
    for r in accounts:
        ids[r[0]] = new_id()
        account_rows.append({**base, "id": ids[r[0]], "name": r[0], "short_name": r[1],
            "industry": r[2], "province": r[3], "city": r[4], "address": r[5], "phone": r[6],
            "website": r[7], "tier": r[8], "status": "active", "owner_id": owner,
            "potential": Decimal(int(r[11])), "tags": "," + r[12].replace("、", ",") + ",",
            "notes": r[13]})
    s.execute(insert(Account), account_rows)
    s.execute(insert(Contact), [{**base, "id": new_id(), "account_id": ids[r[0]],
        "name": r[1], "title": r[2], "department": r[3], "mobile": r[4], "phone": r[5],
        "email": r[6], "role": "user", "is_primary": False, "notes": ""} for r in contacts])
print(json.dumps({"seconds": time.perf_counter() - started}))
"""


def make_files(folder: Path, count: int) -> tuple[Path, Path]:
    """The two workbooks, made once per size and kept under bench/data."""
    accounts, contacts = folder / "accounts.xlsx", folder / "contacts.xlsx"
    if accounts.exists() and contacts.exists():
        return accounts, contacts
    from openpyxl import Workbook

    folder.mkdir(parents=True, exist_ok=True)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("客户")
    ws.append(ACCOUNT_HEADERS)
    for i in range(count):
        ws.append(
            [
                f"苏州测试{i:06d}精密机械有限公司",
                f"测试{i}",
                "制造业",
                "江苏省",
                "苏州市",
                f"工业园区星湖街{i}号",
                f"0512-6{i % 10_000_000:07d}",
                f"www.c{i}.example",
                "ABC"[i % 3],
                "活跃",
                "zhangwei",
                10_000 + i,
                "重点、华东",
                "从旧系统导入",
            ]
        )
    wb.save(accounts)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("联系人")
    ws.append(CONTACT_HEADERS)
    for i in range(count):
        ws.append(
            [
                f"苏州测试{i:06d}精密机械有限公司",
                f"联系人{i}",
                "采购经理",
                "采购部",
                f"139{i:08d}",
                f"0512-6{i % 10_000_000:07d}",
                f"c{i}@c{i}.example",
            ]
        )
    wb.save(contacts)
    return accounts, contacts


def _fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    subprocess.run([sys.executable, "-c", SETUP, str(folder)], check=True, timeout=300)
    return folder


def _cli(*args: str) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "import", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stdout[-1000:] + done.stderr[-2000:])
    return time.perf_counter() - started


def measure(data_dir: Path, accounts: int = 100_000) -> dict[str, float]:
    count = min(accounts, 50_000)
    files = make_files(ROOT / "data" / f"import-{count}", count)
    imports, floors, previews = [], [], []
    with tempfile.TemporaryDirectory(prefix="fieldbook-import-") as temp:
        for run in range(RUNS):
            floor_dir = _fresh(Path(temp) / f"floor-{run}")
            done = subprocess.run(
                [sys.executable, "-c", FLOOR, str(floor_dir), *map(str, files)],
                capture_output=True,
                text=True,
                check=False,
                timeout=1800,
            )
            if done.returncode != 0:
                raise RuntimeError(done.stderr[-2000:])
            floors.append(json.loads(done.stdout.strip().splitlines()[-1])["seconds"])
            target = _fresh(Path(temp) / f"import-{run}")
            where = ("--data-dir", str(target))
            previews.append(_cli("accounts", str(files[0]), "--dry-run", *where))
            imports.append(
                _cli("accounts", str(files[0]), *where) + _cli("contacts", str(files[1]), *where)
            )
    return {
        "import_50k_s": round(min(imports), 2),
        "import_floor_s": round(min(floors), 2),
        "import_preview_50k_s": round(min(previews), 2),
        "import_rows": count,
    }


if __name__ == "__main__":
    print(json.dumps(measure(Path("."), int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)))
