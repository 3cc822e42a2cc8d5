package dev.prodet.api.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A Declarative Services descriptor as bnd generates it for a component class ({@code OSGI-INF/<class>.xml}, in
 * {@code target/classes} when the module runs the {@code bnd-process} goal, and in the bundle jar), so tests can
 * check the service properties a plugin is registered with and find every plugin of a kind.
 *
 * @param implementation the component's implementation class name
 * @param properties property name to its string value, in declaration order
 * @param types property name to its declared type ({@code String} when absent)
 * @param services the provided interface names
 */
public record ComponentDescriptor(
        String implementation, Map<String, String> properties, Map<String, String> types, List<String> services) {

    /** Loads and parses the descriptor of {@code component}; fails with a clear message when it is missing. */
    public static ComponentDescriptor of(Class<?> component) {
        String path = "OSGI-INF/" + component.getName() + ".xml";
        URL url = component.getClassLoader().getResource(path);
        if (url == null) {
            throw new AssertionError(path + " not on the test class path: the module must run bnd-maven-plugin's "
                    + "bnd-process goal so that the DS descriptor lands in target/classes");
        }
        return read(url);
    }

    /** Parses the descriptor at {@code url}. */
    public static ComponentDescriptor read(URL url) {
        try (InputStream in = url.openStream()) {
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
            NodeList impl = doc.getElementsByTagName("implementation");
            String implementation = impl.getLength() == 0 ? "" : ((Element) impl.item(0)).getAttribute("class");
            return new ComponentDescriptor(implementation, props, types, services);
        } catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new AssertionError("cannot read the component descriptor " + url + ": " + e, e);
        }
    }
}
