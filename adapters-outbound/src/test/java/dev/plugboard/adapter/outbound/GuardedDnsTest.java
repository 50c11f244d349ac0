package dev.plugboard.adapter.outbound;

import okhttp3.Dns;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guarded resolver over a scripted DNS: all-or-nothing answers, and exactly the addresses it checked. */
class GuardedDnsTest {

    private static InetAddress address(String name, String ip) throws Exception {
        return InetAddress.getByAddress(name, InetAddress.getByName(ip).getAddress());
    }

    @Test
    void aNameWithOneInternalAddressAmongPublicOnes_isRefused() throws Exception {
        Dns mixed = host -> {
            try {
                return List.of(address(host, "93.184.215.14"), address(host, "10.0.0.7"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        GuardedDns dns = new GuardedDns(new AddressGuard(AllowList.parse("")), mixed);

        assertThatThrownBy(() -> dns.lookup("hooks.example.test"))
                .isInstanceOf(RefusedAddressException.class)
                .hasMessage("outbound request to hooks.example.test refused: it resolves to a private address;"
                        + " allow it with PLUGBOARD_OUTBOUND_ALLOW");
    }

    @Test
    void aRebindingName_isJudgedOnEachAnswer_andOnlyCheckedAddressesAreReturned() throws Exception {
        // First a public answer, then loopback: the answer that is returned is the one that was checked.
        AtomicInteger lookups = new AtomicInteger();
        Dns rebinding = host -> {
            try {
                return List.of(address(host, lookups.getAndIncrement() == 0 ? "93.184.215.14" : "127.0.0.1"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        GuardedDns dns = new GuardedDns(new AddressGuard(AllowList.parse("")), rebinding);

        assertThat(dns.lookup("rebind.example.test")).extracting(InetAddress::getHostAddress).containsExactly("93.184.215.14");
        assertThatThrownBy(() -> dns.lookup("rebind.example.test")).isInstanceOf(RefusedAddressException.class);
    }
}
