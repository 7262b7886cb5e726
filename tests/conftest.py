"""Shared fixtures: a fresh library file per test, the offscreen Qt platform, no network."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Before any Qt import: the suite runs headless, on a 1920×1080 screen (the offscreen
# platform's own is 800×800, where the window would shrink to fit, as on a small laptop).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    _screen = Path(__file__).with_name("offscreen_screen.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

from briefing_app.core.library import Library

# Property tests: "ci" (the default) is modest, derandomised and leaves no example database, so
# the suite stays fast and repeatable; HYPOTHESIS_PROFILE=dev searches much harder by hand.
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=10_000,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("dev", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


class NetworkAccessError(AssertionError):
    """Raised when code under test tries to reach the network."""


def _refuse(*args: object, **kwargs: object) -> None:
    raise NetworkAccessError(f"network access attempted: {args!r}")


@pytest.fixture(autouse=True, scope="session")
def no_network() -> Iterator[None]:
    """Fail any attempt to connect a socket or resolve a name, anywhere in the suite."""
    saved = (
        socket.socket.connect,
        socket.socket.connect_ex,
        socket.getaddrinfo,
        socket.create_connection,
    )
    socket.socket.connect = _refuse  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = _refuse  # type: ignore[method-assign,assignment]
    socket.getaddrinfo = _refuse  # type: ignore[assignment]
    socket.create_connection = _refuse  # type: ignore[assignment]
    yield
    (
        socket.socket.connect,
        socket.socket.connect_ex,
        socket.getaddrinfo,
        socket.create_connection,
    ) = saved  # type: ignore[method-assign]


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    """Return a path for a new library file in this test's temporary folder."""
    return tmp_path / "library.sqlite"


@pytest.fixture
def lib(library_path: Path) -> Iterator[Library]:
    """Return a freshly created library in a real SQLite file."""
    library = Library.open(library_path)
    yield library
    library.close()


@pytest.fixture
def demo_lib(lib: Library) -> Library:
    """Return a library holding the demo (sample article, its claims and note)."""
    from briefing_app.core.bundled.demo import build_demo

    build_demo(lib)
    return lib


def write_fixture(path: Path, data: bytes | str) -> Path:
    """Write a small test input file and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path
