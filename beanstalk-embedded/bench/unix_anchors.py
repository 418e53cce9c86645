#!/usr/bin/env python3
"""The reference client of shared/bench/anchors.py, over a UNIX socket instead of TCP.

Usage: unix_anchors.py SOCKET_PATH [JOBS]
Loads anchors.py (from $ANCHORS, default /work/shared/bench/anchors.py) unchanged and only swaps its connect() for
one on AF_UNIX, so both transports run exactly the same client; prints the same "<scenario> <ops/s>" lines.
"""
import importlib.util
import os
import socket
import sys

path, jobs = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "100000"
sys.argv = [sys.argv[0], "unix", "0", jobs]
spec = importlib.util.spec_from_file_location(
    "anchors", os.environ.get("ANCHORS", "/work/shared/bench/anchors.py"))
anchors = importlib.util.module_from_spec(spec)
spec.loader.exec_module(anchors)


def connect(tube):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    s.sendall(b"use %s\r\nwatch %s\r\nignore default\r\n" % (tube, tube))
    anchors.read_lines(s, 3, bytearray())
    return s


anchors.connect = connect
anchors.main()
