#!/usr/bin/python3
"""1,000 concurrent connections, each sending one request: every one must get an answer or be refused
cleanly (connection refused / reset), none may hang.   many_connections.py PORT [N=1000]"""
import asyncio
import sys

port, n = int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1000


async def one():
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 10)
        writer.write(b"GET /api/v1/states HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        await writer.drain()
        status = await asyncio.wait_for(reader.readline(), 30)
        writer.close()
        return "answered" if status.startswith(b"HTTP/1.1 200") else "refused"
    except (ConnectionRefusedError, ConnectionResetError, BrokenPipeError):
        return "refused"
    except asyncio.TimeoutError:
        return "hung"


async def main():
    results = await asyncio.gather(*(one() for _ in range(n)))
    counts = {k: results.count(k) for k in ("answered", "refused", "hung")}
    print(f"{n} concurrent connections: {counts['answered']} answered, {counts['refused']} refused cleanly, "
          f"{counts['hung']} hung")
    return 1 if counts["hung"] else 0

sys.exit(asyncio.run(main()))
