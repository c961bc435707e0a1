package dev.methodguard;

import dev.methodguard.RouteTemplate.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node of {@link RouteTable}'s trie: children by segment kind, the route ending here, the catch-all routes rooted here. */
final class RouteNode {
    private static final int[] NONE = {};
    private static final RouteNode[] NO_NODES = {};

    // Build time only.
    private Map<String, RouteNode> literalsBuild = new LinkedHashMap<>();
    private Map<Integer, RouteNode> regexBuild = new LinkedHashMap<>();
    private List<int[]> catchAllBuild = new ArrayList<>();

    RouteNode param;
    int terminal = -1;
    int minRank = Integer.MAX_VALUE;
    int[] catchAllRoutes = NONE;
    int[] catchAllPatterns = NONE;
    int[] regexPatterns = NONE;
    RouteNode[] regexNodes = NO_NODES;
    // Open-addressing hash table of literal children; hashes are String.hashCode() values.
    String[] literalKeys;
    int[] literalHashes;
    RouteNode[] literalNodes;
    int literalMask = -1;

    void add(List<Segment> segs, int i, int route, Map<String, Integer> patternIds) {
        if (i == segs.size()) {
            terminal = route; // shapes are unique, so no other route ends here
            return;
        }
        Segment s = segs.get(i);
        switch (s.kind()) {
            case Segment.LITERAL -> literalsBuild.computeIfAbsent(s.text(), k -> new RouteNode()).add(segs, i + 1, route, patternIds);
            case Segment.PARAM -> {
                if (param == null) {
                    param = new RouteNode();
                }
                param.add(segs, i + 1, route, patternIds);
            }
            case Segment.REGEX -> {
                int id = patternIds.computeIfAbsent(s.text(), k -> patternIds.size());
                regexBuild.computeIfAbsent(id, k -> new RouteNode()).add(segs, i + 1, route, patternIds);
            }
            default -> {
                int id = s.text() == null ? -1 : patternIds.computeIfAbsent(s.text(), k -> patternIds.size());
                catchAllBuild.add(new int[] {route, id});
            }
        }
    }

    /** Turns the build maps into arrays and computes minRank bottom-up. */
    int freeze(int[] rank) {
        int min = terminal >= 0 ? rank[terminal] : Integer.MAX_VALUE;
        catchAllRoutes = new int[catchAllBuild.size()];
        catchAllPatterns = new int[catchAllBuild.size()];
        for (int k = 0; k < catchAllRoutes.length; k++) {
            catchAllRoutes[k] = catchAllBuild.get(k)[0];
            catchAllPatterns[k] = catchAllBuild.get(k)[1];
            min = Math.min(min, rank[catchAllRoutes[k]]);
        }
        regexPatterns = new int[regexBuild.size()];
        regexNodes = new RouteNode[regexBuild.size()];
        int k = 0;
        for (Map.Entry<Integer, RouteNode> e : regexBuild.entrySet()) {
            regexPatterns[k] = e.getKey();
            regexNodes[k++] = e.getValue();
            min = Math.min(min, e.getValue().freeze(rank));
        }
        if (param != null) {
            min = Math.min(min, param.freeze(rank));
        }
        if (!literalsBuild.isEmpty()) {
            int size = Integer.highestOneBit(Math.max(2, literalsBuild.size() * 2 - 1)) << 1;
            literalKeys = new String[size];
            literalHashes = new int[size];
            literalNodes = new RouteNode[size];
            literalMask = size - 1;
            for (Map.Entry<String, RouteNode> e : literalsBuild.entrySet()) {
                int h = e.getKey().hashCode();
                int idx = spread(h) & literalMask;
                while (literalKeys[idx] != null) {
                    idx = (idx + 1) & literalMask;
                }
                literalKeys[idx] = e.getKey();
                literalHashes[idx] = h;
                literalNodes[idx] = e.getValue();
                min = Math.min(min, e.getValue().freeze(rank));
            }
        }
        literalsBuild = null;
        regexBuild = null;
        catchAllBuild = null;
        minRank = min;
        return min;
    }

    /** The literal child for p[from, to), whose String-style hash the caller computed while finding {@code to}. */
    RouteNode literal(String p, int from, int to, int h) {
        int len = to - from;
        int idx = spread(h) & literalMask;
        String key;
        while ((key = literalKeys[idx]) != null) {
            if (literalHashes[idx] == h && key.length() == len && p.regionMatches(from, key, 0, len)) {
                return literalNodes[idx];
            }
            idx = (idx + 1) & literalMask;
        }
        return null;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
