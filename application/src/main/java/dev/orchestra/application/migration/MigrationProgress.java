package dev.orchestra.application.migration;

/** Where a long migration is, for a progress bar or periodic lines. */
public interface MigrationProgress {
    MigrationProgress NONE = new MigrationProgress() {
        @Override
        public void phase(String name, long total, String unit) {
        }

        @Override
        public void at(long done) {
        }
    };

    /** A new phase begins: "validate" (bytes of the file), "import" (tasks), … */
    void phase(String name, long total, String unit);

    void at(long done);

    default void finished() {
    }
}
