package dev.prodet.train.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IntraOpThreadsTest {

    @Test
    void zeroLeavesHalfTheCoresToTheDataWorkers() {
        assertEquals(1, IntraOpThreads.of(0, 1));
        assertEquals(1, IntraOpThreads.of(0, 2));
        assertEquals(1, IntraOpThreads.of(0, 3));
        assertEquals(4, IntraOpThreads.of(0, 8));
    }

    @Test
    void aConfiguredCountIsKept() {
        assertEquals(2, IntraOpThreads.of(2, 2));
        assertEquals(3, IntraOpThreads.of(3, 64));
    }
}
