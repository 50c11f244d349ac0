package dev.plugboard.adapter.outbound;

import dev.plugboard.domain.error.InvalidValueException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv6.IPv6Address;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operator's exceptions to the outbound guard ({@code PLUGBOARD_OUTBOUND_ALLOW}): CIDR blocks
 * or single addresses, and host names, whose every address is then allowed.
 */
final class AllowList {

    private static final Pattern HOST_NAME = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");

    private final List<IPAddress> blocks;
    private final Set<String> names;

    private AllowList(List<IPAddress> blocks, Set<String> names) {
        this.blocks = List.copyOf(blocks);
        this.names = Set.copyOf(names);
    }

    /** Parses a comma-separated list; blank means nothing is allowed beyond the public internet. */
    static AllowList parse(String commaSeparated) {
        List<IPAddress> blocks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String raw : (commaSeparated == null ? "" : commaSeparated).split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            IPAddressString address = new IPAddressString(entry.startsWith("[") && entry.contains("]")
                    ? entry.replace("[", "").replace("]", "") : entry);
            if (address.isIPAddress()) {
                IPAddress parsed = address.getAddress();
                blocks.add(parsed.isPrefixed() ? parsed.toPrefixBlock() : parsed);
            } else if (HOST_NAME.matcher(entry).matches() && !entry.matches("[0-9./:]+")) {
                names.add(normalise(entry));
            } else {
                throw new InvalidValueException(OutboundPolicy.ALLOW, entry,
                        "each entry must be a CIDR block (10.0.0.0/8, fd00::/8), an IP address or a host name");
            }
        }
        return new AllowList(blocks, names);
    }

    boolean allowsName(String host) {
        return host != null && names.contains(normalise(host));
    }

    boolean allowsAddress(IPAddress address) {
        IPAddress plain = address.withoutPrefixLength();
        IPAddress v4 = plain.isIPv6() && ((IPv6Address) plain).isIPv4Mapped() ? plain.toIPv4() : null;
        for (IPAddress block : blocks) {
            if (block.contains(plain) || v4 != null && block.contains(v4)) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return blocks.isEmpty() && names.isEmpty();
    }

    private static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
