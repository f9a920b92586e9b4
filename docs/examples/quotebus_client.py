#!/usr/bin/env python3
"""Minimal Quotebus client using only the standard library (the Vert.x TCP event-bus bridge protocol).

    python3 docs/examples/quotebus_client.py [host] [port] [--seconds N]

Lists the Shanghai instruments, asks for the last 5 daily bars of the first one, then prints its live
quotes for N seconds (10 by default). Prices are integers in 1/10000 yuan.

Keep-alive: a ping goes out only after PING_INTERVAL seconds in which this client sent nothing (the
socket read wakes up at least that often), never in answer to a frame: a ping per frame makes a pong per
ping, and the client spins on its own pongs.
"""
import argparse, json, socket, struct, time

PING_INTERVAL = 20.0  # seconds without sending before a ping; below any idle timeout a gateway may set

def send(sock, frame):
    data = json.dumps(frame).encode("utf-8")
    sock.sendall(struct.pack(">I", len(data)) + data)

def frames(sock, wake):
    """Yields each frame, and None whenever `wake` seconds pass without one (time to ping or stop)."""
    sock.settimeout(wake)
    buf = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            yield None
            continue
        if not chunk:
            return
        buf += chunk
        while len(buf) >= 4:
            (n,) = struct.unpack(">I", buf[:4])
            if len(buf) < 4 + n:
                break
            yield json.loads(buf[4:4 + n])
            buf = buf[4 + n:]

def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("host", nargs="?", default="127.0.0.1")
    args.add_argument("port", nargs="?", type=int, default=7000)
    args.add_argument("--seconds", type=float, default=10, help="how long to print live quotes (default 10)")
    opts = args.parse_args()

    sock = socket.create_connection((opts.host, opts.port))
    last_sent = time.monotonic()
    send(sock, {"type": "send", "address": "svc.instruments", "replyAddress": "r0", "body": {"market": "SH"}})
    deadline = time.monotonic() + opts.seconds
    for f in frames(sock, min(1.0, PING_INTERVAL)):
        now = time.monotonic()
        if now > deadline:
            break
        if f is None or f.get("type") == "pong":
            pass
        elif f.get("address") == "r0":
            code = f["body"]["instruments"][0]["code"]
            print("instrument", code)
            send(sock, {"type": "send", "address": "svc.kline", "replyAddress": "r1",
                        "body": {"code": code, "period": "day", "count": 5}})
            send(sock, {"type": "register", "address": "quote." + code})
            last_sent = now
        elif f.get("address") == "r1":
            for b in f["body"]["bars"]:   # [end, open, high, low, close, volume, turnover, start, closed]
                print("day bar  close %.2f  volume %d%s" % (b[4] / 10000, b[5], "" if b[8] else "  (in progress)"))
        elif f.get("type") == "err":
            print("error:", f)
        elif f.get("address", "").startswith("quote."):
            q = f["body"]
            print("quote %s seq %d  last %.2f  bid1 %.2f  ask1 %.2f" % (q["code"], q["seq"], q["last"] / 10000,
                  q["bid"][0][0] / 10000 if q["bid"] else 0, q["ask"][0][0] / 10000 if q["ask"] else 0))
        if now - last_sent >= PING_INTERVAL:
            send(sock, {"type": "ping"})
            last_sent = now
    sock.close()

if __name__ == "__main__":
    main()
