package com.quotebus.cluster;

import com.quotebus.core.instrument.Code;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.instrument.InstrumentType;
import io.vertx.core.json.JsonObject;

/** The JSON form of an instrument in the cluster directory and in {@code svc.instruments} replies. */
public final class InstrumentJson {
    private InstrumentJson() {}

    public static JsonObject toJson(Instrument i) {
        return new JsonObject().put("code", i.codeText()).put("name", i.name()).put("type", i.type().name())
                .put("market", i.code().market().name()).put("tick", i.priceTick()).put("lot", i.lotSize())
                .put("multiplier", i.multiplier()).put("preClose", i.preClose()).put("upper", i.upperLimit())
                .put("lower", i.lowerLimit()).put("session", i.sessionTemplate());
    }

    /** Parses the JSON form; {@link IllegalArgumentException} naming the bad field. */
    public static Instrument fromJson(JsonObject o) {
        try {
            return new Instrument(Code.parse(o.getString("code")), o.getString("name"),
                    InstrumentType.valueOf(o.getString("type")), o.getLong("tick"), o.getInteger("lot"),
                    o.getInteger("multiplier"), o.getLong("preClose", 0L), o.getLong("upper", 0L),
                    o.getLong("lower", 0L), o.getString("session"));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("bad instrument " + o.encode() + ": " + e.getMessage(), e);
        }
    }
}
