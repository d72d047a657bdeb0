#!/usr/bin/env bash
# Build dist/spa-pos_<version>_<arch>.deb from the one-folder bundle dist/spa-pos/ (make dist).
# The package holds the app in /opt/spa-pos, the command /usr/bin/spa-pos, the menu entry and
# its icon. It carries its own Python, Qt and Chinese font, so it depends only on the system
# libraries Qt's X11 and Wayland back-ends need. The clinic's data lives in each user's home folder, which
# the package does not own: removing (even purging) the package leaves it in place.
set -euo pipefail
cd "$(dirname "$0")/.."

bundle=${1:-dist/spa-pos}
out=${2:-dist}
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' spa_pos/__init__.py)
arch=$(dpkg --print-architecture)
[ -x "$bundle/spa-pos" ] || { echo "No bundle at $bundle (make dist builds it)" >&2; exit 1; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/scalable/apps"
cp -a "$bundle" "$root/opt/spa-pos"
rm -f "$root/opt/spa-pos/install.sh" "$root/opt/spa-pos/spa-pos.desktop"  # per-user install only
ln -s /opt/spa-pos/spa-pos "$root/usr/bin/spa-pos"
install -m 644 installer/spa-pos.desktop "$root/usr/share/applications/spa-pos.desktop"
install -m 644 resources/icons/spa_pos.svg "$root/usr/share/icons/hicolor/scalable/apps/spa-pos.svg"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<CONTROL
Package: spa-pos
Version: $version
Architecture: $arch
Maintainer: spa_pos <spa-pos@localhost>
Section: misc
Priority: optional
Installed-Size: $size
Depends: libc6 (>= 2.31), libgl1, libegl1, libfontconfig1, libdbus-1-3, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libwayland-client0, libwayland-cursor0, libwayland-egl1
Description: Point of sale and member points for a wellness clinic (理疗馆收银)
 Offline checkout, loyalty points, QR-code vouchers, receipts, day close and
 backups to a USB drive. Self-contained: its own Python, Qt and Chinese font.
CONTROL
mkdir -p "$out"
deb="$out/spa-pos_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$deb" >/dev/null
echo "$deb"
