package dev.orchestra.adapter.rest.access;

import dev.orchestra.domain.access.ApiKey;
import dev.orchestra.domain.access.ApiKeyRole;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who a request comes from: an API key, or (with no key stored) a loopback caller, which may do everything as
 * before keys existed. Never holds a secret.
 */
public final class KeyAuthentication extends AbstractAuthenticationToken {
    private final ApiKey key;

    private KeyAuthentication(ApiKey key, List<GrantedAuthority> authorities) {
        super(authorities);
        this.key = key;
        setAuthenticated(true);
    }

    static KeyAuthentication of(ApiKey key) {
        return new KeyAuthentication(key, List.of(new SimpleGrantedAuthority("ROLE_" + key.role().name())));
    }

    static KeyAuthentication local() {
        return new KeyAuthentication(null, Arrays.stream(ApiKeyRole.values())
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
    }

    /** The key; empty for a loopback caller while no key is stored. */
    public java.util.Optional<ApiKey> key() {
        return java.util.Optional.ofNullable(key);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return key == null ? "local" : key.label();
    }
}
