"""The background jobs' names and titles, apart from `spa_pos.services.jobs` so that the
command line can offer `jobs run NAME` without loading every job's service."""

from __future__ import annotations

# In catch-up order: expire first, so that no reminder or tag is about expired points.
JOB_TITLES = {
    "expiry": "积分过期",
    "streaks": "连续消费奖励",
    "reminders": "会员提醒",
    "tags": "会员标签",
    "backup": "日终备份",
}
JOBS = tuple(JOB_TITLES)
