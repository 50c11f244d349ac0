package dev.plugboard.adapter.rest.http;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

/**
 * Hooks into the Netty server: remembers each listening socket (for {@link ListeningAddresses})
 * puts {@link GzipOnlyEncoding} in front of Micronaut's handler on every connection, and {@link LingeringClose}
 * first in it.
 */
@Factory
@Requires(beans = NettyHttpServerConfiguration.class)
class NettyHygiene {

    @Singleton
    ListeningAddresses listeningAddresses() {
        return new ListeningAddresses();
    }

    @Singleton
    BeanCreatedEventListener<NettyServerCustomizer.Registry> registerCustomizer(ListeningAddresses addresses) {
        return (BeanCreatedEvent<NettyServerCustomizer.Registry> event) -> {
            event.getBean().register(new Customizer(addresses, null));
            return event.getBean();
        };
    }

    private record Customizer(ListeningAddresses addresses, Channel channel) implements NettyServerCustomizer {

        private static final GzipOnlyEncoding GZIP_ONLY = new GzipOnlyEncoding();

        @Override
        public NettyServerCustomizer specializeForChannel(Channel specialized, ChannelRole role) {
            if (role == ChannelRole.LISTENER) {
                addresses.add(specialized);
                return this;
            }
            return new Customizer(addresses, specialized);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(GzipOnlyEncoding.NAME) == null && pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null) {
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, GzipOnlyEncoding.NAME, GZIP_ONLY);
            }
            if (pipeline.get(LingeringClose.NAME) == null) {
                pipeline.addFirst(LingeringClose.NAME, new LingeringClose());
            }
        }
    }
}
