package dev.plugboard.adapter.rest.http;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.HttpCompressionStrategy;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import jakarta.inject.Singleton;

/**
 * Lets the framework's compression treat {@code application/yaml} (the OpenAPI document, state
 * exports) as the text it is: Micronaut compresses only the types it knows as text, and would send
 * those hundreds of kilobytes uncompressed. Its own threshold and level still decide.
 */
@Singleton
final class YamlCompression implements BeanCreatedEventListener<HttpCompressionStrategy> {

    @Override
    public HttpCompressionStrategy onCreated(BeanCreatedEvent<HttpCompressionStrategy> event) {
        return new YamlAsText(event.getBean());
    }

    private record YamlAsText(HttpCompressionStrategy framework) implements HttpCompressionStrategy {

        @Override
        public boolean shouldCompress(HttpResponse response) {
            String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
            if (type == null || !type.startsWith("application/yaml")) {
                return framework.shouldCompress(response);
            }
            return framework.shouldCompress(new DefaultHttpResponse(response.protocolVersion(), response.status(),
                    response.headers().copy().set(HttpHeaderNames.CONTENT_TYPE, "text/yaml")));
        }

        @Override
        public boolean isEnabled() {
            return framework.isEnabled();
        }

        @Override
        public int getCompressionLevel() {
            return framework.getCompressionLevel();
        }

        @Override
        public int getMaxZstdEncodeSize() {
            return framework.getMaxZstdEncodeSize();
        }
    }
}
