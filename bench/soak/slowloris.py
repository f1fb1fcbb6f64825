#!/usr/bin/python3
"""Slow clients must not starve the others: open SLOW connections that send their headers one line every
few seconds, and meanwhile time ordinary requests. Prints the ordinary requests' median and worst latency and
how many slow connections the server closed.   slowloris.py PORT [SLOW=200] [SECONDS=30]"""
import socket
import statistics
import sys
import time
import urllib.request

port, slow, seconds = int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 200, \
    int(sys.argv[3]) if len(sys.argv) > 3 else 30
sockets = []
for _ in range(slow):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /api/v1/states HTTP/1.1\r\nHost: x\r\n")
    sockets.append(s)
latencies, failures, closed = [], 0, 0
end = time.time() + seconds
tick = time.time()
while time.time() < end:
    started = time.time()
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/hospitals/450056", timeout=5).read()
        latencies.append((time.time() - started) * 1000)
    except Exception:
        failures += 1
    if time.time() - tick > 3:  # one more header line on every slow connection
        tick = time.time()
        for s in list(sockets):
            try:
                s.sendall(b"X-Slow: 1\r\n")
            except OSError:
                sockets.remove(s)
                closed += 1
    time.sleep(0.05)
print(f"ordinary requests: {len(latencies)} ok, {failures} failed; median {statistics.median(latencies):.2f} ms, "
      f"worst {max(latencies):.2f} ms; slow connections closed by the server: {closed} of {slow}")
sys.exit(1 if failures else 0)
