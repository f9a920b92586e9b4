package com.quotebus.client;

import java.util.List;

/**
 * A {@code minute.<code>} push: the points finalised since the previous push, then the point in
 * progress. Apply by {@link MinutePoint#index()} onto a line fetched with {@code minute(code, date)}.
 */
public record MinuteUpdate(String code, long seq, long time, List<MinutePoint> points) {
    public MinuteUpdate {
        points = List.copyOf(points);
    }
}
