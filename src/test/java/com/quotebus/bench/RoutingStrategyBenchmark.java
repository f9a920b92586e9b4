package com.quotebus.bench;

import com.quotebus.access.routing.ConsistentHashStrategy;
import com.quotebus.access.routing.LeastOutstandingStrategy;
import com.quotebus.access.routing.OutstandingRequests;
import com.quotebus.access.routing.RoundRobinStrategy;
import com.quotebus.access.routing.RouteRequest;
import com.quotebus.access.routing.SmoothWeightedStrategy;
import com.quotebus.cluster.registry.ServiceInstance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one routing decision with 8 instances (the hot path of every routed request).
 * Run: {@code java -cp target/test-classes:target/classes:<deps> org.openjdk.jmh.Main RoutingStrategyBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoutingStrategyBenchmark {

    private List<ServiceInstance> instances;
    private RouteRequest[] keyed;
    private RouteRequest keyless;
    private final RoundRobinStrategy roundRobin = new RoundRobinStrategy();
    private final SmoothWeightedStrategy weighted = new SmoothWeightedStrategy();
    private final OutstandingRequests outstanding = new OutstandingRequests();
    private final LeastOutstandingStrategy leastOutstanding = new LeastOutstandingStrategy(outstanding);
    private final ConsistentHashStrategy consistentHash = new ConsistentHashStrategy(128);
    private int next;

    @Setup
    public void setUp() {
        instances = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            instances.add(ServiceInstance.of("kline", "k" + i, "n").withWeight(1 + i));
            for (int r = 0; r < i; r++) {
                outstanding.started("kline", "k" + i);
            }
        }
        instances = List.copyOf(instances);
        keyed = new RouteRequest[1024];
        for (int i = 0; i < keyed.length; i++) {
            keyed[i] = RouteRequest.of("kline", String.format("%06d.SZ", i));
        }
        keyless = RouteRequest.of("kline", null);
    }

    @Benchmark
    public ServiceInstance roundRobin() {
        return roundRobin.choose(instances, keyless);
    }

    @Benchmark
    public ServiceInstance smoothWeighted() {
        return weighted.choose(instances, keyless);
    }

    @Benchmark
    public ServiceInstance leastOutstanding() {
        return leastOutstanding.choose(instances, keyless);
    }

    @Benchmark
    public ServiceInstance consistentHash() {
        return consistentHash.choose(instances, keyed[next++ & 1023]);
    }
}
