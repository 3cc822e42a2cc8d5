package dev.prodet.api.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ProdetHomeTest {
    private static UnaryOperator<String> map(Map<String, String> m) {
        return m::get;
    }

    private static final UnaryOperator<String> NONE = k -> null;

    @Test
    void propertyWinsOverEnvironment() {
        ProdetHome.Location l =
                ProdetHome.home(map(Map.of("prodet.home", "/p")), map(Map.of("PRODET_HOME", "/e", "HOME", "/h")));
        assertEquals(Path.of("/p"), l.dir());
        assertEquals("property prodet.home", l.origin());
    }

    @Test
    void prodetHomeVariableWinsOverHome() {
        assertEquals(
                Path.of("/e"),
                ProdetHome.home(NONE, map(Map.of("PRODET_HOME", "/e", "HOME", "/h")))
                        .dir());
    }

    @Test
    void homeVariableNotUserHomeGivesTheDefault() {
        // the shell that fetched the assets saw HOME; Java's user.home may be another folder (containers, sudo)
        ProdetHome.Location l = ProdetHome.home(NONE, map(Map.of("HOME", "/tmp/empty-home")));
        assertEquals(Path.of("/tmp/empty-home/.cache/prodet"), l.dir());
    }

    @Test
    void blankValuesAreNotSet() {
        assertEquals(
                Path.of("/h/.cache/prodet"),
                ProdetHome.home(map(Map.of("prodet.home", " ")), map(Map.of("PRODET_HOME", "", "HOME", "/h")))
                        .dir());
    }

    @Test
    void withoutHomeFallsBackToUserHome() {
        assertEquals(
                Path.of(System.getProperty("user.home"), ".cache", "prodet"),
                ProdetHome.home(NONE, NONE).dir());
    }

    @Test
    void assetsFolderIsUnderHomeUnlessNamed() {
        assertEquals(
                Path.of("/e/assets"),
                ProdetHome.assets(NONE, map(Map.of("PRODET_HOME", "/e"))).dir());
        ProdetHome.Location named =
                ProdetHome.assets(map(Map.of("prodet.assets.dir", "/a")), map(Map.of("PRODET_HOME", "/e")));
        assertEquals(Path.of("/a"), named.dir());
        assertEquals("property prodet.assets.dir", named.origin());
    }

    @Test
    void locationNeedsBothFields() {
        assertThrows(IllegalArgumentException.class, () -> new ProdetHome.Location(null, "x"));
    }
}
