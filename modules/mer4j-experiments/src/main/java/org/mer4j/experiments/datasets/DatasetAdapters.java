package org.mer4j.experiments.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.mer4j.api.DatasetAdapter;

/** The {@link DatasetAdapter}s on the classpath, by name. */
public final class DatasetAdapters {
    private final Map<String, DatasetAdapter> byName = new TreeMap<>();

    private DatasetAdapters(Iterable<DatasetAdapter> adapters) {
        for (DatasetAdapter a : adapters) {
            if (byName.put(a.name(), a) != null) {
                throw new IllegalStateException("two dataset adapters are named '" + a.name() + "'; names must be unique");
            }
        }
    }

    /** Adapters found by ServiceLoader. */
    public static DatasetAdapters load() {
        return new DatasetAdapters(ServiceLoader.load(DatasetAdapter.class));
    }

    /** Adapter names, sorted. */
    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    /**
     * The adapter called {@code name}.
     *
     * @throws IllegalArgumentException listing the known adapters when there is none
     */
    public DatasetAdapter get(String name) {
        DatasetAdapter a = byName.get(name);
        if (a == null) {
            throw new IllegalArgumentException("unknown dataset adapter '" + name + "'; known adapters: " + names()
                    + ". Check data.adapter, or give data.manifest instead");
        }
        return a;
    }
}
