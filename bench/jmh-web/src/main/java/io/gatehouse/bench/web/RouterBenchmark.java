package io.gatehouse.bench.web;

import io.gatehouse.web.Handler;
import io.gatehouse.web.RouteMatch;
import io.gatehouse.web.Router;
import io.gatehouse.web.Rule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Route matching in a table of 1,000 routes: the framework's segment trie against a linear scan of
 * regular expressions (the naive router), for a route declared first, one declared last, and a path
 * that matches nothing (the worst case for a scan).
 *
 * <p>Run: {@code java -jar bench/jmh-web/target/benchmarks.jar RouterBenchmark -f 1 -wi 3 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouterBenchmark {

    /** Twenty path shapes per resource, fifty resources: 1,000 routes. */
    static final String[] SHAPES = {
        "/items", "/items/{id:int}", "/items/{id:int}/edit", "/items/{id:int}/comments",
        "/items/{id:int}/comments/{cid:int}", "/tags", "/tags/{slug}", "/tags/{slug}/items", "/search",
        "/export/{format}", "/files/{rest:path}", "/owners/{key:uuid}", "/owners/{key:uuid}/items", "/stats",
        "/stats/{year:int}", "/stats/{year:int}/{month:int}", "/archive", "/archive/{slug}", "/settings", "/feed",
    };

    private static final Handler VIEW = request -> null;

    private Router router;
    private List<Pattern> scan;

    @Setup
    public void build() {
        router = new Router();
        scan = new ArrayList<>();
        for (int resource = 0; resource < 50; resource++) {
            for (String shape : SHAPES) {
                String pattern = "/r" + resource + shape;
                router.add(Rule.of(null, pattern, Set.of("GET"), VIEW));
                scan.add(Pattern.compile(pattern.replaceAll("\\{[a-z]+:int}", "(\\\\d+)")
                    .replaceAll("\\{[a-z]+:uuid}", "([0-9a-f-]{36})").replaceAll("\\{[a-z]+:path}", "(.+)")
                    .replaceAll("\\{[a-z]+}", "([^/]+)")));
            }
        }
    }

    @Benchmark
    public RouteMatch trieFirstRoute() {
        return router.match("GET", "/r0/items");
    }

    @Benchmark
    public RouteMatch trieLastRoute() {
        return router.match("GET", "/r49/stats/2024/7");
    }

    @Benchmark
    public RouteMatch trieNoRoute() {
        return router.match("GET", "/r49/nothing/here");
    }

    @Benchmark
    public Matcher scanFirstRoute() {
        return linear("/r0/items");
    }

    @Benchmark
    public Matcher scanLastRoute() {
        return linear("/r49/stats/2024/7");
    }

    @Benchmark
    public Matcher scanNoRoute() {
        return linear("/r49/nothing/here");
    }

    private Matcher linear(String path) {
        for (Pattern pattern : scan) {
            Matcher matcher = pattern.matcher(path);
            if (matcher.matches()) {
                return matcher;
            }
        }
        return null;
    }
}
