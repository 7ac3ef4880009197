package dev.orchestra.adapter.json;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the JSON store's journal logs (through java.util.logging, where System.Logger goes). */
final class JournalWarnings extends Handler implements AutoCloseable {
    /** Held, so the handler stays on the logger the journal logs to (JUL keeps loggers weakly). */
    private final Logger logger = Logger.getLogger(JsonJournal.class.getName());
    private final List<String> messages = new CopyOnWriteArrayList<>();

    JournalWarnings() {
        logger.addHandler(this);
    }

    List<String> messages() {
        return messages;
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
