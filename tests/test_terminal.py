"""The real command in a pseudo-terminal: signals restore the terminal, and the reader always has
a keyboard or refuses to start (subprocesses, each with a timeout)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

ARTICLE = "Bridge opens\n\nThe mayor said the bridge would open on Monday.\n"
ALT_SCREEN_ON, ALT_SCREEN_OFF = b"\x1b[?1049h", b"\x1b[?1049l"
MOUSE_OFF, CURSOR_ON = b"\x1b[?1000l", b"\x1b[?25h"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _env() -> dict[str, str]:
    return {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}


class Pty:
    """``python -m tui ARGS`` on a new pseudo-terminal; ``stdin`` optionally redirected."""

    def __init__(self, args: list[str], stdin: str | None = None) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # child
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
                if stdin is not None:
                    os.dup2(os.open(stdin, os.O_RDONLY), 0)
                os.execvpe(sys.executable, [sys.executable, "-m", "tui", *args], _env())
            finally:
                os._exit(127)
        self.out = b""

    def read_until(self, marker: bytes, timeout: float = 60.0) -> bool:
        deadline = time.monotonic() + timeout
        while marker not in self.out and time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.fd, 1 << 16)
                except OSError:
                    return marker in self.out
                if not chunk:
                    break
                self.out += chunk
        return marker in self.out

    def wait(self, timeout: float = 30.0) -> int | None:
        """Exit status (128 + signal when killed by one), or ``None`` if still running."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.read_until(b"\0never\0", timeout=0.05)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) \
                    else 128 + os.WTERMSIG(status)
        return None

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_restores_the_terminal(article: Path, sig: signal.Signals, status: int) -> None:
    term = Pty([str(article), "--no-cache"])
    try:
        assert term.read_until(b"mayor"), term.out[-500:]
        seen = len(term.out)
        os.kill(term.pid, sig)
        assert term.wait() == status
        after = term.out[seen:]
        for sequence in (ALT_SCREEN_OFF, MOUSE_OFF, CURSOR_ON):
            assert sequence in after, (sequence, after[-300:])
    finally:
        term.close()


def test_without_a_keyboard_on_stdin_the_terminal_is_reattached(article: Path) -> None:
    """`newsreader f </dev/null`, `ls f | xargs newsreader`: q still quits."""
    term = Pty([str(article), "--no-cache"], stdin="/dev/null")
    try:
        assert term.read_until(b"mayor"), term.out[-500:]
        os.write(term.fd, b"q")
        assert term.wait() == 0
        assert ALT_SCREEN_OFF in term.out
    finally:
        term.close()


def test_dash_typed_at_a_terminal_is_refused() -> None:
    term = Pty(["-"])
    try:
        assert term.wait() == 1
        assert b"standard input is a terminal" in term.out
        assert ALT_SCREEN_ON not in term.out
    finally:
        term.close()


def test_without_any_terminal_the_reader_refuses_at_once(article: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "tui", str(article), "--no-cache"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          start_new_session=True, timeout=60, check=False, env=_env())
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "no terminal to read the keyboard from" in done.stderr
    assert "\x1b[" not in done.stdout
