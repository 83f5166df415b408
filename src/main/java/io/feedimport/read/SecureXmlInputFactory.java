package io.feedimport.read;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import io.feedimport.feed.XmlLimits;
import org.codehaus.stax2.XMLInputFactory2;

/**
 * The only way feedimport creates an XML parser. Woodstox resolves DTDs and external entities by default,
 * which lets a feed read local files (XXE) or expand entities exponentially (billion laughs): both are off here,
 * and element depth, attribute count and sizes are bounded by the feed's limits.
 */
public final class SecureXmlInputFactory {

    private SecureXmlInputFactory() {
    }

    public static XMLInputFactory2 create(XmlLimits limits) {
        WstxInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // the record reader compares element names by reference
        factory.setProperty(XMLInputFactory2.P_INTERN_NAMES, true);
        factory.setProperty(XMLInputFactory.RESOLVER, (javax.xml.stream.XMLResolver) (publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entity '" + systemId + "' refused: feeds may not reference external resources");
        });
        factory.setProperty(WstxInputProperties.P_LAZY_PARSING, false);
        factory.setProperty(WstxInputProperties.P_INPUT_BUFFER_LENGTH, 64 * 1024);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 10_000);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 2);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.maxDepth());
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, limits.maxAttributes());
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, limits.maxTextLength());
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, limits.maxAttributeSize());
        return factory;
    }
}
