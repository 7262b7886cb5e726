"""`python -m briefing_app` runs the `briefing` command."""

from __future__ import annotations

from briefing_app.launch import main

main()
