package org.surveillanceoversight.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One keyset page: the items, the limit used, and the cursor of the next page (null on the last). */
public record Page<T>(List<T> data, int limit,
                      @Schema(description = "Pass as `cursor` to get the next page; null on the last page")
                      String nextCursor) {
}
