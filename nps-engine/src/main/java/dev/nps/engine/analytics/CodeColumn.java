package dev.nps.engine.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary-encoded text column: each row holds a code, each distinct value is stored once. Code 0 means
 * "missing". Codes are one byte per row while there are at most 256 codes, then two, then four: a segment
 * column of a few dozen values costs one byte per response. Not thread-safe: the index appends under its lock
 * and queries read an immutable {@link View}.
 */
final class CodeColumn {
    private final List<String> dictionary = new ArrayList<>();
    private final Map<String, Integer> codes = new HashMap<>();
    private byte[] bytes;
    private short[] shorts;
    private int[] ints;

    CodeColumn(int capacity) {
        dictionary.add(""); // code 0: missing
        bytes = new byte[capacity];
    }

    /** @return the code for a value (null: missing), adding it to the dictionary; does not write a row */
    int codeOf(String value) {
        if (value == null) {
            return 0;
        }
        Integer code = codes.get(value);
        if (code != null) {
            return code;
        }
        int next = dictionary.size();
        dictionary.add(value);
        codes.put(value, next);
        return next;
    }

    /** Writes a row; widens the codes first when the dictionary outgrew them. */
    void set(int row, int code) {
        if (bytes != null) {
            if (code > 0xFF) {
                shorts = new short[bytes.length];
                for (int i = 0; i < bytes.length; i++) {
                    shorts[i] = (short) (bytes[i] & 0xFF);
                }
                bytes = null;
            } else {
                bytes[row] = (byte) code;
                return;
            }
        }
        if (shorts != null) {
            if (code > 0xFFFF) {
                ints = new int[shorts.length];
                for (int i = 0; i < shorts.length; i++) {
                    ints[i] = shorts[i] & 0xFFFF;
                }
                shorts = null;
            } else {
                shorts[row] = (short) code;
                return;
            }
        }
        ints[row] = code;
    }

    void resize(int capacity) {
        if (bytes != null) {
            bytes = Arrays.copyOf(bytes, capacity);
        } else if (shorts != null) {
            shorts = Arrays.copyOf(shorts, capacity);
        } else {
            ints = Arrays.copyOf(ints, capacity);
        }
    }

    /** @return bytes of the code array plus an estimate of the dictionary (strings and hash entries) */
    long memoryBytes() {
        long rows = bytes != null ? bytes.length : shorts != null ? 2L * shorts.length : 4L * ints.length;
        long dict = 0;
        for (String s : dictionary) {
            dict += 40 + s.length() + 48; // String + byte[] header and Latin-1 content, plus one HashMap entry
        }
        return rows + dict;
    }

    /** @return an immutable view of the first {@code size} rows (the arrays are shared, later rows ignored) */
    View view() {
        return new View(bytes, shorts, ints, dictionary.toArray(new String[0]));
    }

    /**
     * The rows as a query sees them. Each operation works on a chunk of rows with the width test outside the
     * loop, so the loops are monomorphic and tight (the JIT unrolls and vectorises them).
     */
    record View(byte[] bytes, short[] shorts, int[] ints, String[] dictionary) {
        int code(int row) {
            return bytes != null ? bytes[row] & 0xFF : shorts != null ? shorts[row] & 0xFFFF : ints[row];
        }

        /** Adds {@code contribution[code]} to every live cell of the chunk (a cell below 0 is filtered out). */
        void addTo(int[] cell, int from, int n, int[] contribution) {
            if (bytes != null) {
                for (int i = 0; i < n; i++) {
                    cell[i] += contribution[bytes[from + i] & 0xFF];
                }
            } else if (shorts != null) {
                for (int i = 0; i < n; i++) {
                    cell[i] += contribution[shorts[from + i] & 0xFFFF];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    cell[i] += contribution[ints[from + i]];
                }
            }
        }

        /** Marks the rows whose code is not allowed as filtered out ({@link Integer#MIN_VALUE}). */
        void filter(int[] cell, int from, int n, boolean[] allowed) {
            if (bytes != null) {
                for (int i = 0; i < n; i++) {
                    if (!allowed[bytes[from + i] & 0xFF]) {
                        cell[i] = Integer.MIN_VALUE;
                    }
                }
            } else if (shorts != null) {
                for (int i = 0; i < n; i++) {
                    if (!allowed[shorts[from + i] & 0xFFFF]) {
                        cell[i] = Integer.MIN_VALUE;
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    if (!allowed[ints[from + i]]) {
                        cell[i] = Integer.MIN_VALUE;
                    }
                }
            }
        }
    }
}
