package org.yibao.server.console.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.yibao.server.insured.PortalCredentials;

/**
 * The insured portal's own security chain for {@code /portal/**}: persons (role {@code INSURED}) sign in
 * on {@code /portal/login} with their certificate number and portal password; a session with CSRF
 * tokens on every form. Its authentication lives under its own session key, so a portal sign-in is
 * invisible to the staff chain (a person never reaches the console or the admin API) and a staff
 * sign-in is invisible here (staff user names are no certificate numbers either). The person user
 * details are no bean: the staff chain keeps the one {@code UserDetailsService} bean (staff users).
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    static final String ROLE = "INSURED";
    /** Session attribute of the portal's security context (the staff chain uses Spring's default one). */
    static final String CONTEXT_KEY = "YIBAO_PORTAL_SECURITY_CONTEXT";

    @Bean
    @Order(2)
    SecurityFilterChain portalChain(HttpSecurity http, PortalCredentials credentials, PasswordEncoder encoder) throws Exception {
        // The principal's name is the psn_no: every portal page reads by it, and the audit trail records it.
        UserDetailsService persons = certno -> credentials.byCertno(certno)
                .map(login -> User.withUsername(login.personNo()).password(login.passwordHash()).roles(ROLE)
                        .disabled(!login.enabled()).build())
                .orElseThrow(() -> new UsernameNotFoundException("unknown person"));
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(persons);
        provider.setPasswordEncoder(encoder);
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(CONTEXT_KEY);
        HttpSessionRequestCache requests = new HttpSessionRequestCache();
        requests.setSessionAttrName("YIBAO_PORTAL_SAVED_REQUEST");
        requests.setMatchingRequestParameterName(null);
        http
            .securityMatcher("/portal/**")
            .authenticationManager(new ProviderManager(provider))
            .securityContext(c -> c.securityContextRepository(contexts))
            .requestCache(c -> c.requestCache(requests))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/portal/login", "/portal/institutions").permitAll()
                .anyRequest().hasRole(ROLE))
            .formLogin(form -> form.loginPage("/portal/login").usernameParameter("certno")
                .defaultSuccessUrl("/portal", false).failureUrl("/portal/login?error").permitAll())
            .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?logout"))
            .exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/portal/login")));
        return http.build();
    }
}
