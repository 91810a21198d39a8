package org.yibao.server.policy;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start (R-REF-4): installs the shipped policy files where the data directory has none, serves
 * the stored active versions, then loads the files (a refused file leaves its previous version in force).
 */
@Component
@Order(5)
class PolicyFilesAtStart implements ApplicationRunner {

    private final PolicyLibrary library;

    PolicyFilesAtStart(PolicyLibrary library) {
        this.library = library;
    }

    @Override
    public void run(ApplicationArguments args) {
        library.installShippedFiles();
        library.warmUp();
        library.reloadFiles();
    }
}
