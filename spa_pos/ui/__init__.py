"""The reception window (PySide6). The only package that imports Qt; it calls
`spa_pos.services` and holds no business rules. `spa_pos.ui.app.main` is the entry point."""
