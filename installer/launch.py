"""The bundle's entry script (PyInstaller runs a script, not a console-script entry point):
the same `spa-pos` as the installed command, see `spa_pos.launch`."""

from spa_pos.launch import main

main()
