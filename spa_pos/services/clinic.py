"""Setting a clinic up: the database, its secret and the demo catalog."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos.db import latest_revision
from spa_pos.errors import BackupError, DomainError
from spa_pos.services import audit, catalog, keys, staff, unit_of_work
from spa_pos.services import settings as settings_svc
from spa_pos.services.catalog import CatalogEntry, ItemSpec, RewardEntry, RewardSpec
from spa_pos.services.context import Ctx

if TYPE_CHECKING:
    from spa_pos.services.upgrade import Upgraded

DEMO_ITEMS = (
    ItemSpec("ZJTN", "高端针灸推拿套餐", "service", 39800, 200, "理疗项目"),
    ItemSpec("AJ", "艾灸", "service", 16800, 100, "理疗项目"),
    ItemSpec("TBAM", "头部按摩", "service", 12800, None, "理疗项目"),
    ItemSpec("YBLL", "腰部理疗", "service", 29800, None, "理疗项目"),
    ItemSpec("YY", "药浴", "service", 23800, None, "理疗项目"),
    ItemSpec("ZJTN10", "针灸推拿十次疗程", "course", 358000, 2000, "疗程", 10, "ZJTN"),
    ItemSpec("ZYB", "足浴包", "product", 3900, None, "产品"),
    ItemSpec("BJZ", "保健枕", "product", 19900, None, "产品"),
)
DEMO_REWARDS = (
    RewardSpec("R-TBAM", "头部按摩", "service", 300, item_code="TBAM"),
    RewardSpec("R-YBLL", "腰部理疗", "service", 800, item_code="YBLL"),
    RewardSpec("R-Q10", "10元优惠券", "coupon", 100, coupon_fen=1000),
    RewardSpec("R-Q50", "50元优惠券", "coupon", 500, coupon_fen=5000),
    RewardSpec("R-ZYB", "足浴包", "gift", 200, item_code="ZYB", stock=50),
    RewardSpec("R-BJZ", "保健枕", "gift", 600, item_code="BJZ", stock=20),
)


@dataclass(frozen=True)
class InitResult:
    db: str
    schema_version: str
    upgraded: Upgraded | None = None  # a database from an earlier release
    keys_missing: str = ""  # why this till cannot write yet (`audit.keys_missing`), or ""


def init(ctx: Ctx) -> InitResult:
    """Create the database, or upgrade one from an earlier release in place (a verified
    copy first, `services.upgrade`), and make the clinic's keyring once (in the user's
    config folder, see `keys`; an upgraded database's voucher secret moves there)."""
    upgraded = None
    if ctx.db.is_current():
        version = latest_revision()
    elif ctx.db.stored_revision() is None:
        version = ctx.db.migrate()
    else:
        from spa_pos.services import upgrade  # only for an old database: it loads backups

        upgraded = upgrade.upgrade(ctx)
        version = upgraded.to_version if upgraded is not None else latest_revision()
    # Read first: every start-up comes here, and it should not wait for the write lock
    # (a long nightly job, a backup from the command line) when nothing is to be written.
    with ctx.db.read() as s:
        clinic = keys.clinic_id(s)
        has_keyring = clinic is not None and keys.load(clinic) is not None
    keys_missing = ""
    if not has_keyring:
        try:
            with ctx.db.write() as s:
                audit.keyring(s)
        except DomainError as exc:  # a new till of a server clinic: it starts, and
            if exc.code != "audit.keys_missing":  # imports the keys before writing
                raise
            keys_missing = str(exc)
    return InitResult(ctx.db.shown_url, version, upgraded, keys_missing)


@dataclass(frozen=True)
class DemoResult:
    items: int
    rewards: int


def load_demo(ctx: Ctx, *, clinic_name: str | None = None) -> DemoResult:
    """The demo catalog and rewards from cli.md. Idempotent: codes are updated in place,
    and a gift's stock is only set when the reward is first created."""
    with ctx.db.write() as s:
        _put_demo(s)
        if clinic_name:
            settings_svc.save(s, clinic_name=clinic_name)
        audit.record(
            s,
            at=clk.to_utc_naive(ctx.clock.now()),
            actor=ctx.actor.name,
            action="catalog.demo",
            entity="catalog",
            entity_id="demo",
            detail={"items": len(DEMO_ITEMS), "rewards": len(DEMO_REWARDS)},
        )
    return DemoResult(len(DEMO_ITEMS), len(DEMO_REWARDS))


def _put_demo(session: Session) -> DemoResult:
    for item in DEMO_ITEMS:
        catalog.upsert_item(session, item)
    for reward in DEMO_REWARDS:
        catalog.upsert_reward(session, reward)
    return DemoResult(len(DEMO_ITEMS), len(DEMO_REWARDS))


@dataclass(frozen=True)
class SetUp:
    """The first-run wizard's answers."""

    clinic_name: str
    clinic_address: str
    clinic_phone: str
    manager_pin: str
    load_demo: bool
    backup_passphrase: str = ""  # "": backups stay plaintext until one is set in 设置
    backup_dir: str = ""  # the end-of-day backup's folder (a USB drive); "": set it later


def set_up(ctx: Ctx, answers: SetUp) -> None:
    """First run: the clinic's details, the owner account (named 店长) with the PIN typed,
    the backup folder, the backup passphrase (kept in the keyring, not the database) and,
    if wanted, the demo catalog, in one transaction (audit rows `settings.manager_pin` and
    `clinic.set_up`), so a failure leaves nothing half set up. Refused once an owner account
    exists: from then on 设置 changes these, and the PIN only for whoever knows it."""
    if not keys.passphrase_ok(answers.backup_passphrase):
        raise BackupError("backup.passphrase_too_short", min_len=keys.PASSPHRASE_MIN_LEN)
    pin_hash = staff.hashed_pin(answers.manager_pin)  # scrypt is slow: before the write lock
    with unit_of_work.write(ctx) as work:
        staff.create_owner(work, pin_hash)
        details = {
            "clinic_name": answers.clinic_name,
            "clinic_address": answers.clinic_address,
            "clinic_phone": answers.clinic_phone,
            **({"backup_dir": answers.backup_dir} if answers.backup_dir else {}),
        }
        settings_svc.save(work.session, **details)
        demo = _put_demo(work.session) if answers.load_demo else None
        work.audit(
            "clinic.set_up",
            "settings",
            "clinic",
            **details,
            manager_pin={"changed": True},
            **({"backup_passphrase": {"set": True}} if answers.backup_passphrase else {}),
            demo=asdict(demo) if demo else None,
        )
        if answers.backup_passphrase:
            keys.set_backup_passphrase(audit.keyring(work.session), answers.backup_passphrase)


# --- what the window reads ----------------------------------------------------------------


@dataclass(frozen=True)
class Startup:
    clinic_name: str
    language: str
    has_manager_pin: bool  # False: the first-run wizard is due
    catalog: list[CatalogEntry]
    rewards: list[RewardEntry]
    keys_missing: str = ""  # `InitResult.keys_missing`


def startup(ctx: Ctx) -> Startup:
    """What the window needs before it is usable (never members): the database created or
    upgraded, the clinic's settings and the catalog."""
    opened = init(ctx)
    cfg = settings_svc.current(ctx)
    items, rewards = catalog.entries(ctx)
    return Startup(
        cfg.clinic_name,
        cfg.language,
        staff.has_manager_pin(ctx),
        items,
        rewards,
        opened.keys_missing,
    )


def zone(ctx: Ctx) -> ZoneInfo:
    """The clinic's time zone, for showing stored UTC times."""
    return ZoneInfo(settings_svc.current(ctx).timezone)
