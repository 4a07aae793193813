package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * TLS for {@code rediss://} on a read's channel, checking the peer exactly as Lettuce checks the
 * shared connection: {@code verifyPeer=NONE} trusts any certificate; {@code CA} checks that a
 * trusted CA (the JVM's default trust store) signed the certificate but not the host name;
 * {@code FULL} (the default) checks both. One context serves every channel of a session, so TLS
 * sessions can be resumed.
 */
final class Tls {

    private Tls() {
    }

    /**
     * @param uri the URL, with its verify mode
     * @param address {@code host:port}, for messages
     * @return the client context
     */
    static SslContext context(RedisURI uri, String address) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient();
            if (uri.getVerifyMode() == SslVerifyMode.NONE) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            }
            return builder.build();
        } catch (SSLException e) {
            throw new RedisConnectionException("cannot set up TLS for " + address + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param context the session's context
     * @param alloc the channel's allocator
     * @param uri the URL: host, port and verify mode
     * @return the handler for a new channel
     */
    static SslHandler handler(SslContext context, ByteBufAllocator alloc, RedisURI uri) {
        SslHandler handler = context.newHandler(alloc, uri.getHost(), uri.getPort());
        SSLEngine engine = handler.engine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm(uri.getVerifyMode() == SslVerifyMode.FULL ? "HTTPS" : "");
        engine.setSSLParameters(parameters);
        return handler;
    }
}
