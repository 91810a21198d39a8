package org.yibao.server.console.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.yibao.server.insured.PortalCredentials;

/**
 * The insured portal's own security chain for {@code /portal/**}: persons (role {@code INSURED}) sign in
 * on {@code /portal/login} with their certificate number and portal password; a session with CSRF
 * tokens on every form. Its authentication lives under its own session key ({@link SeparateSignIn}), so
 * a portal sign-in is invisible to the staff chain (a person never reaches the console or the admin API)
 * and a staff sign-in is invisible here (staff user names are no certificate numbers either). The person
 * user details are no bean: the staff chain keeps the one {@code UserDetailsService} bean (staff users).
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    static final String ROLE = "INSURED";
    /** Prefix of the portal's session attributes (the staff chain uses Spring's default ones). */
    static final String SESSION_KEY = "YIBAO_PORTAL";

    @Bean
    @Order(2)
    SecurityFilterChain portalChain(HttpSecurity http, PortalCredentials credentials, PasswordEncoder encoder) throws Exception {
        // The principal's name is the psn_no: every portal page reads by it, and the audit trail records it.
        UserDetailsService persons = certno -> credentials.byCertno(certno)
                .map(login -> User.withUsername(login.personNo()).password(login.passwordHash()).roles(ROLE)
                        .disabled(!login.enabled()).build())
                .orElseThrow(() -> new UsernameNotFoundException("unknown person"));
        SeparateSignIn.configure(http, "/portal", SESSION_KEY, "certno", persons, encoder)
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/portal/login", "/portal/institutions").permitAll()
                .anyRequest().hasRole(ROLE));
        return http.build();
    }
}
