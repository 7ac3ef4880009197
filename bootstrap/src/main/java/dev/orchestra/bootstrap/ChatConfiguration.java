package dev.orchestra.bootstrap;

import dev.orchestra.application.chat.ChatAttachments;
import dev.orchestra.application.chat.ChatAttachmentsService;
import dev.orchestra.application.chat.ChatHistory;
import dev.orchestra.application.chat.ChatHistoryService;
import dev.orchestra.application.chat.ChatTools;
import dev.orchestra.application.chat.ChatToolsService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chat history: sessions and their numbered messages, tools and their approvals, attachments. */
@Configuration(proxyBeanMethods = false)
public class ChatConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ChatConfiguration.class);

    @Bean
    public static ChatHistory chatHistory(Wiring w) {
        return new ChatHistoryService(w.store().unitOfWork(), w.store().chatSessions(), w.store().toolExecutions(),
                w.store().attachments(), w.constraints(), w.auditor(), w.clock());
    }

    @Bean
    public static ChatTools chatTools(Wiring w) {
        return new ChatToolsService(w.store().unitOfWork(), w.store().chatSessions(), w.store().toolExecutions(),
                w.store().maintenance(), w.constraints(), w.auditor(), w.clock());
    }

    @Bean
    public static ChatAttachments chatAttachments(Wiring w) {
        return new ChatAttachmentsService(w.store().unitOfWork(), w.store().chatSessions(), w.store().attachments(),
                w.constraints(), w.auditor(), w.clock());
    }

    /** Approvals past their expiry are cancelled (decision EXPIRED) at start-up and every period. */
    @Bean(destroyMethod = "close")
    PeriodicJob approvalExpiry(ChatTools tools, OrchestraProperties properties) {
        return new PeriodicJob("approval-expiry", properties.chat().approvalSweepPeriod(), () -> {
            List<?> expired = tools.expireOverdueEveryTenant();
            if (!expired.isEmpty()) {
                LOG.info("approval expiry: {} tool execution(s) past their approval's expiry are CANCELLED",
                        expired.size());
            }
        });
    }
}
