package com.quotebus.client;

import java.util.List;

/**
 * A {@code svc.minute} reply: the points of one trading day so far ({@code day} ISO date, null when the
 * code has not traded yet); {@code size} the number of points of the whole day's grid (A-shares 241).
 */
public record MinuteLine(String code, String day, int size, long seq, List<MinutePoint> points) {
    public MinuteLine {
        points = List.copyOf(points);
    }
}
