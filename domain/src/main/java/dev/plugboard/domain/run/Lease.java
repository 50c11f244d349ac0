package dev.plugboard.domain.run;

import dev.plugboard.domain.error.Require;

import java.time.Instant;

/**
 * An executor's or external worker's time-limited claim on a processing run. While it renews the
 * lease nobody else touches the run; once the lease expires the reaper gives the run back.
 */
public record Lease(String holder, Instant expiresAt) {

    public Lease {
        holder = Require.length("lease holder", Require.nonBlank("lease holder", holder), 1, 200);
        Require.present("lease expiry", expiresAt);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
