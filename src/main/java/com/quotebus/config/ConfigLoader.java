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
        com.typesafe.config.Config bundled = com.typesafe.config.ConfigFactory.parseResources(ConfigLoader.class,
                "/" + BUNDLED, com.typesafe.config.ConfigParseOptions.defaults().setAllowMissing(false)).resolve();
        return KnownKeys.of(new JsonObject(bundled.root().render(
                com.typesafe.config.ConfigRenderOptions.concise().setJson(true))));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static java.util.Map<String, String> props() {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        System.getProperties().forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    /**
     * Loads the configuration synchronously (at start, before the cluster exists). A key that is not a setting —
     * in the file, or given as {@code key=value} — fails here, naming the nearest one ({@link KnownKeys}).
     */
    public static Settings load(Path file) {
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
            bundledKeys().check(json, props(), System.getenv(),
                    w -> java.util.logging.Logger.getLogger(ConfigLoader.class.getName()).warning(w));
            return Settings.withProcessOverrides(json);
        } catch (ConfigException e) {
            throw e;
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
