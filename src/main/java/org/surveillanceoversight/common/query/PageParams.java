package org.surveillanceoversight.common.query;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging parameters every list takes, declared once. */
public class PageParams {

    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 500 (default 50)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "Opaque cursor from the previous response's `next_cursor` or `prev_cursor`")
    public String cursor;

    /** The page size, or a field error recorded on params. */
    public int limit(QueryParams params) {
        return PageResponse.limit(params, limit);
    }
}
