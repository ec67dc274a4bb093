package im.hearth.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The figures of one run, in order: printed as a table for people and appended as one JSON line
 * for comparisons. Values are numbers, strings, booleans, lists or nested maps.
 */
public final class Report {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> targets = new LinkedHashMap<>();

    public Report put(String key, Object value) {
        values.put(key, value);
        return this;
    }

    public Object get(String key) {
        return values.get(key);
    }

    public Map<String, Object> values() {
        return values;
    }

    /** Shown beside a figure in the table (never asserted): Hearth's target from issue 5. */
    public Report target(String key, String target) {
        targets.put(key, target);
        return this;
    }

    /** p50/p90/p99/max in milliseconds of a histogram of microseconds, under {@code prefix_}. */
    public Report latencies(String prefix, Histogram micros) {
        put(prefix + "_count", micros.getTotalCount());
        if (micros.getTotalCount() == 0) {
            return this;
        }
        put(prefix + "_p50_ms", ms(micros.getValueAtPercentile(50)));
        put(prefix + "_p90_ms", ms(micros.getValueAtPercentile(90)));
        put(prefix + "_p99_ms", ms(micros.getValueAtPercentile(99)));
        put(prefix + "_max_ms", ms(micros.getMaxValue()));
        return this;
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    public static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    public void printTable(PrintStream out) {
        int width = values.keySet().stream().mapToInt(String::length).max().orElse(10);
        out.println("-".repeat(width + 30));
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String t = targets.get(e.getKey());
            out.printf(Locale.ROOT, "%-" + width + "s  %s%s%n", e.getKey(), text(e.getValue()),
                    t == null ? "" : "   (target " + t + ")");
        }
        out.println("-".repeat(width + 30));
    }

    private static String text(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.2f", d);
        }
        return String.valueOf(v);
    }

    public String toJson() {
        StringBuilder sb = new StringBuilder();
        json(values, sb);
        return sb.toString();
    }

    public void appendJson(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, toJson() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static void json(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
                sb.append("null");
            } else {
                sb.append(v);
            }
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                json(String.valueOf(e.getKey()), sb);
                sb.append(':');
                json(e.getValue(), sb);
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                json(l.get(i), sb);
            }
            sb.append(']');
        } else {
            String s = v.toString();
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
    }
}
