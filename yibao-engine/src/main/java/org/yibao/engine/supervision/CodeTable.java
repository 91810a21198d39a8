package org.yibao.engine.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of a knowledge table keyed by an item or diagnosis code. A key ending in {@code *} is a prefix:
 * national codes are hierarchical (a drug code starts with its ATC class, a diagnosis with its
 * category), so one row can cover every manufacturer's product or every sub-code. An exact key wins
 * over a prefix, a longer prefix over a shorter one. Immutable once built.
 */
public final class CodeTable<T> {

    private final Map<String, T> exact;
    private final List<Map.Entry<String, T>> prefixes;

    private CodeTable(Map<String, T> exact, List<Map.Entry<String, T>> prefixes) {
        this.exact = Map.copyOf(exact);
        this.prefixes = List.copyOf(prefixes);
    }

    /** The row for {@code code}, or null. */
    public T find(String code) {
        if (code == null) {
            return null;
        }
        T row = exact.get(code);
        if (row != null || prefixes.isEmpty()) {
            return row;
        }
        for (Map.Entry<String, T> p : prefixes) {
            if (code.startsWith(p.getKey())) {
                return p.getValue();
            }
        }
        return null;
    }

    public boolean contains(String code) {
        return find(code) != null;
    }

    public int size() {
        return exact.size() + prefixes.size();
    }

    /** Every key as written in the table (prefixes with their {@code *}). */
    public List<String> keys() {
        List<String> keys = new ArrayList<>(exact.keySet());
        prefixes.forEach(p -> keys.add(p.getKey() + "*"));
        return keys;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    static final class Builder<T> {
        private final Map<String, T> exact = new HashMap<>();
        private final Map<String, T> prefixes = new HashMap<>();

        /** Adds a row; false when the key is already there. */
        boolean put(String key, T row) {
            if (key.endsWith("*")) {
                return prefixes.putIfAbsent(key.substring(0, key.length() - 1), row) == null;
            }
            return exact.putIfAbsent(key, row) == null;
        }

        CodeTable<T> build() {
            List<Map.Entry<String, T>> sorted = new ArrayList<>(prefixes.entrySet());
            sorted.sort(Comparator.comparingInt((Map.Entry<String, T> e) -> e.getKey().length()).reversed()
                    .thenComparing(Map.Entry::getKey));
            return new CodeTable<>(exact, sorted.stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
        }
    }
}
