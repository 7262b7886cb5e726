"""PyInstaller's entry script for the bundle: the same `briefing` command the wheel installs."""

from __future__ import annotations

from briefing_app.launch import main

if __name__ == "__main__":
    main()
