package org.surveillanceoversight.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.surveillanceoversight.common.query.QueryParams;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The change feed: revisions by ID. Writers append under one advisory lock (see History), so IDs
 * are in commit order and a client that continues from its cursor never misses a revision.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeFeed {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final String PREFIX = "h1|";

    @Inject
    RevisionLog revisions;

    public ChangeResource.ChangePage page(long after, List<String> types, int limit) {
        List<RevisionLog.RevisionView> data = revisions.after(after, types, limit);
        long last = data.isEmpty() ? after : data.get(data.size() - 1).id();
        return new ChangeResource.ChangePage(data, limit, encode(last));
    }

    static String encode(long lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** The last revision ID the client has seen (0 without a cursor), or an error recorded on params. */
    static long decode(QueryParams params, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long id = Long.parseLong(text.substring(PREFIX.length()));
                if (id >= 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        params.error("since", "is not a cursor from this feed; use next_cursor from a page");
        return 0;
    }
}
