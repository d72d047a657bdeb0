"""`python -m spa_pos`: the same entry as the `spa-pos` command (the window, or a command)."""

from spa_pos.launch import main

main()
