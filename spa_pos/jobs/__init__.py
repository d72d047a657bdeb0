"""Scheduling of the background jobs (the jobs themselves are `spa_pos.services.jobs`)."""
