package dev.prodet.face.internal.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.io.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetLocatorTest {

    @TempDir
    Path dir;

    @Test
    void missingModelNamesThePathAndTheFetchScript() {
        MissingAssetException e = assertThrows(
                MissingAssetException.class, () -> AssetLocator.of(dir).require(Asset.BLAZEFACE_FRONT));
        assertTrue(
                e.getMessage()
                        .contains(dir.resolve(Asset.BLAZEFACE_FRONT.relativePath())
                                .toString()),
                e.getMessage());
        assertTrue(e.getMessage().contains("scripts/fetch-assets.sh"), e.getMessage());
    }

    @Test
    void corruptModelIsRefusedWithBothChecksums() throws Exception {
        Path p = dir.resolve(Asset.FACE_LANDMARK.relativePath());
        Files.createDirectories(p.getParent());
        Files.writeString(p, "not a model");
        MissingAssetException e = assertThrows(
                MissingAssetException.class, () -> AssetLocator.of(dir).require(Asset.FACE_LANDMARK));
        assertTrue(e.getMessage().contains(Asset.FACE_LANDMARK.sha256()), e.getMessage());
        assertTrue(e.getMessage().contains(Sha256.of(p)), e.getMessage());
    }

    @Test
    void assetsDirPropertyWinsOverHome() {
        Map<String, String> props =
                Map.of(AssetLocator.ASSETS_DIR_PROPERTY, "/a/b", AssetLocator.HOME_PROPERTY, "/home/p");
        assertEquals(Path.of("/a/b"), AssetLocator.fromProperties(props::get).dir());
        assertEquals(
                Path.of("/home/p/assets"),
                AssetLocator.fromProperties(Map.of(AssetLocator.HOME_PROPERTY, "/home/p")::get)
                        .dir());
    }

    @Test
    void aDistributionsOwnAssetsFolderWinsOverTheHomeCache() throws Exception {
        Path install =
                Files.createDirectories(dir.resolve("prodet-edge/assets")).getParent();
        AssetLocator l =
                AssetLocator.fromProperties(Map.of(AssetLocator.DISTRIBUTION_HOME_PROPERTY, install.toString())::get);
        assertEquals(install.resolve("assets"), l.dir());
        MissingAssetException e = assertThrows(MissingAssetException.class, () -> l.require(Asset.FACE_LANDMARK));
        assertTrue(e.getMessage().contains(AssetLocator.REINSTALL_HINT), e.getMessage());
        assertEquals(
                Path.of("/a/b"),
                AssetLocator.fromProperties(Map.of(
                                AssetLocator.DISTRIBUTION_HOME_PROPERTY,
                                install.toString(),
                                AssetLocator.ASSETS_DIR_PROPERTY,
                                "/a/b")::get)
                        .dir(),
                "an explicit assets folder still wins");
    }

    @Test
    void aDistributionWithoutAssetsLeavesTheLookupToTheCache() {
        AssetLocator l =
                AssetLocator.fromProperties(Map.of(AssetLocator.DISTRIBUTION_HOME_PROPERTY, dir.toString())::get);
        assertTrue(!l.dir().equals(dir.resolve("assets")), l.dir().toString());
    }

    @Test
    void fetchedModelsMatchTheirPinnedChecksums() {
        TestAssets.assumeModels();
        for (Asset a : Asset.ALL) {
            assertEquals(TestAssets.locator().pathOf(a), TestAssets.locator().require(a));
        }
    }
}
