package org.surveillanceoversight.common.http;

import org.surveillanceoversight.common.records.Sha256;
/**
 * A strong ETag computed from a representation's bytes, for records whose representation shows
 * more than their own row (counts, findings): any change to what is shown changes the tag.
 */
public final class ContentTag {

    private ContentTag() {
    }

    public static String of(String json) {
        return "\"s" + Sha256.hex(json).substring(0, 24) + "\"";
    }
}
