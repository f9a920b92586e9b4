package com.quotebus.collector.szse;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.time.ChinaTime;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SzseDecoderTest {
    private static long at(String t) {
        return ChinaTime.epochMillis(LocalDateTime.parse(t));
    }

    /** A 300191 fill of 000001.SZ, built field by field from the spec layout. */
    private static byte[] handBuiltTrade(long applSeq, long bidSeq, long offerSeq, char execType, long time) {
        return new WireBytes()
                .u16(2011) // ChannelNo
                .i64(applSeq) // ApplSeqNum
                .chars("011", 3) // MDStreamID
                .i64(bidSeq) // BidApplSeqNum
                .i64(offerSeq) // OfferApplSeqNum
                .chars("000001", 8) // SecurityID
                .chars("102", 4) // SecurityIDSource
                .i64(12_3400L) // LastPx N13(4) = 12.34
                .i64(500_00L) // LastQty N15(2) = 500 shares
                .chars(String.valueOf(execType), 1) // ExecType
                .i64(time) // TransactTime
                .frame(300191);
    }

    private static byte[] handBuiltSnapshot() {
        WireBytes w = new WireBytes()
                .i64(20250303093003000L) // OrigTime
                .u16(1011) // ChannelNo
                .chars("010", 3) // MDStreamID
                .chars("300750", 8) // SecurityID
                .chars("102", 4) // SecurityIDSource
                .chars("T0", 8) // TradingPhaseCode
                .i64(200_0000L) // PrevClosePx N13(4) = 200.00
                .i64(42) // NumTrades
                .i64(12_300_00L) // TotalVolumeTrade N15(2) = 12,300 shares
                .i64(2_466_150_0000L) // TotalValueTrade N18(4) = 2,466,150.00
                .i32(8); // NoMDEntries
        entry(w, "0", 200_500000L, 1_000_00L, 1, 3, new long[] {600_00L, 400_00L}); // bid 1 200.50 x 1000, 3 orders
        entry(w, "0", 200_490000L, 200_00L, 2, 1, new long[0]); // bid 2
        entry(w, "1", 200_510000L, 700_00L, 1, 2, new long[0]); // ask 1
        entry(w, "2", 200_500000L, 0, 0, 0, new long[0]); // last
        entry(w, "4", 199_000000L, 0, 0, 0, new long[0]); // open
        entry(w, "7", 201_000000L, 0, 0, 0, new long[0]); // high
        entry(w, "xe", 240_000000L, 0, 0, 0, new long[0]); // upper limit (ChiNext +20%)
        entry(w, "xf", 160_000000L, 0, 0, 0, new long[0]); // lower limit
        return w.frame(300111);
    }

    private static void entry(WireBytes w, String type, long px6, long size2, int level, long orders, long[] qtys) {
        w.chars(type, 2).i64(px6).i64(size2).u16(level).i64(orders).i32(qtys.length);
        for (long q : qtys) {
            w.i64(q);
        }
    }

    /** Records decoded messages as text and normalised events. */
    private static final class Recorder implements SzseMessageHandler {
        final List<String> log = new ArrayList<>();
        final List<MarketEvent> events = new ArrayList<>();
        final SzseNormaliser normaliser = new SzseNormaliser();

        @Override
        public void onLogon(LogonMessage logon) {
            log.add("logon " + logon);
        }

        @Override
        public void onLogout(int status, String text) {
            log.add("logout " + status + " " + text);
        }

        @Override
        public void onHeartbeat() {
            log.add("heartbeat");
        }

        @Override
        public void onChannelHeartbeat(int channelNo, long seq, boolean end) {
            log.add("channel-heartbeat " + channelNo + " " + seq + " " + end);
        }

        @Override
        public void onSnapshot(SnapshotMessage s) {
            log.add("snapshot " + s.securityId());
            Snapshot n = normaliser.snapshot(s);
            if (n != null) {
                events.add(n);
            }
        }

        @Override
        public void onTrade(TradeMessage t) {
            log.add("trade " + t.applSeqNum() + " " + t.execType());
            Trade n = normaliser.trade(t);
            if (n != null) {
                events.add(n);
            }
        }

        @Override
        public void onOrder(OrderMessage o) {
            log.add("order " + o.applSeqNum() + " " + o.side() + " " + o.ordType());
            normaliser.countOrder(o);
        }

        @Override
        public void onMalformed(String reason, boolean fatal) {
            log.add((fatal ? "FATAL " : "malformed ") + reason);
        }
    }

    @Test
    void channelHeartbeatEncodesToTheSpecBytesAndDecodesBack() {
        byte[] expected = WireBytes.concat(new WireBytes().u16(2011).i64(123456).u16(0).frame(390095));
        // MsgType 390095 = 0x0005F3CF, BodyLength 12, body, checksum = 984 mod 256 = 0xD8
        assertThat(WireBytes.hex(expected)).isEqualTo("0005F3CF" + "0000000C" + "07DB" + "000000000001E240" + "0000"
                + "000000D8");
        byte[] encoded = new SzseEncoder().channelHeartbeat(2011, 123456, false).toByteArray();
        assertThat(WireBytes.hex(encoded)).isEqualTo(WireBytes.hex(expected));

        Recorder r = new Recorder();
        new SzseDecoder(r).feed(encoded, 0, encoded.length);
        assertThat(r.log).containsExactly("channel-heartbeat 2011 123456 false");
    }

    @Test
    void handBuiltTradeDecodesFieldByFieldAndNormalisesWithTheLaterOrderAsAggressor() {
        byte[] frame = handBuiltTrade(1001, 998, 1000, 'F', 20250303093001120L);
        List<TradeMessage> seen = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        SzseMessageHandler h = new SzseMessageHandler() {
            @Override
            public void onTrade(TradeMessage t) {
                seen.add(t);
                fields.add(t.channelNo() + "|" + t.applSeqNum() + "|" + t.mdStreamId() + "|" + t.bidApplSeqNum() + "|"
                        + t.offerApplSeqNum() + "|" + t.securityId() + "|" + t.securityIdSource() + "|" + t.lastPx()
                        + "|" + t.lastQty() + "|" + t.execType() + "|" + t.transactTime());
            }
        };
        new SzseDecoder(h).feed(frame, 0, frame.length);
        assertThat(fields).containsExactly("2011|1001|011|998|1000|000001|102|123400|50000|F|20250303093001120");

        Trade t = new SzseNormaliser().trade(seen.get(0));
        assertThat(t).isEqualTo(new Trade("000001.SZ", at("2025-03-03T09:30:01.120"), 12_3400L, 500,
                12_3400L * 500, Side.SELL, 2011, 1001, 998, 1000, 0, ""));
    }

    @Test
    void encoderWritesTheSameTradeBytesAsTheHandBuiltFrame() {
        byte[] expected = handBuiltTrade(1001, 1000, 998, 'F', 20250303093001120L);
        byte[] encoded = new SzseEncoder().trade(new Trade("000001.SZ", at("2025-03-03T09:30:01.120"), 12_3400L, 500,
                12_3400L * 500, Side.BUY, 2011, 1001, 1000, 998, 0, "")).toByteArray();
        assertThat(WireBytes.hex(encoded)).isEqualTo(WireBytes.hex(expected));
        assertThat(encoded).hasSize(8 + 66 + 4);
    }

    @Test
    void handBuiltSnapshotDecodesEntriesAndNormalisesToMinorUnitsAndShares() {
        byte[] frame = handBuiltSnapshot();
        List<String> fields = new ArrayList<>();
        List<Snapshot> out = new ArrayList<>();
        SzseNormaliser normaliser = new SzseNormaliser();
        SzseMessageHandler h = new SzseMessageHandler() {
            @Override
            public void onSnapshot(SnapshotMessage s) {
                fields.add(s.origTime() + "|" + s.channelNo() + "|" + s.mdStreamId() + "|" + s.securityId() + "|"
                        + s.securityIdSource() + "|" + s.tradingPhaseCode() + "|" + s.prevClosePx() + "|"
                        + s.numTrades() + "|" + s.totalVolumeTrade() + "|" + s.totalValueTrade() + "|"
                        + s.entryCount());
                for (int i = 0; i < s.entryCount(); i++) {
                    fields.add(s.entryTypeText(i) + "|" + s.entryPx(i) + "|" + s.entrySize(i) + "|" + s.priceLevel(i)
                            + "|" + s.numberOfOrders(i) + "|" + s.noOrders(i));
                }
                fields.add("qty " + s.orderQty(0, 0) + " " + s.orderQty(0, 1));
                out.add(normaliser.snapshot(s));
            }
        };
        new SzseDecoder(h).feed(frame, 0, frame.length);
        assertThat(fields).containsExactly(
                "20250303093003000|1011|010|300750|102|T0|2000000|42|1230000|24661500000|8",
                "0|200500000|100000|1|3|2", "0|200490000|20000|2|1|0", "1|200510000|70000|1|2|0",
                "2|200500000|0|0|0|0", "4|199000000|0|0|0|0", "7|201000000|0|0|0|0", "xe|240000000|0|0|0|0",
                "xf|160000000|0|0|0|0", "qty 60000 40000");
        assertThat(out).containsExactly(new Snapshot("300750.SZ", at("2025-03-03T09:30:03"), TradingPhase.CONTINUOUS,
                200_0000L, 199_0000L, 201_0000L, 0, 200_5000L, 12_300, 2_466_150_0000L, 42, 240_0000L, 160_0000L, 0, 0,
                0, new BookSide(new long[] {200_5000L, 200_4900L}, new long[] {1000, 200}, new int[] {3, 1}),
                new BookSide(new long[] {200_5100L}, new long[] {700}, new int[] {2}), 1011, 0, 0, ""));
    }

    @Test
    void messagesSplitAtEveryByteDecodeAsWhenReadWhole() {
        byte[] stream = WireBytes.concat(handBuiltSnapshot(), handBuiltTrade(7, 5, 6, 'F', 20250303093001120L),
                new SzseEncoder().heartbeat().order(2011, 8, "000001.SZ", 12_3400L, 100_00L, '2',
                        20250303093002000L, '2').channelHeartbeat(2011, 8, false).toByteArray());
        Recorder whole = new Recorder();
        new SzseDecoder(whole).feed(stream, 0, stream.length);
        assertThat(whole.log).containsExactly("snapshot 300750", "trade 7 F", "heartbeat", "order 8 2 2",
                "channel-heartbeat 2011 8 false");
        for (int split = 1; split < stream.length; split++) {
            Recorder r = new Recorder();
            SzseDecoder d = new SzseDecoder(r);
            d.feed(stream, 0, split);
            d.feed(stream, split, stream.length - split);
            assertThat(r.log).as("split at %d", split).isEqualTo(whole.log);
            assertThat(r.events).as("split at %d", split).isEqualTo(whole.events);
        }
        Recorder oneByOne = new Recorder();
        SzseDecoder d = new SzseDecoder(oneByOne);
        for (int i = 0; i < stream.length; i++) {
            d.feed(stream, i, 1);
        }
        assertThat(oneByOne.log).isEqualTo(whole.log);
        assertThat(d.pendingBytes()).isZero();
        assertThat(oneByOne.normaliser.orders()).isEqualTo(1);
    }

    @Test
    void badChecksumIsReportedAndTheNextFrameStillDecodes() {
        byte[] bad = handBuiltTrade(1, 0, 0, 'F', 20250303093001120L);
        bad[bad.length - 1] ^= 0x01;
        byte[] stream = WireBytes.concat(bad, handBuiltTrade(2, 2, 1, 'F', 20250303093001120L));
        Recorder r = new Recorder();
        SzseDecoder d = new SzseDecoder(r);
        assertThat(d.feed(stream, 0, stream.length)).isTrue();
        assertThat(r.log).hasSize(2);
        assertThat(r.log.get(0)).startsWith("malformed bad checksum on MsgType 300191");
        assertThat(r.log.get(1)).isEqualTo("trade 2 F");
        assertThat(d.malformed()).isEqualTo(1);
    }

    @Test
    void unknownTypeIsReportedButKnownSpecTypesAreSkippedSilently() {
        byte[] stream = new SzseEncoder().frame(777777, new byte[] {1, 2, 3}).frame(390019, new byte[10])
                .heartbeat().toByteArray();
        Recorder r = new Recorder();
        SzseDecoder d = new SzseDecoder(r);
        d.feed(stream, 0, stream.length);
        assertThat(r.log).containsExactly("malformed unknown MsgType 777777 (BodyLength 3); frame skipped",
                "heartbeat");
        assertThat(d.skipped()).isEqualTo(1);
    }

    @Test
    void bodyThatDoesNotMatchItsLayoutIsReportedAndSkipped() {
        byte[] shortTrade = new SzseEncoder().frame(300191, new byte[65]).heartbeat().toByteArray();
        byte[] overrun = new WireBytes().i64(20250303093003000L).u16(1).chars("010", 3).chars("000001", 8)
                .chars("102", 4).chars("T0", 8).i64(0).i64(0).i64(0).i64(0).i32(2).frame(300111);
        Recorder r = new Recorder();
        SzseDecoder d = new SzseDecoder(r);
        d.feed(shortTrade, 0, shortTrade.length);
        d.feed(overrun, 0, overrun.length);
        assertThat(r.log).containsExactly("malformed MsgType 300191 has BodyLength 65, the layout needs 66; frame skipped",
                "heartbeat", "malformed 300111 entry 0 of 2 runs past BodyLength 69; frame skipped");
    }

    @Test
    void absurdBodyLengthIsFatalAndTheDecoderRefusesInputUntilReset() {
        byte[] header = new WireBytes().i32(300111).i32(0x7fff_fff0).frame(0); // just bytes; first 8 matter
        byte[] absurd = java.util.Arrays.copyOfRange(header, 8, 16);
        Recorder r = new Recorder();
        SzseDecoder d = new SzseDecoder(r, 4096);
        assertThat(d.feed(absurd, 0, absurd.length)).isFalse();
        assertThat(r.log).containsExactly(
                "FATAL BodyLength 2147483632 of MsgType 300111 exceeds the cap 4096; stream framing lost");
        byte[] hb = new SzseEncoder().heartbeat().toByteArray();
        assertThat(d.feed(hb, 0, hb.length)).isFalse();
        assertThat(r.log).hasSize(1);
        d.reset();
        assertThat(d.feed(hb, 0, hb.length)).isTrue();
        assertThat(r.log).last().isEqualTo("heartbeat");
    }

    @Test
    void cancelsAreNotTradesAndAuctionPrintsHaveNoSide() {
        byte[] stream = WireBytes.concat(handBuiltTrade(10, 0, 9, '4', 20250303093001120L),
                handBuiltTrade(11, 3, 4, 'F', 20250303092500000L), handBuiltTrade(12, 6, 5, 'F', 20250303150000000L),
                handBuiltTrade(13, 8, 7, 'F', 20250303145959990L));
        Recorder r = new Recorder();
        new SzseDecoder(r).feed(stream, 0, stream.length);
        assertThat(r.events).extracting(e -> ((Trade) e).channelSeq() + ":" + ((Trade) e).side())
                .containsExactly("11:NONE", "12:NONE", "13:BUY");
        assertThat(r.normaliser.cancels()).isEqualTo(1);
    }

    @Test
    void sessionMessagesRoundTrip() {
        byte[] stream = new SzseEncoder().logon("CLIENT", "SZSE-SIM", 5, "pw").logout(4, "bye").toByteArray();
        assertThat(stream).hasSize(12 + 92 + 12 + 204);
        Recorder r = new Recorder();
        new SzseDecoder(r).feed(stream, 0, stream.length);
        assertThat(r.log).containsExactly("logon LogonMessage[senderCompId=CLIENT, targetCompId=SZSE-SIM, "
                + "heartBtIntSeconds=5, password=pw, defaultApplVerId=1.00]", "logout 4 bye");
    }

    @Test
    void futuresSnapshotRoundTripsWithPrivateSourceAndEntries() {
        Snapshot s = new Snapshot("rb2605.SHF", at("2025-03-03T21:00:03"), TradingPhase.CONTINUOUS, 3500_0000L,
                3502_0000L, 3510_0000L, 3498_0000L, 3505_0000L, 1234, 3505_0000L * 1234 * 10, 88, 3745_0000L,
                3255_0000L, 456_789, 0, 3500_0000L,
                new BookSide(new long[] {3504_0000L}, new long[] {10}, new int[] {2}),
                new BookSide(new long[] {3505_0000L}, new long[] {7}, new int[] {1}), 3, 0, 0, "");
        byte[] bytes = new SzseEncoder().snapshot(s).toByteArray();
        List<Snapshot> out = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        SzseNormaliser n = new SzseNormaliser();
        new SzseDecoder(new SzseMessageHandler() {
            @Override
            public void onSnapshot(SnapshotMessage m) {
                sources.add(m.securityIdSource());
                out.add(n.snapshot(m));
            }
        }).feed(bytes, 0, bytes.length);
        assertThat(sources).containsExactly("901");
        assertThat(out).containsExactly(s);
    }

    @Test
    void unknownSecurityIdSourceIsReportedNotGuessed() {
        byte[] frame = new WireBytes().u16(1).i64(1).chars("011", 3).i64(1).i64(2).chars("000001", 8)
                .chars("555", 4).i64(10000).i64(100).chars("F", 1).i64(20250303093001120L).frame(300191);
        RecordingSink sink = new RecordingSink();
        SzseFeedAdapter adapter = new SzseFeedAdapter("t", sink, c -> 1);
        new SzseDecoder(adapter).feed(frame, 0, frame.length);
        assertThat(sink.events).isEmpty();
        assertThat(sink.malformed).containsExactly(
                "300191 seq 1 has an unknown SecurityIDSource '555' or SecurityID '000001'");
    }

    @Test
    void checksumIsTheByteSumModulo256ForAnyLengthAndAlignment() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int len = 0; len < 3000; len += 1 + len / 7) {
            byte[] b = new byte[len + 3];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) r.nextInt(256);
            }
            for (int off = 0; off < 3; off++) {
                int sum = 0;
                for (int i = off; i < off + len; i++) {
                    sum += b[i] & 0xff;
                }
                assertThat(SzseDecoder.checksum(b, off, len)).as("len %d off %d", len, off).isEqualTo(sum % 256);
            }
        }
    }
}
