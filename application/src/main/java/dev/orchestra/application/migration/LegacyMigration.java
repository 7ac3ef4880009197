package dev.orchestra.application.migration;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.migration.LegacyImport;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Inbound port: moving a legacy {@code orchestrator-state.json} into a store. */
public interface LegacyMigration {

    /**
     * @param source           the legacy file
     * @param dryRun           validate and report only
     * @param keepSource       do not rename the file after a successful import
     * @param agentStatusMap   legacy status number to status (defaults per LEGACY-FORMAT.md)
     * @param unassignOrphans  keep tasks whose agent is not in the file, unassigned, instead of failing
     * @param assumeZone       zone of timestamps written without one
     * @param maxFindings      how many findings the report lists (all are counted)
     * @param sourceName       the name recorded for the file (null: its file name; an upload has its own)
     */
    record Options(Path source, boolean dryRun, boolean keepSource, Map<Integer, AgentStatus> agentStatusMap,
                   boolean unassignOrphans, ZoneOffset assumeZone, int maxFindings, String sourceName) {
        public Options {
            agentStatusMap = Map.copyOf(agentStatusMap);
        }
    }

    /**
     * Validates the whole file first; only a file without errors opens the target (through
     * {@code target}), is backed up when the target holds data, written in one unit of work,
     * verified, recorded and archived. Any failure before the commit leaves the target as it was.
     */
    MigrationReport migrate(Caller caller, Options options, Supplier<Store> target,
                            MigrationProgress progress);

    List<LegacyImport> imports(Caller caller, Store target);
}
