package dev.plugboard.adapter.outbound;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses count as internal, and of what kind, in both IP versions and in the IPv6 forms of IPv4 ones. */
class InternalRangesTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback", "127.255.0.9, loopback", "::1, loopback",
            "169.254.169.254, link-local", "fe80::1, link-local",
            "10.1.2.3, private", "172.16.0.1, private", "172.31.255.254, private", "192.168.0.10, private",
            "100.64.0.1, carrier-grade NAT", "100.127.255.255, carrier-grade NAT",
            "fc00::1, unique-local", "fd12:3456::1, unique-local",
            "224.0.0.1, multicast", "239.255.255.250, multicast", "ff02::1, multicast",
            "0.0.0.0, unspecified", "::, unspecified",
            "255.255.255.255, reserved",
            "::ffff:127.0.0.1, loopback", "::ffff:a9fe:a9fe, link-local", "::7f00:1, loopback",
            "64:ff9b::a00:1, private", "2002:7f00:1::, loopback", "2002:a9fe:a9fe::1, link-local"
    })
    void internalAddresses_haveTheirKind(String address, String kind) throws Exception {
        assertThat(InternalRanges.kindOf(InetAddress.getByName(address))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "93.184.215.14",
            "2606:4700:4700::1111", "::ffff:8.8.8.8", "2002:808:808::1"})
    void publicAddresses_areNotInternal(String address) throws Exception {
        assertThat(InternalRanges.kindOf(InetAddress.getByName(address))).isEmpty();
    }
}
