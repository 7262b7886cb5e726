#!/usr/bin/env bash
# Run the PyInstaller bundle headless, outside the checkout, with no Python on its PATH:
#   packaging/smoke_bundle.sh dist/briefing        (make package-smoke builds it first)
# Loads the demo, lists claims as JSON, imports a web page and a PDF, writes and re-imports a review pack,
# exports the note to .docx (checked with python-docx from the build venv), and starts the GUI
# offscreen (and on xcb under Xvfb when it is installed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bundle=$(cd "${1:-$root/dist/briefing}" && pwd)
check_python=${PYTHON:-$root/.venv/bin/python}  # the build venv: only to inspect the outputs
exe="$bundle/briefing"
[ -x "$exe" ] || { echo "smoke: no bundle at $exe (run make package)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"  # nowhere near the source tree

# The bundle must not lean on a Python installation: no PATH to one, no PYTHON* variables.
run() { env -i HOME="$work" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 "$exe" "$@"; }

run --version
run --help >/dev/null
run --library "$work/lib.sqlite" demo
run --library "$work/lib.sqlite" claims --json >"$work/claims.json"
"$check_python" - "$work/claims.json" <<'PY'
import json, sys
claims = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(claims) >= 8, f"expected the demo claims, got {len(claims)}"
print(f"bundle smoke: {len(claims)} claims")
PY
# A web page goes through trafilatura/justext/htmldate/lxml and their bundled data files.
cat >"$work/page.html" <<'HTML'
<html><head><title>Bridge reopens in Dushanbe</title>
<meta name="date" content="2026-03-14"></head><body><article>
<h1>Bridge reopens in Dushanbe</h1>
<p>The city council said on Friday that the Varzob bridge would reopen to traffic next week,
after four months of repairs paid for by the regional development fund.</p>
<p>Engineers inspected the span on Thursday and found the new supports sound, the council said.
Residents of the northern districts had faced detours of up to forty minutes since November.</p>
</article></body></html>
HTML
run --library "$work/lib.sqlite" import "$work/page.html"
# A PDF goes through pypdf (written here with reportlab from the build venv's dev extra).
"$check_python" - "$work/report.pdf" <<'PY'
import sys
from reportlab.pdfgen import canvas
pdf = canvas.Canvas(sys.argv[1])
pdf.drawString(72, 720, "Ministry report on the Varzob bridge repairs")
pdf.drawString(72, 700, "The ministry said the repairs cost four million somoni.")
pdf.save()
PY
run --library "$work/lib.sqlite" import "$work/report.pdf"
run --library "$work/lib.sqlite" sources >"$work/sources.txt"  # a file: grep -q would cut the pipe
grep -q "Bridge reopens" "$work/sources.txt" \
  || { echo "smoke: the imported web page is not in the library" >&2; exit 1; }
grep -q "Ministry report on the Varzob" "$work/sources.txt" \
  || { echo "smoke: the imported PDF is not in the library" >&2; exit 1; }
run --library "$work/lib.sqlite" pack export 1 -o "$work/note.briefpack"
run --library "$work/other.sqlite" pack import "$work/note.briefpack"
run --library "$work/lib.sqlite" export 1 --format docx -o "$work/note.docx"
"$check_python" - "$work/note.docx" <<'PY'
import sys
import docx
document = docx.Document(sys.argv[1])
text = "\n".join(p.text for p in document.paragraphs)
assert "Khatlon" in text, "the exported note lacks its title"
print(f"bundle smoke: {sys.argv[1]} opens with python-docx ({len(document.paragraphs)} paragraphs)")
PY

# Spelling reads pyspellchecker's dictionaries (spellchecker/resources/*.json.gz) from the bundle.
run --library "$work/lib.sqlite" note spelling 1 --language de --json >"$work/spelling.json"
"$check_python" - "$work/spelling.json" <<'PY'
import json, sys
found = json.load(open(sys.argv[1], encoding="utf-8"))
assert found["language"] == "de" and found["misspelt"], "the German dictionary flagged nothing"
print(f"bundle smoke: spelling in German flags {len(found['misspelt'])} words of the English note")
PY

# The desktop app: Qt's offscreen platform plugin must load and the window must stay up.
# `timeout` ending it (status 124) is the pass; any earlier exit is a start-up failure.
status=0
timeout 15 env -i HOME="$work" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 \
  "$exe" --library "$work/lib.sqlite" 2>"$work/gui.err" || status=$?
if [ "$status" -ne 124 ]; then
  echo "smoke: the bundled GUI exited with status $status:" >&2
  cat "$work/gui.err" >&2
  exit 1
fi
# The same on a real X server (Qt's xcb plugin and the X libraries it loads) when Xvfb is here;
# CI installs it, and BRIEFING_REQUIRE_RENDER=1 makes its absence a failure.
if command -v xvfb-run >/dev/null; then
  status=0
  xvfb-run -a sh -c 'exec env -i HOME="$1" PATH=/usr/bin:/bin DISPLAY="$DISPLAY" \
    XAUTHORITY="$XAUTHORITY" QT_QPA_PLATFORM=xcb LANG=C.UTF-8 \
    timeout 15 "$2" --library "$1/lib.sqlite"' sh "$work" "$exe" 2>"$work/gui-xcb.err" || status=$?
  if [ "$status" -ne 124 ]; then
    echo "smoke: the bundled GUI on xcb (Xvfb) exited with status $status:" >&2
    cat "$work/gui-xcb.err" >&2
    exit 1
  fi
  echo "bundle smoke: the GUI starts on xcb (Xvfb) and offscreen"
elif [ "${BRIEFING_REQUIRE_RENDER:-}" = "1" ]; then
  echo "smoke: xvfb-run is required here (BRIEFING_REQUIRE_RENDER=1) but not installed" >&2
  exit 1
fi
echo "bundle smoke: ok ($(du -sh "$bundle" | cut -f1) in $bundle)"
