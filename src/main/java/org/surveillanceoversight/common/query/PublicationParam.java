package org.surveillanceoversight.common.query;

import java.util.List;

/**
 * The `publication` list parameter: lists show published records; a client asks for retracted
 * ones with publication=retracted (or published,retracted). Drafts are never listed.
 */
public final class PublicationParam {

    public static final String NAME = "publication";
    public static final String DESCRIPTION = "published (default) or retracted; repeatable. Retracted records say "
            + "when, by whom and why";

    private PublicationParam() {
    }

    public static List<String> from(QueryParams params) {
        List<String> given = params.oneOf(NAME, List.of("published", "retracted"));
        return given.isEmpty() ? List.of("published") : given;
    }
}
