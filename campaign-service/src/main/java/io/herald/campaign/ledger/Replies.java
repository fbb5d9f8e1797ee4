package io.herald.campaign.ledger;

import java.util.ArrayList;
import java.util.List;

/** Reading Lua array replies: Lettuce emits a multi-bulk reply as one list element or as its elements. */
final class Replies {

    private Replies() {
    }

    static List<String> flat(List<Object> reply) {
        List<String> out = new ArrayList<>();
        for (Object element : reply) {
            if (element instanceof List<?> nested) {
                nested.forEach(item -> out.add(String.valueOf(item)));
            } else {
                out.add(String.valueOf(element));
            }
        }
        return out;
    }
}
