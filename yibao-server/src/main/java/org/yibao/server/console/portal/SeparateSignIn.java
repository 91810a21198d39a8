package org.yibao.server.console.portal;

import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * What the portals' security chains share (the insured portal {@code /portal/**}, the institution portal
 * {@code /inst-portal/**}): a form sign-in against the portal's own users, kept under the portal's own
 * session key (so a sign-in to one chain is invisible to every other chain), its own saved request, its
 * own login page as the entry point, and CSRF tokens on every form (Spring's default, kept on).
 */
public final class SeparateSignIn {

    private SeparateSignIn() {}

    /**
     * Configures {@code http} for the portal under {@code prefix} (e.g. {@code /portal}): login page
     * {@code prefix/login}, home {@code prefix}, logout {@code prefix/logout}; the caller adds its
     * authorisation rules.
     *
     * @param sessionKey prefix of the session attributes (security context, saved request)
     * @param usernameParameter the login form's field holding the user name
     */
    public static HttpSecurity configure(HttpSecurity http, String prefix, String sessionKey, String usernameParameter,
                                         UserDetailsService users, PasswordEncoder encoder) throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(sessionKey + "_SECURITY_CONTEXT");
        HttpSessionRequestCache requests = new HttpSessionRequestCache();
        requests.setSessionAttrName(sessionKey + "_SAVED_REQUEST");
        requests.setMatchingRequestParameterName(null);
        return http
            .securityMatcher(prefix + "/**")
            .authenticationManager(new ProviderManager(provider))
            .securityContext(c -> c.securityContextRepository(contexts))
            .requestCache(c -> c.requestCache(requests))
            .formLogin(form -> form.loginPage(prefix + "/login").usernameParameter(usernameParameter)
                .defaultSuccessUrl(prefix, false).failureUrl(prefix + "/login?error").permitAll())
            .logout(logout -> logout.logoutUrl(prefix + "/logout").logoutSuccessUrl(prefix + "/login?logout"))
            .exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(prefix + "/login")));
    }
}
