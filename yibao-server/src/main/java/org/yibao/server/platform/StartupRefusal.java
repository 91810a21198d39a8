package org.yibao.server.platform;

/**
 * The platform cannot start as configured, for a reason an operator can put right: the data directory is in use by
 * another platform, the database is used by another platform process, the data directory was made by another version
 * of PostgreSQL. Spring Boot prints it as "APPLICATION FAILED TO START" with its description and what to do
 * ({@link StartupRefusalFailureAnalyzer}) instead of a stack trace.
 */
public class StartupRefusal extends IllegalStateException {

    private final String description;
    private final String action;

    /**
     * @param description what is wrong, naming the directory, database or process concerned
     * @param action      what the operator can do about it
     */
    public StartupRefusal(String description, String action, Throwable cause) {
        super(description + " " + action, cause);
        this.description = description;
        this.action = action;
    }

    public String description() {
        return description;
    }

    public String action() {
        return action;
    }
}
