package com.quotebus.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@code verticles.conf} (HOCON) through vertx-config: the file given, else {@code ./verticles.conf}
 * when present, else the copy shipped in the jar. Overrides are applied by {@link Settings}.
 */
public final class ConfigLoader {
    /** The defaults shipped in the jar (same content as the repository's verticles.conf). */
    public static final String BUNDLED = "verticles.conf";

    private ConfigLoader() {}

    /** The keys of the defaults shipped in the jar: every setting there is (see {@link KnownKeys}). */
    public static KnownKeys bundledKeys() {
        return Bundled.KEYS;
    }

    /** Read once, when first needed. */
    private static final class Bundled {
        static final KnownKeys KEYS = KnownKeys.of(new JsonObject(com.typesafe.config.ConfigFactory.parseResources(
                ConfigLoader.class, "/" + BUNDLED, com.typesafe.config.ConfigParseOptions.defaults()
                        .setAllowMissing(false)).resolve().root().render(
                        com.typesafe.config.ConfigRenderOptions.concise().setJson(true))));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static java.util.Map<String, String> props() {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        System.getProperties().forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    /**
     * The settings of a configuration tree and its overrides, in the one key style ({@link KeyStyle}: old spellings
     * renamed, each reported to {@code warn}) and with every key known ({@link KnownKeys}).
     */
    public static Settings checked(JsonObject file, java.util.Map<String, String> props,
                                   java.util.Map<String, String> env, java.util.function.Consumer<String> warn) {
        KnownKeys known = bundledKeys();
        JsonObject tree = KeyStyle.normalise(file, warn);
        java.util.Map<String, String> p = KeyStyle.normaliseProperties(props, warn);
        java.util.Map<String, String> e = KeyStyle.normaliseEnvironment(env, new java.util.HashSet<>(known.all()), warn);
        known.check(tree, p, e, warn);
        return new Settings(tree, e, p);
    }

    /**
     * One section given as JSON on its own (a verticle's deployment config, an embedding application's options): read
     * as the same section of the file would be — old spellings renamed with a warning, unknown keys refused.
     *
     * @param path the section's key, e.g. {@code access} or {@code access.router}
     */
    public static Settings section(String path, JsonObject json) {
        JsonObject tree = json == null ? new JsonObject() : json;
        String[] parts = path.split("\\.");
        for (int i = parts.length - 1; i >= 0; i--) {
            tree = new JsonObject().put(parts[i], tree);
        }
        Settings all = checked(tree, java.util.Map.of(), java.util.Map.of(),
                w -> java.util.logging.Logger.getLogger(ConfigLoader.class.getName()).warning(w));
        Settings out = all;
        for (String part : parts) {
            out = out.at(part);
        }
        return out;
    }

    /**
     * Loads the configuration synchronously (at start, before the cluster exists). A key that is not a setting —
     * in the file, or given as {@code key=value} — fails here, naming the nearest one ({@link KnownKeys}).
     */
    public static Settings load(Path file) {
        java.util.function.Consumer<String> warn =
                w -> java.util.logging.Logger.getLogger(ConfigLoader.class.getName()).warning(w);
        return checked(read(file), props(), System.getenv(), warn);
    }

    /** The configuration file as JSON: the file given, else {@code ./verticles.conf} when present, else the jar's. */
    public static JsonObject read(Path file) {
        Path chosen = file;
        if (chosen == null && Files.isRegularFile(Path.of(BUNDLED))) {
            chosen = Path.of(BUNDLED);
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw new ConfigException("--config", file, "a readable HOCON file");
        }
        ConfigStoreOptions store = new ConfigStoreOptions().setType("file").setFormat("hocon")
                .setConfig(new JsonObject().put("path", chosen != null ? chosen.toString() : BUNDLED));
        Vertx vertx = Vertx.vertx();
        try {
            ConfigRetriever retriever = ConfigRetriever.create(vertx,
                    new ConfigRetrieverOptions().setScanPeriod(0).addStore(store));
            JsonObject json = retriever.getConfig().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            retriever.close();
            return json;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ConfigException("--config", chosen == null ? BUNDLED : chosen,
                    "valid HOCON (" + e.getCause().getMessage() + ")");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read configuration: " + e, e);
        } finally {
            vertx.close();
        }
    }
}
