package dev.plugboard.adapter.outbound;

import dev.plugboard.application.spi.OutboundBlockedException;
import dev.plugboard.application.spi.OutboundHttp;
import dev.plugboard.application.spi.PluginFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The guard against real requests to a server on 127.0.0.1: what it refuses, what the allow list opens, and its limits. */
class GuardedOutboundHttpTest {

    private LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static OutboundHttp.Response get(GuardedOutboundHttp client, String url) throws Exception {
        return client.send(new OutboundHttp.Request("GET", URI.create(url), Map.of(), null, Duration.ofSeconds(5), true));
    }

    private static GuardedOutboundHttp guarded(String allow) {
        return new GuardedOutboundHttp(OutboundPolicy.defaults().withAllow(allow));
    }

    private String local(String host, String path) {
        return "http://" + host + ":" + server.port() + path;
    }

    @Test
    void givenNoAllowList_aLoopbackAddress_isRefusedNamingIt() {
        try (GuardedOutboundHttp client = guarded("")) {
            assertThatThrownBy(() -> get(client, local("127.0.0.1", "/ok")))
                    .isInstanceOfSatisfying(OutboundBlockedException.class, refused -> {
                        assertThat(refused.code()).isEqualTo("OUTBOUND_BLOCKED");
                        assertThat(refused.retryable()).isFalse();
                        assertThat(refused.getMessage()).isEqualTo("outbound request to 127.0.0.1 (loopback) refused;"
                                + " allow it with PLUGBOARD_OUTBOUND_ALLOW");
                    });
        }
        assertThat(server.seen).isEmpty();
    }

    @Test
    void givenNoAllowList_theIpv6Loopback_isRefused() {
        try (GuardedOutboundHttp client = guarded("")) {
            assertThatThrownBy(() -> get(client, local("[::1]", "/ok")))
                    .isInstanceOf(OutboundBlockedException.class)
                    .hasMessageContaining("::1").hasMessageContaining("loopback");
        }
    }

    @Test
    void theCloudMetadataAddress_isRefusedBeforeAnyConnection() throws IOException {
        // A literal is judged before OkHttp is called; behind that, the socket itself refuses before connecting.
        try (GuardedOutboundHttp client = guarded("")) {
            assertThatThrownBy(() -> get(client, "http://169.254.169.254/latest/meta-data/"))
                    .isInstanceOf(OutboundBlockedException.class)
                    .hasMessage("outbound request to 169.254.169.254 (link-local) refused; allow it with PLUGBOARD_OUTBOUND_ALLOW");
        }
        Socket socket = new GuardedSocketFactory(new AddressGuard(AllowList.parse(""))).createSocket();
        assertThatThrownBy(() -> socket.connect(new InetSocketAddress(InetAddress.getByName("169.254.169.254"), 80), 5_000))
                .isInstanceOf(RefusedAddressException.class);
        assertThat(socket.isConnected()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "2130706433", "0.0.0.0", "[::]", "[fd00::1]",
            "10.0.0.1", "192.168.1.1", "172.16.5.4", "100.64.0.1", "224.0.0.1"})
    void otherSpellingsOfInternalAddresses_areRefused(String host) {
        try (GuardedOutboundHttp client = guarded("")) {
            assertThatThrownBy(() -> get(client, local(host, "/ok")))
                    .isInstanceOf(OutboundBlockedException.class)
                    .hasMessageContaining("refused");
        }
        assertThat(server.seen).isEmpty();
    }

    @Test
    void aNameThatResolvesToLoopback_isRefused() {
        try (GuardedOutboundHttp client = guarded("")) {
            assertThatThrownBy(() -> get(client, local("localhost", "/ok")))
                    .isInstanceOf(OutboundBlockedException.class)
                    .hasMessage("outbound request to localhost refused: it resolves to a loopback address;"
                            + " allow it with PLUGBOARD_OUTBOUND_ALLOW");
        }
        assertThat(server.seen).isEmpty();
    }

    @Test
    void givenTheAllowList_loopbackByAddressOrName_isReached() throws Exception {
        try (GuardedOutboundHttp byCidr = guarded("127.0.0.0/8"); GuardedOutboundHttp byName = guarded("localhost")) {
            assertThat(get(byCidr, local("127.0.0.1", "/ok")).bodyText()).isEqualTo("hello");
            assertThat(get(byName, local("localhost", "/ok")).bodyText()).isEqualTo("hello");
            // Allowing a name does not allow its address written as a literal.
            assertThatThrownBy(() -> get(byName, local("127.0.0.1", "/ok"))).isInstanceOf(OutboundBlockedException.class);
        }
        assertThat(server.seen).containsExactly("/ok", "/ok");
    }

    @Test
    void givenTheAllowList_theIpv6LoopbackAndMetadataAddress_areAllowed() throws Exception {
        // The test server listens on 127.0.0.1 only: an allowed attempt ends in a network error (or, where the
        // sandbox hands ::1 to IPv4 listeners, in the server's answer), never in a refusal.
        try (GuardedOutboundHttp client = guarded("::1")) {
            Throwable ipv6 = catchThrowable(() -> get(client, local("[::1]", "/ok")));
            assertThat(ipv6 == null || ipv6 instanceof IOException && !(ipv6 instanceof OutboundBlockedException))
                    .as("allowed [::1] is attempted: %s", ipv6).isTrue();
        }
        // The metadata address is checked without sending anything to it: a test must not talk to a real one.
        AddressGuard guard = new AddressGuard(AllowList.parse("169.254.169.254/32"));
        assertThatCode(() -> guard.check("169.254.169.254", InetAddress.getByName("169.254.169.254"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check("169.254.170.2", InetAddress.getByName("169.254.170.2")))
                .isInstanceOf(RefusedAddressException.class);
    }

    @Test
    void aRedirectFromAnAllowedServerToLoopback_isRefused_andFollowedOnceAllowed() throws Exception {
        String toLoopback = local("localhost", "/redirect?to=" + URLEncoder.encode(local("127.0.0.1", "/final"), StandardCharsets.UTF_8));
        try (GuardedOutboundHttp onlyTheFirstHop = guarded("localhost")) {
            assertThatThrownBy(() -> get(onlyTheFirstHop, toLoopback))
                    .isInstanceOf(OutboundBlockedException.class)
                    .hasMessageContaining("127.0.0.1 (loopback) refused");
        }
        assertThat(server.seen).containsExactly("/redirect");

        try (GuardedOutboundHttp both = guarded("localhost, 127.0.0.1/32")) {
            OutboundHttp.Response response = get(both, toLoopback);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo("hello");
        }
        assertThat(server.seen).containsExactly("/redirect", "/redirect", "/final");
    }

    @Test
    void redirectsAreNotFollowedUnlessAsked_andOnlyABoundedNumberOfTimes() throws Exception {
        try (GuardedOutboundHttp client = new GuardedOutboundHttp(OutboundPolicy.defaults().withAllow("127.0.0.1").withMaxRedirects(3))) {
            OutboundHttp.Response unfollowed = client.send(new OutboundHttp.Request("GET", URI.create(local("127.0.0.1", "/loop")),
                    Map.of(), null, null, false));
            assertThat(unfollowed.status()).isEqualTo(302);
            assertThat(unfollowed.headers().get("location")).containsExactly("/loop");

            assertThatThrownBy(() -> get(client, local("127.0.0.1", "/loop")))
                    .isInstanceOfSatisfying(PluginFailure.class, failure -> {
                        assertThat(failure.code()).isEqualTo("OUTBOUND_TOO_MANY_REDIRECTS");
                        assertThat(failure.getMessage()).contains("more than 3 times");
                    });
        }
        assertThat(server.seen).hasSize(1 + 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/big", "/stream"})
    void aResponseOverTheSizeLimit_failsTheRequest(String path) throws Exception {
        try (GuardedOutboundHttp client = new GuardedOutboundHttp(OutboundPolicy.defaults().withAllow("127.0.0.1")
                .withMaxResponseBytes(1000))) {
            assertThat(get(client, local("127.0.0.1", path + "?n=1000")).body()).hasSize(1000);
            assertThatThrownBy(() -> get(client, local("127.0.0.1", path + "?n=5000000")))
                    .isInstanceOfSatisfying(PluginFailure.class, failure -> {
                        assertThat(failure.code()).isEqualTo("OUTBOUND_RESPONSE_TOO_LARGE");
                        assertThat(failure.retryable()).isFalse();
                        assertThat(failure.getMessage()).contains("1000 bytes", "plugboard.outbound.max-response-bytes");
                    });
        }
    }

    @Test
    void aServerThatDoesNotAnswerInTime_endsInATimeout() {
        try (GuardedOutboundHttp client = guarded("127.0.0.1")) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.send(new OutboundHttp.Request("GET", URI.create(local("127.0.0.1", "/slow")),
                    Map.of(), null, Duration.ofMillis(500), false)))
                    .isInstanceOf(InterruptedIOException.class);
            // Far below the 30 s the server waits: the request's own timeout ended it.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        }
        assertThat(server.seen).containsExactly("/slow");
    }

    @Test
    void anInterruptedCaller_abortsTheRequestAtOnce() throws Exception {
        try (GuardedOutboundHttp client = guarded("127.0.0.1")) {
            Thread caller = Thread.currentThread();
            Thread interrupter = new Thread(() -> {
                while (server.seen.isEmpty()) {
                    Thread.onSpinWait();
                }
                caller.interrupt();
            });
            interrupter.start();
            assertThatThrownBy(() -> client.send(new OutboundHttp.Request("GET", URI.create(local("127.0.0.1", "/slow")),
                    Map.of(), null, Duration.ofSeconds(60), false)))
                    .isInstanceOf(InterruptedException.class);
            interrupter.join();
        } finally {
            Thread.interrupted();
        }
    }
}
