package org.yibao.server.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a {@link StartupRefusal} as what is wrong and what to do (registered in {@code META-INF/spring.factories}). */
public class StartupRefusalFailureAnalyzer extends AbstractFailureAnalyzer<StartupRefusal> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefusal cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
