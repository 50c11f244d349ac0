package dev.plugboard.adapter.outbound;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressNetwork;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv6.IPv6Address;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The address ranges no plugin may reach unless the operator allows them: whatever is not on
 * the public internet (loopback, link-local with the cloud metadata service, private, carrier-grade
 * NAT, unique-local, multicast, unspecified, reserved), including IPv4 addresses wrapped in IPv6.
 */
final class InternalRanges {

    private record Range(IPAddress block, String kind) {
    }

    private static final IPAddressNetwork.IPAddressGenerator ADDRESSES = new IPAddressNetwork.IPAddressGenerator();

    private static final List<Range> RANGES = List.of(
            range("0.0.0.0/8", "unspecified"),
            range("10.0.0.0/8", "private"),
            range("100.64.0.0/10", "carrier-grade NAT"),
            range("127.0.0.0/8", "loopback"),
            range("169.254.0.0/16", "link-local"),
            range("172.16.0.0/12", "private"),
            range("192.0.0.0/24", "IETF protocol assignments"),
            range("192.0.2.0/24", "documentation"),
            range("192.168.0.0/16", "private"),
            range("192.88.99.0/24", "6to4 relay anycast"),
            range("168.63.129.16/32", "cloud platform endpoint (Azure WireServer)"),
            range("198.18.0.0/15", "benchmarking"),
            range("198.51.100.0/24", "documentation"),
            range("203.0.113.0/24", "documentation"),
            range("224.0.0.0/4", "multicast"),
            range("240.0.0.0/4", "reserved"),
            range("::/128", "unspecified"),
            range("::1/128", "loopback"),
            range("64:ff9b:1::/48", "private"),
            range("100::/64", "discard-only"),
            range("2001::/32", "Teredo tunnel"),
            range("2001:db8::/32", "documentation"),
            range("fc00::/7", "unique-local"),
            range("fe80::/10", "link-local"),
            range("fec0::/10", "site-local"),
            range("ff00::/8", "multicast"));

    private InternalRanges() {
    }

    private static Range range(String cidr, String kind) {
        return new Range(new IPAddressString(cidr).getAddress().toPrefixBlock(), kind);
    }

    /** What kind of internal address this is, or empty for a public one. */
    static Optional<String> kindOf(InetAddress address) {
        return kindOf(ADDRESSES.from(address));
    }

    static Optional<String> kindOf(IPAddress address) {
        IPAddress plain = address.withoutPrefixLength();
        for (Range range : RANGES) {
            if (range.block().contains(plain)) {
                return Optional.of(range.kind());
            }
        }
        if (plain.isIPv6()) {
            // An IPv4 address inside an IPv6 one reaches the IPv4 host: judge that host.
            IPv6Address v6 = plain.toIPv6();
            if (v6.isIPv4Mapped() || v6.isIPv4Compatible() || v6.isWellKnownIPv4Translatable()) {
                return kindOf(v6.getEmbeddedIPv4Address());
            }
            if (v6.is6To4()) {
                return kindOf(v6.get6To4IPv4Address());
            }
        }
        return Optional.empty();
    }

    /** The address as an {@link IPAddress}, for the allow list. */
    static IPAddress of(InetAddress address) {
        return ADDRESSES.from(address);
    }
}
