package org.yibao.server.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

/**
 * Who may do what. Everything needs authentication except the health probe, the login page and
 * static assets. Staff roles:
 * <ul>
 *   <li>{@code ADMIN} (管理员): everything, including staff users and metrics;</li>
 *   <li>{@code CLERK} (经办): changes reference data, policy and (later) cases of the business;</li>
 *   <li>{@code AUDITOR} (稽核): reads everything, works on supervision (later issues);</li>
 *   <li>{@code READONLY} (只读): reads.</li>
 * </ul>
 * API clients use HTTP Basic (no session, so no CSRF exposure); the console uses a form login with
 * a session and CSRF tokens on every form.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String[] WRITERS = {"ADMIN", "CLERK"};
    /** Every staff role: persons signed in to the insured portal (role INSURED) are none of them. */
    static final String[] STAFF = {"ADMIN", "CLERK", "AUDITOR", "READONLY"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The national interface's one endpoint (served by the gateway's servlet). */
    static final String FSI_CALL = "/fsi/api/rsfComIfsService/callService";

    /**
     * The national interface authenticates each call by the institution's HMAC-SM3 signature, checked
     * by the gateway before anything is read or stored, not by staff login: its endpoint gets an empty
     * chain (no session, no CSRF token, no Basic challenge, none of the per-request work of the login
     * filters), like a static resource. {@code FsiTransportTest} proves that nothing happens without a
     * valid signature.
     */
    @Bean
    @org.springframework.core.annotation.Order(0)
    SecurityFilterChain nationalInterfaceCall() {
        return new DefaultSecurityFilterChain(withDefaults().matcher(FSI_CALL));
    }

    /** The institution API (docs/family-doctor.md): signed like the national interface. */
    static final String INSTITUTION_API = "/inst/api/**";

    /**
     * The institution API authenticates each request by the institution's HMAC-SM3 signature, checked
     * by its controller before the body is read (as the national interface): an empty chain, no
     * session, no CSRF token, no staff login. {@code FamilyDoctorApiTest} proves that nothing happens
     * without a valid, fresh signature.
     */
    @Bean
    @org.springframework.core.annotation.Order(0)
    SecurityFilterChain institutionApi() {
        return new DefaultSecurityFilterChain(withDefaults().matcher(INSTITUTION_API));
    }

    /** Every other path under {@code /fsi/} is refused. */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain nationalInterfaceChain(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/fsi/**")
            .authorizeHttpRequests(auth -> auth.anyRequest().denyAll())
            .sessionManagement(s -> s.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .csrf(csrf -> csrf.disable())
            .exceptionHandling(ex -> ex.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.FORBIDDEN)));
        return http.build();
    }

    /**
     * After the portals' chains for {@code /portal/**} and {@code /inst-portal/**} (order 2, in the console
     * module): their sign-ins live under their own session keys, invisible here.
     */
    @Bean
    @org.springframework.core.annotation.Order(3)
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        RequestMatcher api = withDefaults().matcher("/api/**");
        RequestMatcher basicAuthHeader = request -> {
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        };
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/login", "/error", "/favicon.ico", "/css/**", "/js/**", "/img/**", "/webjars/**").permitAll()
                .requestMatchers("/actuator/**").hasRole("ADMIN")
                .requestMatchers("/api/admin/users/**").hasRole("ADMIN")
                // R-INST-5: the institution portal's users are managed by administrators only (reading them too).
                .requestMatchers("/api/admin/institutions/*/users", "/api/admin/institutions/*/users/**").hasRole("ADMIN")
                // Interface keys (their secrets) are administrators' only, reading the list too.
                .requestMatchers("/api/admin/institutions/*/keys", "/api/admin/institutions/*/keys/**").hasRole("ADMIN")
                // R-INST-1, R-INST-4: agreements and sanctions are decided by administrators only.
                .requestMatchers(HttpMethod.POST, "/api/admin/institutions/*/agreements", "/api/admin/institutions/*/agreements/**",
                        "/api/admin/institutions/*/sanctions", "/api/admin/institutions/*/sanctions/**", "/institutions/*/agreements",
                        "/institutions/*/agreements/**", "/institutions/*/sanctions", "/institutions/*/sanctions/**").hasRole("ADMIN")
                // R-PAY-5…7: budget terms, the year-end settle-up, capitation runs and clearing statements (ledger postings) are for administrators.
                .requestMatchers(HttpMethod.PUT, "/api/admin/county-budgets/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/admin/county-budgets/**", "/county-budgets/**", "/api/admin/capitation/**",
                        "/capitation/**", "/api/admin/clearing/**", "/clearing/**").hasRole("ADMIN")
                // R-PAY-2: a DRG payment run and its corrections rounds post adjustments to the ledger: administrators only.
                .requestMatchers(HttpMethod.POST, "/api/admin/drg-payments/**", "/drg-payments/**").hasRole("ADMIN")
                // R-INST-3: running the upload-compliance evaluation suspends settlement: administrators only.
                .requestMatchers(HttpMethod.POST, "/api/admin/upload-compliance/**", "/upload-compliance/**").hasRole("ADMIN")
                // R-INST-2: running and finalising evaluations and confirming violations decide a score: administrators only
                // (clerks record prescription reviews and import reviews and surveys, like other counter work).
                .requestMatchers(HttpMethod.POST, "/api/admin/evaluations/**", "/evaluations/run", "/evaluations/*/finalise",
                        "/api/admin/institutions/*/violations", "/institutions/*/violations").hasRole("ADMIN")
                // R-PAY-3: DIP budgets, catalogue builds and year-end runs (ledger postings) are for administrators.
                .requestMatchers(HttpMethod.PUT, "/api/admin/dip/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/admin/dip/**", "/dip/**").hasRole("ADMIN")
                // R-SUP-2…5: runs after settlement are started by administrators and auditors; cases are opened, inspected and
                // decided, and warnings dismissed, by auditors only (稽核).
                .requestMatchers(HttpMethod.PUT, "/api/admin/supervision/knowledge/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/supervision/knowledge", "/supervision/knowledge/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.GET, "/api/admin/supervision/knowledge", "/api/admin/supervision/knowledge/**",
                        "/supervision/knowledge", "/supervision/knowledge/**").hasAnyRole("ADMIN", "AUDITOR", "READONLY")
                .requestMatchers(HttpMethod.POST, "/api/admin/supervision/runs", "/supervision/runs").hasAnyRole("ADMIN", "AUDITOR")
                .requestMatchers(HttpMethod.POST, "/api/admin/supervision/cases", "/api/admin/supervision/cases/**", "/supervision/cases",
                        "/supervision/cases/**", "/api/admin/supervision/warnings/*/dismiss", "/supervision/warnings/*/dismiss").hasRole("AUDITOR")
                // R-XR-4: prepaid-fund top-ups, issuing and confirming statements between regions (ledger postings): administrators only.
                .requestMatchers(HttpMethod.POST, "/api/admin/xr-clearing/**", "/xr-clearing/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(STAFF)
                .requestMatchers(HttpMethod.HEAD, "/api/**").hasAnyRole(STAFF)
                .requestMatchers("/api/**").hasAnyRole(WRITERS)
                .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(STAFF)
                .requestMatchers(HttpMethod.HEAD, "/**").hasAnyRole(STAFF)
                .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                .anyRequest().hasAnyRole(WRITERS))
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
            .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
            .httpBasic(basic -> basic.realmName("Yibao"))
            .exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api))
            // A Basic-authenticated call carries no session cookie a third-party page could ride on.
            .csrf(csrf -> csrf.ignoringRequestMatchers(basicAuthHeader));
        return http.build();
    }
}
