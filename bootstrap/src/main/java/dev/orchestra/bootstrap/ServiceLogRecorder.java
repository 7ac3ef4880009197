package dev.orchestra.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import dev.orchestra.application.observability.OrchestrationLogging;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.observability.LogLevel;
import dev.orchestra.domain.observability.OrchestrationLog;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.JsonText;
import dev.orchestra.domain.shared.TenantId;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Copies the service's WARN and ERROR log events into the orchestration log (tenant {@code default}, category
 * {@code service.<logger>}). Events wait in a bounded queue written by one thread, so logging never waits for
 * the store; when the queue is full, or the store cannot take the entry, the event is counted and dropped
 * (never logged again, which would loop).
 */
final class ServiceLogRecorder extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    static final int QUEUE = 1000;
    private static final Caller SERVICE = new Caller(TenantId.DEFAULT, "service");

    private final OrchestrationLogging logging;
    private final BlockingQueue<ILoggingEvent> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean stopping;

    private ServiceLogRecorder(OrchestrationLogging logging) {
        this.logging = logging;
        this.writer = new Thread(this::drain, "service-log-recorder");
        writer.setDaemon(true);
    }

    static ServiceLogRecorder attach(OrchestrationLogging logging) {
        ServiceLogRecorder recorder = new ServiceLogRecorder(logging);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            recorder.setContext(context);
            recorder.setName("orchestration-log");
            recorder.start();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(recorder);
        }
        recorder.writer.start();
        return recorder;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (stopping || !event.getLevel().isGreaterOrEqual(Level.WARN)
                || Thread.currentThread() == writer) {
            return;
        }
        event.prepareForDeferredProcessing();
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    private void drain() {
        while (!stopping || !queue.isEmpty()) {
            ILoggingEvent event;
            try {
                event = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (event == null) {
                continue;
            }
            try {
                logging.record(SERVICE, new OrchestrationLogging.Entry(
                        event.getLevel().isGreaterOrEqual(Level.ERROR) ? LogLevel.ERROR : LogLevel.WARN,
                        category(event.getLoggerName()), message(event), properties(event),
                        Instant.ofEpochMilli(event.getTimeStamp())));
            } catch (RuntimeException e) {
                dropped.incrementAndGet();
            }
        }
    }

    private static String category(String logger) {
        String category = "service." + logger;
        return category.length() <= 200 ? category : category.substring(0, 200);
    }

    /** The message with the exception's class and message, cut to what an entry keeps (and said so). */
    private static String message(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(String.valueOf(event.getFormattedMessage()));
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            text.append(" (").append(thrown.getClassName()).append(": ").append(thrown.getMessage()).append(')');
        }
        String clean = text.toString().replace('\u0000', ' ');
        if (clean.isBlank()) {
            clean = "(empty message)";
        }
        int max = OrchestrationLog.MAX_MESSAGE;
        return clean.length() <= max ? clean : clean.substring(0, max - 40) + " … (cut from " + clean.length()
                + " characters)";
    }

    private static JsonDocument properties(ILoggingEvent event) {
        StringBuilder json = new StringBuilder("{\"thread\":");
        JsonText.quote(json, event.getThreadName());
        return new JsonDocument(json.append('}').toString());
    }

    /** Events dropped so far (queue full or the store refused them). */
    long dropped() {
        return dropped.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        if (getContext() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
        }
        stop();
        writer.join(5000);
    }
}
