package com.quotebus.access.routing;

import java.io.Serializable;
import java.util.Map;

/**
 * How one service is routed. Stored cluster-wide in a {@link PolicyStore} so a change applies on every access
 * node; services without a policy use {@link #DEFAULT}.
 *
 * @param strategy            which instance(s) get a request
 * @param hashField           body field whose value is the consistent-hash key (string or number), e.g. {@code code}
 * @param virtualNodes        ring points per instance for consistent hashing, 1–1000
 * @param idempotent          whether a request that may have reached a failed instance (timeout, instance lost)
 *                            may be retried elsewhere; requests that never arrived (no handlers) are always retried
 * @param perTryTimeoutMillis timeout of one attempt, 0 = the router's default; at most 60 000
 */
public record ServicePolicy(StrategyKind strategy, String hashField, int virtualNodes, boolean idempotent,
                            long perTryTimeoutMillis) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final ServicePolicy DEFAULT = new ServicePolicy(StrategyKind.ROUND_ROBIN, "code", 128, true, 0);

    public ServicePolicy {
        if (strategy == null) {
            throw new IllegalArgumentException("policy strategy is missing");
        }
        if (hashField == null || hashField.isBlank()) {
            throw new IllegalArgumentException("policy hashField is missing");
        }
        if (virtualNodes < 1 || virtualNodes > 1000) {
            throw new IllegalArgumentException("policy virtualNodes " + virtualNodes + " must be 1-1000");
        }
        if (perTryTimeoutMillis < 0 || perTryTimeoutMillis > 60_000) {
            throw new IllegalArgumentException("policy perTryTimeoutMillis " + perTryTimeoutMillis
                    + " must be 0-60000");
        }
    }

    public static ServicePolicy of(StrategyKind strategy) {
        return DEFAULT.withStrategy(strategy);
    }

    public ServicePolicy withStrategy(StrategyKind s) {
        return new ServicePolicy(s, hashField, virtualNodes, idempotent, perTryTimeoutMillis);
    }

    public ServicePolicy withIdempotent(boolean i) {
        return new ServicePolicy(strategy, hashField, virtualNodes, i, perTryTimeoutMillis);
    }

    public ServicePolicy withPerTryTimeoutMillis(long t) {
        return new ServicePolicy(strategy, hashField, virtualNodes, idempotent, t);
    }

    /**
     * Reads a policy from configuration values ({@code strategy}, {@code hashField}, {@code virtualNodes},
     * {@code idempotent}, {@code perTryTimeoutMillis}); absent keys take the defaults, unknown keys and bad values
     * fail naming the key.
     */
    public static ServicePolicy fromMap(Map<String, ?> values) {
        for (String key : values.keySet()) {
            if (!Map.of("strategy", 1, "hashField", 1, "virtualNodes", 1, "idempotent", 1,
                    "perTryTimeoutMillis", 1).containsKey(key)) {
                throw new IllegalArgumentException("unknown policy key '" + key + "'");
            }
        }
        Object s = values.get("strategy");
        Object h = values.get("hashField");
        Object v = values.get("virtualNodes");
        Object i = values.get("idempotent");
        Object t = values.get("perTryTimeoutMillis");
        return new ServicePolicy(
                s == null ? DEFAULT.strategy : StrategyKind.ofConfigName(String.valueOf(s)),
                h == null ? DEFAULT.hashField : String.valueOf(h),
                v == null ? DEFAULT.virtualNodes : (int) number("virtualNodes", v),
                i == null ? DEFAULT.idempotent : bool(i),
                t == null ? DEFAULT.perTryTimeoutMillis : number("perTryTimeoutMillis", t));
    }

    private static long number(String key, Object value) {
        if (value instanceof Number n && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        throw new IllegalArgumentException("policy " + key + " '" + value + "' is not a whole number");
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("policy idempotent '" + value + "' is not true/false");
    }
}
