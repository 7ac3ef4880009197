package dev.orchestra.bootstrap;

import dev.orchestra.application.access.ApiKeyService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** API keys: their management and the authentication of each request. */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {
    /** One service for both ports, so a key made through one is known to the other at once. */
    @Bean
    public static ApiKeyService apiKeys(Wiring w) {
        return new ApiKeyService(w.store().unitOfWork(), w.store().apiKeys(), w.store().agents(), w.constraints(),
                w.auditor(), w.clock());
    }

    /**
     * Refuses to start listening beyond this machine while no key exists (the server binds after every bean is
     * made, so failing here means nothing was ever served). A key made later by the command line still counts.
     */
    @Bean
    static SmartInitializingSingleton bindingGuard(ApiKeyService keys,
            @Value("${server.address:}") String address) {
        return () -> {
            // No address means every interface.
            if ((address.isBlank() || !loopback(address)) && !keys.keysRequired()) {
                throw new UnsafeBinding(address.isBlank() ? "every address" : address);
            }
        };
    }

    private static boolean loopback(String address) {
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
