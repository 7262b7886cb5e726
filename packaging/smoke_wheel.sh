#!/usr/bin/env bash
# Build the wheel, install it in a fresh venv, and run `briefing` from outside the checkout:
# proves templates/, resources/ and seeds/ ship inside the package and are found at run time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python=${PYTHON:-python3}

"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --upgrade pip
"$work/venv/bin/python" -m pip wheel --quiet --no-deps "$root" -w "$work/dist"
"$work/venv/bin/python" -m pip install --quiet "$work"/dist/briefing-*.whl

cd "$work"  # nowhere near the source tree
"$work/venv/bin/briefing" --help >/dev/null
"$work/venv/bin/briefing" --library "$work/lib.sqlite" demo
count=$("$work/venv/bin/briefing" --library "$work/lib.sqlite" claims --json \
  | "$work/venv/bin/python" -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$count" -ge 8 ] || { echo "smoke: expected the demo claims, got $count" >&2; exit 1; }
sed "s|ROOT|$root|" >"$work/check.py" <<'PY'
import briefing_app.core.bundled.resources as r
from pathlib import Path
for name in ("seeds", "templates", "resources", "docs"):
    repo_has_it = (Path(r"ROOT") / name).is_dir()
    if not repo_has_it:
        continue  # e.g. templates/ before the exporter is merged
    path = r.bundled_dir(name)
    assert "site-packages" in str(path), f"{name} found outside the installed package: {path}"
icons = r.bundled_dir("resources") / "icons"
for icon in ("app.svg", "briefing.svg", "import.svg"):
    assert (icons / icon).is_file(), f"icon {icon} is missing from the installed package"
guide = r.user_guide_path()
assert "site-packages" in str(guide), guide
for line in guide.read_text(encoding="utf-8").splitlines():
    if line.startswith("![") and "](" in line:
        image = guide.parent / line.split("](", 1)[1].rstrip(")")
        assert image.is_file(), f"user guide image missing from the wheel: {image}"
print("wheel smoke: ok")
PY
"$work/venv/bin/python" "$work/check.py"
# The same from `pip install .` (pip builds its own wheel from the checkout through the same hook).
"$work/venv/bin/python" -m pip install --quiet --force-reinstall --no-deps "$root"
"$work/venv/bin/briefing" --library "$work/lib2.sqlite" demo >/dev/null
"$work/venv/bin/python" "$work/check.py"
