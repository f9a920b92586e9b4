package com.quotebus.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {
    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(Spelling.distance("acess", "access")).isEqualTo(1);
        assertThat(Spelling.distance("prot", "port")).isEqualTo(2);
        assertThat(Spelling.distance("--perod", "--period")).isEqualTo(1);
        assertThat(Spelling.distance("qoute", "quote")).isEqualTo(2);
        assertThat(Spelling.distance("", "abc")).isEqualTo(3);
        assertThat(Spelling.distance("abc", "")).isEqualTo(3);
        assertThat(Spelling.distance("same", "same")).isZero();
    }

    @Test
    void theNearestCandidateWithinTheBoundIsNamedAndTiesGoToTheAlphabeticallyFirst() {
        List<String> names = List.of("quote", "kline", "ticks", "trades");
        assertThat(Spelling.nearest("qoute", names, 2, x -> x)).isEqualTo("quote");
        assertThat(Spelling.nearest("zzzzzz", names, 2, x -> x)).isNull();
        assertThat(Spelling.nearest("tick", List.of("ticks", "tickx"), 1, x -> x)).isEqualTo("ticks");
        assertThat(Spelling.nearest("QUOTE", names, 0, String::toLowerCase)).isEqualTo("quote");
    }
}
