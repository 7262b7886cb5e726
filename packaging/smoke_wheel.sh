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
"$work/venv/bin/python" - <<'PY'
import briefing_app.core.resources as r
for name in ("seeds",):
    path = r.bundled_dir(name)
    assert "site-packages" in str(path), f"{name} found outside the installed package: {path}"
print("wheel smoke: ok")
PY
