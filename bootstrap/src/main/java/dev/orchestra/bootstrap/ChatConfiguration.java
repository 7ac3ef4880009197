package dev.orchestra.bootstrap;

import dev.orchestra.application.chat.ChatHistory;
import dev.orchestra.application.chat.ChatHistoryService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chat history: sessions and their numbered messages. */
@Configuration(proxyBeanMethods = false)
public class ChatConfiguration {
    @Bean
    public static ChatHistory chatHistory(Wiring w) {
        return new ChatHistoryService(w.store().unitOfWork(), w.store().chatSessions(), w.constraints(), w.auditor(),
                w.clock());
    }
}
