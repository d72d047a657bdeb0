"""The app's fonts, translations and icons, installed as the package `spa_pos.resources`
(see pyproject.toml) and found with `spa_pos.paths.resources_dir()`."""
