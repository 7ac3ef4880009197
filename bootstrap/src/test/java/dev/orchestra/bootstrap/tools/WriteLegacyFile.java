package dev.orchestra.bootstrap.tools;

import dev.orchestra.adapter.json.testing.LegacyFileWriter;
import java.nio.file.Path;

/** Writes a generated legacy file: {@code WriteLegacyFile <file> <tasks> [agents] [repositories]}. */
public final class WriteLegacyFile {
    private WriteLegacyFile() {
    }

    public static void main(String[] args) throws Exception {
        long tasks = Long.parseLong(args[1]);
        int agents = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int repositories = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        LegacyFileWriter.legacyFile().agents(agents).repositories(repositories).tasks(tasks)
                .writeTo(Path.of(args[0]));
    }
}
