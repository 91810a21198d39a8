package org.yibao.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.TestUsers;

/** API clients always get problem+json; a person in a browser gets a page, never raw JSON or a stack trace. */
@IntegrationTest
class ErrorModelTest {

    @Autowired
    TestUsers users;

    @Test
    void unknownApiPathIsA404Problem() {
        var reply = users.admin().get("/api/admin/no-such-thing");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void wrongMethodAndMalformedJsonAreProblems() {
        var wrongMethod = users.admin().delete("/api/admin/users");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");

        var malformed = users.admin().send("POST", "/api/admin/users", "{\"username\": ", "application/json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    @Test
    void unknownConsolePageInABrowserIsAnHtmlPage() {
        var reply = users.admin().sendAccepting("GET", "/no-such-page", "text/html");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("text/html");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\"status\"");
    }
}
