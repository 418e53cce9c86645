package dev.beanstalk.client.internal.fleet;

import dev.beanstalk.client.FleetStrategy;
import dev.beanstalk.client.ServerAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A consistent-hash ring of the servers' addresses, {@value #POINTS} points each: a tube goes to the owner of the
 * first point at or after its hash, or, while that server is not eligible, to the next other server on the ring.
 */
public final class TubeHash implements FleetStrategy {

    static final int POINTS = 160;

    private volatile Ring ring = new Ring(List.of(), new long[0], new int[0]);

    @Override
    public int choose(String tube, List<ServerAddress> servers, IntPredicate eligible) {
        Ring current = ring;
        if (!current.servers.equals(servers)) {
            current = Ring.of(servers);
            ring = current;
        }
        return current.choose(hash(tube), eligible);
    }

    @Override
    public String toString() {
        return "tube-hash";
    }

    /** FNV-1a over UTF-8, then a 64-bit finalizer so that similar names spread over the ring. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private record Ring(List<ServerAddress> servers, long[] points, int[] owners) {

        static Ring of(List<ServerAddress> servers) {
            long[][] pairs = new long[servers.size() * POINTS][];
            for (int s = 0; s < servers.size(); s++) {
                for (int p = 0; p < POINTS; p++) {
                    pairs[s * POINTS + p] = new long[] {hash(servers.get(s) + "#" + p), s};
                }
            }
            Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
            long[] points = new long[pairs.length];
            int[] owners = new int[pairs.length];
            for (int i = 0; i < pairs.length; i++) {
                points[i] = pairs[i][0];
                owners[i] = (int) pairs[i][1];
            }
            return new Ring(List.copyOf(servers), points, owners);
        }

        int choose(long hash, IntPredicate eligible) {
            int at = Arrays.binarySearch(points, hash);
            int start = at >= 0 ? at : -at - 1;
            boolean[] asked = new boolean[servers.size()];
            for (int i = 0; i < points.length; i++) {
                int owner = owners[(start + i) % points.length];
                if (!asked[owner]) {
                    asked[owner] = true;
                    if (eligible.test(owner)) {
                        return owner;
                    }
                }
            }
            return -1;
        }
    }
}
