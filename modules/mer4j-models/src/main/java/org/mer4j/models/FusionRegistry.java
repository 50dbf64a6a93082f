package org.mer4j.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The fusion models available on the class path, by name. Duplicate names fail when the registry is
 * created; an unknown name fails with the list of known ones.
 */
public final class FusionRegistry {
    private final Map<String, FusionModelProvider<?>> providers;

    /** A registry over explicit providers (tests, embedding applications). */
    public FusionRegistry(List<? extends FusionModelProvider<?>> providers) {
        Map<String, FusionModelProvider<?>> byName = new TreeMap<>();
        for (FusionModelProvider<?> p : providers) {
            FusionModelProvider<?> previous = byName.putIfAbsent(p.name(), p);
            if (previous != null) {
                throw new IllegalStateException("two fusion models are registered as '" + p.name() + "': "
                        + previous.getClass().getName() + " and " + p.getClass().getName()
                        + "; rename one of them or remove one from META-INF/services/" + FusionModelProvider.class.getName());
            }
        }
        this.providers = Collections.unmodifiableMap(byName);
    }

    /** All providers listed in {@code META-INF/services/org.mer4j.models.FusionModelProvider} on the class path. */
    public static FusionRegistry load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    /** The providers listed in {@code META-INF/services/org.mer4j.models.FusionModelProvider} visible to {@code loader} (plug-in jars). */
    public static FusionRegistry load(ClassLoader loader) {
        List<FusionModelProvider<?>> found = new ArrayList<>();
        for (FusionModelProvider<?> p : ServiceLoader.load(FusionModelProvider.class, loader)) {
            found.add(p);
        }
        return new FusionRegistry(found);
    }

    /** Registered names, sorted. */
    public List<String> names() {
        return List.copyOf(providers.keySet());
    }

    /** All providers, sorted by name. */
    public List<FusionModelProvider<?>> providers() {
        return List.copyOf(providers.values());
    }

    /** The provider called {@code name}; fails naming the known models when there is none. */
    public FusionModelProvider<?> get(String name) {
        FusionModelProvider<?> p = providers.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown fusion model '" + name + "'; known models: " + names()
                    + ". Check the fusion type in the config, or register the provider in META-INF/services/"
                    + FusionModelProvider.class.getName());
        }
        return p;
    }

    /** Builds {@code name} with its default config. */
    public FusionBlock buildDefault(String name, ModelSpec spec) {
        FusionModelProvider<?> p = get(name);
        return p.buildUnchecked(p.defaultConfig(), spec);
    }

    /** Builds {@code name} with {@code config}, which must be that provider's config type. */
    public FusionBlock build(String name, Record config, ModelSpec spec) {
        return get(name).buildUnchecked(config, spec);
    }
}
