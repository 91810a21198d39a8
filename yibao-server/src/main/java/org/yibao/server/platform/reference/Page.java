package org.yibao.server.platform.reference;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a search: the items, the page number (from 0), the page size and the total number of
 * matches. Shared by the reference-data contexts' public APIs and their admin endpoints.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Default page size of every list endpoint. */
    public static final int DEFAULT_SIZE = 20;
    /** Largest page size a caller may ask for; more is refused, not clamped (STYLE: limits everywhere). */
    public static final int MAX_SIZE = 200;

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** Row offset of a page for SQL. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }
}
