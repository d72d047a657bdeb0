#!/usr/bin/env bash
# Install the one-folder bundle for this user only (no administrator): the app in
# ~/.local/lib/spa-pos, the command ~/.local/bin/spa-pos, and a menu entry with its icon.
#   ./install.sh              install (or update) from the folder this script is in
#   ./install.sh --uninstall  remove the app and its menu entry
# The clinic's data (~/.local/share/spa-pos: the database and its backups) and keys
# (~/.config/spa-pos) are never touched, by an update or by --uninstall.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
bundle=${SPA_POS_BUNDLE:-$here}
[ -x "$bundle/spa-pos" ] || bundle="$here/../dist/spa-pos"  # run from a checkout

share=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$HOME/.local/lib/spa-pos
bin_link=$HOME/.local/bin/spa-pos
desktop=$share/applications/spa-pos.desktop
icon=$share/icons/hicolor/scalable/apps/spa-pos.svg

refresh_menu() {
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$app_dir"
  rm -f "$bin_link" "$desktop" "$icon"
  refresh_menu
  echo "spa-pos removed. The clinic's data stays in $share/spa-pos"
  exit 0
fi

if [ ! -x "$bundle/spa-pos" ]; then
  echo "No bundle at $bundle (build it with: make dist)" >&2
  exit 1
fi
bundle=$(cd "$bundle" && pwd)

mkdir -p "$(dirname "$app_dir")" "$(dirname "$bin_link")" "$(dirname "$desktop")" "$(dirname "$icon")"
# Copied beside the old copy, then swapped in: an update never leaves half an app.
rm -rf "$app_dir.new"
cp -a "$bundle" "$app_dir.new"
rm -rf "$app_dir"
mv "$app_dir.new" "$app_dir"
ln -sfn "$app_dir/spa-pos" "$bin_link"
cp "$app_dir/_internal/spa_pos/resources/icons/spa_pos.svg" "$icon"
sed "s|^Exec=.*|Exec=\"$app_dir/spa-pos\"|" "$here/spa-pos.desktop" >"$desktop"
chmod 644 "$desktop" "$icon"
refresh_menu
echo "spa-pos installed: the menu entry 理疗馆收银 (Spa POS), or the command $bin_link"
