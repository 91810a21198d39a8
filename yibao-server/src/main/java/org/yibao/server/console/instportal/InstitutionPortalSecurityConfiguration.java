package org.yibao.server.console.instportal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.yibao.server.console.portal.SeparateSignIn;
import org.yibao.server.institution.InstitutionRole;
import org.yibao.server.institution.InstitutionUsers;

/**
 * The institution portal's own security chain for {@code /inst-portal/**} (not {@code /inst/**}, the
 * signed institution API): institution users (roles {@code INST_ADMIN}, {@code INST_STAFF}) sign in on
 * {@code /inst-portal/login} with their user name and password; a session with CSRF tokens on every
 * form, under its own session key, so the sign-in is invisible to the staff chain and the insured
 * portal, and theirs invisible here. Only institution users are looked up: staff and insured persons
 * cannot sign in. The users page is INST_ADMIN only.
 */
@Configuration(proxyBeanMethods = false)
class InstitutionPortalSecurityConfiguration {

    static final String PREFIX = "/inst-portal";
    static final String SESSION_KEY = "YIBAO_INST_PORTAL";

    @Bean
    @Order(2)
    SecurityFilterChain institutionPortalChain(HttpSecurity http, InstitutionUsers users, PasswordEncoder encoder) throws Exception {
        // The principal's name is the user name; the institution is read from the user on every request, never from it.
        UserDetailsService institutionUsers = username -> users.login(username)
                .map(login -> User.withUsername(login.user().username()).password(login.passwordHash())
                        .roles(login.user().role().name()).disabled(!login.user().enabled()).build())
                .orElseThrow(() -> new UsernameNotFoundException("unknown institution user"));
        SeparateSignIn.configure(http, PREFIX, SESSION_KEY, "username", institutionUsers, encoder)
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(PREFIX + "/login").permitAll()
                .requestMatchers(PREFIX + "/users", PREFIX + "/users/**").hasRole(InstitutionRole.INST_ADMIN.name())
                .anyRequest().hasAnyRole(InstitutionRole.INST_ADMIN.name(), InstitutionRole.INST_STAFF.name()));
        return http.build();
    }
}
