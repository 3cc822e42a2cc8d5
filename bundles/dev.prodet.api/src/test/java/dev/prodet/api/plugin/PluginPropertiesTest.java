package dev.prodet.api.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PluginPropertiesTest {

    @Test
    void keys() {
        assertEquals("prodet.regularizer.name", PluginProperties.nameKey("regularizer"));
        assertEquals("prodet.generator.version", PluginProperties.versionKey("generator"));
        assertEquals("prodet.backbone.description", PluginProperties.descriptionKey("backbone"));
        assertEquals("regularizer.target", PluginProperties.targetKey("regularizer"));
    }

    @Test
    void targetFilterSelectsByName() {
        assertEquals("(prodet.regularizer.name=opr-tb)", PluginProperties.targetFilter("regularizer", "opr-tb"));
    }

    @Test
    void targetFilterEscapesLdapSpecialCharacters() {
        assertEquals(
                "(prodet.generator.name=a\\*b\\(c\\)d\\\\e)", PluginProperties.targetFilter("generator", "a*b(c)d\\e"));
    }

    @Test
    void targetFilterRefusesEmptyNamesAndBadKinds() {
        assertThrows(IllegalArgumentException.class, () -> PluginProperties.targetFilter("generator", " "));
        assertThrows(IllegalArgumentException.class, () -> PluginProperties.targetFilter("generator", null));
        assertThrows(IllegalArgumentException.class, () -> PluginProperties.targetFilter("Generator", "sbi"));
        assertThrows(IllegalArgumentException.class, () -> PluginProperties.targetFilter("gen.erator", "sbi"));
        assertThrows(IllegalArgumentException.class, () -> PluginProperties.checkKind(null));
    }

    @Test
    void kindOfNameKey() {
        assertEquals("regularizer", PluginProperties.kindOfNameKey("prodet.regularizer.name"));
        assertEquals("facedetector", PluginProperties.kindOfNameKey("prodet.facedetector.name"));
        assertNull(PluginProperties.kindOfNameKey("prodet.regularizer.version"));
        assertNull(PluginProperties.kindOfNameKey("prodet.name"));
        assertNull(PluginProperties.kindOfNameKey("service.ranking"));
        assertNull(PluginProperties.kindOfNameKey("xprodet.regularizer.name"));
    }

    @Test
    void everyWellKnownKindIsAValidKind() {
        for (String kind : PluginKinds.ALL) {
            assertEquals(kind, PluginProperties.kindOfNameKey(PluginProperties.nameKey(kind)));
        }
    }
}
