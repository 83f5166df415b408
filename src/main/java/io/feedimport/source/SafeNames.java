package io.feedimport.source;

/** Which remote file names may be touched at all: none that could reach outside the drop folder. */
final class SafeNames {

    private SafeNames() {
    }

    static boolean safe(String name) {
        if (name.isEmpty() || name.equals(".") || name.contains("..") || name.contains("/") || name.contains("\\")) {
            return false;
        }
        return name.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
