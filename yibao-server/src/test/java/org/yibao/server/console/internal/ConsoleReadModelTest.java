package org.yibao.server.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Limits and privacy rules of the console's read models, without a database. */
class ConsoleReadModelTest {

    @Test
    void listsShowOnlyTheRegionAndTheLastFourCharactersOfACertificateNumber() {
        assertThat(Privacy.maskCertno("990100198103150126")).isEqualTo("990100********0126");
        assertThat(Privacy.maskCertno("99010019810315012X")).isEqualTo("990100********012X");
        assertThat(Privacy.maskCertno("12345")).isEqualTo("*****");
    }

    @Test
    void noRequestCanAskForAnUnboundedPage() {
        assertThat(new Paging(1, 1_000_000).size()).isEqualTo(Paging.MAX_SIZE);
        assertThat(new Paging(-3, 0)).isEqualTo(new Paging(1, Paging.DEFAULT_SIZE));
        assertThat(new Paging(1_000_000, 20).page()).isEqualTo(Paging.MAX_PAGE);
        assertThat(new Paging(3, 20).offset()).isEqualTo(40);
    }

    @Test
    void typedWildcardsAreMatchedLiterallyAndLongInputIsCut() {
        assertThat(Search.prefixPattern("50%_off")).isEqualTo("50\\%\\_off%");
        assertThat(Search.containsPattern("   ")).isNull();
        assertThat(Search.clean("x".repeat(200))).hasSize(Search.MAX_LENGTH);
    }
}
