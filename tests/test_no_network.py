"""The suite's network guard works, so every other test proves the app stays offline."""

from __future__ import annotations

import socket
import urllib.request

import pytest

from tests.conftest import NetworkAccessError


def test_connecting_a_socket_fails_the_test() -> None:
    with pytest.raises(NetworkAccessError), socket.socket() as sock:
        sock.connect(("127.0.0.1", 9))


def test_resolving_a_name_fails_the_test() -> None:
    with pytest.raises(NetworkAccessError):
        socket.getaddrinfo("example.org", 80)


def test_url_fetch_fails_the_test() -> None:
    with pytest.raises((NetworkAccessError, OSError)):
        urllib.request.urlopen("http://example.org/", timeout=1)
