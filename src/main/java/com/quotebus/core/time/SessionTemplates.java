package com.quotebus.core.time;

import static com.quotebus.core.time.SessionSegment.Kind.CLOSING_AUCTION;
import static com.quotebus.core.time.SessionSegment.Kind.CONTINUOUS;
import static com.quotebus.core.time.SessionSegment.Kind.OPENING_AUCTION;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The built-in session templates, by name. Instruments name theirs in {@code Instrument.sessionTemplate}. */
public final class SessionTemplates {
    /** A-shares (SH, SZ): 09:15–09:25 call auction, 09:30–11:30, 13:00–14:57, 14:57–15:00 closing auction. */
    public static final SessionTemplate CN_STOCK = new SessionTemplate("CN_STOCK", List.of(
            SessionSegment.of("09:15", "09:25", OPENING_AUCTION),
            SessionSegment.of("09:30", "11:30", CONTINUOUS),
            SessionSegment.of("13:00", "14:57", CONTINUOUS),
            SessionSegment.of("14:57", "15:00", CLOSING_AUCTION)));

    /** CFFEX index futures (IF, IH, IC, IM): 09:25–09:30 auction, 09:30–11:30, 13:00–15:00. */
    public static final SessionTemplate CN_INDEX_FUTURE = new SessionTemplate("CN_INDEX_FUTURE", List.of(
            SessionSegment.of("09:25", "09:30", OPENING_AUCTION),
            SessionSegment.of("09:30", "11:30", CONTINUOUS),
            SessionSegment.of("13:00", "15:00", CONTINUOUS)));

    /** CFFEX treasury futures (T, TF, TS): as index futures but the afternoon ends 15:15. */
    public static final SessionTemplate CN_TREASURY_FUTURE = new SessionTemplate("CN_TREASURY_FUTURE", List.of(
            SessionSegment.of("09:25", "09:30", OPENING_AUCTION),
            SessionSegment.of("09:30", "11:30", CONTINUOUS),
            SessionSegment.of("13:00", "15:15", CONTINUOUS)));

    /** Commodity futures without night trading: 08:55 auction, 09:00–10:15, 10:30–11:30, 13:30–15:00. */
    public static final SessionTemplate CN_COMMODITY_DAY = commodity("CN_COMMODITY_DAY", null);
    /** Night session to 23:00 (e.g. rb, hc, ru, SR, m). */
    public static final SessionTemplate CN_COMMODITY_NIGHT_2300 = commodity("CN_COMMODITY_NIGHT_2300", "23:00");
    /** Night session to 01:00 (e.g. cu, al, zn). */
    public static final SessionTemplate CN_COMMODITY_NIGHT_0100 = commodity("CN_COMMODITY_NIGHT_0100", "01:00");
    /** Night session to 02:30 (e.g. au, ag, sc). */
    public static final SessionTemplate CN_COMMODITY_NIGHT_0230 = commodity("CN_COMMODITY_NIGHT_0230", "02:30");

    private static final Map<String, SessionTemplate> BY_NAME = new TreeMap<>();

    static {
        for (SessionTemplate t : List.of(CN_STOCK, CN_INDEX_FUTURE, CN_TREASURY_FUTURE, CN_COMMODITY_DAY,
                CN_COMMODITY_NIGHT_2300, CN_COMMODITY_NIGHT_0100, CN_COMMODITY_NIGHT_0230)) {
            BY_NAME.put(t.name(), t);
        }
    }

    private SessionTemplates() {}

    private static SessionTemplate commodity(String name, String nightEnd) {
        List<SessionSegment> day = List.of(
                SessionSegment.of("08:55", "09:00", OPENING_AUCTION),
                SessionSegment.of("09:00", "10:15", CONTINUOUS),
                SessionSegment.of("10:30", "11:30", CONTINUOUS),
                SessionSegment.of("13:30", "15:00", CONTINUOUS));
        if (nightEnd == null) {
            return new SessionTemplate(name, day);
        }
        List<SessionSegment> all = new java.util.ArrayList<>();
        all.add(SessionSegment.of("20:55", "21:00", OPENING_AUCTION));
        all.add(SessionSegment.of("21:00", nightEnd, CONTINUOUS));
        all.addAll(day);
        return new SessionTemplate(name, all);
    }

    /** The template with this name; {@link IllegalArgumentException} listing the known names otherwise. */
    public static SessionTemplate get(String name) {
        SessionTemplate t = BY_NAME.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown session template '" + name + "' (known: "
                    + String.join(", ", BY_NAME.keySet()) + ")");
        }
        return t;
    }

    public static Map<String, SessionTemplate> all() {
        return java.util.Collections.unmodifiableMap(BY_NAME);
    }
}
