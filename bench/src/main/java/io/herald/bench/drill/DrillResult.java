package io.herald.bench.drill;

import java.util.LinkedHashMap;
import java.util.Map;

/** A drill's verdict: whether the promise held, one line saying why, and the figures behind it. */
record DrillResult(String drill, boolean holds, String verdict, Map<String, Object> details) {

    static DrillResult of(String drill, boolean holds, String verdict, Map<String, Object> details) {
        return new DrillResult(drill, holds, verdict, new LinkedHashMap<>(details));
    }

    String line() {
        return String.format("DRILL %-16s %s  %s", drill, holds ? "HOLDS" : "BROKEN", verdict);
    }
}
