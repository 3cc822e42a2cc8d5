package dev.prodet.forgery.blend.testing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the Declarative Services descriptor that bnd generates for a component class
 * ({@code OSGI-INF/<class>.xml}, present in {@code target/classes} when the module runs the {@code bnd-process}
 * goal), so tests can check the service properties a plugin is registered with.
 *
 * @param properties property name to its string value, in declaration order
 * @param types property name to its declared type ({@code String} when absent)
 * @param services the provided interface names
 */
public record ComponentDescriptor(Map<String, String> properties, Map<String, String> types, List<String> services) {

    /** Loads and parses the descriptor of {@code component}; fails with a clear message when it is missing. */
    public static ComponentDescriptor of(Class<?> component) {
        String path = "OSGI-INF/" + component.getName() + ".xml";
        try (InputStream in = component.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError(path + " not on the test class path: the module must run bnd-maven-plugin's "
                        + "bnd-process goal so that the DS descriptor lands in target/classes");
            }
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(in);
            Map<String, String> props = new LinkedHashMap<>();
            Map<String, String> types = new LinkedHashMap<>();
            NodeList nodes = doc.getElementsByTagName("property");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                props.put(e.getAttribute("name"), e.getAttribute("value"));
                types.put(e.getAttribute("name"), e.hasAttribute("type") ? e.getAttribute("type") : "String");
            }
            List<String> services = new ArrayList<>();
            NodeList provides = doc.getElementsByTagName("provide");
            for (int i = 0; i < provides.getLength(); i++) {
                services.add(((Element) provides.item(i)).getAttribute("interface"));
            }
            return new ComponentDescriptor(props, types, services);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("cannot read " + path + ": " + e, e);
        }
    }
}
