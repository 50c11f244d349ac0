package dev.plugboard.adapter.outbound;

import dev.plugboard.application.spi.OutboundHttp;
import dev.plugboard.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The allow list's grammar, the limits' checks, and the embedding default. */
class OutboundPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"not a host", "10.0.0.0/33", "http://x", "a_b.example", "1.2.3.4.5"})
    void aBadAllowEntry_isRefusedNamingIt(String entry) {
        assertThatThrownBy(() -> OutboundPolicy.defaults().withAllow("localhost, " + entry))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("plugboard.outbound.allow")
                .hasMessageContaining(entry)
                .hasMessageContaining("CIDR");
    }

    @Test
    void theAllowList_takesBlocksAddressesAndNames() throws Exception {
        AllowList allow = AllowList.parse(" 10.0.0.0/8 ,fd00::/8, 127.0.0.1, [::1], Hooks.Internal. ,");

        assertThat(allow.allowsAddress(InternalRanges.of(InetAddress.getByName("10.9.8.7")))).isTrue();
        assertThat(allow.allowsAddress(InternalRanges.of(InetAddress.getByName("fd00::5")))).isTrue();
        assertThat(allow.allowsAddress(InternalRanges.of(InetAddress.getByName("127.0.0.1")))).isTrue();
        assertThat(allow.allowsAddress(InternalRanges.of(InetAddress.getByName("::1")))).isTrue();
        assertThat(allow.allowsAddress(InternalRanges.of(InetAddress.getByName("127.0.0.2")))).isFalse();
        assertThat(allow.allowsAddress(InternalRanges.of(InetAddress.getByName("192.168.0.1")))).isFalse();
        assertThat(allow.allowsName("hooks.internal")).isTrue();
        assertThat(allow.allowsName("evil.hooks.internal")).isFalse();
        assertThat(AllowList.parse("  ").isEmpty()).isTrue();
    }

    @Test
    void limitsOutOfRange_areRefused() {
        assertThatThrownBy(() -> OutboundPolicy.defaults().withMaxRedirects(21))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("plugboard.outbound.max-redirects");
        assertThatThrownBy(() -> OutboundPolicy.defaults().withMaxResponseBytes(0))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("plugboard.outbound.max-response-bytes");
    }

    @Test
    void anEmbeddingApplication_findsTheGuardedClientOnTheClassPath() {
        assertThat(ServiceLoader.load(OutboundHttp.class).findFirst()).get().isInstanceOf(GuardedOutboundHttp.class);
    }
}
