package io.vclip.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exported metric names, read from the table in docs/operations-runbook.md: the runbook is the
 * contract, so the dashboard and alerts are checked against what SREs are told exists.
 */
final class MetricsContract {
    enum Type { GAUGE, COUNTER, HISTOGRAM }

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(vclip_[a-z0-9_]+)`\\s*\\|\\s*(gauge|counter|histogram)\\s*\\|");

    private final Map<String, Type> metrics;

    private MetricsContract(Map<String, Type> metrics) {
        this.metrics = metrics;
    }

    static MetricsContract fromRunbook() throws IOException {
        Map<String, Type> metrics = new TreeMap<>();
        for (String line : Files.readAllLines(RepoPaths.runbook())) {
            Matcher m = ROW.matcher(line.trim());
            if (m.find()) {
                metrics.put(m.group(1), Type.valueOf(m.group(2).toUpperCase()));
            }
        }
        if (metrics.isEmpty()) {
            throw new IllegalStateException(RepoPaths.runbook() + ": no metrics table rows (| `vclip_...` | type |)");
        }
        return new MetricsContract(metrics);
    }

    Map<String, Type> metrics() {
        return metrics;
    }

    /** The contract metric a scraped series belongs to (histograms export _bucket, _sum and _count), or null. */
    String contractNameOf(String series) {
        if (metrics.containsKey(series)) {
            return series;
        }
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (series.endsWith(suffix)) {
                String base = series.substring(0, series.length() - suffix.length());
                if (metrics.get(base) == Type.HISTOGRAM) {
                    return base;
                }
            }
        }
        return null;
    }
}
