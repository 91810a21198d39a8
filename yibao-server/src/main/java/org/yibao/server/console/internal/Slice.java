package org.yibao.server.console.internal;

import java.util.List;

/** The rows of one page and whether there are more; no total count (it would scan the table). */
public record Slice<T>(List<T> rows, Paging paging, boolean hasNext) {

    static <T> Slice<T> of(List<T> probed, Paging paging) {
        boolean more = probed.size() > paging.size();
        return new Slice<>(more ? List.copyOf(probed.subList(0, paging.size())) : List.copyOf(probed), paging, more);
    }

    public boolean hasPrevious() {
        return paging.page() > 1;
    }

    public int page() {
        return paging.page();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
