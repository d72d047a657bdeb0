"""SQLAlchemy models; importing this module registers every table on `Base.metadata`."""

from spa_pos.models.admin import AuditEntry, Event, EventAttendance, RuleChange, Setting
from spa_pos.models.base import Base
from spa_pos.models.branch import Branch, Till
from spa_pos.models.catalog import CatalogItem
from spa_pos.models.course import CourseBalance, CourseUse
from spa_pos.models.draft import CartDraft
from spa_pos.models.imports import ImportBatch
from spa_pos.models.jobs import (
    DayClose,
    JobRun,
    OutboxContact,
    OutboxMessage,
    OutboxTemplate,
    StreakAward,
)
from spa_pos.models.member import Member, MemberNote, MemberTag
from spa_pos.models.points import LedgerEntry, PointLot
from spa_pos.models.printing import PrintJob
from spa_pos.models.promotion import Promotion, PromotionItem
from spa_pos.models.review import SchemeReview
from spa_pos.models.reward import Reward, RewardStockChange, Voucher
from spa_pos.models.sale import Feedback, Payment, Refund, RefundPayment, Sale, SaleLine
from spa_pos.models.staff import StaffMember
from spa_pos.models.summary import ItemTotal, MemberStat, QuarterTotal, VisitDay

__all__ = [
    "AuditEntry",
    "Base",
    "Branch",
    "CartDraft",
    "CatalogItem",
    "CourseBalance",
    "CourseUse",
    "DayClose",
    "Event",
    "EventAttendance",
    "Feedback",
    "ImportBatch",
    "ItemTotal",
    "JobRun",
    "LedgerEntry",
    "Member",
    "MemberNote",
    "MemberStat",
    "MemberTag",
    "OutboxContact",
    "OutboxMessage",
    "OutboxTemplate",
    "Payment",
    "PointLot",
    "PrintJob",
    "Promotion",
    "PromotionItem",
    "QuarterTotal",
    "Refund",
    "RefundPayment",
    "Reward",
    "RewardStockChange",
    "RuleChange",
    "Sale",
    "SaleLine",
    "SchemeReview",
    "Setting",
    "StaffMember",
    "StreakAward",
    "Till",
    "VisitDay",
    "Voucher",
]
