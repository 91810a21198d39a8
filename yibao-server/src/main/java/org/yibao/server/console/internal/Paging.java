package org.yibao.server.console.internal;

/**
 * A page of a list: 1-based page number and a size capped at {@link #MAX_SIZE}, so that no request
 * can ask the database for an unbounded result (the demo has 100,000 persons).
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deep OFFSETs get slow; nobody pages through 100,000 persons by hand, they search. */
    public static final int MAX_PAGE = 500;

    public Paging {
        page = Math.min(Math.max(page, 1), MAX_PAGE);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public static Paging of(Integer page, Integer size) {
        return new Paging(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return (page - 1) * size;
    }

    /** One row more than shown, to know whether a next page exists without counting the table. */
    public int probeLimit() {
        return size + 1;
    }
}
