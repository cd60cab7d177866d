package org.surveillanceoversight.common.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One keyset page: the items, the limit used, and the cursors of the next and previous pages. */
public record Page<T>(List<T> data, int limit,
                      @Schema(description = "Pass as `cursor` to get the next page; null on the last page")
                      String nextCursor,
                      @Schema(description = "Pass as `cursor` to get the previous page; null on the first page")
                      String prevCursor) {
}
