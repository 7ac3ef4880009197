package dev.orchestra.adapter.json;

import dev.orchestra.domain.migration.Finding;
import dev.orchestra.domain.migration.LegacyDocuments;
import dev.orchestra.domain.migration.LegacyReadOptions;
import dev.orchestra.domain.migration.LegacyRepositorySummary;
import dev.orchestra.domain.migration.LegacyVisitor;
import dev.orchestra.domain.shared.StoreFailure;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams a legacy {@code orchestrator-state.json}: the top level with the parser, each agent, task
 * and repository summary as a small tree, handed on at once, so memory does not grow with the file.
 * Every lenient default of the parser that could lose data is closed: duplicate keys and trailing
 * content are errors, enums are read from LEGACY-FORMAT.md's tables (never by ordinal position),
 * names match in any case, and fields without a home are kept verbatim (agents) or reported (tasks).
 * This class is the walk; {@link LegacyItems} has the rules for each item, {@link LegacyFiles} the
 * file's digest and archiving, {@link JsonPaths} how findings name places.
 */
public final class LegacyStateReader implements LegacyDocuments {
    private static final int PROGRESS_EVERY = 1000;

    /** Items are read as trees from the middle of the stream; trailing content is checked at the end instead. */
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public SourceFacts facts(Path file) {
        return LegacyFiles.facts(file);
    }

    @Override
    public Path archive(Path file, Instant at) {
        return LegacyFiles.archive(file, at);
    }

    @Override
    public ReadSummary read(Path file, LegacyReadOptions options, LegacyVisitor visitor) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return new Reading(options, visitor).run(LegacyFiles.withoutByteOrderMark(in));
        } catch (IOException e) {
            throw new StoreFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** One pass over one file. */
    private final class Reading {
        private final LegacyVisitor visitor;
        private final LegacyItems items;
        private long agents;
        private long tasks;
        private long repositories;
        private Instant lastUpdate;

        Reading(LegacyReadOptions options, LegacyVisitor visitor) {
            this.visitor = visitor;
            this.items = new LegacyItems(mapper, options, visitor);
        }

        ReadSummary run(InputStream in) {
            JsonParser parser = null;
            try {
                parser = mapper.createParser(in);
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_OBJECT) {
                    items.error("$", first == null ? "the file is empty" : "the document must be a JSON object, not "
                            + JsonPaths.describe(first) + JsonPaths.at(parser.currentTokenLocation()));
                    return summary();
                }
                String name;
                while ((name = parser.nextName()) != null) {
                    JsonToken value = parser.nextToken();
                    String path = JsonPaths.member("$", name);
                    switch (name.toLowerCase(Locale.ROOT)) {
                        case "agents" -> readAgents(parser, value, path);
                        case "taskqueue" -> readTasks(parser, value, path);
                        case "repositories" -> readRepositories(parser, value, path);
                        case "lastupdate", "lastupdated" -> lastUpdate = items.time(path, parser.getValueAsString());
                        case "version", "currentstate", "settings" -> parser.skipChildren();
                        default -> {
                            visitor.finding(Finding.warning(path, "unknown property, not imported"));
                            parser.skipChildren();
                        }
                    }
                }
                JsonToken trailing = parser.nextToken();
                if (trailing != null) {
                    items.error("$", "unexpected content after the end of the document"
                            + JsonPaths.at(parser.currentTokenLocation()));
                }
            } catch (JacksonException e) {
                String path = parser == null ? "$" : JsonPaths.pathOf(parser);
                items.error(path, "the file is not valid JSON: " + JsonPaths.clean(e.getOriginalMessage()) + JsonPaths.at(e.getLocation()));
            } finally {
                if (parser != null) {
                    parser.close();
                }
            }
            items.reportUnknownTaskFields();
            return summary();
        }

        private ReadSummary summary() {
            return new ReadSummary(agents, tasks, repositories, items.timesWithoutZone(), lastUpdate);
        }

        private void readAgents(JsonParser parser, JsonToken token, String path) {
            if (token != JsonToken.START_OBJECT) {
                items.error(path, "must be an object of agents keyed by id, not " + JsonPaths.describe(token));
                parser.skipChildren();
                return;
            }
            String key;
            while ((key = parser.nextName()) != null) {
                JsonToken value = parser.nextToken();
                String agentPath = JsonPaths.member(path, key);
                if (value != JsonToken.START_OBJECT) {
                    items.error(agentPath, "an agent must be an object, not " + JsonPaths.describe(value));
                    parser.skipChildren();
                    continue;
                }
                items.agent(key, new JsonProps(mapper, mapper.readTree(parser)), agentPath);
                progress(parser, ++agents);
            }
        }

        private void readTasks(JsonParser parser, JsonToken token, String path) {
            if (token != JsonToken.START_ARRAY) {
                items.error(path, "must be an array of tasks, not " + JsonPaths.describe(token));
                parser.skipChildren();
                return;
            }
            int index = 0;
            JsonToken value;
            while ((value = parser.nextToken()) != JsonToken.END_ARRAY) {
                String taskPath = path + "[" + index + "]";
                if (value != JsonToken.START_OBJECT) {
                    items.error(taskPath, "a task must be an object, not " + JsonPaths.describe(value));
                    parser.skipChildren();
                } else {
                    items.task(index, new JsonProps(mapper, mapper.readTree(parser)), taskPath);
                }
                index++;
                progress(parser, ++tasks);
            }
        }

        private void readRepositories(JsonParser parser, JsonToken token, String path) {
            if (token != JsonToken.START_OBJECT) {
                items.error(path, "must be an object of repositories keyed by name, not " + JsonPaths.describe(token));
                parser.skipChildren();
                return;
            }
            String key;
            while ((key = parser.nextName()) != null) {
                JsonToken value = parser.nextToken();
                String repositoryPath = JsonPaths.member(path, key);
                if (value != JsonToken.START_OBJECT) {
                    items.error(repositoryPath, "a repository must be an object, not " + JsonPaths.describe(value));
                    parser.skipChildren();
                    continue;
                }
                JsonProps n = new JsonProps(mapper, mapper.readTree(parser));
                // Older writers keyed the object by path and left Path out.
                String location = n.text("Path", key);
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (String count : new String[] {"IdleCount", "WorkingCount", "ErrorCount", "OfflineCount"}) {
                    if (n.has(count)) {
                        // Only compared with the agents' statuses: one that is no count is left out of that, said
                        // where it is (a cast wrapped 4294967297 to 1; a text stopped the whole migration).
                        String where = JsonPaths.member(repositoryPath, n.spelling(count));
                        try {
                            long number = n.number(count, 0);
                            if (number < 0 || number > Integer.MAX_VALUE) {
                                visitor.finding(Finding.warning(where, number + " is not a count from 0 to "
                                        + Integer.MAX_VALUE + "; not compared with the agents"));
                            } else {
                                counts.put(count, (int) number);
                            }
                        } catch (IllegalArgumentException e) {
                            visitor.finding(Finding.warning(where, n.get(count) + " is not a whole number;"
                                    + " not compared with the agents"));
                        }
                    }
                }
                visitor.repository(new LegacyRepositorySummary(repositoryPath, n.text("Name", null), location,
                        counts));
                repositories++;
            }
        }

        private void progress(JsonParser parser, long count) {
            if (count % PROGRESS_EVERY == 0) {
                visitor.progress(parser.currentLocation().getByteOffset());
            }
        }

    }

}
