"""Satisfaction after a visit (满意度回访): a score of 1–5 and a comment, once per sale,
optionally rewarded as an interaction (E4)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from spa_pos.errors import DomainError, NotFound
from spa_pos.models import Feedback, Member, Sale
from spa_pos.services import members, points, unit_of_work
from spa_pos.services.context import Ctx

COMMENT_MAX_CHARS = 500


@dataclass(frozen=True)
class FeedbackResult:
    points: int  # the E4 award; 0 when not rewarded
    balance: int


def record(ctx: Ctx, sale_no: str, score: int, comment: str, reward: bool) -> FeedbackResult:
    """Keep the member's feedback on a sale, once. With `reward`, the feedback counts as an
    interaction (E4) and earns the lowest award of the configured event range
    (`event_points_min`, shown beforehand as `profile.Care.feedback_points`): a fixed
    amount, so the cashier never picks a number."""
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
        raise DomainError("profile.feedback_score", score=score)
    comment = comment.strip()
    if len(comment) > COMMENT_MAX_CHARS:
        raise DomainError("profile.comment_too_long", max_chars=COMMENT_MAX_CHARS)
    with unit_of_work.write(ctx, books=reward) as work:
        s = work.session
        sale = s.scalars(select(Sale).where(Sale.sale_no == sale_no.strip())).first()
        if sale is None:
            raise NotFound("profile.sale_not_found", sale_no=sale_no)
        if sale.member_id is None:
            raise DomainError("profile.feedback_no_member", sale_no=sale.sale_no)
        if s.scalars(select(Feedback.id).where(Feedback.sale_id == sale.id)).first():
            raise DomainError("profile.feedback_given", sale_no=sale.sale_no)
        member = s.get_one(Member, sale.member_id)
        award = work.settings.event_points_min if reward else 0
        if award:
            members.check_joined(member, work.stamp)
            points.award(
                s,
                member,
                [points.Award("E4", award)],
                at=work.stamp,
                today=work.today,
                settings=work.settings,
                actor=work.actor,
                note=f"满意度回访 {sale.sale_no}",
            )
        s.add(
            Feedback(
                sale_id=sale.id,
                member_id=member.id,
                score=score,
                comment=comment,
                points=award,
                at=work.stamp,
                actor=work.actor,
            )
        )
        work.audit(
            "feedback.record",
            "sale",
            sale.sale_no,
            score=score,
            points=award,
            member=member.card_no,
        )
        return FeedbackResult(award, member.points_balance)
