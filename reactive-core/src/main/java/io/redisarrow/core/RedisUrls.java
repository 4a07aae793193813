package io.redisarrow.core;

import io.lettuce.core.RedisURI;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Parses and checks Redis URLs so that a mistake is reported with the expected form, not as a
 * parser's internal complaint.
 */
final class RedisUrls {

    static final String FORM = "redis://[[user]:password@]host[:port][/database][?timeout=30s] or rediss://... for TLS";

    private RedisUrls() {
    }

    static RedisURI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url must not be empty; expected " + FORM);
        }
        URI syntax;
        try {
            syntax = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url must be " + FORM + "; '" + redact(url) + "' is malformed: "
                    + e.getReason(), e);
        }
        String scheme = syntax.getScheme();
        if (scheme == null || !(scheme.equals("redis") || scheme.equals("rediss"))) {
            throw new IllegalArgumentException("url must start with redis:// or rediss:// (" + FORM + "), got '"
                    + redact(url) + "'");
        }
        if (syntax.getHost() == null || syntax.getHost().isEmpty()) {
            throw new IllegalArgumentException("url must name a host (" + FORM + "), got '" + redact(url) + "'");
        }
        try {
            return RedisURI.create(url.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("url must be " + FORM + "; '" + redact(url) + "' is invalid: "
                    + e.getMessage(), e);
        }
    }

    static boolean hasTimeout(RedisURI uri) {
        return !uri.getTimeout().equals(RedisURI.DEFAULT_TIMEOUT_DURATION);
    }

    /** Hides the password of a URL for messages. */
    static String redact(String url) {
        int at = url.lastIndexOf('@');
        int scheme = url.indexOf("://");
        if (at < 0 || scheme < 0 || at < scheme) {
            return url;
        }
        String userInfo = url.substring(scheme + 3, at);
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? "" : userInfo.substring(0, colon);
        return url.substring(0, scheme + 3) + user + ":***" + url.substring(at);
    }
}
