#!/usr/bin/env python3
"""Minimal Quotebus client using only the standard library (the Vert.x TCP event-bus bridge protocol).

    python3 docs/examples/quotebus_client.py [host] [port]

Lists the Shanghai instruments, asks for the last 5 daily bars of the first one, then prints its live
quotes for 10 seconds. Prices are integers in 1/10000 yuan.
"""
import json, socket, struct, sys, time

def send(sock, frame):
    data = json.dumps(frame).encode("utf-8")
    sock.sendall(struct.pack(">I", len(data)) + data)

def frames(sock):
    buf = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return
        buf += chunk
        while len(buf) >= 4:
            (n,) = struct.unpack(">I", buf[:4])
            if len(buf) < 4 + n:
                break
            yield json.loads(buf[4:4 + n])
            buf = buf[4 + n:]

host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
port = int(sys.argv[2]) if len(sys.argv) > 2 else 7000
sock = socket.create_connection((host, port))
send(sock, {"type": "send", "address": "svc.instruments", "replyAddress": "r0", "body": {"market": "SH"}})
deadline = time.time() + 10
for f in frames(sock):
    if f.get("address") == "r0":
        code = f["body"]["instruments"][0]["code"]
        print("instrument", code)
        send(sock, {"type": "send", "address": "svc.kline", "replyAddress": "r1",
                    "body": {"code": code, "period": "day", "count": 5}})
        send(sock, {"type": "register", "address": "quote." + code})
    elif f.get("address") == "r1":
        for b in f["body"]["bars"]:   # [end, open, high, low, close, volume, turnover, start, closed]
            print("day bar  close %.2f  volume %d%s" % (b[4] / 10000, b[5], "" if b[8] else "  (in progress)"))
    elif f.get("type") == "err":
        print("error:", f)
    elif f.get("address", "").startswith("quote."):
        q = f["body"]
        print("quote %s seq %d  last %.2f  bid1 %.2f  ask1 %.2f" % (q["code"], q["seq"], q["last"] / 10000,
              q["bid"][0][0] / 10000 if q["bid"] else 0, q["ask"][0][0] / 10000 if q["ask"] else 0))
    if time.time() > deadline:
        break
    send(sock, {"type": "ping"})
sock.close()
