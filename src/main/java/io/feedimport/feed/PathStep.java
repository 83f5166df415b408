package io.feedimport.feed;

/**
 * One step of an element path. Without a namespace it matches by local name whatever the namespace,
 * because ERP exports change their default namespace between versions more often than their element names.
 */
public record PathStep(String namespaceUri, String prefix, String localName, boolean attribute) {

    public boolean matches(String elementNamespace, String elementLocalName) {
        if (!localName.equals(elementLocalName)) {
            return false;
        }
        return namespaceUri == null || namespaceUri.equals(elementNamespace == null ? "" : elementNamespace);
    }

    @Override
    public String toString() {
        return (attribute ? "@" : "") + (prefix == null ? "" : prefix + ":") + localName;
    }
}
